/**
 * The Lüliang 2021 plan's model: the report's numbers, the region and catalogue rows it draws
 * on, the planned records (indices into the plan's arrays, times in ms) and China-time helpers.
 */
import type { Band } from '../../../cloudfunctions/core/age';
import type { SessionTimes } from '../../../cloudfunctions/core/attendance';
import { type CalendarDate, CHINA_OFFSET_MINUTES, chinaDateOf, formatDate } from '../../../cloudfunctions/core/china-date';
import type { ClassMode } from '../../../cloudfunctions/core/classes';
import type { WorkPlace } from '../../../cloudfunctions/core/employment';
import occupationsFile from '../../../cloudfunctions/data/occupations.json';
import regionsFile from '../../../cloudfunctions/data/regions.json';
import voucherTypesFile from '../../../cloudfunctions/data/voucher-types.json';

export const CHINA_OFFSET_MS = CHINA_OFFSET_MINUTES * 60_000;

export const CITY = '141100';
export const PROVINCE = '140000';
export const YEAR = 2021;

/** The report's exact numbers at full scale. */
export const FULL = {
  persons: 1_400_000,
  vouchersTotal: 214_000,
  skills: 86_100,
  evaluation: 50_600,
  enterprise: 33_300,
  trainings: 231_679,
  certificates: 119_072,
  newSkilled: 71_657,
  newHighSkilled: 2_829,
  transfers: 42_843,
} as const;

/** Rough population weights (the five biggest: 临县, 孝义市, 离石区, 汾阳市, 兴县). */
export const COUNTY_WEIGHTS: Record<string, number> = {
  '141102': 45, '141121': 26, '141122': 21, '141123': 30, '141124': 50, '141125': 27, '141126': 11,
  '141127': 16, '141128': 11, '141129': 14, '141130': 10, '141181': 48, '141182': 40,
};

export type RegionRow = { code: string; name: string; level: string; parent?: string };
export const REGION_ROWS = (regionsFile as { regions: RegionRow[] }).regions;

export interface CountyInfo {
  code: string;
  name: string;
  weight: number;
  /** Indices into Plan.townships. */
  townships: number[];
}

export interface TownshipInfo {
  code: string;
  name: string;
  county: number;
}

export type TypeCode = 'skills' | 'agri' | 'village' | 'evaluation' | 'enterprise';
export type VoucherStatus = 'unused' | 'redeemed' | 'cancelled' | 'expired';

export type TypeRow = { code: TypeCode; name: string; bands: Band[]; validityDays: number; defaultCountyQuota: number };
export const VOUCHER_TYPES = (voucherTypesFile as unknown as { voucherTypes: TypeRow[] }).voucherTypes;
export const TYPE: Record<TypeCode, TypeRow> = Object.fromEntries(VOUCHER_TYPES.map((t) => [t.code, t])) as Record<TypeCode, TypeRow>;

export type OccupationRow = { code: string; name: string; category: string; subsidy: Record<string, number> };
export const OCCUPATIONS = (occupationsFile as unknown as { occupations: OccupationRow[] }).occupations;
export const occ = (category: string) => OCCUPATIONS.filter((o) => o.category === category);

export interface PVoucher {
  person: number;
  type: TypeCode;
  claimedAt: number;
  expiresAt: number;
  /** Final status (reserved never remains: every class is completed). */
  status: VoucherStatus;
  endedAt: number | null;
  band: Band;
  age: number;
  /** The enrollment that redeemed it, or -1. */
  enrollment: number;
  /** The direct assessment (evaluation) that redeemed it, or -1. */
  result: number;
}

export type InstitutionKind = 'skills' | 'agri';

export interface PClass {
  id: string;
  county: number;
  institution: InstitutionKind;
  occupation: string;
  level: number;
  acceptedTypes: TypeCode[];
  selfFunded: boolean;
  township: number | null;
  mode: ClassMode;
  capacity: number;
  sessions: SessionTimes[];
  firstAt: number;
  lastEndAt: number;
  closedAt: number;
  enrollments: number[];
}

export interface PEnrollment {
  person: number;
  cls: number;
  voucher: number;
  enrolledAt: number;
  band: Band | '-';
  /** Bit i set = session i attended. */
  attended: number;
  completed: boolean;
  /** When completion ran for it (class closing). */
  endedAt: number;
}

