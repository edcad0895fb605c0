/**
 * R9.1 The ledger: append-only entries, one SHA-256 hash chain per county, written in the same
 * transaction as the change they record. Corrections are new entries, never edits.
 */
import { createHash } from 'node:crypto';
import type { LedgerEventType } from '../../core/books';
import { canonicalJson } from '../../core/canonical-json';
import type { Store, Tx } from '../../store/port';
import type { Caller } from '../kernel/deps';
import { where } from '../../store/port';
import { scan } from '../../store/scan';

export const GENESIS_HASH = '0'.repeat(64);

export interface Actor {
  openid: string | null;
  /** `proxy`: a relative acting for a laborer (R13.1); the laborer is then `onBehalfOf`. */
  role: 'laborer' | 'trainer' | 'official' | 'admin' | 'system' | 'proxy';
  onBehalfOf?: string;
}

/**
 * Who the ledger names for a caller's act (R9.1, R13.1): the caller in their role, or — when a
 * relative acts for the laborer — the relative as `proxy`, the laborer as `onBehalfOf`.
 */
export function actorOf(caller: Caller, role: Exclude<Actor['role'], 'proxy' | 'system'>): Actor {
  if (caller.proxy) return { openid: caller.proxy.openid, role: 'proxy', onBehalfOf: caller.openid ?? undefined };
  return { openid: caller.openid, role };
}

export interface LedgerEntryBody {
  countyCode: string;
  seq: number;
  /** From the catalogue (core/books.ts): `voucher.claimed`, `voucher.cancelled`, … */
  type: LedgerEventType;
  /** Ids of what the entry is about (voucherId, personId, …). */
  subjects: Record<string, string>;
  actor: Actor;
  /** Server time, set just before writing (ISO). */
  at: string;
  data: Record<string, unknown>;
  prevHash: string;
}

export type LedgerEntryDoc = LedgerEntryBody & { _id: string; hash: string };
export type LedgerHeadDoc = { _id: string; seq: number; hash: string; updatedAt: string };

export const ledgerId = (countyCode: string, seq: number): string => `${countyCode}:${String(seq).padStart(10, '0')}`;

/** hash = SHA-256(previous hash + canonical JSON of the entry without its hash). */
export function entryHash(body: LedgerEntryBody): string {
  return createHash('sha256').update(body.prevHash + canonicalJson(body), 'utf8').digest('hex');
}

export type NewLedgerEntry = Omit<LedgerEntryBody, 'seq' | 'prevHash'>;

/** Appends to the county's chain inside `tx`. */
export async function appendLedger(tx: Tx, entry: NewLedgerEntry): Promise<LedgerEntryDoc> {
  return (await appendLedgerBatch(tx, entry.countyCode, [entry]))[0];
}

/**
 * Appends entries of one county to its chain in order, reading and writing its head once (the
 * only ledger writer: the sequencer, the inline books and the dataset generator all come here).
 */
export async function appendLedgerBatch(tx: Tx, countyCode: string, entries: readonly NewLedgerEntry[]): Promise<LedgerEntryDoc[]> {
  const head = await tx.get<LedgerHeadDoc>('ledgerHeads', countyCode);
  let seq = head?.seq ?? 0;
  let prevHash = head?.hash ?? GENESIS_HASH;
  const out: LedgerEntryDoc[] = [];
  for (const entry of entries) {
    if (entry.countyCode !== countyCode) throw new Error(`ledger entry of ${entry.countyCode} in ${countyCode}'s batch`);
    const body: LedgerEntryBody = { ...entry, seq: seq + 1, prevHash };
    const hash = entryHash(body);
    const id = ledgerId(countyCode, body.seq);
    await tx.create<LedgerEntryDoc>('ledger', id, { ...body, hash });
    out.push({ _id: id, ...body, hash });
    seq = body.seq;
    prevHash = hash;
  }
  if (out.length > 0) await tx.set<LedgerHeadDoc>('ledgerHeads', countyCode, { seq, hash: prevHash, updatedAt: entries[entries.length - 1].at });
  return out;
}

export interface ChainReport {
  countyCode: string;
  entries: number;
  /** The first broken entry and why, or null when the chain verifies. */
  broken: { id: string; seq: number; reason: string } | null;
}

/** Recomputes one county's chain from its first entry, reading pages of ≤ 1000. */
export async function verifyChain(store: Store, countyCode: string): Promise<ChainReport> {
  const head = await store.get<LedgerHeadDoc>('ledgerHeads', countyCode);
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  for await (const e of scan<LedgerEntryDoc>(store, 'ledger', where('countyCode', 'eq', countyCode), { field: 'seq' })) {
    const fail = (reason: string): ChainReport => ({
      countyCode,
      entries: expectedSeq - 1,
      broken: { id: e._id, seq: e.seq, reason },
    });
    if (e.seq !== expectedSeq) return fail(`expected seq ${expectedSeq}, found ${e.seq} (entry missing)`);
    if (e.prevHash !== prevHash) return fail('prevHash does not match the previous entry');
    const { _id, hash, ...body } = e;
    if (entryHash(body) !== hash) return fail('hash does not match the entry (entry altered)');
    prevHash = hash;
    expectedSeq++;
  }
  const entries = expectedSeq - 1;
  if ((head?.seq ?? 0) !== entries || (head?.hash ?? GENESIS_HASH) !== prevHash) {
    return {
      countyCode,
      entries,
      broken: { id: ledgerId(countyCode, entries + 1), seq: entries + 1, reason: `head says seq ${head?.seq ?? 0}, chain ends at ${entries}` },
    };
  }
  return { countyCode, entries, broken: null };
}

/** Every county's chain (the heads list the counties). */
export async function verifyAllChains(store: Store): Promise<ChainReport[]> {
  const reports: ChainReport[] = [];
  for await (const head of scan<LedgerHeadDoc>(store, 'ledgerHeads')) reports.push(await verifyChain(store, head._id));
  return reports;
}
