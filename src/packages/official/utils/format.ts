/** How the officials' console writes numbers, money, percentages and dates. */
import { chinaDateOf, formatDate } from '../../../../cloudfunctions/core/china-date';

/** `12345` → `12,345`. */
export function groupDigits(n: number): string {
  const negative = n < 0;
  const text = String(Math.abs(Math.trunc(n))).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return negative ? `-${text}` : text;
}

/** Fen → `¥1,200.00` (yuan with 2 decimals). */
export function yuanText(fen: number): string {
  const negative = fen < 0;
  const abs = Math.abs(Math.round(fen));
  return `${negative ? '-' : ''}¥${groupDigits(Math.floor(abs / 100))}.${String(abs % 100).padStart(2, '0')}`;
}

/** `'115.83'` → `115.83%`; no value → `—`. */
export const percentText = (p: string | null | undefined): string => (p === null || p === undefined ? '—' : `${p}%`);

/** A percentage string as a bar width between 0 and 100. */
export function barPercent(p: string | number | null | undefined): number {
  const n = typeof p === 'number' ? p : p === null || p === undefined ? 0 : Number(p);
  if (!Number.isFinite(n) || n <= 0) return 0;
  return Math.min(100, n);
}

/** Today in China time. */
export const today = () => chinaDateOf(new Date());
export const thisYear = (): number => today().year;
export const todayText = (): string => formatDate(today());

/** This year and the 5 before, newest first. */
export const yearChoices = (): number[] => Array.from({ length: 6 }, (_, i) => thisYear() - i);

/** A router query value, decoded (the mini-program passes them as written). */
export function decodeParam(raw: string | undefined): string {
  if (!raw) return '';
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}
