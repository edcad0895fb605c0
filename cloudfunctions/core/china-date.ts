/**
 * Calendar dates in China time, whatever the host's time zone. R3.1: all calendar logic is in
 * China time.
 *
 * China (Asia/Shanghai) has kept UTC+8 with no daylight saving since 1991, so for the instants
 * this system handles (claims, sessions, reports: all after 1991) the China date is the UTC date
 * of the instant plus 8 hours. We compute it that way instead of through dayjs's timezone plugin:
 * the plugin builds an Intl.DateTimeFormat per call (measured: claims ran at 242/s with it and
 * several times faster without), and mini-program runtimes do not all ship full Intl time-zone
 * data. Birth dates are calendar dates, never instants, so the 1986–1991 DST years do not matter.
 */
export const CHINA_TZ = 'Asia/Shanghai';
export const CHINA_OFFSET_MS = 8 * 3_600_000;

/** A calendar date without time: month 1–12. */
export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

/** The calendar date in China at instant `now`. */
export function chinaDateOf(now: Date): CalendarDate {
  const shifted = new Date(now.getTime() + CHINA_OFFSET_MS);
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
}

export const isLeapYear = (year: number): boolean =>
  (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

export function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

/** True when year/month/day name a real calendar day. */
export function isRealDate(d: CalendarDate): boolean {
  return (
    Number.isInteger(d.year) &&
    d.month >= 1 &&
    d.month <= 12 &&
    d.day >= 1 &&
    d.day <= daysInMonth(d.year, d.month)
  );
}

/** Orders two calendar dates: negative, zero or positive. */
export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** `YYYY-MM-DD` */
export const formatDate = (d: CalendarDate): string =>
  `${pad(d.year, 4)}-${pad(d.month)}-${pad(d.day)}`;

/** Parses `YYYY-MM-DD` (or `YYYYMMDD`); null when it is not a real date. */
export function parseDate(text: string): CalendarDate | null {
  const m = /^(\d{4})-?(\d{2})-?(\d{2})$/.exec(text);
  if (!m) return null;
  const d = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  return isRealDate(d) ? d : null;
}
