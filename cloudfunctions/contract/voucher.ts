/**
 * voucher: types, claims, quotas and the catalogue (R4).
 */
import type { VoucherStatus } from '../core/vouchers';
import type { Band, ErrorCode, PlaceRef } from './common';

export type { VoucherStatus } from '../core/vouchers';

export interface VoucherTypeView {
  code: string;
  name: string;
  alias: string | null;
  validityDays: number;
  bands: Band[];
  /** e.g. `18–45周岁劳动者`. */
  audience: string;
  /** 送培训下乡: training is held in the holder's township. */
  sameTownship: boolean;
  /** 企业职工培训券: needs a current employer. */
  requiresEmployer: boolean;
  /** R4.1: the age band (and other conditions) allow this type. */
  eligible: boolean;
  /** Eligible and nothing else stands in the way (quota, one unused, 3 a year). */
  canClaim: boolean;
  /** Why not, in plain Chinese (e.g. 该券面向18–45周岁劳动者，您今年52周岁). */
  reasons: string[];
  refusalCode: ErrorCode | null;
  /** R4.2: the holder's county, this year. */
  quota: { limit: number; left: number };
  /** The caller's unused voucher of this type, if any. */
  heldVoucherId: string | null;
  /** R4.4: vouchers counting toward the yearly limit, and the limit. */
  usedThisYear: number;
  yearlyLimit: number;
  /** R13 where it is spent: in a class, or (技能等级评价券) straight at an evaluation body. */
  usedAt?: 'class' | 'evaluationBody';
  /** Approved classes in the holder's county still to start that take it. */
  nearbyClasses?: number;
  /** One plain sentence: how it is used, or that nothing nearby takes it yet. */
  howToUse?: string;
  /** 评价券: the evaluation bodies of the holder's city that assess now. */
  evaluationBodies?: { id: string; name: string; county: string; occupations: string[] }[];
}


export interface VoucherView {
  id: string;
  type: string;
  typeName: string;
  /** R3.3: the band it was claimed under. */
  band: Band;
  status: VoucherStatus;
  statusName: string;
  claimedAt: string;
  /** R4.5: 00:00 China time after the last valid day. */
  expiresAt: string;
  /** Whole days left (0 on the last day); null unless unused. */
  daysLeft: number | null;
  year: number;
  county: PlaceRef;
}

export interface SetCountyQuotaInput {
  type: string;
  countyCode: string;
  year: number;
  limit: number;
}

/** A voucher type of the catalogue (R4), as an admin enters it. */
export interface VoucherTypeInput {
  code: string;
  name: string;
  alias?: string;
  bands: Band[];
  validityDays: number;
  defaultCountyQuota: number;
  categories: string[];
  sameTownship?: boolean;
  requiresEmployer?: boolean;
  active: boolean;
}

export interface QuotaView {
  type: string;
  county: PlaceRef;
  year: number;
  limit: number;
  used: number;
}

/** A voucher type as the catalogue has it, with no one's eligibility (the 开班 form's choices). */
export interface VoucherCatalogueItem {
  code: string;
  name: string;
  alias: string | null;
  bands: Band[];
  audience: string;
  sameTownship: boolean;
}
