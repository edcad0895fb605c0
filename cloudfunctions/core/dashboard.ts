/**
 * R9.3–R9.5 for officials: the dashboard metrics as sums of counter cells, completion % with
 * exact half-up rounding, the even-pace line, and the six ledgers' names and choices.
 * Pure: no storage, no clock.
 */
import type { Band } from './age';
import { METRICS, type PlainMetric, projectMetric } from './books';
import { CERTIFICATE_STATUS_NAMES, SUBSIDY_STATUS_NAMES } from './certificates';
import { type CalendarDate, compareDates, dayOfYear, daysInYear } from './china-date';
import type { EnrollmentStatus } from './classes';
import { EMPLOYMENT_STATUS_NAMES } from './employment';
import { VOUCHER_STATUS_NAMES } from './vouchers';
import WORDS from './words.json';

export type DashboardMetric = 'trainings' | 'certificates' | 'newSkilled' | 'newHighSkilled' | 'transfers';

export const DASHBOARD_METRICS = ['trainings', 'certificates', 'newSkilled', 'newHighSkilled', 'transfers'] as const satisfies readonly DashboardMetric[];

/** The names Lüliang's report uses (data/targets-lvliang-2021.json). */
export const METRIC_NAMES: Record<DashboardMetric, string> = WORDS.metric;

/** The officials' words for an enrollment on the trainee ledger (the laborer's are ENROLLMENT_STATUS_NAMES). */
const TRAINEE_STATUS_NAMES: Record<EnrollmentStatus, string> = WORDS.traineeStatus;

/**
 * Each dashboard metric as counter metrics added (+1) or taken away (−1):
 * - trainings: people who started a training, less those who withdrew before it began (R5.3);
 * - certificates: certificates issued, less those revoked;
 * - newSkilled, newHighSkilled: D23;
 * - transfers: people counted as transferred, once a year each (D25).
 */
export const METRIC_TERMS: Record<DashboardMetric, readonly (readonly [PlainMetric, 1 | -1])[]> = {
  trainings: [
    [METRICS.trainingsStarted, 1],
    [METRICS.trainingsWithdrawn, -1],
  ],
  certificates: [
    [METRICS.certificatesIssued, 1],
    [METRICS.certificatesRevoked, -1],
  ],
  newSkilled: [[METRICS.newSkilled, 1]],
  newHighSkilled: [[METRICS.newHighSkilled, 1]],
  transfers: [[METRICS.transferPeople, 1]],
};

/** counter metric → the dashboard metrics it feeds, with the sign. */
const FEEDS = new Map<string, [DashboardMetric, number][]>();
for (const m of DASHBOARD_METRICS) {
  for (const [counter, sign] of METRIC_TERMS[m]) FEEDS.set(counter, [...(FEEDS.get(counter) ?? []), [m, sign]]);
}
export const feedsOf = (counterMetric: string): readonly [DashboardMetric, number][] => FEEDS.get(counterMetric) ?? [];

/** The dashboard metrics a project tracks (R11, 项目库): its trainees and its certificates. */
export const PROJECT_DASHBOARD_METRICS = ['trainings', 'certificates'] as const satisfies readonly DashboardMetric[];

/** A dashboard filtered by project: only that project's counters feed, into trainings and certificates. */
export function projectFeedsOf(projectId: string): (counterMetric: string) => readonly [DashboardMetric, number][] {
  const feeds = new Map<string, [DashboardMetric, number][]>([
    [projectMetric('started', projectId), [['trainings', 1]]],
    [projectMetric('withdrawn', projectId), [['trainings', -1]]],
    [projectMetric('certified', projectId), [['certificates', 1]]],
  ]);
  return (counterMetric) => feeds.get(counterMetric) ?? [];
}

export const emptyValues = (): Record<DashboardMetric, number> => ({
  trainings: 0,
  certificates: 0,
  newSkilled: 0,
  newHighSkilled: 0,
  transfers: 0,
});

/**
 * R9.4: actual ÷ target × 100, rounded half-up to 2 decimals, as a string with exactly two.
 * Integer arithmetic, so 2829 ÷ 2000 is 141.45 and not 141.44999…; null when there is no target.
 */
export function completionPercent(actual: number, target: number | null | undefined): string | null {
  if (!target || target <= 0 || !Number.isInteger(target) || !Number.isInteger(actual)) return null;
  return hundredthsString(halfUpDivide(actual * 10_000, target));
}

/** n ÷ d as a whole percent, rounded half up (integers, d > 0); null when d is 0. */
export const wholePercent = (n: number, d: number): number | null => (d > 0 ? halfUpDivide(n * 100, d) : null);

/** round(n ÷ d) with halves away from zero, for integers and d > 0. */
function halfUpDivide(n: number, d: number): number {
  const q = Math.floor((2 * Math.abs(n) + d) / (2 * d));
  return n < 0 ? -q : q;
}

function hundredthsString(h: number): string {
  const sign = h < 0 ? '-' : '';
  const a = Math.abs(h);
  return `${sign}${Math.floor(a / 100)}.${String(a % 100).padStart(2, '0')}`;
}


export interface Pace {
  /** The day measured at: `today` within the year, else the year's last (past) or first (future) day. */
  asOf: CalendarDate;
  /** Days of the year gone by `asOf`, `asOf` included (0 for a future year). */
  elapsedDays: number;
  days: number;
  /** elapsed ÷ days × 100, half-up to 2 decimals. */
  percent: string;
}

