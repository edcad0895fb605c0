/**
 * R5 Classes and enrollment: list classes, enroll with a voucher (capacity never exceeded,
 * full-time classes never overlapping), withdraw before the first session, and my enrollments.
 */
import type { ClassForMe, ClassView, EnrollmentView, ListClassesInput, TrainerClassView } from '../../contract';
import { bandOfAge, ageAt } from '../../core/age';
import type { SessionTimes } from '../../core/attendance';
import { chinaDateOf, parseDate } from '../../core/china-date';
import {
  CLASS_STATE_NAMES,
  type ClassMode,
  DEFAULT_MIN_ATTENDANCE,
  MODE_NAMES,
  type Span,
  classState,
  classTimes,
  currentSession,
  overlaps,
  requiredSessions,
  spanOf,
} from '../../core/classes';
import { DomainError, ERROR_MESSAGES, type ErrorCode } from '../../core/errors';
import { type Tx, and, where } from '../../store/port';
import { scan } from '../../store/scan';
import { type PersonDoc, personOf, requireOpenid } from '../account/account';
import { ensureAttendanceKey } from './attendance-keys';
import { requireRole } from '../kernel/authz';
import { recordChange } from '../books/changes';
import { type Place, placeOf } from '../books/counters';
import type { Caller, Deps } from '../kernel/deps';
import type { Actor } from '../books/ledger';
import { type SlotDoc, type VoucherDoc, endVoucher, isPastExpiry, slotId } from '../voucher/vouchers';

export type InstitutionDoc = {
  _id: string;
  name: string;
  countyCode: string;
  /** R1.3: a registered evaluation body may record results and issue certificates. */
  evaluationBody: boolean;
  trainOccupations: string[];
  assessOccupations: string[];
};

export type ClassDoc = Place & {
  _id: string;
  institutionId: string;
  institutionName: string;
  name: string;
  occupationCode: string;
  occupationName: string;
  /** 1–5 for skill levels (五级 = 5), 0 when the course has no level. */
  level: number;
  acceptedTypes: string[];
  selfFunded: boolean;
  townshipCode: string | null;
  mode: ClassMode;
  capacity: number;
  enrolled: number;
  sessions: SessionTimes[];
  minAttendanceRatio: number;
  firstSessionAt: string;
  lastSessionEndsAt: string;
  /** R6.5: set when the class is closed; scans are refused from then on. */
  closedAt: string | null;
  /** R6.5: pending → closing (closed, enrollments being completed) → done. */
  completion: 'pending' | 'closing' | 'done';
  completed?: number;
  notCompleted?: number;
};

export type EnrollmentStatus = 'enrolled' | 'withdrawn' | 'completed' | 'not_completed';

export type EnrollmentDoc = Place & {
  _id: string;
  classId: string;
  personId: string;
  openid: string;
  /** The class's occupation and institution, for the trainee ledger's filters (R9.5). */
  occupationCode?: string;
  institutionId?: string;
  voucherId: string | null;
  voucherType: string | null;
  band: string;
  status: EnrollmentStatus;
  enrolledAt: string;
  endedAt?: string;
  /** R6.5: sessions attended, recorded at completion. */
  attended?: number;
  /** Earlier enrollments in the same class that were withdrawn: records are never lost. */
  previous?: { enrolledAt: string; endedAt: string; band: string; countyCode: string; voucherId: string | null }[];
};

export type PersonScheduleDoc = { _id: string; fulltime: ({ classId: string } & Span)[] };

export const enrollmentId = (classId: string, personId: string) => `${classId}:${personId}`;
/** R6.3: one attendance record per person and session. */
export const attendanceId = (classId: string, session: number, personId: string) => `${classId}:${session}:${personId}`;

export const ENROLLMENT_STATUS_NAMES: Record<EnrollmentStatus, string> = {
  enrolled: '已报名',
  withdrawn: '已退出',
  completed: '已结业',
  not_completed: '未达到出勤要求',
};

function classView(deps: Deps, c: ClassDoc): ClassView {
  return {
    id: c._id,
    name: c.name,
    institution: { id: c.institutionId, name: c.institutionName },
    occupation: { code: c.occupationCode, name: c.occupationName },
    level: c.level,
    mode: c.mode,
    modeName: MODE_NAMES[c.mode],
    acceptedTypes: c.acceptedTypes,
    selfFunded: c.selfFunded,
    county: deps.regions.ref(c.countyCode),
    township: c.townshipCode ? deps.regions.ref(c.townshipCode) : null,
    capacity: c.capacity,
    seatsLeft: Math.max(0, c.capacity - c.enrolled),
    sessions: c.sessions,
    firstSessionAt: c.firstSessionAt,
    lastSessionEndsAt: c.lastSessionEndsAt,
    minAttendanceRatio: c.minAttendanceRatio,
  };
}

