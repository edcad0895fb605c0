/**
 * R10 reminders, pure: the China-time schedule of the timer (R10.3), which reminders are due on a
 * China day (R10.1), and the outbox rules — dedupe keys, retries, consents and WeChat field
 * limits (R10.2). No storage, no clock: every instant is passed in.
 */
import { type CalendarDate, CHINA_OFFSET_MS, chinaDateOf, formatDate } from './china-date';

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/** China is UTC+8 all year (no DST since 1991, see china-date.ts). */
export const CHINA_OFFSET_HOURS = CHINA_OFFSET_MS / HOUR_MS;

// ---------------------------------------------------------------------------------------------
// R10.3 Cron in China time
// ---------------------------------------------------------------------------------------------

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

// ---------------------------------------------------------------------------------------------
// R10.1 Which reminders are due
// ---------------------------------------------------------------------------------------------

/** The calendar date `n` days after `d` (n may be negative). */
export function addDays(d: CalendarDate, n: number): CalendarDate {
  const t = new Date(Date.UTC(d.year, d.month - 1, d.day + n));
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}

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
export const lastValidDay = (expiresAt: Date): CalendarDate => chinaDateOf(new Date(expiresAt.getTime() - 1));

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

// ---------------------------------------------------------------------------------------------
// R10.2 Outbox
// ---------------------------------------------------------------------------------------------

export type ReminderKind =
  | 'voucherExpiry'
  | 'sessionTomorrow'
  | 'certificateIssued'
  | 'followUpDue'
  | 'trainerSessionToday'
  | 'offlineScansPending'
  | 'officialDigest'
  | 'monthlyRanking'
  | 'quotaAlmostUsed'
  | 'lowAttendance';

export const REMINDER_KIND_LIST: readonly ReminderKind[] = [
  'voucherExpiry',
  'sessionTomorrow',
  'certificateIssued',
  'followUpDue',
  'trainerSessionToday',
  'offlineScansPending',
  'officialDigest',
  'monthlyRanking',
  'quotaAlmostUsed',
  'lowAttendance',
];

/** pending → sent; or skipped_no_consent (no consent, or 43101); or failed after MAX_ATTEMPTS. */
export type OutboxStatus = 'pending' | 'sent' | 'skipped_no_consent' | 'failed';

/** Keeps [A-Za-z0-9_:-]; any other code point becomes `~hex~` (so `/`, `.` and `~` never appear raw). */
function safeIdPart(text: string): string {
  let out = '';
  for (const ch of text) {
    out += /^[A-Za-z0-9_:-]$/.test(ch) ? ch : `~${ch.codePointAt(0)!.toString(16)}~`;
  }
  return out;
}

/**
 * The outbox document id `{kind}:{subjectId}:{date}`, e.g. `voucherExpiry:v123:2026-02-20`.
 * `date` is a China date or a period `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. The subject and date for
 * each kind are in REMINDER_KINDS[kind].dedupe; they name the event, not the run, so running the
 * timer twice (or late) gives the same key. Characters other than letters, digits, `_`, `-` and
 * `:` in the subject are escaped as `~hex~`, so the id never holds `/` or `.`.
 */
export function dedupeKey(kind: ReminderKind, subjectId: string, date: CalendarDate | string): string {
  const dateText = typeof date === 'string' ? date : formatDate(date);
  if (!/^\d{4}(-\d{2}(-\d{2})?)?$/.test(dateText)) throw new Error(`dedupeKey: bad date "${dateText}"`);
  if (subjectId === '') throw new Error('dedupeKey: empty subject');
  return `${kind}:${safeIdPart(subjectId)}:${dateText}`;
}

/** Sends per outbox entry, the first included; then `failed`. */
export const MAX_ATTEMPTS = 3;
/** Wait after the 1st and the 2nd failed send. */
export const BACKOFF_MS: readonly number[] = [1 * MINUTE_MS, 5 * MINUTE_MS];

/**
 * When to try an entry that has had `attempts` sends: now when never tried, then 1 min after
 * the first failure, 5 min after the second; null once MAX_ATTEMPTS sends have failed.
 */
export function nextAttemptAt(attempts: number, now: Date): Date | null {
  if (attempts <= 0) return now;
  if (attempts >= MAX_ATTEMPTS) return null;
  return new Date(now.getTime() + BACKOFF_MS[attempts - 1]);
}

/** WeChat: the user refused, or has no one-time send left for the template. */
export const ERR_NO_CONSENT = 43101;