/** The even-pace line for `year` seen on `today` (China dates). */
export function paceOf(year: number, today: CalendarDate): Pace {
  const days = daysInYear(year);
  const first: CalendarDate = { year, month: 1, day: 1 };
  const last: CalendarDate = { year, month: 12, day: 31 };
  if (compareDates(today, first) < 0) return { asOf: first, elapsedDays: 0, days, percent: '0.00' };
  const asOf = compareDates(today, last) > 0 ? last : today;
  const elapsedDays = dayOfYear(asOf);
  return { asOf, elapsedDays, days, percent: hundredthsString(halfUpDivide(elapsedDays * 10_000, days)) };
}

/** Where an even pace would be: target × elapsed ÷ days, half-up to a whole number. */
export function expectedByPace(target: number | null | undefined, pace: Pace): number | null {
  if (!target || target <= 0) return null;
  return halfUpDivide(target * pace.elapsedDays, pace.days);
}

export interface RankedRow {
  code: string;
  actual: number;
  target: number | null;
}

/**
 * R9.4 rankings: highest completion first; regions without a target last; ties by actual, then
 * by code, so the order is stable. Ranks are 1, 2, 3 … (equal completions share a rank).
 */
export function rankByCompletion<T extends RankedRow>(rows: readonly T[]): (T & { rank: number; completion: string | null })[] {
  const scored = rows.map((r) => ({ ...r, completion: completionPercent(r.actual, r.target) }));
  const key = (c: string | null) => (c === null ? Number.NEGATIVE_INFINITY : Number(c));
  scored.sort((a, b) => key(b.completion) - key(a.completion) || b.actual - a.actual || a.code.localeCompare(b.code));
  let rank = 0;
  return scored.map((r, i) => {
    if (i === 0 || r.completion !== scored[i - 1].completion) rank = i + 1;
    return { ...r, rank };
  });
}

// ---- Ledgers (R9.5) ----

export type LedgerKind = 'vouchers' | 'trainees' | 'attendance' | 'certificates' | 'subsidies' | 'payments' | 'transfers';

export const LEDGER_KINDS = ['vouchers', 'trainees', 'attendance', 'certificates', 'subsidies', 'payments', 'transfers'] as const satisfies readonly LedgerKind[];

export interface LedgerChoice {
  value: string;
  label: string;
}

export interface LedgerInfo {
  title: string;
  /** What the `type` filter means for this ledger, or null when it has none. */
  typeFilter: 'voucherType' | 'certificateKind' | 'workPlace' | null;
  statuses: readonly LedgerChoice[];
  occupationFilter: boolean;
}

/** Filter choices taken from a status catalogue, in the order given. */
const choices = <S extends string>(names: Record<S, string>, order: readonly S[]): LedgerChoice[] =>
  order.map((value) => ({ value, label: names[value] }));

export const LEDGERS: Record<LedgerKind, LedgerInfo> = {
  vouchers: {
    title: '培训券台账',
    typeFilter: 'voucherType',
    statuses: choices(VOUCHER_STATUS_NAMES, ['unused', 'reserved', 'redeemed', 'expired', 'cancelled']),
    occupationFilter: false,
  },
  trainees: {
    title: '培训学员台账',
    typeFilter: 'voucherType',
    statuses: choices(TRAINEE_STATUS_NAMES, ['enrolled', 'completed', 'not_completed', 'withdrawn']),
    occupationFilter: true,
  },
  attendance: {
    title: '考勤台账',
    typeFilter: null,
    statuses: [
      { value: 'live', label: '现场' },
      { value: 'offline', label: '离线补传' },
    ],
    occupationFilter: true,
  },
  certificates: {
    title: '取证人员台账',
    typeFilter: 'certificateKind',
    statuses: choices(CERTIFICATE_STATUS_NAMES, ['valid', 'revoked']),
    occupationFilter: true,
  },
  subsidies: {
    title: '补贴台账',
    typeFilter: null,
    statuses: choices(SUBSIDY_STATUS_NAMES, ['payable', 'applied', 'approved', 'rejected', 'paid', 'refused', 'withdrawn']),
    occupationFilter: true,
  },
  // R12.1 what a county sends up to the provincial system: every entry paid, by payment date.
  payments: {
    title: '补贴发放台账',
    typeFilter: null,
    statuses: [],
    occupationFilter: true,
  },
  transfers: {
    title: '转移就业台账',
    typeFilter: 'workPlace',
    statuses: choices(EMPLOYMENT_STATUS_NAMES, ['employed', 'self_employed', 'flexible']),
    occupationFilter: false,
  },
};

/** What an export job writes: a ledger's rows, or a report built at once (培训机构考核评估). */
export type ExportKind = LedgerKind | 'scorecards';

export const exportTitle = (kind: ExportKind): string => (kind === 'scorecards' ? '培训机构考核评估' : LEDGERS[kind].title);

export const statusLabel = (ledger: LedgerKind, value: string): string =>
  LEDGERS[ledger].statuses.find((s) => s.value === value)?.label ?? value;

export type { Band };

// ---- Usage and reach (R12.3) ----

/** R12.3 usage rate = vouchers used ÷ vouchers issued × 100, half-up to 2 decimals; null when none was issued. */
export const usageRate = (used: number, issued: number): string | null => completionPercent(used, issued);

/**
 * D49 the reach figure: eligible registered people who were given no voucher this year. Never
 * below 0 (a person who moved county after their first voucher counts as reached where the
 * voucher was given, D49).
 */
export const unreachedOf = (eligibleRegistered: number, reached: number): number => Math.max(0, eligibleRegistered - reached);