export async function listClasses(deps: Deps, caller: Caller, input: ListClassesInput): Promise<ClassView[]> {
  const openid = requireOpenid(caller);
  const now = deps.clock.now();
  const filters = [where('firstSessionAt', 'gt', now.toISOString())];
  if (input.countyCode) filters.push(where('countyCode', 'eq', input.countyCode));
  const page = await deps.store.find<ClassDoc>('classes', and(...filters), { orderBy: { field: 'firstSessionAt' }, limit: 200 });
  const person = await personOf(deps.store, openid).catch((e: unknown) => {
    if (e instanceof DomainError && e.code === 'NOT_REGISTERED') return null;
    throw e;
  });
  const views: ClassView[] = [];
  for (const c of page.items) {
    if ((input.mode && c.mode !== input.mode) || (input.occupationCode && c.occupationCode !== input.occupationCode)) continue;
    if (input.townshipCode && c.townshipCode !== input.townshipCode) continue;
    const forMe = await classForMe(deps.store, person, c, now);
    if (input.eligibleOnly && !forMe.canEnroll) continue;
    views.push({ ...classView(deps, c), forMe });
  }
  return views;
}

async function classForMe(reader: Reader, person: PersonDoc | null, c: ClassDoc, now: Date): Promise<ClassForMe> {
  if (!person) return { enrolled: false, voucherType: null, canEnroll: false, reason: ERROR_MESSAGES.NOT_REGISTERED, reasonCode: 'NOT_REGISTERED' };
  const check = await enrollCheck(reader, person, c, now);
  const enrolled = check.existing !== null && check.existing.status !== 'withdrawn';
  const voucherType = check.voucher?.type ?? null;
  return check.refusal
    ? { enrolled, voucherType, canEnroll: false, reason: ERROR_MESSAGES[check.refusal], reasonCode: check.refusal }
    : { enrolled, voucherType, canEnroll: true, reason: null, reasonCode: null };
}

type Reader = Pick<Tx, 'get'>;

/** The person's usable voucher for the class: unused, in validity, of an accepted type (R5.2). */
async function usableVoucher(r: Reader, person: PersonDoc, c: ClassDoc, now: Date): Promise<{ voucher: VoucherDoc | null; wrongTownship: boolean }> {
  let wrongTownship = false;
  for (const type of c.acceptedTypes) {
    const slot = await r.get<SlotDoc>('voucherSlots', slotId(person._id, type));
    const v = slot ? await r.get<VoucherDoc>('vouchers', slot.voucherId) : null;
    if (!v || v.status !== 'unused' || isPastExpiry(v, now)) continue;
    // R4: a 送培训下乡 voucher pays only for training in the holder's township.
    if (type === 'village' && c.townshipCode !== v.townshipCode) {
      wrongTownship = true;
      continue;
    }
    return { voucher: v, wrongTownship: false };
  }
  return { voucher: null, wrongTownship };
}

interface EnrollCheck {
  existing: EnrollmentDoc | null;
  voucher: VoucherDoc | null;
  schedule: PersonScheduleDoc | null;
  /** The first reason enrolling is refused (R5.2), or null. */
  refusal: ErrorCode | null;
}

/** R5.2, in order: started, already enrolled, full, no usable voucher, full-time overlap. */
async function enrollCheck(r: Reader, person: PersonDoc, c: ClassDoc, now: Date): Promise<EnrollCheck> {
  const existing = await r.get<EnrollmentDoc>('enrollments', enrollmentId(c._id, person._id));
  const done = (refusal: ErrorCode | null, voucher: VoucherDoc | null = null, schedule: PersonScheduleDoc | null = null) => ({
    existing,
    voucher,
    schedule,
    refusal,
  });
  if (existing && existing.status !== 'withdrawn') return done('ALREADY_ENROLLED');
  if (now >= new Date(c.firstSessionAt)) return done('CLASS_STARTED');
  // R5.2: capacity is a counter on the class, read and written in the enrolling transaction.
  if (c.enrolled >= c.capacity) return done('CLASS_FULL');
  const { voucher, wrongTownship } = await usableVoucher(r, person, c, now);
  if (!voucher && !c.selfFunded) return done(wrongTownship ? 'VOUCHER_WRONG_TOWNSHIP' : 'NO_USABLE_VOUCHER');
  const schedule = await r.get<PersonScheduleDoc>('personSchedules', person._id);
  const span = spanOf(c.sessions);
  if (c.mode === 'fulltime' && (schedule?.fulltime ?? []).some((s) => overlaps(s, span))) return done('FULLTIME_OVERLAP', voucher, schedule);
  return done(null, voucher, schedule);
}