export type SendErrorClass = 'consent_spent' | 'retry';

/** 43101 marks the consent spent (no retry); any other error is retried up to MAX_ATTEMPTS. */
export const classifySendError = (errcode: number): SendErrorClass =>
  errcode === ERR_NO_CONSENT ? 'consent_spent' : 'retry';

export type AfterFailure =
  | { status: 'skipped_no_consent'; attempts: number; consentSpent: true }
  | { status: 'pending'; attempts: number; nextAttemptAt: Date }
  | { status: 'failed'; attempts: number };

/** The outbox entry after its send number `attempts` (1-based, this one included) failed. */
export function afterSendFailure(attempts: number, errcode: number, now: Date): AfterFailure {
  if (classifySendError(errcode) === 'consent_spent') return { status: 'skipped_no_consent', attempts, consentSpent: true };
  const next = nextAttemptAt(attempts, now);
  return next ? { status: 'pending', attempts, nextAttemptAt: next } : { status: 'failed', attempts };
}

// WeChat subscription-message field limits.

export type FieldKind = 'thing' | 'time' | 'phrase' | 'number' | 'character_string' | 'name';

export const FIELD_LIMITS: Readonly<Record<FieldKind, number>> = {
  thing: 20,
  time: 32,
  phrase: 5,
  number: 32,
  character_string: 32,
  name: 10,
};

/** Letters-and-symbols names may be 20 long; names with Chinese characters 10. */
export const NAME_ASCII_LIMIT = 20;

/** Code points, so an emoji (two UTF-16 units) counts once and is never cut in half. */
const codePoints = (s: string): string[] => Array.from(s);

/**
 * A `thing` value of at most 20 code points: longer text keeps its first 19 and ends in '…', so
 * the reader sees it was cut. A 20-code-point text is kept whole.
 */
export function cutThing(value: string): string {
  return cutWithEllipsis(value.trim(), FIELD_LIMITS.thing);
}

function cutWithEllipsis(value: string, limit: number): string {
  const cps = codePoints(value);
  return cps.length <= limit ? value : `${cps.slice(0, limit - 1).join('')}…`;
}

const cutHard = (value: string, limit: number): string => codePoints(value).slice(0, limit).join('');

/**
 * A value cut to WeChat's limit for its field kind: `thing` as cutThing; `name` cut hard to 10
 * (20 when it is all ASCII letters/symbols), no ellipsis; `phrase` hard to 5; `number`,
 * `character_string` and `time` hard to 32. Values are trimmed first.
 */
export function fitField(kind: FieldKind, value: string): string {
  const v = value.trim();
  switch (kind) {
    case 'thing':
      return cutThing(v);
    case 'name':
      return cutHard(v, /^[\x20-\x7e]*$/.test(v) ? NAME_ASCII_LIMIT : FIELD_LIMITS.name);
    default:
      return cutHard(v, FIELD_LIMITS[kind]);
  }
}

export interface TemplateField {
  kind: FieldKind;
  value: string;
}

/** `{ thing1: {kind, value}, … }` → `{ thing1: 'cut value', … }` (OutgoingMessage.data). */
export function fitTemplateData(fields: Record<string, TemplateField>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, f] of Object.entries(fields)) out[key] = fitField(f.kind, f.value);
  return out;
}

/** A user's consents for one template: one-time sends left, and a long-term subscription. */
export interface Consent {
  oneTime: number;
  longTerm: boolean;
}

/**
 * Spending a consent for one send: long-term consents are not spent; a one-time consent is
 * (count − 1); none → not allowed, which the caller records as `skipped_no_consent`. Spent once
 * per outbox entry, at its first send; retries after other errors reuse it.
 */
export function spendConsent(c: Consent): { allowed: boolean; next: Consent } {
  if (c.longTerm) return { allowed: true, next: { ...c } };
  if (c.oneTime > 0) return { allowed: true, next: { ...c, oneTime: c.oneTime - 1 } };
  return { allowed: false, next: { ...c } };
}

/** The user accepted the template in `requestSubscribeMessage`: one more send, or long-term. */
export function grantConsent(c: Consent, kind: 'oneTime' | 'longTerm'): Consent {
  return kind === 'longTerm' ? { ...c, longTerm: true } : { ...c, oneTime: c.oneTime + 1 };
}

/** After 43101 WeChat says no send is left, whatever we counted: nothing remains. */
export const consentAfterRefusal = (): Consent => ({ oneTime: 0, longTerm: false });

