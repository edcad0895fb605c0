/**
 * R10.1 the phases of the daily reminder run: each finds its due reminders by indexed queries, a
 * page of ≤ 1000 at a time, and writes outbox entries in small transactions; a dedupe key per
 * reminder makes a phase safe to run twice or concurrently.
 */
import { type CalendarDate, addDays, addMonths, chinaMidnight, formatDate } from '../../core/china-date';
import { CERTIFICATE_KIND_NAMES, type CertificateKind } from '../../core/certificates';
import { sessionWindow } from '../../core/attendance';
import {
  type ReminderInputs,
  type ReminderKind,
  dedupeKey,
  isMonthlyRankingDay,
  isTenDayDigestDay,
  lastValidDay,
  lowAttendance,
  quotaAlmostUsed,
  tenDayPeriodStart,
  voucherExpiryDue,
} from '../../core/reminders';
import { and, where } from '../../store/port';
import { scan, scanPages } from '../../store/scan';
import type { PersonDoc } from '../account';
import type { StaffDoc } from '../staff';
import type { CertificateDoc } from '../certificate';
import type { ClassDoc, EnrollmentDoc } from '../training';
import type { Deps } from '../kernel/deps';
import { enqueue } from '../message';
import type { QuotaDoc, VoucherDoc } from '../voucher';


/** New outbox entries per kind (entries already there are not counted again). */
export type Created = Partial<Record<ReminderKind, number>>;

/** A reminder found by a phase, written later in small batches. */
interface Found<K extends ReminderKind = ReminderKind> {
  key: string;
  openid: string;
  kind: K;
  input: ReminderInputs[K];
}

const BATCH = 100;

/** China midnight of a date as an ISO instant (how stored times compare). */
const midnight = (d: CalendarDate) => chinaMidnight(d).toISOString();

/** The run's time budget: a phase that finds it spent stops before its next batch (unfinished). */
export class BudgetSpent extends Error {}

export interface PhaseContext {
  deps: Deps;
  /** The China day the run is for. */
  today: CalendarDate;
  /** When the run started (outbox entries are created at this time). */
  at: Date;
  created: Created;
  /** The instant (ms) the run must stop by; phases stop between batches once it has passed. */
  deadline: number;
}

/** Writes found reminders in small transactions; stops (BudgetSpent) between batches once the budget is spent. */
export async function write(ctx: PhaseContext, found: Found[]): Promise<void> {
  const { deps, at, created } = ctx;
  for (let i = 0; i < found.length; i += BATCH) {
    if (deps.clock.now().getTime() >= ctx.deadline) throw new BudgetSpent('remind budget spent');
    const batch = found.slice(i, i + BATCH);
    const fresh = await deps.store.transaction(async (tx) => {
      const out: ReminderKind[] = [];
      for (const f of batch) if (await enqueue(tx, f.key, f.openid, f.kind, f.input as never, at)) out.push(f.kind);
      return out;
    });
    for (const kind of fresh) created[kind] = (created[kind] ?? 0) + 1;
  }
}

/** Laborer: an unused voucher whose last valid day is 7 days from today. */
export async function voucherExpiry(ctx: PhaseContext) {
  const { deps, today } = ctx;
  const filter = and(
    where('status', 'eq', 'unused'),
    where('expiresAt', 'gt', midnight(addDays(today, 7))),
    where('expiresAt', 'lte', midnight(addDays(today, 8))),
  );
  for await (const items of scanPages<VoucherDoc>(deps.store, 'vouchers', filter, { field: 'expiresAt' })) {
    const found: Found[] = items
      .filter((v) => voucherExpiryDue(new Date(v.expiresAt), today))
      .map((v) => ({
        key: dedupeKey('voucherExpiry', v._id, lastValidDay(new Date(v.expiresAt))),
        openid: v.openid,
        kind: 'voucherExpiry',
        input: { typeName: v.typeName, expiresAt: new Date(v.expiresAt) },
      }));
    await write(ctx, found);
  }
}