export async function enroll(deps: Deps, caller: Caller, input: { classId: string }): Promise<EnrollmentView> {
  const openid = requireOpenid(caller);
  const result = await deps.store.transaction(async (tx) => {
    const now = deps.clock.now();
    const person = await personOf(tx, openid);
    const c = await tx.get<ClassDoc>('classes', input.classId);
    if (!c) throw new DomainError('CLASS_NOT_FOUND');
    const { existing, voucher, schedule, refusal } = await enrollCheck(tx, person, c, now);
    if (refusal) throw new DomainError(refusal);
    const id = enrollmentId(c._id, person._id);
    const span = spanOf(c.sessions);
    const birth = parseDate(person.birthDate);
    const band = voucher?.band ?? (birth ? bandOfAge(ageAt(birth, now)) : null) ?? '-';
    const doc: Omit<EnrollmentDoc, '_id'> = {
      ...placeOf(person),
      classId: c._id,
      personId: person._id,
      openid,
      occupationCode: c.occupationCode,
      institutionId: c.institutionId,
      voucherId: voucher?._id ?? null,
      voucherType: voucher?.type ?? null,
      band,
      status: 'enrolled',
      enrolledAt: now.toISOString(),
      ...(existing
        ? {
            previous: [
              ...(existing.previous ?? []),
              {
                enrolledAt: existing.enrolledAt,
                endedAt: existing.endedAt ?? existing.enrolledAt,
                band: existing.band,
                countyCode: existing.countyCode,
                voucherId: existing.voucherId,
              },
            ],
          }
        : {}),
    };
    await tx.set<EnrollmentDoc>('enrollments', id, doc);
    // R6.1: the attendance secret is issued with the first enrollment.
    await ensureAttendanceKey(deps, tx, person._id);
    await tx.update('classes', c._id, { inc: { enrolled: 1 } });
    if (voucher) {
      await tx.update('vouchers', voucher._id, { set: { status: 'reserved', enrollmentId: id } });
      await tx.remove('voucherSlots', slotId(person._id, voucher.type));
    }
    if (c.mode === 'fulltime') {
      await tx.set<PersonScheduleDoc>('personSchedules', person._id, {
        fulltime: [...(schedule?.fulltime ?? []), { classId: c._id, ...span }],
      });
    }
    await recordChange(tx, {
      place: placeOf(person),
      at: now,
      type: 'enrollment.created',
      subjects: { enrollmentId: id, classId: c._id, personId: person._id, ...(voucher ? { voucherId: voucher._id } : {}) },
      actor: { openid, role: 'laborer' },
      data: { voucherType: voucher?.type ?? null, band, occupationCode: c.occupationCode, mode: c.mode },
      counters: [{ metric: 'trainingsStarted', band: band === '-' ? null : (band as 'A' | 'B' | 'C'), by: 1 }],
    });
    return { _id: id, ...doc };
  });
  const c = (await deps.store.get<ClassDoc>('classes', result.classId))!;
  return enrollmentView(deps, result, c);
}

