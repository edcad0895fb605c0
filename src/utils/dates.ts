/**
 * Dates as the laborer reads them, one way everywhere (China dates from core/china-date): a
 * voucher's end is its last valid day, never the midnight after it; the server's
 * `YYYY-MM-DD` and `YYYY-MM-DD HH:mm` (the ledgers' cells) as `2027年3月1日` and `2027年3月1日 14:30`.
 */
import { dateText, lastDayBefore, parseDate } from '../../cloudfunctions/core/china-date';

/** R4.5: the last day a voucher can be used (`expiresAt` is 00:00 China time after it). */
export const lastValidDayText = (expiresAt: string): string => dateText(lastDayBefore(new Date(expiresAt)));

/** A server's China date or date-and-minute text in words; anything else as it is. */
export function chinaDateWords(text: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})(?: (\d{2}:\d{2}))?$/.exec(text);
  const d = m ? parseDate(m[1]) : null;
  if (!m || !d) return text;
  return m[2] ? `${dateText(d)} ${m[2]}` : dateText(d);
}
