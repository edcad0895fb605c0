/**
 * R10.3 the reminder timer's schedule, in China time, and the CloudBase trigger cron for it.
 */
const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/** China is UTC+8 all year (no DST since 1991, see china-date.ts). */
export const CHINA_OFFSET_HOURS = 8;

/**
 * A parsed 5-field cron (`minute hour day-of-month month day-of-week`). Each field is the sorted
 * list of values it allows; `*Star` records a bare `*`, which matters for the day rule below.
 */
export interface Cron {
  minutes: number[];
  hours: number[];
  daysOfMonth: number[];
  months: number[];
  /** 0–6, 0 = Sunday (7 is read as Sunday too). */
  daysOfWeek: number[];
  domStar: boolean;
  dowStar: boolean;
}

const FIELDS = [
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day-of-month', min: 1, max: 31 },
  { name: 'month', min: 1, max: 12 },
  { name: 'day-of-week', min: 0, max: 7 },
] as const;

function parseField(text: string, min: number, max: number, name: string): number[] {
  const values = new Set<number>();
  for (const part of text.split(',')) {
    const m = /^(\*|(\d+)(?:-(\d+))?)(?:\/(\d+))?$/.exec(part);
    if (!m) throw new Error(`cron ${name}: cannot read "${part}"`);
    const step = m[4] === undefined ? 1 : Number(m[4]);
    let from = min;
    let to = max;
    if (m[1] !== '*') {
      from = Number(m[2]);
      // `5/15` means from 5 to the end in steps of 15; a bare `5` means just 5.
      to = m[3] !== undefined ? Number(m[3]) : m[4] !== undefined ? max : from;
    }
    if (step < 1 || from < min || to > max || from > to) {
      throw new Error(`cron ${name}: "${part}" is outside ${min}-${max}`);
    }
    for (let v = from; v <= to; v += step) values.add(v);
  }
  return [...values].sort((a, b) => a - b);
}

/** Parses `minute hour day-of-month month day-of-week`; throws on anything else. */
export function parseCron(expr: string): Cron {
  const parts = expr.trim().split(/\s+/);
  if (parts.length !== 5) throw new Error(`cron: expected 5 fields, got ${parts.length} in "${expr}"`);
  const [minutes, hours, daysOfMonth, months, dow] = parts.map((p, i) =>
    parseField(p, FIELDS[i].min, FIELDS[i].max, FIELDS[i].name),
  );
  const daysOfWeek = [...new Set(dow.map((d) => d % 7))].sort((a, b) => a - b);
  return { minutes, hours, daysOfMonth, months, daysOfWeek, domStar: parts[2] === '*', dowStar: parts[4] === '*' };
}

/**
 * Standard (Vixie) cron day rule: when both day-of-month and day-of-week are restricted, a day
 * matches if either does; otherwise the restricted one decides.
 */
function dayMatches(c: Cron, dom: number, month: number, dow: number): boolean {
  if (!c.months.includes(month)) return false;
  const domOk = c.daysOfMonth.includes(dom);
  const dowOk = c.daysOfWeek.includes(dow);
  if (!c.domStar && !c.dowStar) return domOk || dowOk;
  return domOk && dowOk;
}

/**
 * True when `at` falls in a minute the schedule names, reading the schedule in the zone
 * `offsetHours` east of UTC (8 for China). Seconds are ignored: the whole minute matches.
 */
export function cronMatches(expr: string | Cron, at: Date, offsetHours: number): boolean {
  const c = typeof expr === 'string' ? parseCron(expr) : expr;
  const t = new Date(at.getTime() + offsetHours * HOUR_MS);
  return (
    c.minutes.includes(t.getUTCMinutes()) &&
    c.hours.includes(t.getUTCHours()) &&
    dayMatches(c, t.getUTCDate(), t.getUTCMonth() + 1, t.getUTCDay())
  );
}

/** How far `nextRun` looks ahead: 29 years covers 29 February on a given weekday. */
const SEARCH_DAYS = 29 * 366;

/**
 * The first instant strictly after `after` at which the schedule fires (whole minute, seconds
 * 0), reading it in the zone `offsetHours` east of UTC; null when it never fires (`0 0 30 2 *`).
 */
