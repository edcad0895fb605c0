/**
 * Vouchers not used in training (R4.5): expired a little after their validity ends, cancelled by
 * their holders, or still unused at the year's end (claimed late enough to be valid in 2022).
 */
import { type Draft, claimBetween, claimFor, eligibleAt, enterpriseEligibleAt, enterpriseReportAt, sample } from './draft';
import { CLAIMS_OPEN, DAY, HOUR, MINUTE, type PVoucher, TYPE, type TypeCode, type VoucherStatus, Y1 } from './model';
import type { Outcomes } from './outcomes';

export function planLooseVouchers(d: Draft, o: Outcomes): void {
  for (const type of ['skills', 'enterprise', 'agri', 'village', 'evaluation'] as TypeCode[]) {
    for (const status of ['expired', 'cancelled', 'unused'] as const) {
      for (let i = 0; i < o.vouchers[type][status]; i++) looseVoucher(d, type, status);
    }
  }
}

function looseVoucher(d: Draft, type: TypeCode, status: Exclude<VoucherStatus, 'redeemed'>): PVoucher {
  const { rng } = d;
  const validity = TYPE[type].validityDays * DAY;
  for (let attempt = 0; attempt < 1000; attempt++) {
    let claimedAt: number;
    if (status === 'expired') claimedAt = claimBetween(d, CLAIMS_OPEN, Y1 - validity - 3 * DAY);
    else if (status === 'unused') claimedAt = claimBetween(d, Math.max(CLAIMS_OPEN, Y1 - validity + 2 * DAY), Y1 - 6 * HOUR);
    else claimedAt = claimBetween(d, CLAIMS_OPEN, Y1 - 10 * DAY);
    const ci = rng.weighted(d.weights);
    const person = sample(d, d.byCounty[ci], type === 'enterprise' ? enterpriseEligibleAt(d, claimedAt) : eligibleAt(d, type, claimedAt));
    if (person < 0) continue;
    d.taken[person] = 1;
    const v = claimFor(d, person, type, claimedAt);
    v.status = status;
    // R4.5: the sweep expires it a little after 00:00 China on the day it lapses.
    if (status === 'expired') v.endedAt = v.expiresAt + rng.int(60, 180) * MINUTE;
    if (status === 'cancelled') v.endedAt = Math.min(v.expiresAt, Y1) - rng.int(1, 600) * MINUTE - rng.int(0, 20) * DAY;
    if (v.endedAt !== null && v.endedAt <= claimedAt) v.endedAt = claimedAt + rng.int(5, 120) * MINUTE;
    if (type === 'enterprise') d.reports.push({ person, at: enterpriseReportAt(d, claimedAt), status: 'employed', place: 'county', kind: 'enterprise' });
    return v;
  }
  throw new Error(`planner: no one to claim a ${type} voucher`);
}
