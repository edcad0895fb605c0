/**
 * R8 Employment, pure: what a report must hold, whether it is a transfer, and when follow-ups
 * fall due after a certificate.
 */
import { type CalendarDate, addMonths, compareDates, formatDate, parseDate } from './china-date';
import WORDS from './words.json';

export type EmploymentStatus = 'employed' | 'self_employed' | 'flexible' | 'seeking';
export type WorkPlace = 'county' | 'province' | 'country' | 'abroad';

export const EMPLOYMENT_STATUS_NAMES: Record<EmploymentStatus, string> = WORDS.employmentStatus;

export const WORK_PLACE_NAMES: Record<WorkPlace, string> = WORDS.workPlace;

/** R8.1: monthly income in yuan, 0–100000. */
export const MAX_MONTHLY_INCOME_YUAN = 100_000;

export interface EmploymentInput {
  status: EmploymentStatus;
  employer?: string;
  occupation?: string;
  place?: WorkPlace;
  /** Region code of the place, from the region picker (county or township), when it is listed. */
  regionCode?: string;
  /** Otherwise the place in words (e.g. 北京市朝阳区, 新加坡). */
  placeName?: string;
  /** `YYYY-MM-DD` */
  startDate?: string;
  /** Whole yuan. */
  monthlyIncomeYuan?: number;
}

export type EmploymentProblem =
  | 'EMPLOYER_REQUIRED'
  | 'PLACE_REQUIRED'
  | 'START_DATE_INVALID'
  | 'START_DATE_FUTURE'
  | 'INCOME_INVALID'
  | 'REGION_REQUIRED';

/** The household county is implied for 本县; elsewhere a picked region or the place in words (D25). */

/**
 * R8.1: the first problem with a report, or null. Someone seeking work gives no place, date or
 * income; everyone else gives all three, and an employee also the employer.
 */
export function employmentProblem(r: EmploymentInput, today: CalendarDate): EmploymentProblem | null {
  if (r.status === 'seeking') return null;
  if (r.status === 'employed' && !r.employer?.trim()) return 'EMPLOYER_REQUIRED';
  if (!r.place) return 'PLACE_REQUIRED';
  if (r.place !== 'county' && !r.regionCode && !r.placeName?.trim()) return 'REGION_REQUIRED';
  const start = r.startDate ? parseDate(r.startDate) : null;
  if (!start) return 'START_DATE_INVALID';
  if (compareDates(start, today) > 0) return 'START_DATE_FUTURE';
  const income = r.monthlyIncomeYuan;
  if (income === undefined || !Number.isInteger(income) || income < 0 || income > MAX_MONTHLY_INCOME_YUAN) return 'INCOME_INVALID';
  return null;
}

/** R8.2: work outside the household county is a transfer (转移就业). */
export const isTransfer = (place: WorkPlace | undefined): boolean => place !== undefined && place !== 'county';

/** R8.3: follow-ups fall due 3 and 6 months after a certificate. */
export const FOLLOW_UP_MONTHS = [3, 6] as const;

/** The follow-up dates (`YYYY-MM-DD`) for a certificate dated `date`. */
export const followUpDates = (date: CalendarDate): string[] => FOLLOW_UP_MONTHS.map((m) => formatDate(addMonths(date, m)));
