/**
 * Test data builders for identity numbers (Object Mother style): valid numbers are composed,
 * never copied, so a test says what it needs ("a laborer aged 52 on this date").
 */
import type { CalendarDate } from '../../cloudfunctions/core/china-date';
import { chinaDateOf } from '../../cloudfunctions/core/china-date';
import { checkCharOf, composeIdNumber } from '../../cloudfunctions/core/id-number';

export const LANXIAN_TOWNSHIP = '141127101';

let sequence = 0;

/** A valid number for someone born on `birth`; a fresh sequence each call. */
export function idNumberBornOn(birth: CalendarDate, options: { region?: string; gender?: 'male' | 'female' } = {}): string {
  sequence = (sequence + 2) % 998;
  const seq = options.gender === 'female' ? sequence + 2 : sequence + 1;
  return composeIdNumber(options.region ?? '141127', birth, seq);
}

/** A valid number for someone exactly `age` on `now` (birthday ~100 days away). */
export function idNumberAged(age: number, now: Date, options: { region?: string; gender?: 'male' | 'female' } = {}): string {
  const today = chinaDateOf(now);
  const t = new Date(Date.UTC(today.year - age, today.month - 1, today.day) - 100 * 86_400_000);
  return idNumberBornOn({ year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() }, options);
}

/** The same number with a wrong check character. */
export function withWrongCheck(n: string): string {
  const right = checkCharOf(n.slice(0, 17));
  const wrong = right === '0' ? '1' : '0';
  return n.slice(0, 17) + wrong;
}