export interface PResult {
  person: number;
  /** Enrollment id source, or -1 for a direct (evaluation voucher) assessment. */
  enrollment: number;
  voucher: number;
  institution: InstitutionKind;
  county: number;
  occupation: string;
  level: number;
  passed: boolean;
  score: number;
  /** recordedAt (= issuedAt), ms. */
  at: number;
  assessedOn: string;
  band: Band | '-';
}

export type ReportStatus = 'employed' | 'self_employed' | 'flexible' | 'seeking';

export interface PReport {
  person: number;
  at: number;
  status: ReportStatus;
  place: WorkPlace | null;
  kind: 'enterprise' | 'transfer' | 'local' | 'seeking';
}

export interface PlanCounts {
  persons: number;
  claimed: Record<TypeCode, number>;
  vouchersByStatus: Record<TypeCode, Record<VoucherStatus, number>>;
  enrollments: number;
  voucherEnrollments: number;
  selfFundedEnrollments: number;
  completed: number;
  notCompleted: number;
  attendance: number;
  classes: number;
  results: number;
  passed: number;
  failed: number;
  certificates: number;
  newSkilled: number;
  newHighSkilled: number;
  trainingCertificates: number;
  selfFundedCertificates: number;
  reports: number;
  transferPeople: number;
  employedPeople2021: number;
  certifiedEmployed: number;
}

/** The plan's places, its people (column arrays by plan index) and what they do. */
export interface PlanPeople {
  counties: CountyInfo[];
  townships: TownshipInfo[];
  n: number;
  personCounty: Uint8Array;
  personTownship: Uint16Array;
  /** yyyymmdd */
  personBirth: Int32Array;
  personSeq: Uint16Array;
  personRegAt: Float64Array;
  vouchers: PVoucher[];
  classes: PClass[];
  enrollments: PEnrollment[];
  results: PResult[];
  reports: PReport[];
}

export interface Plan extends PlanPeople {
  scale: number;
  seed: number;
  counts: PlanCounts;
}

/** The scaled exact targets. */
export function targetsOf(scale: number) {
  const sc = (x: number) => Math.round(x * scale);
  const skills = sc(FULL.skills);
  const evaluation = sc(FULL.evaluation);
  const enterprise = sc(FULL.enterprise);
  const rest = sc(FULL.vouchersTotal) - skills - evaluation - enterprise;
  const agri = Math.round(rest * 0.68);
  return {
    persons: sc(FULL.persons),
    claimed: { skills, evaluation, enterprise, agri, village: rest - agri } as Record<TypeCode, number>,
    vouchersTotal: sc(FULL.vouchersTotal),
    trainings: sc(FULL.trainings),
    certificates: sc(FULL.certificates),
    newSkilled: sc(FULL.newSkilled),
    newHighSkilled: sc(FULL.newHighSkilled),
    transfers: sc(FULL.transfers),
  };
}

export type Targets = ReturnType<typeof targetsOf>;

// ---- time ----
export const DAY = 86_400_000;
export const HOUR = 3_600_000;
export const MINUTE = 60_000;
/** 00:00 China time of a China calendar date. */
export const chinaMs = (y: number, m: number, d: number, hh = 0, mm = 0) => Date.UTC(y, m - 1, d, hh, mm) - CHINA_OFFSET_MS;
export const Y0 = chinaMs(YEAR, 1, 1);
export const Y1 = chinaMs(YEAR + 1, 1, 1);
export const R0 = chinaMs(YEAR - 1, 1, 1);
/** Quotas are set for the year at 00:00 on 1 January; claims open from 08:00. */
export const QUOTA_SET_AT = Y0 + 5 * MINUTE;
export const CLAIMS_OPEN = Y0 + 8 * HOUR;

export const birthCal = (b: number): CalendarDate => ({ year: Math.floor(b / 10000), month: Math.floor(b / 100) % 100, day: b % 100 });
const pad2 = (n: number) => String(n).padStart(2, '0');
export const dateText = (ms: number) => formatDate(chinaDateOf(new Date(ms)));
/** 00:00 China time of the China date `ms` falls on. */
export const chinaDayStart = (ms: number) => {
  const d = chinaDateOf(new Date(ms));
  return chinaMs(d.year, d.month, d.day);
};

export function popcount(x: number): number {
  let c = 0;
  for (let v = x; v; v &= v - 1) c++;
  return c;
}

export const birthDateText = (b: number) => `${Math.floor(b / 10000)}-${pad2(Math.floor(b / 100) % 100)}-${pad2(b % 100)}`;
