/**
 * R12.2 giving each listed person their directed voucher (定向券), one person per transaction:
 * the voucher, its slot, the yearly count, the quota, the ledger entry, the counters, the message
 * and the person's outcome commit together or not at all (claimInTx, the claim's own rules). A
 * person decided once is never decided again: a re-run answers the stored outcome.
 *
 * The job moves on a part (250 people) at a time under a lease, within a time budget: on the
 * embedded store a part's transactions are issued together and share one group commit; on
 * CloudBase they run one after another (concurrent ones would conflict on the county's chain).
 */
import { chinaDateOf, parseDate } from '../../core/china-date';
import { DIRECTED_PENDING_REASON, forOfficial, reasonGroupOf } from '../../core/directed';
import { eligibilityOf } from '../../core/eligibility';
import { isDomainError } from '../../core/errors';
import { dedupeKey } from '../../core/reminders';
import type { Tx } from '../../store/port';
import type { IdNumberDoc, PersonDoc } from '../account';
import type { Actor } from '../books/ledger';
import { type VoucherTypeDoc, voucherTypeIn } from '../catalogue';
import type { Deps } from '../kernel/deps';
import { enqueue } from '../message';
import { claimInTx } from './claim';
import {
  type DirectedCounts,
  type DirectedEntry,
  type DirectedJobDoc,
  type DirectedLineDoc,
  type DirectedPartDoc,
  type DirectedPendingDoc,
  addCounts,
  directedLineId,
  directedPartId,
  directedRequestKey,
} from './directed-documents';
import { voucherIdOf } from './records';

/** What giving a listed person their voucher needs. */
export interface IssueFacts {
  job: Pick<DirectedJobDoc, '_id' | 'countyCode' | 'type'>;
  /** The official who issued the list: the ledger's actor, also when a person registers later. */
  actor: Actor;
  countyName: string;
  now: Date;
}

export type Decision = Pick<DirectedLineDoc, 'status' | 'code' | 'message' | 'personId' | 'voucherId'>;

/** The official of a job, as the ledger names them. */
export const jobActor = (job: Pick<DirectedJobDoc, 'createdBy'>): Actor => ({ openid: job.createdBy, role: 'official' });

/**
 * R12.2 a registered person: from the job's county (else NOT_IN_REGION), then every claim rule in
 * the claim's order (D10: eligible, no unused voucher of the type, 3 a year, the county quota).
 * Given: the voucher as a claim writes it (counted `directed`) and the `voucherDirected` message.
 */
export async function giveTo(tx: Tx, f: IssueFacts, person: PersonDoc): Promise<Decision> {
  if (person.countyCode !== f.job.countyCode) {
    return { status: 'refused', code: 'NOT_IN_REGION', message: `户籍在${f.countyName}以外，不能从${f.countyName}的名额发放`, personId: person._id, voucherId: null };
  }
  try {
    const voucher = await claimInTx(tx, {
      person,
      typeCode: f.job.type,
      now: f.now,
      actor: f.actor,
      id: voucherIdOf(directedRequestKey(f.job._id, person.idHash)),
      requestId: `directed:${f.job._id}`,
      directed: { listId: f.job._id },
    });
    const input = { typeName: voucher.typeName, countyName: f.countyName, expiresAt: new Date(voucher.expiresAt) };
    await enqueue(tx, dedupeKey('voucherDirected', voucher._id, chinaDateOf(f.now)), person.openid, 'voucherDirected', input, f.now);
    return { status: 'issued', code: null, message: null, personId: person._id, voucherId: voucher._id };
  } catch (e) {
    if (!isDomainError(e)) throw e;
    return { status: 'refused', code: e.code, message: forOfficial(e.message), personId: person._id, voucherId: null };
  }
}

/**
 * Not registered: refused now when the birth date already rules the person out (D10: eligibility
 * first; nobody registers with an employer), else kept waiting for them to register (D50).
 */
async function awaitRegistration(tx: Tx, f: IssueFacts, e: DirectedEntry, type: VoucherTypeDoc): Promise<Decision> {
  const eligibility = eligibilityOf({ birthDate: parseDate(e.birthDate)!, hasCurrentEmployer: false }, type, f.now);
  if (!eligibility.eligible) {
    return { status: 'refused', code: 'NOT_ELIGIBLE', message: forOfficial(eligibility.reasons[0].message), personId: null, voucherId: null };
  }
  const waiting = await tx.get<DirectedPendingDoc>('directedPending', e.hash);
  await tx.set<DirectedPendingDoc>('directedPending', e.hash, { lists: [...(waiting?.lists ?? []).filter((l) => l !== f.job._id), f.job._id] });
  return { status: 'pending', code: null, message: DIRECTED_PENDING_REASON, personId: null, voucherId: null };
}

