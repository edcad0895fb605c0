/**
 * R12.2 directed vouchers (定向券): an official of a county — or of a city or province, for a
 * county in it (R1.2) — issues vouchers of a type to a named list from that county's quota. The
 * list (read by the officials' console, official/directed-input.ts) is checked before anything
 * is written (bad input: its own code, nothing written); the issue is a job document whose id is made from the list, so the same list again
 * writes nothing new; each person is decided in their own transaction (directed-issue.ts); the
 * report lists every line not issued with its reason; people not yet registered get the voucher
 * when they register while the issue is open (directed-register.ts, D50).
 */
import type { DirectedJobView, DirectedReport, DirectedReportRow } from '../../contract';
import { chinaDateOf, formatDate } from '../../core/china-date';
import { DIRECTED_LAPSED_REASON, type ListLine, directedOpenUntil, isDirectedOpen, readList, reasonGroupOf } from '../../core/directed';
import { DomainError, isDomainError } from '../../core/errors';
import { and, isStoreError, where } from '../../store/port';
import { scan } from '../../store/scan';
import { idRegionOf } from '../account';
import { recordChange } from '../books/changes';
import { actorOf } from '../books/ledger';
import { voucherTypeIn } from '../catalogue';
import { officialRegion, requireRole } from '../kernel/authz';
import { requireOpenid } from '../kernel/caller';
import type { Caller, Deps } from '../kernel/deps';
import { countyPlace, inRegion } from '../kernel/place';
import {
  type DirectedEntry,
  type DirectedJobDoc,
  type DirectedLineDoc,
  type DirectedPartDoc,
  PART_SIZE,
  directedChange,
  directedPartId,
  jobView,
  listIdOf,
} from './directed-documents';
import { advanceDirected, countsOf } from './directed-issue';

/** A list as read from what the official gave (the officials' console reads text and workbooks: official/directed-input.ts). */
export interface DirectedList {
  countyCode: string;
  type: string;
  lines: ListLine[];
  fileName: string | null;
}

/** Writes the job: its parts first (idempotent), then the job and its ledger entry; false when it already existed. */
async function createJob(deps: Deps, job: DirectedJobDoc, parts: DirectedPartDoc[], caller: Caller): Promise<boolean> {
  for (const part of parts) {
    const { _id, ...data } = part;
    await deps.store.transaction((tx) => tx.set<DirectedPartDoc>('directedChunks', _id, data));
  }
  try {
    await deps.store.transaction(async (tx) => {
      const { _id, ...data } = job;
      await tx.create<DirectedJobDoc>('directedJobs', _id, data);
      await recordChange(tx, directedChange(job, 'created', new Date(job.createdAt), actorOf(caller, 'official')));
    });
    return true;
  } catch (e) {
    if (isStoreError(e, 'DUPLICATE')) return false;
    throw e;
  }
}

/** The list cut into parts of 250 entries (and the lines refused as read, spread the same way). */
function partsOf(listId: string, entries: DirectedEntry[], refused: DirectedPartDoc['refused']): DirectedPartDoc[] {
  const count = Math.max(1, Math.ceil(entries.length / PART_SIZE), Math.ceil(refused.length / PART_SIZE));
  return Array.from({ length: count }, (_, index) => ({
    _id: directedPartId(listId, index),
    listId,
    index,
    entries: entries.slice(index * PART_SIZE, (index + 1) * PART_SIZE),
    refused: refused.slice(index * PART_SIZE, (index + 1) * PART_SIZE),
  }));
}

/** R1.2 the county a list draws on, and the caller an official of it (or above). */
export async function directedCounty(deps: Deps, caller: Caller, countyCode: string) {
  const place = countyPlace(deps.regions, countyCode);
  await requireRole(deps, caller, 'official', place.countyCode);
  return place;
}

/**
 * R12.2 issues a list already read: every check on it first (the caller's region, the type, each
 * line), then the job, then as many people as `budgetMs` allows; a list that needs longer is
 * moved on by `directedJob`.
 */
