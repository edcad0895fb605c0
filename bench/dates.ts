/**
 * `npm run bench -- dates`: China dates the way core/china-date.ts computes them (dayjs, utc
 * plugin, fixed +480 offset) against bare UTC+8 arithmetic and dayjs's timezone plugin (one
 * `Intl` formatter a call), per call, on this machine.
 */
import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';
import { addDays, chinaDateOf, chinaMidnight } from '../cloudfunctions/core/china-date';
import type { BenchResult } from './result';

dayjs.extend(utc);
dayjs.extend(timezone);

const OFFSET_MS = 8 * 3_600_000;
const START = Date.parse('2021-01-01T00:00:00Z');

/** Nanoseconds a call, the best of three runs of `n` calls. */
function perCall(n: number, fn: (i: number) => unknown): number {
  let best = Infinity;
  let sink = 0;
  for (let run = 0; run < 3; run++) {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < n; i++) sink += fn(i) ? 1 : 0;
    best = Math.min(best, Number(process.hrtime.bigint() - t0) / n);
  }
  if (sink < 0) console.log(sink);
  return Math.round(best);
}

export async function datesBench(): Promise<BenchResult> {
  const at = (i: number) => new Date(START + i * 37_003);
  const n = 300_000;
  const arithmetic = perCall(n, (i) => {
    const d = new Date(at(i).getTime() + OFFSET_MS);
    return d.getUTCFullYear() + d.getUTCMonth() + d.getUTCDate();
  });
  const dayjsFixedOffset = perCall(n, (i) => chinaDateOf(at(i)).day);
  const dayjsTimezone = perCall(n / 30, (i) => dayjs(at(i)).tz('Asia/Shanghai').date());
  const midnight = perCall(n, (i) => chinaMidnight(addDays({ year: 2021, month: 1, day: 1 }, i % 365)).getTime());
  // Same answers: every 37 s over a year and a half.
  let mismatches = 0;
  for (let i = 0; i < n; i += 97) {
    const d = new Date(at(i).getTime() + OFFSET_MS);
    const c = chinaDateOf(at(i));
    if (c.year !== d.getUTCFullYear() || c.month !== d.getUTCMonth() + 1 || c.day !== d.getUTCDate()) mismatches++;
  }
  return {
    name: 'dates',
    ok: mismatches === 0,
    nsPerCall: { arithmetic, dayjsFixedOffset, dayjsTimezone, chinaMidnightAddDays: midnight },
    mismatches,
  };
}
