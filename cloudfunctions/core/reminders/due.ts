/**
 * R10.1 which reminders are due on a China day. Pure: every instant is passed in.
 */
import { type CalendarDate, addDays, chinaDateOf, lastDayBefore } from '../china-date';

const HOUR_MS = 3_600_000;
const sameDate = (a: CalendarDate, b: CalendarDate): boolean =>
  a.year === b.year && a.month === b.month && a.day === b.day;

/** 一旬一调度: the officials' digest goes out on the 1st, 11th and 21st (China dates). */
export const isTenDayDigestDay = (d: CalendarDate): boolean => d.day === 1 || d.day === 11 || d.day === 21;

/** The monthly ranking goes out on the 1st (China date). */
export const isMonthlyRankingDay = (d: CalendarDate): boolean => d.day === 1;

/** The first day (1st, 11th or 21st) of the ten-day period (旬) containing `d`. */
export function tenDayPeriodStart(d: CalendarDate): CalendarDate {
  return { ...d, day: d.day >= 21 ? 21 : d.day >= 11 ? 11 : 1 };
}

/**
 * The voucher's last valid China day: `expiresAt` is the end of validity (exclusive; D8 puts it
 * at 00:00 China time), so the last day is the China date of the instant just before it.
 */
export const lastValidDay = lastDayBefore;

/**
 * "Expiring in 7 days": the voucher's last valid China day is exactly 7 days after today, i.e.
 * D8's "还剩7天" (vouchers.ts `daysLeft` = 7). It is due on that one day only; a voucher claimed
 * with less than 7 days of validity never gets this reminder.
 */
export function voucherExpiryDue(expiresAt: Date, today: CalendarDate): boolean {
  return sameDate(lastValidDay(expiresAt), addDays(today, 7));
}

/** The session starts on the China day after `today`. */
export const sessionTomorrow = (sessionStart: Date, today: CalendarDate): boolean =>
  sameDate(chinaDateOf(sessionStart), addDays(today, 1));

/** The session starts on `today` (China date). */
export const sessionToday = (sessionStart: Date, today: CalendarDate): boolean =>
  sameDate(chinaDateOf(sessionStart), today);

export const OFFLINE_SCAN_OVERDUE_MS = 24 * HOUR_MS;

/** An offline scan queued at `queuedAt` is overdue once 24 h have passed (at 24:00:00 exactly). */
export const offlineScanOverdue = (queuedAt: Date, now: Date): boolean =>
  now.getTime() - queuedAt.getTime() >= OFFLINE_SCAN_OVERDUE_MS;

/** A quota is almost used at ≥ 90 % (used·10 ≥ limit·9, integers); a limit ≤ 0 never is. */
export const quotaAlmostUsed = (used: number, limit: number): boolean => limit > 0 && used * 10 >= limit * 9;

/** Attendance is low under 60 % (attended·5 < expected·3, integers); nothing expected: not low. */
export const lowAttendance = (attended: number, expected: number): boolean =>
  expected > 0 && attended * 5 < expected * 3;

/** Whole percent, rounded down (integers only): 89.9 % shows as 89 %, never as 90 %. */
export const percentDown = (part: number, whole: number): number => (whole > 0 ? Math.floor((part * 100) / whole) : 0);

