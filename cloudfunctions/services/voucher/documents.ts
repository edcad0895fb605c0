/**
 * The voucher context's documents and ids (R4): vouchers, county quotas, the one-unused slot and
 * the person's yearly count.
 */
import type { VoucherView } from '../../contract';
import type { Band } from '../../core/age';
import { parseDate } from '../../core/china-date';
import { VOUCHER_STATUS_NAMES, type VoucherStatus, daysLeft } from '../../core/vouchers';
import type { PersonDoc } from '../account';
import type { Deps } from '../kernel/deps';
import type { Place } from '../kernel/place';

export type VoucherDoc = Place & {
  _id: string;
  personId: string;
  openid: string;
  type: string;
  typeName: string;
  /** R3.3: the band the voucher was claimed under, kept even if the holder crosses a boundary. */
  band: Band;
  ageAtClaim: number;
  townshipCode: string;
  /** China calendar year of the claim: the quota and the 3-a-year limit it counts in. */
  year: number;
  status: VoucherStatus;
  claimedAt: string;
  expiresAt: string;
  endedAt?: string;
  requestId: string;
  /** R12.2 set on a directed voucher (定向券), with the list that issued it. */
  origin?: 'directed';
  listId?: string;
  /** D62 the quota shard whose place it took (absent: shard 0). */
  quotaShard?: number;
};

/**
 * A county's yearly quota for a type (R4.2). D62: its places are split over `shards` shard
 * documents, each holding its share of the limit and the places it gave, so concurrent claims
 * take places from different documents; `used` here is their sum, folded in by the county's
 * sequencer (it may trail the shards by the seconds the queue waits; the shards are exact).
 */
export type QuotaDoc = Place & { _id: string; type: string; year: number; limit: number; used: number; shards?: number };
export type SlotDoc = { _id: string; voucherId: string };
export type PersonYearDoc = { _id: string; personId: string; year: number; counted: number };

export const quotaId = (type: string, countyCode: string, year: number) => `${type}:${countyCode}:${year}`;
/** Shards a new quota is split over (D62): enough that a storm's concurrent claims rarely meet on one. */
export const QUOTA_SHARDS = 256;
export const slotId = (personId: string, type: string) => `${personId}:${type}`;
export const personYearId = (personId: string, year: number) => `${personId}:${year}`;

export const birthOf = (p: PersonDoc) => {
  const d = parseDate(p.birthDate);
  if (!d) throw new Error(`person ${p._id} has a corrupt birth date`);
  return d;
};

/** R4/R8: the latest employment report names an employer. */
export const hasCurrentEmployer = (p: PersonDoc): boolean => Boolean(p.currentEmployer);

export function voucherView(deps: Deps, v: VoucherDoc, now: Date): VoucherView {
  return {
    id: v._id,
    type: v.type,
    typeName: v.typeName,
    band: v.band,
    status: v.status,
    statusName: VOUCHER_STATUS_NAMES[v.status],
    claimedAt: v.claimedAt,
    expiresAt: v.expiresAt,
    daysLeft: v.status === 'unused' ? daysLeft(new Date(v.expiresAt), now) : null,
    year: v.year,
    county: deps.regions.ref(v.countyCode),
  };
}


export const isPastExpiry = (v: VoucherDoc, now: Date) => v.status === 'unused' && new Date(v.expiresAt) <= now;
