/**
 * R4.2–R4.5 claim rules and voucher dates, pure.
 */
import { addDays, chinaDateOf, chinaMidnight, daysBetween, lastDayBefore } from './china-date';
import type { Eligibility } from './eligibility';
import { DomainError } from './errors';
import WORDS from './words.json';

/** R4.4: at most 3 subsidised trainings per person per calendar year (national rule). */
export const YEARLY_SUBSIDY_LIMIT = 3;

export type VoucherStatus = 'unused' | 'reserved' | 'redeemed' | 'cancelled' | 'expired';

/** What the holder and the officials' ledger call each status. */
export const VOUCHER_STATUS_NAMES: Record<VoucherStatus, string> = WORDS.voucherStatus;

/** R4.4: claimed (unused), reserved and redeemed vouchers count; cancelled and expired do not. */
export const COUNTS_TOWARD_LIMIT: readonly VoucherStatus[] = ['unused', 'reserved', 'redeemed'];

/**
 * R4.5: a voucher claimed on China date D with V days of validity is valid through the end of
 * day D + V − 1 and expires at 00:00 China time on D + V.
 */
export function expiryOf(claimedAt: Date, validityDays: number): Date {
  return chinaMidnight(addDays(chinaDateOf(claimedAt), validityDays));
}

/** Whole China-time days left before expiry (0 on the last day). */
export function daysLeft(expiresAt: Date, now: Date): number {
  return daysBetween(chinaDateOf(now), lastDayBefore(expiresAt));
}

export interface ClaimState {
  eligibility: Eligibility;
  typeName: string;
  /** R4.3: the person holds an unused voucher of this type. */
  hasUnusedOfType: boolean;
  /** R4.4: the person's vouchers this year that count toward the limit. */
  countedThisYear: number;
  /** R4.2: places left in the county's yearly quota for this type. */
  quotaLeft: number;
}

/** The first reason a claim is refused, as the DomainError to throw; null when it may go ahead. */
export function claimRefusal(s: ClaimState): DomainError | null {
  if (!s.eligibility.eligible) return new DomainError('NOT_ELIGIBLE', s.eligibility.reasons[0].message);
  if (s.hasUnusedOfType) {
    return new DomainError('VOUCHER_UNUSED_EXISTS', `您已有一张未使用的${s.typeName}，用完或退回后才能再领`);
  }
  if (s.countedThisYear >= YEARLY_SUBSIDY_LIMIT) return new DomainError('YEARLY_LIMIT');
  if (s.quotaLeft <= 0) return new DomainError('QUOTA_EXHAUSTED');
  return null;
}
