/** How the officials' console writes percentages and years (numbers and money: src/utils/numbers.ts). */
import { chinaDateOf } from '../../../../cloudfunctions/core/china-date';
import { DASHBOARD_METRICS, METRIC_NAMES } from '../../../../cloudfunctions/core/dashboard';

/** The metrics' names, in core's order (the pickers' choices). */
export const METRIC_LABELS = DASHBOARD_METRICS.map((m) => METRIC_NAMES[m]);

/** `'115.83'` → `115.83%`; no value → `—`. */
export const percentText = (p: string | null | undefined): string => (p === null || p === undefined ? '—' : `${p}%`);

/** A percentage string as a bar width between 0 and 100. */
export function barPercent(p: string | number | null | undefined): number {
  const n = typeof p === 'number' ? p : p === null || p === undefined ? 0 : Number(p);
  if (!Number.isFinite(n) || n <= 0) return 0;
  return Math.min(100, n);
}

/** This year in China time. */
export const thisYear = (): number => chinaDateOf(new Date()).year;

/** This year and the 5 before, newest first. */
export const yearChoices = (): number[] => Array.from({ length: 6 }, (_, i) => thisYear() - i);
