/**
 * Usage rate and reach on the officials' dashboard (R12.3): vouchers issued, used and expired
 * unused per type, and the eligible registered people given no voucher this year.
 */
import type { PlaceRef } from './common';

export interface VoucherUsage {
  /** Claimed + directed, in the year. */
  issued: number;
  claimed: number;
  directed: number;
  /** Of those issued in the year: now reserved by an enrollment or redeemed (D48). */
  used: number;
  /** Vouchers that expired unused during the year. */
  expired: number;
  /** used ÷ issued × 100, 2 decimals (`'34.50'`); null when none was issued. */
  rate: string | null;
}

export interface ReachRow {
  region: PlaceRef;
  /** Registered laborers with an age band (18+) at registration, up to the year's end. */
  eligible: number;
  /** People given their first voucher of the year (claimed or directed). */
  reached: number;
  /** eligible − reached (never below 0): who the monthly reminder is for (D49, D51). */
  unreached: number;
}

export interface UsageView {
  total: VoucherUsage;
  byType: ({ type: string; name: string } & VoucherUsage)[];
  /** Per child region (one level down), or the county itself on a county's dashboard. */
  byRegion: ({ region: PlaceRef } & VoucherUsage)[];
  reach: { total: Omit<ReachRow, 'region'>; byRegion: ReachRow[] };
}
