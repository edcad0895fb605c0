/**
 * R10.3 the reminder timer's schedule, written in China time, evaluated with croner at a fixed
 * UTC+8 offset (no Intl time-zone data needed), and the CloudBase timer trigger that carries it.
 * CloudBase reads a timer trigger's 7-field cron (`second minute hour day month week year`) in
 * UTC+8, so the trigger is the China-time schedule as written, with seconds and years added.
 */
import { Cron } from 'croner';
import { CHINA_OFFSET_MINUTES } from '../china-date';

/**
 * The reminder timer: 08:00 China time every day. The run works out the China date itself, and
 * every outbox entry has a dedupe key, so a late, early or repeated run sends nothing twice.
 */
export const REMIND_SCHEDULE_CHINA = '0 8 * * *';

/** A parsed 5-field cron (`minute hour day-of-month month day-of-week`) read at `offsetHours` east of UTC. */
function cronAt(expr: string, offsetHours: number, mode: '5-part' | '7-part' = '5-part'): Cron {
  const fields = expr.trim().split(/\s+/);
  const want = mode === '5-part' ? 5 : 7;
  if (fields.length !== want) throw new Error(`cron: expected ${want} fields, got ${fields.length} in "${expr}"`);
  // domAndDow false: standard (Vixie) cron, a day matches when either restricted day field does.
  return new Cron(expr, { mode, utcOffset: offsetHours * 60, domAndDow: false, sloppyRanges: true, paused: true });
}

/** Parses a 5-field schedule; throws on anything else (unknown names, values out of range). */
export function parseCron(expr: string): Cron {
  return cronAt(expr, 0);
}

/**
 * True when `at` falls in a minute the schedule names, reading the schedule in the zone
 * `offsetHours` east of UTC (8 for China). Seconds are ignored: the whole minute matches.
 */
export function cronMatches(expr: string, at: Date, offsetHours: number): boolean {
  const minute = new Date(Math.floor(at.getTime() / 60_000) * 60_000);
  return cronAt(expr, offsetHours).match(minute);
}

/**
 * The first instant strictly after `after` at which the schedule fires (whole minute, seconds
 * 0), reading it in the zone `offsetHours` east of UTC; null when it never fires (`0 0 30 2 *`).
 */
export function nextRun(expr: string, after: Date, offsetHours: number): Date | null {
  return cronAt(expr, offsetHours).nextRun(after);
}

/**
 * The CloudBase timer trigger for a China-time 5-field schedule: `0 8 * * *` → `0 0 8 * * * *`
 * (CloudBase reads it in UTC+8).
 */
export function cloudbaseTrigger(chinaExpr: string): string {
  parseCron(chinaExpr);
  const seven = `0 ${chinaExpr.trim().split(/\s+/).join(' ')} *`;
  cronAt(seven, CHINA_OFFSET_MINUTES / 60, '7-part');
  return seven;
}

/** When a CloudBase timer trigger (7 fields, read in UTC+8) fires next after `after`. */
export function nextTriggerRun(trigger: string, after: Date): Date | null {
  return cronAt(trigger, CHINA_OFFSET_MINUTES / 60, '7-part').nextRun(after);
}
