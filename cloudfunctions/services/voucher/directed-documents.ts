/**
 * R12.2 the documents of a directed issue (定向券) and their ids: the job (counts, progress,
 * open or closed), its parts (the list's keyed hashes and the lines refused as read), one outcome
 * per listed person, and the lists waiting for a person to register. An ID number is never kept:
 * only its keyed hash and its mask (R2.4).
 */
import { createHash } from 'node:crypto';
import type { DirectedJobView, DirectedReasonCount } from '../../contract';
import { REASON_GROUPS, REASON_NAMES, type ReasonGroup, isDirectedOpen } from '../../core/directed';
import type { ErrorCode } from '../../core/errors';
import type { Actor } from '../books/ledger';
import type { Change } from '../books/changes';
import type { Deps } from '../kernel/deps';
import { type Place, placeOf } from '../kernel/place';

/** Outcome counts: issued, pending, and each refusal group (`other` for a refusal of no group). */
export type DirectedCounts = { issued: number; pending: number } & Partial<Record<ReasonGroup | 'other', number>>;

export type DirectedJobDoc = Place & {
  _id: string;
  type: string;
  typeName: string;
  /** The China year of the issue: its vouchers count in that year's quota (D9). */
  year: number;
  createdBy: string;
  createdAt: string;
  fileName: string | null;
  /** Lines read, and the distinct well-formed numbers among them. */
  lines: number;
  entries: number;
  /** Parts of 250 entries; `done` parts have every person decided and counted. */
  parts: number;
  done: number;
  status: 'running' | 'done';
  counts: DirectedCounts;
  openUntil: string;
  closedAt: string | null;
  closedBy: string | null;
  /** Whoever moves the job on holds it until then (two polls never process one part twice at once). */
  leaseUntil: string | null;
  finishedAt: string | null;
};

/** A listed person's number as the job keeps it: keyed hash, mask, the line, the birth date (for age checks before registration). */
export type DirectedEntry = { line: number; hash: string; masked: string; birthDate: string };
export type DirectedRefusal = { line: number; masked: string; code: ErrorCode; message: string };

export type DirectedPartDoc = { _id: string; listId: string; index: number; entries: DirectedEntry[]; refused: DirectedRefusal[] };

export type DirectedLineDoc = {
  _id: string;
  listId: string;
  countyCode: string;
  /** The part it was read in: the job's counts include it once that part is done. */
  part: number;
  line: number;
  masked: string;
  idHash: string;
  status: 'issued' | 'pending' | 'refused';
  code: ErrorCode | null;
  message: string | null;
  personId: string | null;
  voucherId: string | null;
  decidedAt: string;
};

/** id = ID-number hash: the lists with a pending line for this person. */
export type DirectedPendingDoc = { _id: string; lists: string[] };

export const PART_SIZE = 250;

/**
 * R12.2 the same list is the same issue: the id is made from the county, the type, the year and
 * the set of its numbers' keyed hashes (order and repeats do not matter), so issuing it again
 * finds the job already there.
 */
export function listIdOf(countyCode: string, type: string, year: number, hashes: readonly string[]): string {
  const h = createHash('sha256').update(`${countyCode}|${type}|${year}|`);
  for (const x of [...new Set(hashes)].sort()) h.update(x).update(',');
  return `d${h.digest('hex').slice(0, 32)}`;
}

export const LIST_ID = /^d[0-9a-f]{32}$/;
export const directedPartId = (listId: string, index: number) => `${listId}:${index}`;
export const directedLineId = (listId: string, idHash: string) => `${listId}:${idHash}`;
/** The voucher id and request key of a listed person: one voucher per list and person, whatever re-runs. */
export const directedRequestKey = (listId: string, idHash: string) => `directed:${listId}:${idHash}`;

/** Adds outcome counts (`by` −1 takes one away). */
export function addCounts(a: DirectedCounts, b: DirectedCounts, by: 1 | -1 = 1): DirectedCounts {
  const out: DirectedCounts = { ...a };
  for (const [k, v] of Object.entries(b) as [keyof DirectedCounts, number][]) out[k] = (out[k] ?? 0) + by * v;
  return out;
}

export function jobView(deps: Deps, job: DirectedJobDoc, now: Date, repeated = false): DirectedJobView {
  const reasons: DirectedReasonCount[] = REASON_GROUPS.filter((g) => g !== 'pending' && (job.counts[g] ?? 0) > 0).map((group) => ({
    group,
    name: REASON_NAMES[group],
    count: job.counts[group] ?? 0,
  }));
  const refused = reasons.reduce((s, r) => s + r.count, 0) + (job.counts.other ?? 0);
  const decided = job.counts.issued + job.counts.pending + refused;
  return {
    listId: job._id,
    county: deps.regions.ref(job.countyCode),
    type: job.type,
    typeName: job.typeName,
    year: job.year,
    createdAt: job.createdAt,
    fileName: job.fileName,
    status: job.status,
    progress: job.status === 'done' ? 100 : job.lines === 0 ? 0 : Math.min(99, Math.floor((decided * 100) / job.lines)),
    lines: job.lines,
    issued: job.counts.issued,
    pending: job.counts.pending,
    refused,
    reasons,
    open: isDirectedOpen(job, now),
    openUntil: job.openUntil,
    closedAt: job.closedAt,
    repeated,
  };
}

/** R9.1 a directed issue made or closed, on the county's chain (its vouchers are ledgered one by one). */
export const directedChange = (job: DirectedJobDoc, event: 'created' | 'closed', at: Date, actor: Actor): Change => ({
  place: placeOf(job),
  at,
  type: event === 'created' ? 'directed.created' : 'directed.closed',
  subjects: { listId: job._id },
  actor,
  data: { type: job.type, year: job.year, lines: job.lines, entries: job.entries, ...(event === 'created' ? { refusedAsRead: job.lines - job.entries } : { counts: job.counts }) },
  counters: [],
});
