/**
 * How the training context's documents and their ledger changes are built (R5, R6, R9.1,
 * R9.2). The use cases and the dataset generator both build through these.
 */
import { bandOrNull } from '../../core/age';
import { METRICS } from '../../core/books';
import type { SessionTimes } from '../../core/attendance';
import { type ClassMode, type Completion, classTimes } from '../../core/classes';
import type { Change } from '../books/changes';
import type { Actor } from '../books/ledger';
import { type Place, placeOf } from '../kernel/place';
import type { AttendanceDoc, ClassDoc, EnrollmentDoc } from './documents';
import { attendanceId, enrollmentId } from './documents';

export interface ClassFacts {
  id: string;
  /** The class's county (where it is held and approved). */
  place: Place;
  institution: { _id: string; name: string };
  name: string;
  occupation: { code: string; name: string };
  level: number;
  acceptedTypes: string[];
  selfFunded: boolean;
  townshipCode: string | null;
  mode: ClassMode;
  capacity: number;
  sessions: SessionTimes[];
  minAttendanceRatio: number;
}

/** R5.1 a class as published: nobody enrolled, not closed. */
export function newClass(f: ClassFacts): ClassDoc {
  const { firstStartsAt, lastEndsAt } = classTimes(f.sessions);
  return {
    _id: f.id,
    ...placeOf(f.place),
    institutionId: f.institution._id,
    institutionName: f.institution.name,
    name: f.name,
    occupationCode: f.occupation.code,
    occupationName: f.occupation.name,
    level: f.level,
    acceptedTypes: f.acceptedTypes,
    selfFunded: f.selfFunded,
    townshipCode: f.townshipCode,
    mode: f.mode,
    capacity: f.capacity,
    enrolled: 0,
    sessions: f.sessions,
    minAttendanceRatio: f.minAttendanceRatio,
    firstSessionAt: firstStartsAt.toISOString(),
    lastSessionEndsAt: lastEndsAt.toISOString(),
    closedAt: null,
    completion: 'pending',
  };
}

export interface EnrollFacts {
  person: Place & { _id: string; openid: string };
  c: Pick<ClassDoc, '_id' | 'occupationCode' | 'institutionId'>;
  voucher: { _id: string; type: string } | null;
  /** The voucher's band, else the person's band today, else `-`. */
  band: string;
  at: Date;
  /** An earlier, withdrawn enrollment in the same class: kept in `previous`. */
  existing: EnrollmentDoc | null;
}

/** R5.2 a new enrollment; a person's earlier withdrawn one in the class is kept, never lost. */
export function newEnrollment(f: EnrollFacts): EnrollmentDoc {
  const e = f.existing;
  return {
    _id: enrollmentId(f.c._id, f.person._id),
    ...placeOf(f.person),
    classId: f.c._id,
    personId: f.person._id,
    openid: f.person.openid,
    occupationCode: f.c.occupationCode,
    institutionId: f.c.institutionId,
    voucherId: f.voucher?._id ?? null,
    voucherType: f.voucher?.type ?? null,
    band: f.band,
    status: 'enrolled',
    enrolledAt: f.at.toISOString(),
    ...(e
      ? {
          previous: [
            ...(e.previous ?? []),
            { enrolledAt: e.enrolledAt, endedAt: e.endedAt ?? e.enrolledAt, band: e.band, countyCode: e.countyCode, voucherId: e.voucherId },
          ],
        }
      : {}),
  };
}

export const enrolledChange = (e: EnrollmentDoc, c: Pick<ClassDoc, 'mode'>, actor: Actor): Change => ({
  place: placeOf(e),
  at: new Date(e.enrolledAt),
  type: 'enrollment.created',
  subjects: { enrollmentId: e._id, classId: e.classId, personId: e.personId, ...(e.voucherId ? { voucherId: e.voucherId } : {}) },
  actor,
  data: { voucherType: e.voucherType, band: e.band, occupationCode: e.occupationCode, mode: c.mode },
  counters: [{ metric: METRICS.trainingsStarted, band: bandOrNull(e.band), by: 1 }],
});

export const withdrawnChange = (e: EnrollmentDoc, at: Date, actor: Actor, voucherOutcome: string | null): Change => ({
  place: placeOf(e),
  at,
  type: 'enrollment.withdrawn',
  subjects: { enrollmentId: e._id, classId: e.classId, personId: e.personId },
  actor,
  data: { voucherId: e.voucherId, voucherOutcome },
  counters: [{ metric: METRICS.trainingsWithdrawn, band: bandOrNull(e.band), by: 1 }],
});

export interface ScanFacts {
  enrollment: EnrollmentDoc;
  c: Pick<ClassDoc, '_id' | 'occupationCode'>;
  session: number;
  scannedAt: Date;
  recordedAt: Date;
  trainerOpenid: string;
  /** R6.4: an offline scan's clock skew, and whether it was flagged; null for a live scan. */
  offline: { skewMs: number; skewFlagged: boolean } | null;
}

/** R6.3 one record per person and session, in the trainee's household place (the ledger's). */
export const newAttendance = (f: ScanFacts): AttendanceDoc & Place => ({
  _id: attendanceId(f.c._id, f.session, f.enrollment.personId),
  ...placeOf(f.enrollment),
  band: f.enrollment.band,
  occupationCode: f.c.occupationCode,
  classId: f.c._id,
  session: f.session,
  personId: f.enrollment.personId,
  scannedAt: f.scannedAt.toISOString(),
  recordedAt: f.recordedAt.toISOString(),
  trainerOpenid: f.trainerOpenid,
  offline: f.offline !== null,
  skewMs: f.offline?.skewMs ?? 0,
  skewFlagged: f.offline?.skewFlagged ?? false,
});

/** R6.3 one record per person and session, counted in the trainee's household county. */
export const attendanceChange = (a: AttendanceDoc & Place, actor: Actor): Change => ({
  place: placeOf(a),
  at: new Date(a.recordedAt),
  type: 'attendance.recorded',
  subjects: { attendanceId: a._id, classId: a.classId, personId: a.personId },
  actor,
  data: { session: a.session, scannedAt: a.scannedAt, offline: a.offline, skewFlagged: a.skewFlagged },
  counters: [],
});

/** R6.5 step 1: the class is closed; from then on its attendance is final. */
export const classClosedChange = (c: ClassDoc, at: Date, actor: Actor): Change => ({
  place: placeOf(c),
  at,
  type: 'class.closed',
  subjects: { classId: c._id, institutionId: c.institutionId },
  actor,
  data: { sessions: c.sessions.length, minAttendanceRatio: c.minAttendanceRatio, enrolled: c.enrolled },
  counters: [],
});

/** R6.5 step 2: one enrollment completed or not, by its attendance. */
export const completedChange = (
  e: EnrollmentDoc,
  c: Pick<ClassDoc, 'sessions' | 'minAttendanceRatio'>,
  status: Completion,
  attended: number,
  at: Date,
  actor: Actor,
): Change => ({
  place: placeOf(e),
  at,
  type: status === 'completed' ? 'enrollment.completed' : 'enrollment.not_completed',
  subjects: { enrollmentId: e._id, classId: e.classId, personId: e.personId },
  actor,
  data: { attended, sessions: c.sessions.length, minAttendanceRatio: c.minAttendanceRatio, voucherId: e.voucherId },
  counters: [{ metric: status === 'completed' ? METRICS.trainingsCompleted : METRICS.trainingsNotCompleted, band: bandOrNull(e.band), by: 1 }],
});