// ---------------------------------------------------------------------------------------------
// Reminder kinds and their texts (message centre and WeChat fields)
// ---------------------------------------------------------------------------------------------

export type Audience = 'laborer' | 'trainer' | 'official';

/** `2月20日` */
export const monthDayText = (d: CalendarDate): string => `${d.month}月${d.day}日`;
/** `2026年2月20日` */
export const dateText = (d: CalendarDate): string => `${d.year}年${d.month}月${d.day}日`;
/** `08:30` in China time. */
export function chinaClockText(at: Date): string {
  const t = new Date(at.getTime() + CHINA_OFFSET_MS);
  return `${String(t.getUTCHours()).padStart(2, '0')}:${String(t.getUTCMinutes()).padStart(2, '0')}`;
}
/** `2026年1月11日 08:30` in China time (a WeChat `time` value). */
export const chinaTimeText = (at: Date): string => `${dateText(chinaDateOf(at))} ${chinaClockText(at)}`;

export interface ReminderInputs {
  voucherExpiry: { typeName: string; expiresAt: Date };
  sessionTomorrow: { className: string; start: Date; place: string };
  certificateIssued: { certificateName: string; issuedAt: Date };
  followUpDue: { dueOn: CalendarDate };
  trainerSessionToday: { className: string; start: Date; place: string };
  offlineScansPending: { className: string; count: number };
  officialDigest: { regionName: string; day: CalendarDate };
  monthlyRanking: { regionName: string; year: number; month: number };
  quotaAlmostUsed: { countyName: string; typeName: string; used: number; limit: number };
  lowAttendance: { className: string; attended: number; expected: number };
}

export interface BuiltReminder {
  title: string;
  /** The message-centre text: plain, short, one or two sentences. */
  text: string;
  /** WeChat fields before cutting; keys follow the templates picked in the WeChat console. */
  fields: Record<string, TemplateField>;
  /** The mini-program page the message opens. */
  page: string;
}

export interface ReminderKindSpec<I> {
  audience: Audience;
  title: string;
  /** Configuration name holding the WeChat template id. */
  template: string;
  /** Who the subject is and which date goes into the dedupe key. */
  dedupe: string;
  build(input: I): BuiltReminder;
}

const thing = (value: string): TemplateField => ({ kind: 'thing', value });
/** A voucher's name as people say it: catalogue names already end in 券 (职业技能培训券). */
export const voucherName = (typeName: string): string => (typeName.endsWith('券') ? typeName : `${typeName}培训券`);
const time = (value: string): TemplateField => ({ kind: 'time', value });