/** One listed person in one transaction; decided once (a re-run answers the stored outcome, writing nothing). */
async function decideEntry(deps: Deps, f: IssueFacts, type: VoucherTypeDoc, part: number, e: DirectedEntry): Promise<DirectedLineDoc> {
  return deps.store.transaction(async (tx) => {
    const id = directedLineId(f.job._id, e.hash);
    const existing = await tx.get<DirectedLineDoc>('directedLines', id);
    if (existing) return existing;
    const account = await tx.get<IdNumberDoc>('idNumbers', e.hash);
    const person = account ? await tx.get<PersonDoc>('persons', account.personId) : null;
    const decision = person ? await giveTo(tx, f, person) : await awaitRegistration(tx, f, e, type);
    const line: DirectedLineDoc = {
      _id: id,
      listId: f.job._id,
      countyCode: f.job.countyCode,
      part,
      line: e.line,
      masked: e.masked,
      idHash: e.hash,
      ...decision,
      decidedAt: f.now.toISOString(),
    };
    const { _id, ...data } = line;
    await tx.create<DirectedLineDoc>('directedLines', id, data);
    return line;
  });
}

/** The counts a set of outcomes adds to the job. */
export function countsOf(lines: readonly Pick<DirectedLineDoc, 'status' | 'code'>[]): DirectedCounts {
  const counts: DirectedCounts = { issued: 0, pending: 0 };
  for (const l of lines) {
    const key = l.status === 'issued' ? 'issued' : (reasonGroupOf(l.status, l.code) ?? 'other');
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

/** A part's people: all at once where they share a group commit, else one by one until the budget is spent (null: cut short). */
async function decidePart(deps: Deps, f: IssueFacts, type: VoucherTypeDoc, part: DirectedPartDoc, deadline: number): Promise<DirectedLineDoc[] | null> {
  if (deps.store.groupCommit) return Promise.all(part.entries.map((e) => decideEntry(deps, f, type, part.index, e)));
  const out: DirectedLineDoc[] = [];
  for (const e of part.entries) {
    if (deps.clock.now().getTime() >= deadline) return null;
    out.push(await decideEntry(deps, f, type, part.index, e));
  }
  return out;
}

/** Leases the job for `ms` unless someone else holds it; answers the job, or null when it is done or held. */
async function lease(deps: Deps, listId: string, ms: number): Promise<DirectedJobDoc | null> {
  return deps.store.transaction(async (tx) => {
    const job = await tx.get<DirectedJobDoc>('directedJobs', listId);
    const now = deps.clock.now();
    if (!job || job.status === 'done' || (job.leaseUntil && job.leaseUntil > now.toISOString())) return null;
    const leaseUntil = new Date(now.getTime() + ms).toISOString();
    await tx.update('directedJobs', listId, { set: { leaseUntil } });
    return { ...job, leaseUntil };
  });
}

/** Counts a finished part into the job (once: a part another run already counted is left alone). */
async function countPart(deps: Deps, listId: string, index: number, lines: readonly DirectedLineDoc[]): Promise<DirectedJobDoc> {
  return deps.store.transaction(async (tx) => {
    const job = (await tx.get<DirectedJobDoc>('directedJobs', listId))!;
    if (job.done !== index) return job;
    // A pending person may have registered meanwhile (directed-register.ts leaves uncounted parts to this).
    const current = await Promise.all(lines.map(async (l) => (l.status === 'pending' ? ((await tx.get<DirectedLineDoc>('directedLines', l._id)) ?? l) : l)));
    const done = index + 1;
    const finished = done >= job.parts;
    const set = {
      counts: addCounts(job.counts, countsOf(current)),
      done,
      status: finished ? ('done' as const) : ('running' as const),
      finishedAt: finished ? deps.clock.now().toISOString() : null,
      leaseUntil: finished ? null : job.leaseUntil,
    };
    await tx.update('directedJobs', listId, { set });
    return { ...job, ...set };
  });
}

/**
 * Moves a directed job on for about `budgetMs`: part after part, each person decided in their
 * own transaction, the part counted into the job once all its people are. Safe to call again
 * at any point (a part cut short is taken up where it stopped).
 */
export async function advanceDirected(deps: Deps, listId: string, budgetMs: number): Promise<void> {
  const deadline = deps.clock.now().getTime() + budgetMs;
  let job = await lease(deps, listId, budgetMs + 30_000);
  if (!job) return;
  const type = await voucherTypeIn(deps.store, job.type);
  const actor = jobActor(job);
  const countyName = deps.regions.ref(job.countyCode).name;
  while (job.status !== 'done' && deps.clock.now().getTime() < deadline) {
    const part = (await deps.store.get<DirectedPartDoc>('directedChunks', directedPartId(listId, job.done)))!;
    const lines = await decidePart(deps, { job, actor, countyName, now: deps.clock.now() }, type, part, deadline);
    if (!lines) break;
    job = await countPart(deps, listId, part.index, lines);
  }
  if (job.status !== 'done') await deps.store.transaction((tx) => tx.update('directedJobs', listId, { set: { leaseUntil: null } }));
}