/** R5.3: before the first session the voucher goes back to unused (or expires, if past validity). */
export async function withdraw(deps: Deps, caller: Caller, input: { classId: string }): Promise<EnrollmentView> {
  const openid = requireOpenid(caller);
  const result = await deps.store.transaction(async (tx) => {
    const now = deps.clock.now();
    const person = await personOf(tx, openid);
    const id = enrollmentId(input.classId, person._id);
    const e = await tx.get<EnrollmentDoc>('enrollments', id);
    if (!e || e.status !== 'enrolled') throw new DomainError('NOT_ENROLLED_SELF');
    const c = (await tx.get<ClassDoc>('classes', e.classId))!;
    if (now >= new Date(c.firstSessionAt)) throw new DomainError('WITHDRAW_TOO_LATE');
    const endedAt = now.toISOString();
    await tx.update('enrollments', id, { set: { status: 'withdrawn', endedAt } });
    await tx.update('classes', c._id, { inc: { enrolled: -1 } });
    if (c.mode === 'fulltime') {
      const schedule = await tx.get<PersonScheduleDoc>('personSchedules', person._id);
      await tx.set<PersonScheduleDoc>('personSchedules', person._id, {
        fulltime: (schedule?.fulltime ?? []).filter((s) => s.classId !== c._id),
      });
    }
    const system: Actor = { openid: null, role: 'system' };
    let voucherOutcome: string | null = null;
    if (e.voucherId) {
      const v = (await tx.get<VoucherDoc>('vouchers', e.voucherId))!;
      const slot = await tx.get<SlotDoc>('voucherSlots', slotId(person._id, v.type));
      if (new Date(v.expiresAt) <= now) {
        await endVoucher(tx, v, 'expired', now, system);
        voucherOutcome = 'expired';
      } else if (slot) {
        // D16: a newer unused voucher of the type is held; R4.3 allows one, so this one is returned.
        await endVoucher(tx, v, 'cancelled', now, system);
        voucherOutcome = 'cancelled';
      } else {
        await tx.update('vouchers', v._id, { set: { status: 'unused', enrollmentId: null } });
        await tx.set<SlotDoc>('voucherSlots', slotId(person._id, v.type), { voucherId: v._id });
        voucherOutcome = 'unused';
      }
    }
    await recordChange(tx, {
      place: placeOf(e),
      at: now,
      type: 'enrollment.withdrawn',
      subjects: { enrollmentId: id, classId: c._id, personId: person._id },
      actor: { openid, role: 'laborer' },
      data: { voucherId: e.voucherId, voucherOutcome },
      counters: [{ metric: 'trainingsWithdrawn', band: e.band === '-' ? null : (e.band as 'A' | 'B' | 'C'), by: 1 }],
    });
    return { ...e, status: 'withdrawn' as const, endedAt };
  });
  const c = (await deps.store.get<ClassDoc>('classes', result.classId))!;
  return enrollmentView(deps, result, c);
}

export async function myEnrollments(deps: Deps, caller: Caller): Promise<EnrollmentView[]> {
  const openid = requireOpenid(caller);
  const person = await personOf(deps.store, openid);
  const page = await deps.store.find<EnrollmentDoc>('enrollments', where('personId', 'eq', person._id), {
    orderBy: { field: 'enrolledAt', direction: 'desc' },
    limit: 200,
  });
  const views: EnrollmentView[] = [];
  for (const e of page.items) {
    const c = await deps.store.get<ClassDoc>('classes', e.classId);
    if (c) views.push(await enrollmentView(deps, e, c));
  }
  return views;
}

/** Trainer: the classes of their institution (R1.3), the newest first. */
export async function myClasses(deps: Deps, caller: Caller): Promise<TrainerClassView[]> {
  const binding = await requireRole(deps, caller, 'trainer');
  const now = deps.clock.now();
  const views: TrainerClassView[] = [];
  for await (const c of scan<ClassDoc>(deps.store, 'classes', where('institutionId', 'eq', binding.institutionId ?? ''))) {
    views.push(trainerClassView(deps, c, now));
  }
  return views.sort((a, b) => b.firstSessionAt.localeCompare(a.firstSessionAt));
}

export function trainerClassView(deps: Deps, c: ClassDoc, now: Date): TrainerClassView {
  const state = classState(c.sessions, c.closedAt, now);
  return {
    ...classView(deps, c),
    enrolled: c.enrolled,
    state,
    stateName: CLASS_STATE_NAMES[state],
    currentSession: state === 'closed' ? null : currentSession(c.sessions, now),
    closedAt: c.closedAt,
  };
}

async function enrollmentView(deps: Deps, e: EnrollmentDoc, c: ClassDoc): Promise<EnrollmentView> {
  const present = await Promise.all(c.sessions.map((_, i) => deps.store.get('attendance', attendanceId(c._id, i, e.personId))));
  return {
    id: e._id,
    status: e.status,
    statusName: ENROLLMENT_STATUS_NAMES[e.status],
    voucherId: e.voucherId,
    voucherType: e.voucherType,
    enrolledAt: e.enrolledAt,
    class: classView(deps, c),
    attendedSessions: present.flatMap((a, i) => (a ? [i] : [])),
    requiredSessions: requiredSessions(c.sessions.length, c.minAttendanceRatio),
  };
}

