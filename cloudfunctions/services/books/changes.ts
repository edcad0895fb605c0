/**
 * One state change = one ledger entry + its counters (R9.1, R9.2), written in the caller's
 * transaction: they commit together with the change or not at all.
 *
 * Where writers conflict (CloudBase, PostgreSQL: D61) the entry is written as a queued change —
 * the entry and the counts it carries — and the county's sequencer gives it its place in the
 * hash chain and applies its counts right after the commit (./sequencer.ts). Where the store
 * runs one transaction at a time (SQLite) the entry is chained and counted in the change's own
 * transaction, as the sequencer would.
 */
import type { LedgerEventType } from '../../core/books';
import type { Tx } from '../../store/port';
import type { Place } from '../kernel/place';
import { type CounterBump, applyBumps } from './counters';
import { type Actor, type LedgerEntryDoc, appendLedgerBatch } from './ledger';

/** A field of a summary document moved by changes, folded with their counters (a quota's places used, R4.2; a class's enrolled, R5.2). */
export type Rollup = ({ collection: 'quotas'; field: 'used' } | { collection: 'classes'; field: 'enrolled' }) & { id: string; by: number };

export interface Change {
  place: Place;
  at: Date;
  type: LedgerEventType;
  subjects: Record<string, string>;
  actor: Actor;
  data: Record<string, unknown>;
  counters: readonly CounterBump[];
  rollups?: readonly Rollup[];
}

/** id = `{countyCode}:{at ms}:{random}`: a change whose entry waits for its place in the county's chain (D61). */
export type QueuedChangeDoc = {
  _id: string;
  countyCode: string;
  place: Place;
  /** The change's time (ISO): the entry's `at`, and the month its counters count in. */
  at: string;
  /** null: counts only (a count booked in another month than the change's own, D48, D26): no ledger entry of its own. */
  type: LedgerEventType | null;
  subjects: Record<string, string>;
  actor: Actor;
  data: Record<string, unknown>;
  counters: CounterBump[];
  rollups: Rollup[];
};

/** Counties whose queued changes a transaction wrote: set on the transactions of a sequenced store. */
const QUEUED = Symbol('books.queued');
type QueueingTx = Tx & { [QUEUED]?: Set<string> };

/** A transaction whose changes are queued for the sequencer; `counties` collects where. */
export function queueingTx(tx: Tx, counties: Set<string>): Tx {
  const queueing: QueueingTx = {
    get: (c, id) => tx.get(c, id),
    create: (c, id, data) => tx.create(c, id, data),
    set: (c, id, data) => tx.set(c, id, data),
    update: (c, id, spec) => tx.update(c, id, spec),
    remove: (c, id) => tx.remove(c, id),
    [QUEUED]: counties,
  };
  return queueing;
}

let queued = 0;
const queueId = (countyCode: string, at: Date) =>
  `${countyCode}:${String(at.getTime()).padStart(14, '0')}:${process.pid.toString(36)}${(queued++).toString(36)}${Math.random().toString(36).slice(2, 8)}`;

export function recordChange(tx: Tx, change: Change): Promise<void> {
  return record(tx, change);
}

/**
 * Counts that belong to a change but to another place or month than its own (a voucher's claim
 * month, a registration moved to a new household county): applied with the change's entry.
 */
export function recordCounts(tx: Tx, place: Place, at: Date, counters: readonly CounterBump[]): Promise<void> {
  return record(tx, { place, at, type: null, subjects: {}, actor: { openid: null, role: 'system' }, data: {}, counters });
}

async function record(tx: Tx, change: Omit<Change, 'type'> & { type: LedgerEventType | null }): Promise<void> {
  const doc: Omit<QueuedChangeDoc, '_id'> = {
    countyCode: change.place.countyCode,
    place: change.place,
    at: change.at.toISOString(),
    type: change.type,
    subjects: change.subjects,
    actor: change.actor,
    data: change.data,
    counters: [...change.counters],
    rollups: [...(change.rollups ?? [])],
  };
  const counties = (tx as QueueingTx)[QUEUED];
  if (!counties) {
    await chainChanges(tx, [{ _id: '', ...doc }]);
    return;
  }
  await tx.create<QueuedChangeDoc>('ledgerQueue', queueId(doc.countyCode, change.at), doc);
  counties.add(doc.countyCode);
}

/**
 * Gives changes their places in their counties' chains, in order, and applies their counters
 * and roll-ups: the sequencer's step, the inline books' and the dataset generator's.
 */
export async function chainChanges(tx: Tx, changes: readonly QueuedChangeDoc[]): Promise<LedgerEntryDoc[]> {
  const byCounty = new Map<string, QueuedChangeDoc[]>();
  for (const c of changes) {
    const list = byCounty.get(c.countyCode);
    if (list) list.push(c);
    else byCounty.set(c.countyCode, [c]);
  }
  const entries: LedgerEntryDoc[] = [];
  for (const [countyCode, list] of byCounty) {
    const body = list.flatMap(({ countyCode: county, type, subjects, actor, at, data }) => (type === null ? [] : [{ countyCode: county, type, subjects, actor, at, data }]));
    if (body.length > 0) entries.push(...(await appendLedgerBatch(tx, countyCode, body)));
  }
  await applyBumps(tx, changes.map((c) => ({ place: c.place, at: new Date(c.at), bumps: c.counters })));
  const rollups = new Map<string, Rollup>();
  for (const r of changes.flatMap((c) => c.rollups)) {
    const key = `${r.collection}/${r.id}/${r.field}`;
    const known = rollups.get(key);
    rollups.set(key, known ? { ...known, by: known.by + r.by } : { ...r });
  }
  for (const r of rollups.values()) if (r.by !== 0) await tx.update(r.collection, r.id, { inc: { [r.field]: r.by } });
  return entries;
}