export function nextRun(expr: string | Cron, after: Date, offsetHours: number): Date | null {
  const c = typeof expr === 'string' ? parseCron(expr) : expr;
  const offsetMs = offsetHours * HOUR_MS;
  // Work on the zone's wall clock expressed as a UTC timestamp, then shift back.
  const startWall = Math.floor((after.getTime() + offsetMs) / MINUTE_MS) * MINUTE_MS + MINUTE_MS;
  let dayStart = Math.floor(startWall / DAY_MS) * DAY_MS;
  for (let i = 0; i <= SEARCH_DAYS; i++, dayStart += DAY_MS) {
    const d = new Date(dayStart);
    if (!dayMatches(c, d.getUTCDate(), d.getUTCMonth() + 1, d.getUTCDay())) continue;
    for (const h of c.hours) {
      for (const m of c.minutes) {
        const wall = dayStart + h * HOUR_MS + m * MINUTE_MS;
        if (wall >= startWall) return new Date(wall - offsetMs);
      }
    }
  }
  return null;
}

/**
 * Rewrites a China-time schedule into the UTC schedule that fires at the same instants.
 * Supported: explicit hours (numbers, lists, ranges, steps) with any minute field, and
 * - no day restriction (`* * *`): the hours just move back 8 h; or
 * - every hour on the same side of 08:00 China time, so the UTC day is the China day (hours
 *   ≥ 8) or the day before (hours < 8); a day-before shift can move day-of-week back one, or
 *   days of month ≥ 2 back one, but not month restrictions or the 1st (the day before is the
 *   previous month's last day, which cron cannot name).
 * Anything else throws rather than produce a wrong schedule.
 */
export function toUtcCron(chinaExpr: string): string {
  const parts = chinaExpr.trim().split(/\s+/);
  const c = parseCron(chinaExpr);
  const [minute, hour, dom, month, dow] = parts;
  if (hour === '*') {
    if (dom === '*' && month === '*' && dow === '*') return parts.join(' ');
    throw new Error(`toUtcCron: "${chinaExpr}" needs explicit hours when days are restricted`);
  }
  const shifted = c.hours.map((h) => (h - CHINA_OFFSET_HOURS + 24) % 24);
  const hours = [...shifted].sort((a, b) => a - b).join(',');
  if (dom === '*' && month === '*' && dow === '*') return [minute, hours, '*', '*', '*'].join(' ');
  const dayBefore = c.hours.map((h) => h < CHINA_OFFSET_HOURS);
  if (dayBefore.every((b) => !b)) return [minute, hours, dom, month, dow].join(' ');
  if (dayBefore.some((b) => !b)) {
    throw new Error(`toUtcCron: "${chinaExpr}" has hours on both sides of 08:00 with restricted days`);
  }
  if (month !== '*') throw new Error(`toUtcCron: "${chinaExpr}" cannot move a month restriction`);
  let newDom = dom;
  let newDow = dow;
  if (dom !== '*') {
    if (c.daysOfMonth[0] < 2) throw new Error(`toUtcCron: "${chinaExpr}" would need the last day of a month`);
    newDom = c.daysOfMonth.map((d) => d - 1).join(',');
  }
  if (dow !== '*') newDow = c.daysOfWeek.map((d) => (d + 6) % 7).sort((a, b) => a - b).join(',');
  return [minute, hours, newDom, month, newDow].join(' ');
}

/**
 * The zone CloudBase reads a timer trigger's cron in. The brief for issue 7 says UTC; the
 * project's PLATFORM-NOTES say "the trigger time is China time but the function runs in UTC".
 * Which one holds must be checked on a real environment before deploying (see the report);
 * `cloudbaseTrigger` takes the zone explicitly so switching is a one-word change.
 */
export type TriggerZone = 'utc' | 'china';
export const CLOUDBASE_TRIGGER_ZONE: TriggerZone = 'utc';

/**
 * The 7-field CloudBase timer cron (`second minute hour day month week year`) for a China-time
 * 5-field schedule. `0 8 * * *` → `0 0 0 * * * *` when the trigger is read in UTC.
 */
export function cloudbaseTrigger(chinaExpr: string, zone: TriggerZone = CLOUDBASE_TRIGGER_ZONE): string {
  const five = zone === 'utc' ? toUtcCron(chinaExpr) : chinaExpr.trim().split(/\s+/).join(' ');
  parseCron(five);
  return `0 ${five} *`;
}

/**
 * The reminder timer: 08:00 China time every day (00:00 UTC, exactly at the UTC midnight). The
 * timer works out the China date itself (`chinaDateOf(now)`), and every outbox entry has a dedupe
 * key, so a late, early or repeated run sends nothing twice.
 */
export const REMIND_SCHEDULE_CHINA = '0 8 * * *';