/** Classes still running whose sessions include `day`: each session's index and start. */
/** Running classes' sessions on `today` and `tomorrow` (China dates), from one pass over the classes. */
async function sessionsOn(deps: Deps, today: CalendarDate, tomorrow: CalendarDate) {
  type Meeting = { c: ClassDoc; session: number; start: Date };
  const wanted = new Map<string, Meeting[]>([
    [formatDate(today), []],
    [formatDate(tomorrow), []],
  ]);
  const filter = and(where('completion', 'eq', 'pending'), where('lastSessionEndsAt', 'gte', midnight(today)));
  for await (const items of scanPages<ClassDoc>(deps.store, 'classes', filter, { field: 'lastSessionEndsAt' })) {
    for (const c of items) {
      if (c.firstSessionAt >= midnight(addDays(tomorrow, 1))) continue;
      c.sessions.forEach((s, i) => wanted.get(s.date)?.push({ c, session: i, start: sessionWindow(s).startsAt }));
    }
  }
  return { today: wanted.get(formatDate(today))!, tomorrow: wanted.get(formatDate(tomorrow))! };
}

const placeOfClass = (deps: Deps, c: ClassDoc) => (c.townshipCode ? deps.regions.ref(c.townshipCode).name : c.institutionName);

/** Laborer: a session tomorrow. Trainer: a session today. */
export async function sessions(ctx: PhaseContext) {
  const { deps, today } = ctx;
  const tomorrow = addDays(today, 1);
  const meetings = await sessionsOn(deps, today, tomorrow);
  /** One reminder of `kind` per meeting and person met, once a day. */
  const remindEach = async <T extends { openid: string }>(
    list: { c: ClassDoc; session: number; start: Date }[],
    kind: 'sessionTomorrow' | 'trainerSessionToday',
    day: CalendarDate,
    people: (c: ClassDoc) => AsyncIterable<T>,
    who: (t: T) => string,
  ) => {
    for (const { c, session, start } of list) {
      const input = { className: c.name, start, place: placeOfClass(deps, c) };
      const found: Found[] = [];
      for await (const t of people(c)) found.push({ key: dedupeKey(kind, `${c._id}-${session}:${who(t)}`, day), openid: t.openid, kind, input });
      await write(ctx, found);
    }
  };
  const enrolled = (c: ClassDoc) => scan<EnrollmentDoc>(deps.store, 'enrollments', and(where('classId', 'eq', c._id), where('status', 'eq', 'enrolled')));
  const trainers = (c: ClassDoc) => scan<StaffDoc>(deps.store, 'staff', and(where('role', 'eq', 'trainer'), where('institutionId', 'eq', c.institutionId)));
  await remindEach(meetings.tomorrow, 'sessionTomorrow', tomorrow, enrolled, (e) => e.personId);
  await remindEach(meetings.today, 'trainerSessionToday', today, trainers, (t) => t.openid);
}

const counties = (deps: Deps) => deps.regions.all().filter((r) => r.level === 'county');

async function openidsOf(deps: Deps, personIds: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (let i = 0; i < personIds.length; i += 1000) {
    const page = await deps.store.find<PersonDoc>('persons', where('_id', 'in', personIds.slice(i, i + 1000)), { limit: 1000 });
    for (const p of page.items) out.set(p._id, p.openid);
  }
  return out;
}

/** Laborer: a certificate issued yesterday; a follow-up due today (3 and 6 months on, R8.3). */
export async function certificates(ctx: PhaseContext) {
  const { deps, today } = ctx;
  const yesterday = addDays(today, -1);
  // The assessment-date days whose 3- or 6-month follow-up falls today (month ends clamp).
  const dueFrom = (months: number) => {
    const days: string[] = [];
    for (let back = 0; back <= 4; back++) {
      const d = addDays(addMonths(today, -months), -back);
      if (formatDate(addMonths(d, months)) === formatDate(today)) days.push(formatDate(d));
    }
    return days;
  };
  const followUpDays = [...dueFrom(3), ...dueFrom(6)];
  for (const county of counties(deps)) {
    const issued: CertificateDoc[] = [];
    const filter = and(where('countyCode', 'eq', county.code), where('issuedOn', 'in', [formatDate(yesterday), ...followUpDays]));
    for await (const items of scanPages<CertificateDoc>(deps.store, 'certificates', filter, { field: 'issuedOn' })) issued.push(...items.filter((c) => c.status === 'valid'));
    if (issued.length === 0) continue;
    const openids = await openidsOf(deps, issued.map((c) => c.personId));
    const found: Found[] = [];
    for (const c of issued) {
      const openid = openids.get(c.personId);
      if (!openid) continue;
      const name = `${c.occupationName}${CERTIFICATE_KIND_NAMES[c.kind as CertificateKind] ?? ''}`;
      if (c.issuedOn === formatDate(yesterday)) {
        found.push({ key: dedupeKey('certificateIssued', c._id, c.issuedOn), openid, kind: 'certificateIssued', input: { certificateName: name, issuedAt: new Date(c.issuedAt) } });
      }
      if (followUpDays.includes(c.issuedOn)) {
        found.push({ key: dedupeKey('followUpDue', `${c._id}`, today), openid, kind: 'followUpDue', input: { dueOn: today } });
      }
    }
    await write(ctx, found);
  }
}