export async function issueDirected(deps: Deps, caller: Caller, list: DirectedList, budgetMs: number): Promise<DirectedJobView> {
  const openid = requireOpenid(caller);
  const place = await directedCounty(deps, caller, list.countyCode);
  const type = await voucherTypeIn(deps.store, list.type);
  const now = deps.clock.now();
  const read = readList(list.lines, now, (code) => idRegionOf(code) !== null);
  const entries: DirectedEntry[] = read.entries.map((e) => ({ line: e.line, hash: deps.idVault.hash(e.number), masked: e.masked, birthDate: formatDate(e.birthDate) }));
  const year = chinaDateOf(now).year;
  const listId = listIdOf(place.countyCode, type.code, year, entries.map((e) => e.hash));
  let repeated = (await deps.store.get<DirectedJobDoc>('directedJobs', listId)) !== null;
  if (!repeated) {
    const parts = partsOf(listId, entries, read.refused);
    const job: DirectedJobDoc = {
      _id: listId,
      ...place,
      type: type.code,
      typeName: type.name,
      year,
      createdBy: openid,
      createdAt: now.toISOString(),
      fileName: list.fileName,
      lines: read.lines,
      entries: entries.length,
      parts: parts.length,
      done: 0,
      status: 'running',
      counts: countsOf(read.refused.map((r) => ({ status: 'refused' as const, code: r.code }))),
      openUntil: directedOpenUntil(now).toISOString(),
      closedAt: null,
      closedBy: null,
      leaseUntil: null,
      finishedAt: null,
    };
    repeated = !(await createJob(deps, job, parts, caller));
  }
  await advanceDirected(deps, listId, budgetMs);
  return jobView(deps, (await deps.store.get<DirectedJobDoc>('directedJobs', listId))!, deps.clock.now(), repeated);
}

/** A job the caller may see: an official over its county (anyone else: NOT_FOUND, an id reveals nothing). */
async function jobFor(deps: Deps, caller: Caller, listId: string): Promise<DirectedJobDoc> {
  const job = await deps.store.get<DirectedJobDoc>('directedJobs', listId);
  if (!job) throw new DomainError('NOT_FOUND');
  try {
    await requireRole(deps, caller, 'official', job.countyCode);
  } catch (e) {
    if (isDomainError(e) && e.code === 'FORBIDDEN') throw new DomainError('NOT_FOUND');
    throw e;
  }
  return job;
}

/** Every line not issued, by line: those refused as read (from the parts), then each person's outcome. */
async function reportRows(deps: Deps, job: DirectedJobDoc): Promise<DirectedReportRow[]> {
  const rows: DirectedReportRow[] = [];
  for (let i = 0; i < job.parts; i++) {
    const part = await deps.store.get<DirectedPartDoc>('directedChunks', directedPartId(job._id, i));
    for (const r of part?.refused ?? []) rows.push({ line: r.line, masked: r.masked, status: 'refused', group: reasonGroupOf('refused', r.code), reason: r.message });
  }
  const open = isDirectedOpen(job, deps.clock.now());
  const filter = and(where('listId', 'eq', job._id), where('status', 'in', ['pending', 'refused']));
  for await (const l of scan<DirectedLineDoc>(deps.store, 'directedLines', filter, { field: 'line' })) {
    if (l.status === 'issued') continue;
    const reason = l.status === 'pending' && !open ? DIRECTED_LAPSED_REASON : (l.message ?? '');
    rows.push({ line: l.line, masked: l.masked, status: l.status, group: reasonGroupOf(l.status, l.code), reason });
  }
  return rows.sort((a, b) => a.line - b.line);
}

/** The job and its report; an unfinished job is moved on for `budgetMs` first (the cloud has no background work). */
export async function directedJob(deps: Deps, caller: Caller, input: { listId: string }, budgetMs: number): Promise<DirectedReport> {
  let job = await jobFor(deps, caller, input.listId);
  if (job.status === 'running' && budgetMs > 0) {
    await advanceDirected(deps, job._id, budgetMs);
    job = (await deps.store.get<DirectedJobDoc>('directedJobs', job._id))!;
  }
  return { job: jobView(deps, job, deps.clock.now()), rows: await reportRows(deps, job) };
}

/** The directed issues of the official's region (or the one named in it), newest first. */
export async function directedJobs(deps: Deps, caller: Caller, input: { regionCode?: string }): Promise<DirectedJobView[]> {
  const { region } = await officialRegion(deps, caller, input.regionCode);
  const page = await deps.store.find<DirectedJobDoc>('directedJobs', inRegion(region), { orderBy: { field: 'createdAt', direction: 'desc' }, limit: 50 });
  const now = deps.clock.now();
  return page.items.map((j) => jobView(deps, j, now));
}

/** D50 closes an issue for people who register later (its vouchers already given stay); ledgered once. */
export async function closeDirected(deps: Deps, caller: Caller, input: { listId: string }): Promise<DirectedJobView> {
  const openid = requireOpenid(caller);
  await jobFor(deps, caller, input.listId);
  const job = await deps.store.transaction(async (tx) => {
    const j = (await tx.get<DirectedJobDoc>('directedJobs', input.listId))!;
    if (j.closedAt !== null) return j;
    const now = deps.clock.now();
    const closed = { ...j, closedAt: now.toISOString(), closedBy: openid };
    await tx.update('directedJobs', j._id, { set: { closedAt: closed.closedAt, closedBy: openid } });
    await recordChange(tx, directedChange(closed, 'closed', now, actorOf(caller, 'official')));
    return closed;
  });
  return jobView(deps, job, deps.clock.now());
}
