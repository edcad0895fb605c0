/**
 * 培训质量考核评估 (R12, scorecards), pure: an institution's year in rates, and the ranking of a
 * region's institutions. Rates are whole percents, half up; a rate with nothing to divide by is
 * null and ranks last.
 */
import { type CalendarDate, addMonths, compareDates, parseDate } from './china-date';
import { wholePercent } from './dashboard';
import type { EmploymentStatus } from './employment';

export interface InstitutionYear {
  classes: number;
  trainees: number;
  completed: number;
  /** Enrollments that ended without completing. */
  notCompleted: number;
  certified: number;
  /** Certified trainees whose 3 (6) months have passed, and of them those who reported work by then. */
  due3: number;
  employed3: number;
  due6: number;
  employed6: number;
  paidFen: number;
  rejected: number;
  refused: number;
}

export const WORKING: readonly EmploymentStatus[] = ['employed', 'self_employed', 'flexible'];

/**
 * Whether a person certified on `issuedOn` had reported work within `months`: a report (not
 * seeking work) made on or before that day. `due` is false while the months have not passed.
 */
export function employedWithin(
  issuedOn: CalendarDate,
  months: number,
  today: CalendarDate,
  reports: readonly { status: EmploymentStatus; reportedOn: string }[],
): { due: boolean; employed: boolean } {
  const by = addMonths(issuedOn, months);
  if (compareDates(by, today) > 0) return { due: false, employed: false };
  const employed = reports.some((r) => {
    const on = parseDate(r.reportedOn);
    return WORKING.includes(r.status) && on !== null && compareDates(on, by) <= 0 && compareDates(on, issuedOn) >= 0;
  });
  return { due: true, employed };
}

export function scorecardRates(y: InstitutionYear) {
  return {
    completionRate: wholePercent(y.completed, y.completed + y.notCompleted),
    certificationRate: wholePercent(y.certified, y.completed),
    employedAt3Months: wholePercent(y.employed3, y.due3),
    employedAt6Months: wholePercent(y.employed6, y.due6),
  };
}

/** Ranked by certification rate, then completion rate, then trainees; ties share a rank. */
export function rankScorecards<T extends { certificationRate: number | null; completionRate: number | null; trainees: number }>(rows: readonly T[]): (T & { rank: number })[] {
  const key = (r: T) => [r.certificationRate ?? -1, r.completionRate ?? -1, r.trainees];
  const sorted = [...rows].sort((a, b) => {
    const [x, y] = [key(a), key(b)];
    return y[0] - x[0] || y[1] - x[1] || y[2] - x[2];
  });
  let rank = 0;
  return sorted.map((r, i) => {
    if (i === 0 || key(r).some((v, j) => v !== key(sorted[i - 1])[j])) rank = i + 1;
    return { ...r, rank };
  });
}