export const REMINDER_KINDS: { readonly [K in ReminderKind]: ReminderKindSpec<ReminderInputs[K]> } = {
  voucherExpiry: {
    audience: 'laborer',
    title: '培训券7天后到期',
    template: 'TPL_VOUCHER_EXPIRY',
    dedupe: 'voucher id; the voucher’s last valid day',
    build: ({ typeName, expiresAt }) => {
      const last = lastValidDay(expiresAt);
      return {
        title: '培训券7天后到期',
        text: `您的${voucherName(typeName)}${monthDayText(last)}到期，还剩7天，请尽快报名培训。`,
        fields: { thing1: thing(voucherName(typeName)), time2: time(dateText(last)), thing3: thing('请尽快报名培训') },
        page: 'pages/my-vouchers/index',
      };
    },
  },
  sessionTomorrow: {
    audience: 'laborer',
    title: '明天有培训课',
    template: 'TPL_SESSION_TOMORROW',
    dedupe: '`{session id}:{person id}`; the session’s China date',
    build: ({ className, start, place }) => ({
      title: '明天有培训课',
      text: `明天${chinaClockText(start)}上课：${className}，地点：${place}。请带好身份证，按时签到。`,
      fields: { thing1: thing(className), time2: time(chinaTimeText(start)), thing3: thing(place) },
      page: 'pages/my-classes/index',
    }),
  },
  certificateIssued: {
    audience: 'laborer',
    title: '证书已发放',
    template: 'TPL_CERTIFICATE_ISSUED',
    dedupe: 'certificate id; the China date it was issued',
    build: ({ certificateName, issuedAt }) => ({
      title: '证书已发放',
      text: `您的${certificateName}证书已发放，可在“证书”页查看。`,
      fields: { thing1: thing(certificateName), time2: time(dateText(chinaDateOf(issuedAt))) },
      page: 'pages/certificates/index',
    }),
  },
  followUpDue: {
    audience: 'laborer',
    title: '请填写就业情况',
    template: 'TPL_FOLLOW_UP_DUE',
    dedupe: 'follow-up id; its due date',
    build: ({ dueOn }) => ({
      title: '请填写就业情况',
      text: `请在${monthDayText(dueOn)}前填写您现在的就业情况。`,
      fields: { thing1: thing('填写就业情况'), time2: time(dateText(dueOn)) },
      page: 'pages/employment/index',
    }),
  },
  trainerSessionToday: {
    audience: 'trainer',
    title: '今天有课',
    template: 'TPL_TRAINER_SESSION_TODAY',
    dedupe: '`{session id}:{trainer id}`; the session’s China date',
    build: ({ className, start, place }) => ({
      title: '今天有课',
      text: `今天${chinaClockText(start)}上课：${className}，地点：${place}。`,
      fields: { thing1: thing(className), time2: time(chinaTimeText(start)), thing3: thing(place) },
      page: 'packages/trainer/pages/index',
    }),
  },
  offlineScansPending: {
    audience: 'trainer',
    title: '签到记录未上传',
    template: 'TPL_OFFLINE_SCANS',
    dedupe: '`{class id}:{trainer id}`; the China date of the run (at most one a day)',
    build: ({ className, count }) => ({
      title: '签到记录未上传',
      text: `${className}有${count}条签到记录超过24小时未上传，请连网后打开班级页面上传。`,
      fields: { thing1: thing(className), thing2: thing(`${count}条签到未上传`) },
      page: 'packages/trainer/pages/index',
    }),
  },
  officialDigest: {
    audience: 'official',
    title: '旬报已生成',
    template: 'TPL_OFFICIAL_DIGEST',
    dedupe: '`{region code}:{official id}`; the digest day (1st, 11th or 21st)',
    build: ({ regionName, day }) => ({
      title: '旬报已生成',
      text: `${regionName}${monthDayText(day)}旬报已生成，请到工作台查看。`,
      fields: { thing1: thing(`${regionName}旬报`), time2: time(dateText(day)) },
      page: 'packages/official/pages/index',
    }),
  },
  monthlyRanking: {
    audience: 'official',
    title: '月度排名已更新',
    template: 'TPL_MONTHLY_RANKING',
    dedupe: '`{region code}:{official id}`; the ranked month `YYYY-MM`',
    build: ({ regionName, year, month }) => ({
      title: '月度排名已更新',
      text: `${regionName}${year}年${month}月完成情况排名已更新，请到工作台查看。`,
      fields: { thing1: thing(`${regionName}${month}月排名`), time2: time(`${year}年${month}月`) },
      page: 'packages/official/pages/ranking',
    }),
  },
  quotaAlmostUsed: {
    audience: 'official',
    title: '名额快用完了',
    template: 'TPL_QUOTA_ALMOST_USED',
    dedupe: '`{county}:{type}:{limit}:{official id}`; the quota year `YYYY` (again only if the limit changes)',
    build: ({ countyName, typeName, used, limit }) => ({
      title: '名额快用完了',
      text: `${countyName}${voucherName(typeName)}名额已用${used}个，共${limit}个（${percentDown(used, limit)}%）。`,
      fields: { thing1: thing(`${countyName}${typeName}`), thing2: thing(`已用${used}/${limit}`) },
      page: 'packages/official/pages/index',
    }),
  },
  lowAttendance: {
    audience: 'official',
    title: '出勤率偏低',
    template: 'TPL_LOW_ATTENDANCE',
    dedupe: '`{class id}:{official id}`; the start of the ten-day period (tenDayPeriodStart)',
    build: ({ className, attended, expected }) => ({
      title: '出勤率偏低',
      text: `${className}出勤率${percentDown(attended, expected)}%，低于60%，请关注。`,
      fields: { thing1: thing(className), thing2: thing(`出勤率${percentDown(attended, expected)}%`) },
      page: 'packages/official/pages/index',
    }),
  },
};

/** A reminder ready for the outbox: the message-centre text and the WeChat data, already cut. */
export function buildReminder<K extends ReminderKind>(
  kind: K,
  input: ReminderInputs[K],
): { kind: K; audience: Audience; template: string; title: string; text: string; data: Record<string, string>; page: string } {
  const spec = REMINDER_KINDS[kind] as ReminderKindSpec<ReminderInputs[K]>;
  const built = spec.build(input);
  return {
    kind,
    audience: spec.audience,
    template: spec.template,
    title: built.title,
    text: built.text,
    data: fitTemplateData(built.fields),
    page: built.page,
  };
}
