/** Dates as people read them, in China time: `2027年2月20日`. */
import { type CalendarDate, chinaDateOf } from '../../cloudfunctions/core/china-date';

export const chineseDate = (d: CalendarDate): string => `${d.year}年${d.month}月${d.day}日`;

/** The China date of an ISO instant, e.g. when a voucher was claimed. */
export function chineseDateOf(iso: string): string {
  return chineseDate(chinaDateOf(new Date(iso)));
}

/**
 * The last day a voucher can be used: `expiresAt` is 00:00 China time after that day (R4.5),
 * so the day is that of the instant 1 ms before.
 */
export function lastValidDayOf(expiresAt: string): string {
  return chineseDate(chinaDateOf(new Date(new Date(expiresAt).getTime() - 1)));
}
