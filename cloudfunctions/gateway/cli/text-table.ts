/**
 * Plain-text tables for the local commands' reports (`npm run report`): terminal widths with
 * CJK characters taking two columns, numbers with thousands separators, percents.
 */

/** Terminal width of a string: CJK characters take two columns. */
export const width = (s: string) => [...s].reduce((w, ch) => w + (/[\u1100-\uffff]/.test(ch) ? 2 : 1), 0);
const padEnd = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - width(s)));
const padStart = (s: string, n: number) => ' '.repeat(Math.max(0, n - width(s))) + s;
export const num = (n: number | null) => (n === null ? '—' : n.toLocaleString('en-US'));
export const pct = (p: string | null) => (p === null ? '—' : `${p}%`);

/** Columns before `alignLeft` are left-aligned, the rest right-aligned (numbers). */
export function table(headers: string[], rows: string[][], alignLeft = 1): string {
  const widths = headers.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i]))));
  const line = (cells: string[]) => cells.map((c, i) => (i < alignLeft ? padEnd(c, widths[i]) : padStart(c, widths[i]))).join('  ');
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
