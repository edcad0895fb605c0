/**
 * Test data builders for identity numbers (Object Mother style): valid numbers are composed,
 * never copied, so a test says what it needs ("a laborer aged 52 on this date").
 */
import type { CalendarDate } from '../../cloudfunctions/core/china-date';
import { chinaDateOf } from '../../cloudfunctions/core/china-date';
import { checkCharOf, composeIdNumber } from '../../cloudfunctions/core/id-number';

export const LANXIAN_TOWNSHIP = '141127101';

/** Calls so far: drives sequences and birthdays so numbers do not repeat within a run. */
let calls = 0;

/** A valid number for someone born on `birth`; a fresh sequence each call (499 per date and gender). */
export function idNumberBornOn(birth: CalendarDate, options: { region?: string; gender?: 'male' | 'female' } = {}): string {
  calls++;
  const base = (calls % 499) * 2;
  const seq = options.gender === 'female' ? base + 2 : base + 1;
  return composeIdNumber(options.region ?? '141127', birth, seq);
}

/**
 * A valid number for someone exactly `age` on `now`: their last birthday was 30–329 days ago,
 * varying with each call so thousands of numbers stay distinct.
 */
export function idNumberAged(age: number, now: Date, options: { region?: string; gender?: 'male' | 'female' } = {}): string {
  const today = chinaDateOf(now);
  const daysSinceBirthday = 30 + (Math.floor(calls / 499) % 300);
  const t = new Date(Date.UTC(today.year - age, today.month - 1, today.day) - daysSinceBirthday * 86_400_000);
  return idNumberBornOn({ year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() }, options);
}

/** The same number with a wrong check character. */
export function withWrongCheck(n: string): string {
  const right = checkCharOf(n.slice(0, 17));
  const wrong = right === '0' ? '1' : '0';
  return n.slice(0, 17) + wrong;
}
