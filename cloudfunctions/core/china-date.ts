/**
 * Calendar dates and clock times in China time, whatever the host's time zone — the one module
 * for them, shared by the cloud functions and the app. R3.1: all calendar logic is in China time.
 *
 * China (Asia/Shanghai) has kept UTC+8 with no daylight saving since 1991, so every instant this
 * system handles (claims, sessions, reports: all after 1991) is read with dayjs's `utc` plugin at
 * a fixed offset of +480 minutes. The `timezone` plugin would build an `Intl.DateTimeFormat` per
 * call (about 250 µs here, and mini-program runtimes do not all ship Intl time-zone data); the
 * fixed offset needs no Intl. Measured in `npm run bench -- dates` (docs/benchmarks.md). Birth
 * dates are calendar dates, never instants, so the 1986–1991 DST years do not matter.
 */
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);

/** China's offset from UTC, in minutes (UTC+8, no DST). */
export const CHINA_OFFSET_MINUTES = 480;

/** A calendar date without time: month 1–12. */
export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

/**
 * The instant as China's wall clock reads it: a UTC dayjs moved 8 hours on, so its fields and
 * `format` are China's (never read it back as an instant). Not `dayjs(at).utcOffset(480)`: on a
 * host zone with daylight saving that is an hour off near the clock change (America/Los_Angeles,
 * 8 March and 1 November), because the plugin moves a local instance across the change.
 */
const inChina = (at: Date | number | string) => dayjs.utc(dayjs.utc(at).valueOf() + CHINA_OFFSET_MINUTES * 60_000);

/** A calendar date as a dayjs at 00:00 UTC of that date (date arithmetic only, no zone). */
const onCalendar = (d: CalendarDate) => dayjs.utc(Date.UTC(d.year, d.month - 1, d.day));

const fromCalendar = (t: dayjs.Dayjs): CalendarDate => ({ year: t.year(), month: t.month() + 1, day: t.date() });

/** The calendar date in China at instant `now`. */
export const chinaDateOf = (now: Date): CalendarDate => fromCalendar(inChina(now));

/** 00:00 China time starting the given calendar date, as an instant. */
export const chinaMidnight = (d: CalendarDate): Date =>
  dayjs.utc(Date.UTC(d.year, d.month - 1, d.day)).subtract(CHINA_OFFSET_MINUTES, 'minute').toDate();

/** The instant at `HH:mm` China time on a calendar date; throws on a malformed time. */
export function chinaInstant(d: CalendarDate, hhmm: string): Date {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(hhmm);
  if (!m) throw new Error(`bad time of day ${hhmm}`);
  return dayjs(chinaMidnight(d)).add(Number(m[1]), 'hour').add(Number(m[2]), 'minute').toDate();
}

export const isLeapYear = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

export const daysInYear = (year: number): number => (isLeapYear(year) ? 366 : 365);

export const daysInMonth = (year: number, month: number): number => onCalendar({ year, month, day: 1 }).daysInMonth();

/** True when year/month/day name a real calendar day. */
export function isRealDate(d: CalendarDate): boolean {
  return Number.isInteger(d.year) && d.month >= 1 && d.month <= 12 && d.day >= 1 && d.day <= daysInMonth(d.year, d.month);
}

/** Orders two calendar dates: negative, zero or positive. */
export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/** The calendar date `n` days after `d` (n may be negative). */
export const addDays = (d: CalendarDate, n: number): CalendarDate => fromCalendar(onCalendar(d).add(n, 'day'));

/** The same day `months` calendar months later (clamped to the month's end: 31 Aug + 6 → 28/29 Feb). */
export const addMonths = (d: CalendarDate, months: number): CalendarDate => fromCalendar(onCalendar(d).add(months, 'month'));

/** Whole days from `a` to `b` (negative when `b` is earlier). */
export const daysBetween = (a: CalendarDate, b: CalendarDate): number => onCalendar(b).diff(onCalendar(a), 'day');

/** Day of the year, 1 = 1 January. */
export const dayOfYear = (d: CalendarDate): number => daysBetween({ year: d.year, month: 1, day: 1 }, d) + 1;

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** `YYYY-MM-DD` */
export const formatDate = (d: CalendarDate): string => `${pad(d.year, 4)}-${pad(d.month)}-${pad(d.day)}`;

/** Parses `YYYY-MM-DD` (or `YYYYMMDD`); null when it is not a real date. */
export function parseDate(text: string): CalendarDate | null {
  const m = /^(\d{4})-?(\d{2})-?(\d{2})$/.exec(text);
  if (!m) return null;
  const d = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  return isRealDate(d) ? d : null;
}

/** Today's China date as `YYYY-MM-DD`. */
export const chinaToday = (now: Date): string => formatDate(chinaDateOf(now));

/** R4.5: the last day a validity that ends at `endsAt` (00:00 China time after it) covers. */
export const lastDayBefore = (endsAt: Date): CalendarDate => chinaDateOf(new Date(endsAt.getTime() - 1));

// --- Texts as people read them (Simplified Chinese, China time) -------------------------------

/** `2026年2月20日` */
export const dateText = (d: CalendarDate): string => `${d.year}年${d.month}月${d.day}日`;

/** `2月20日` */
export const monthDayText = (d: CalendarDate): string => `${d.month}月${d.day}日`;

/** The China date of an instant as text: `2026年2月20日`. */
export const dateTextOf = (at: Date | string): string => dateText(chinaDateOf(new Date(at)));

/** `08:30` in China time. */
export const clockText = (at: Date | string): string => inChina(at).format('HH:mm');

/** `08:30:05` in China time. */
export const clockTextWithSeconds = (at: Date | string): string => inChina(at).format('HH:mm:ss');

/** `2026年1月11日 08:30` in China time (a WeChat `time` value). */
export const dateTimeText = (at: Date | string): string => `${dateTextOf(at)} ${clockText(at)}`;

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/**
 * `2021-03-05 14:30` in China time (ledger cells). A stored instant (`…Z`, years 1000–9999) is
 * read off the UTC fields moved 8 hours on, without a dayjs per cell: a 231,679-row export formats
 * two a row, and dayjs cost 2 s of it; anything else goes through dayjs.
 */
export function isoMinuteText(at: Date | string): string {
  const ms = at instanceof Date ? at.getTime() : at.endsWith('Z') ? Date.parse(at) : Number.NaN;
  const t = new Date(ms + CHINA_OFFSET_MINUTES * 60_000);
  const year = t.getUTCFullYear();
  if (Number.isNaN(ms) || year < 1000 || year > 9999) return inChina(at).format('YYYY-MM-DD HH:mm');
  return `${year}-${pad2(t.getUTCMonth() + 1)}-${pad2(t.getUTCDate())} ${pad2(t.getUTCHours())}:${pad2(t.getUTCMinutes())}`;
}