export async function officials(deps: Deps): Promise<StaffDoc[]> {
  const out: StaffDoc[] = [];
  for await (const s of scan<StaffDoc>(deps.store, 'staff', where('role', 'eq', 'official'))) if (s.regionCode) out.push(s);
  return out;
}

/** Official: the ten-day digest (1st, 11th, 21st) and the monthly ranking (1st). */
export async function digests(ctx: PhaseContext, staff: StaffDoc[]) {
  const { deps, today } = ctx;
  const found: Found[] = [];
  for (const s of staff) {
    const regionName = deps.regions.ref(s.regionCode!).name;
    if (isTenDayDigestDay(today)) {
      found.push({ key: dedupeKey('officialDigest', `${s.regionCode}:${s.openid}`, today), openid: s.openid, kind: 'officialDigest', input: { regionName, day: today } });
    }
    const region = deps.regions.get(s.regionCode!);
    if (isMonthlyRankingDay(today) && region && region.level !== 'county') {
      const last = addMonths({ ...today, day: 1 }, -1);
      found.push({
        key: dedupeKey('monthlyRanking', `${s.regionCode}:${s.openid}`, `${last.year}-${String(last.month).padStart(2, '0')}`),
        openid: s.openid,
        kind: 'monthlyRanking',
        input: { regionName, year: last.year, month: last.month },
      });
    }
  }
  await write(ctx, found);
}

/** Official: a county's type quota ≥ 90 % used (once a year per limit). */
export async function quotas(ctx: PhaseContext, staff: StaffDoc[]) {
  const { deps, today } = ctx;
  const found: Found[] = [];
  const names = new Map((await deps.store.find<{ _id: string; name: string }>('voucherTypes', undefined, { limit: 100 })).items.map((t) => [t._id, t.name]));
  for (const county of counties(deps)) {
    const watching = staff.filter((s) => deps.regions.isWithin(county.code, s.regionCode!));
    if (watching.length === 0) continue;
    const page = await deps.store.find<QuotaDoc>('quotas', and(where('countyCode', 'eq', county.code), where('year', 'eq', today.year)), { limit: 1000 });
    for (const q of page.items.filter((x) => quotaAlmostUsed(x.used, x.limit))) {
      for (const s of watching) {
        found.push({
          key: dedupeKey('quotaAlmostUsed', `${county.code}:${q.type}:${q.limit}:${s.openid}`, String(today.year)),
          openid: s.openid,
          kind: 'quotaAlmostUsed',
          input: { countyName: county.name, typeName: names.get(q.type) ?? q.type, used: q.used, limit: q.limit },
        });
      }
    }
  }
  await write(ctx, found);
}

/** Official: a class whose attendance yesterday was under 60 % (once per ten-day period). */
export async function attendance(ctx: PhaseContext, staff: StaffDoc[]) {
  const { deps, today } = ctx;
  const yesterday = addDays(today, -1);
  const found: Found[] = [];
  const filter = and(where('completion', 'in', ['pending', 'closing']), where('lastSessionEndsAt', 'gte', midnight(yesterday)));
  for await (const items of scanPages<ClassDoc>(deps.store, 'classes', filter, { field: 'lastSessionEndsAt' })) {
    for (const c of items) {
      const session = c.sessions.findIndex((s) => s.date === formatDate(yesterday));
      if (session < 0 || c.enrolled === 0) continue;
      const attended = await deps.store.count('attendance', and(where('classId', 'eq', c._id), where('session', 'eq', session)));
      if (!lowAttendance(attended, c.enrolled)) continue;
      for (const s of staff.filter((x) => deps.regions.isWithin(c.countyCode, x.regionCode!))) {
        found.push({
          key: dedupeKey('lowAttendance', `${c._id}:${s.openid}`, tenDayPeriodStart(yesterday)),
          openid: s.openid,
          kind: 'lowAttendance',
          input: { className: c.name, attended, expected: c.enrolled },
        });
      }
    }
  }
  await write(ctx, found);
}

