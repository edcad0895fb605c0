/**
 * What every loading phase shares: the plan and which counties this thread loads, the in-memory
 * transaction the real ledger and counter writers run on (pre-loaded with the stored chain heads
 * and counters), the bulk sink, the ids given so far, and the documents still in flight — built
 * by a service builder and changed by later phases (transitions.ts) before they are written.
 */
import { composeIdNumber } from '../../../cloudfunctions/core/id-number';
import type { CredentialsDoc } from '../../../cloudfunctions/services/certificate';
import { type Change, recordChange } from '../../../cloudfunctions/services/books/changes';
import { bumpCounters } from '../../../cloudfunctions/services/books/counters';
import type { IdVault } from '../../../cloudfunctions/services/kernel/id-vault';
import type { Place } from '../../../cloudfunctions/services/kernel/place';
import type { InstitutionDoc } from '../../../cloudfunctions/services/institution';
import type { ClassDoc, EnrollmentDoc } from '../../../cloudfunctions/services/training';
import { type PersonYearDoc, type VoucherDoc, usedBump } from '../../../cloudfunctions/services/voucher';
import type { MemTx } from '../mem-tx';
import { CITY, type OccupationRow, PROVINCE, type PClass, type Plan, birthCal } from '../plan';
import { Rng } from '../rng';
import type { BulkSink } from './sink';
import type { HeldVoucher } from './transitions';

export interface LoaderContext {
  plan: Plan;
  seed: number;
  /** `[1/2] ` in a worker thread's log lines, empty when one thread loads everything. */
  tag: string;
  log: (line: string) => void;
  /** True for the counties (by plan index) this thread loads. */
  mine: (county: number) => boolean;
  tx: MemTx;
  sink: BulkSink;
  idVault: IdVault;
  /** Names, phones, keys, codes: this thread's own seeded generator. */
  rng: Rng;
  countyPlace: Place[];
  /** Person ids by plan index, ascending in registration order. */
  personIds: string[];
  /** Names by plan index, drawn at registration (this thread's people), for the enrollments that carry them (D64). */
  personNames: string[];
  /** Two per county (skills, agri), by plan county index × 2 (set up by the institutions phase). */
  institutions: InstitutionDoc[];
  occupation: Map<string, OccupationRow>;
  /** The employer each employment report names (null unless employed), drawn before registration. */
  reportEmployer: (string | null)[];
  /** The latest report of each person, by plan index (-1: none). */
  lastReport: Int32Array;
  // ---- in flight: built, changed by later phases, written when final ----
  personYears: Map<string, PersonYearDoc>;
  vouchers: HeldVoucher[];
  classes: ClassDoc[];
  enrollments: EnrollmentDoc[];
  credentials: Map<number, CredentialsDoc>;
}

/** One state change: its ledger entry and counters on the in-memory transaction, flushed when many. */
export async function record(ctx: LoaderContext, change: Change): Promise<void> {
  // One writer: each entry takes its chain place at once (the inline books, D61).
  await recordChange(ctx.tx, change);
  await ctx.sink.flushLedger();
}

/** D48 a voucher reserved or redeemed straight from unused: counted used in its claim month, as reserveVoucher and redeemVoucher count it. */
export async function recordUse(ctx: LoaderContext, v: VoucherDoc): Promise<void> {
  const { place, at, bumps } = usedBump(v, 1);
  await bumpCounters(ctx.tx, place, at, bumps);
}

export const placeOfPerson = (ctx: LoaderContext, p: number): Place => ctx.countyPlace[ctx.plan.personCounty[p]];
/** A person's ID number, as registration composes it from the plan. */
export const idNumberOf = (ctx: LoaderContext, p: number): string =>
  composeIdNumber(ctx.plan.counties[ctx.plan.personCounty[p]].code, birthCal(ctx.plan.personBirth[p]), ctx.plan.personSeq[p]);
/** A person's household township code. */
export const townshipOf = (ctx: LoaderContext, p: number): string => ctx.plan.townships[ctx.plan.personTownship[p]].code;
export const openidOf = (p: number) => `gen:${p + 1}`;
export const trainerOf = (institutionId: string) => `gen:trainer:${institutionId}`;
export const institutionOf = (ctx: LoaderContext, county: number, kind: 'skills' | 'agri') => ctx.institutions[county * 2 + (kind === 'skills' ? 0 : 1)];
export const classInstitution = (ctx: LoaderContext, c: PClass) => institutionOf(ctx, c.county, c.institution);
/** Plan indices of `items` this thread loads, in the order of `at`. */
export function inOrder<T>(items: readonly T[], isMine: (item: T) => boolean, at: (item: T) => number): number[] {
  return items.map((_, i) => i).filter((i) => isMine(items[i])).sort((a, b) => at(items[a]) - at(items[b]));
}

/**
 * Person ids shaped like registration's `p_${randomUUID()}`, but ascending in registration
 * order so the bulk load appends to the persons table instead of inserting at random pages.
 * Answers the ids and the registration order.
 */
export function personIdsOf(plan: Plan, seed: number): { personIds: string[]; order: Uint32Array } {
  const order = Uint32Array.from({ length: plan.n }, (_, i) => i).sort((a, b) => plan.personRegAt[a] - plan.personRegAt[b]);
  const personIds: string[] = new Array(plan.n);
  const idRng = new Rng((seed ^ 0x5eed5eed) >>> 0);
  order.forEach((p, rank) => {
    personIds[p] = `p_${(0x10000000 + rank).toString(16)}${idRng.uuid().slice(8)}`;
  });
  return { personIds, order };
}

export const countyPlacesOf = (plan: Plan): Place[] => plan.counties.map((c) => ({ countyCode: c.code, cityCode: CITY, provinceCode: PROVINCE }));
