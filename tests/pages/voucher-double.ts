/** Builders for voucher views, as the `voucher` function answers them. */
import type { VoucherTypeView, VoucherView } from '../../cloudfunctions/contract';
import { builder } from './api-double';

export const aVoucherType = builder<VoucherTypeView>(() => ({
  code: 'skills',
  name: '职业技能培训券',
  alias: '普惠制培训券',
  validityDays: 90,
  bands: ['A'],
  audience: '18–45周岁劳动者',
  sameTownship: false,
  requiresEmployer: false,
  eligible: true,
  canClaim: true,
  reasons: [],
  refusalCode: null,
  quota: { limit: 6000, left: 5999 },
  heldVoucherId: null,
  usedThisYear: 0,
  yearlyLimit: 3,
}));

export const SKILLS = aVoucherType();
export const AGRI = aVoucherType({
  code: 'agri',
  name: '农业实用技术培训券',
  alias: null,
  bands: ['B'],
  audience: '46–60周岁劳动者',
  quota: { limit: 3000, left: 3000 },
});
export const VILLAGE = aVoucherType({
  code: 'village',
  name: '送培训下乡券',
  alias: null,
  validityDays: 60,
  bands: ['C'],
  audience: '60周岁以上劳动者',
  sameTownship: true,
  quota: { limit: 1500, left: 1500 },
});

/** `type` refused for an age-band reason. */
export function refusedForAge(type: VoucherTypeView, reason: string): VoucherTypeView {
  return { ...type, eligible: false, canClaim: false, reasons: [reason], refusalCode: 'NOT_ELIGIBLE' };
}

export const aVoucher = builder<VoucherView>(() => ({
  id: 'v-1',
  type: 'skills',
  typeName: '职业技能培训券',
  band: 'A',
  status: 'unused',
  statusName: '未使用',
  // Claimed 2026-11-23 China time; valid through 2027-02-20; expires 2027-02-21 00:00 China time.
  claimedAt: '2026-11-23T01:00:00.000Z',
  expiresAt: '2027-02-20T16:00:00.000Z',
  daysLeft: 89,
  year: 2026,
  county: { code: '141127', name: '岚县' },
}));
