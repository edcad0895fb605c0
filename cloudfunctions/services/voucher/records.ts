/**
 * How the voucher context's documents and their ledger changes are built (R4, R9.1, R9.2). The
 * use cases and the dataset generator both build through these, so the two cannot drift.
 */
import { createHash } from 'node:crypto';
import type { Eligible } from '../../core/eligibility';
import { METRICS, voucherMetric } from '../../core/books';
import { chinaDateOf } from '../../core/china-date';
import { expiryOf } from '../../core/vouchers';
import type { Change, Rollup } from '../books/changes';
import type { CounterBump } from '../books/counters';
import type { Actor } from '../books/ledger';
import { type Place, placeOf } from '../kernel/place';
import { type QuotaDoc, type VoucherDoc, quotaId } from './documents';

/** R4.2 the quota's `used` moves with the change that takes or gives back a place (folded with its counters, D61). */
const quotaUsed = (v: VoucherDoc, by: 1 | -1): Rollup => ({ collection: 'quotas', id: quotaId(v.type, v.countyCode, v.year), field: 'used', by });

/** Derived from the request key, so a re-run of a claim (CloudBase conflict retry) writes the same id. */
export const voucherIdOf = (requestKey: string): string => `v_${createHash('sha256').update(requestKey).digest('hex').slice(0, 24)}`;

export interface ClaimFacts {
  id: string;
  place: Place;
  person: { _id: string; openid: string; townshipCode: string };
  type: { code: string; name: string; validityDays: number };
  eligibility: Eligible;
  at: Date;
  requestId: string;
  /** R12.2 a directed voucher (定向券): the list that issued it. */
  directed?: { listId: string };
  /** D62 the quota shard it took its place from (the dataset's history has one shard: 0). */
  quotaShard?: number;
}

/** A new unused voucher (R3.3: it keeps the band it was claimed under). */
export function newVoucher(f: ClaimFacts): VoucherDoc {
  return {
    _id: f.id,
    ...placeOf(f.place),
    personId: f.person._id,
    openid: f.person.openid,
    type: f.type.code,
    typeName: f.type.name,
    band: f.eligibility.band,
    ageAtClaim: f.eligibility.age,
    townshipCode: f.person.townshipCode,
    year: chinaDateOf(f.at).year,
    status: 'unused',
    claimedAt: f.at.toISOString(),
    expiresAt: expiryOf(f.at, f.type.validityDays).toISOString(),
    requestId: f.requestId,
    ...(f.directed ? { origin: 'directed' as const, listId: f.directed.listId } : {}),
    ...(f.quotaShard ? { quotaShard: f.quotaShard } : {}),
  };
}

/**
 * A voucher given (R4, R12.2): `vouchersClaimed.<type>`, or `vouchersDirected.<type>` for a
 * directed one (issued = claimed + directed, R12.3); with `firstOfYear` (the person's first
 * voucher of the China year, D49) also `laborersReached`.
 */
export const claimedChange = (v: VoucherDoc, actor: Actor, firstOfYear = false): Change => ({
  place: placeOf(v),
  at: new Date(v.claimedAt),
  type: 'voucher.claimed',
  subjects: { voucherId: v._id, personId: v.personId, ...(v.listId ? { listId: v.listId } : {}) },
  actor,
  data: { type: v.type, band: v.band, age: v.ageAtClaim, year: v.year, expiresAt: v.expiresAt, ...(v.origin ? { origin: v.origin } : {}) },
  counters: [
    { metric: voucherMetric(v.origin === 'directed' ? 'directed' : 'claimed', v.type), band: v.band, by: 1 },
    ...(firstOfYear ? [{ metric: METRICS.laborersReached, band: v.band, by: 1 }] : []),
  ],
  rollups: [quotaUsed(v, 1)],
});

/**
 * D48 `vouchersUsed.<type>` is booked in the voucher's own claim month (its cohort): +1 when an
 * unused voucher is reserved by an enrollment or redeemed directly, −1 when a reserved one is
 * released. So a month's cell is the vouchers given that month that are now used, and recounts
 * exactly from the vouchers' statuses.
 */
export const usedBump = (v: VoucherDoc, by: 1 | -1): { place: Place; at: Date; bumps: CounterBump[] } => ({
  place: placeOf(v),
  at: new Date(v.claimedAt),
  bumps: [{ metric: voucherMetric('used', v.type), band: v.band, by }],
});

/** R4.5: an unused voucher cancelled by its holder or expired. */
export const endedChange = (v: VoucherDoc, status: 'cancelled' | 'expired', at: Date, actor: Actor): Change => ({
  place: placeOf(v),
  at,
  type: status === 'cancelled' ? 'voucher.cancelled' : 'voucher.expired',
  subjects: { voucherId: v._id, personId: v.personId },
  actor,
  data: { type: v.type, year: v.year, band: v.band },
  counters: [{ metric: voucherMetric(status, v.type), band: v.band, by: 1 }],
  rollups: [quotaUsed(v, -1)],
});

/** What a redeemed voucher paid for: the enrollment and class (R6.5) or the result (R7.1). */
export interface PaidFor {
  subjects: Record<string, string>;
  data?: Record<string, unknown>;
}

export const redeemedChange = (v: VoucherDoc, at: Date, actor: Actor, paidFor: PaidFor): Change => ({
  place: placeOf(v),
  at,
  type: 'voucher.redeemed',
  subjects: { voucherId: v._id, personId: v.personId, ...paidFor.subjects },
  actor,
  data: { type: v.type, year: v.year, band: v.band, ...paidFor.data },
  counters: [{ metric: voucherMetric('redeemed', v.type), band: v.band, by: 1 }],
});

/** R4.2 an admin sets a county's yearly limit for a type (never below the places used). */
export const quotaSetChange = (q: QuotaDoc, previousLimit: number, at: Date, actor: Actor): Change => ({
  place: placeOf(q),
  at,
  type: 'quota.set',
  subjects: { quotaId: q._id },
  actor,
  data: { type: q.type, year: q.year, limit: q.limit, previousLimit },
  counters: [],
});