/** Demo institutions and classes with sessions around `now` (local seed and tests). */
export async function seedDemoClasses(deps: Deps): Promise<void> {
  const now = deps.clock.now();
  const today = chinaDateOf(now);
  const day = (offset: number) => {
    const d = new Date(Date.UTC(today.year, today.month - 1, today.day + offset));
    return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
  };
  const sessions = (from: number, count: number, start: string, end: string) =>
    Array.from({ length: count }, (_, i) => ({ date: day(from + i), start, end }));
  const institutions: InstitutionDoc[] = [
    { _id: 'inst-lvliang-hugong', name: '吕梁山护工培训学校', countyCode: '141102', evaluationBody: true, trainOccupations: ['4-10-01-05', '4-10-01-06'], assessOccupations: ['4-10-01-05'] },
    { _id: 'inst-huoze-chugong', name: '阳城县濩泽厨工培训中心', countyCode: '140522', evaluationBody: true, trainOccupations: ['4-03-02-01', '4-03-02-02', 'A-GUOSHU'], assessOccupations: ['4-03-02-01', '4-03-02-02'] },
    { _id: 'inst-lanxian-nongji', name: '岚县农广校', countyCode: '141127', evaluationBody: false, trainOccupations: ['V-SHOUGONG', 'V-TINGYUAN', 'A-YANGZHI'], assessOccupations: [] },
  ];
  type Seed = Omit<
    ClassDoc,
    keyof Place | 'enrolled' | 'firstSessionAt' | 'lastSessionEndsAt' | 'institutionName' | 'occupationName' | 'closedAt' | 'completion'
  > & { countyCode: string };
  const classes: Seed[] = [
    { _id: 'class-hugong-lishi', institutionId: 'inst-lvliang-hugong', name: '吕梁山护工·养老护理员（五级）', occupationCode: '4-10-01-05', level: 5, acceptedTypes: ['skills', 'enterprise'], selfFunded: false, countyCode: '141102', townshipCode: null, mode: 'fulltime', capacity: 40, sessions: sessions(1, 10, '09:00', '17:00'), minAttendanceRatio: DEFAULT_MIN_ATTENDANCE },
    { _id: 'class-mianshi-yangcheng', institutionId: 'inst-huoze-chugong', name: '濩泽厨工·中式面点师（四级）', occupationCode: '4-03-02-02', level: 4, acceptedTypes: ['skills', 'enterprise'], selfFunded: false, countyCode: '140522', townshipCode: '140522100', mode: 'parttime', capacity: 40, sessions: sessions(2, 8, '19:00', '21:00'), minAttendanceRatio: DEFAULT_MIN_ATTENDANCE },
    { _id: 'class-guoshu-runcheng', institutionId: 'inst-huoze-chugong', name: '果树修剪与嫁接', occupationCode: 'A-GUOSHU', level: 0, acceptedTypes: ['agri'], selfFunded: false, countyCode: '140522', townshipCode: '140522101', mode: 'parttime', capacity: 60, sessions: sessions(3, 4, '14:00', '17:00'), minAttendanceRatio: DEFAULT_MIN_ATTENDANCE },
    { _id: 'class-bianzhi-dongcun', institutionId: 'inst-lanxian-nongji', name: '送培训下乡·手工编织', occupationCode: 'V-SHOUGONG', level: 0, acceptedTypes: ['village'], selfFunded: false, countyCode: '141127', townshipCode: '141127100', mode: 'village', capacity: 30, sessions: sessions(1, 3, '09:00', '11:30'), minAttendanceRatio: DEFAULT_MIN_ATTENDANCE },
  ];
  const occupationName: Record<string, string> = {
    '4-10-01-05': '养老护理员',
    '4-03-02-02': '中式面点师',
    'A-GUOSHU': '果树修剪与嫁接',
    'V-SHOUGONG': '手工编织',
  };
  await deps.store.transaction(async (tx) => {
    for (const { _id, ...i } of institutions) await tx.set<InstitutionDoc>('institutions', _id, i);
    for (const { _id, ...c } of classes) {
      const city = deps.regions.ancestorAt(c.countyCode, 'city')!;
      const province = deps.regions.ancestorAt(c.countyCode, 'province')!;
      const { firstStartsAt, lastEndsAt } = classTimes(c.sessions);
      await tx.set<ClassDoc>('classes', _id, {
        ...c,
        cityCode: city.code,
        provinceCode: province.code,
        institutionName: institutions.find((i) => i._id === c.institutionId)!.name,
        occupationName: occupationName[c.occupationCode],
        enrolled: 0,
        closedAt: null,
        completion: 'pending',
        firstSessionAt: firstStartsAt.toISOString(),
        lastSessionEndsAt: lastEndsAt.toISOString(),
      });
    }
  });
}
