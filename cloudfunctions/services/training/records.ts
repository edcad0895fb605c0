/**
 * How the training context's documents and their ledger changes are built (R5, R6, R9.1,
 * R9.2). The use cases and the dataset generator both build through these.
 */
import { bandOrNull } from '../../core/age';
import { METRICS, type ProjectEvent, projectMetric } from '../../core/books';
import type { ClassStatus } from '../../core/class-plans';
import { type Completion, classTimes } from '../../core/classes';
import type { Change } from '../books/changes';
import type { Actor } from '../books/ledger';
import { type Place, placeOf } from '../kernel/place';
import { idFromKey } from '../kernel/requests';
import type { AttendanceDoc, ClassDoc, EnrollmentDoc } from './documents';
import { attendanceId, enrollmentId } from './documents';

/** What a new class is made of: its document's fields as planned, with its place, institution, occupation and project as records. */
export type ClassFacts = Pick<ClassDoc, 'name' | 'level' | 'acceptedTypes' | 'selfFunded' | 'townshipCode' | 'mode' | 'capacity' | 'sessions' | 'minAttendanceRatio' | 'createdBy'> & {
  id: string;
  /** The class's county (where it is held and approved). */
  place: Place;
  institution: { _id: string; name: string };
  occupation: { code: string; name: string };
  project: { _id: string; name: string } | null;
  at: Date;
  /** A new class is a draft (R11.3); the dataset generator writes approved ones. */
  status?: Extract<ClassStatus, 'draft' | 'approved'>;
  /** D62 seats held in shards (classes the app creates; a loaded history counts on the class). */
  seatShards?: number;
};

/** The class id made from the request that created it: a retried create finds its own class. */
export const classIdOf = (requestKey: string): string => idFromKey('c', requestKey, 20);

/** R5.1, R11.3 a new class: nobody enrolled, not closed; a draft unless said otherwise. */
export function newClass(f: ClassFacts): ClassDoc {
  const { firstStartsAt, lastEndsAt } = classTimes(f.sessions);
  const status = f.status ?? 'draft';
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
    ...(f.seatShards ? { seatShards: f.seatShards } : {}),
    sessions: f.sessions,
    minAttendanceRatio: f.minAttendanceRatio,
    firstSessionAt: firstStartsAt.toISOString(),
    lastSessionEndsAt: lastEndsAt.toISOString(),
    closedAt: null,
    completion: status === 'approved' ? 'pending' : 'none',
    status,
    projectId: f.project?._id ?? null,
    projectName: f.project?.name ?? null,
    createdBy: f.createdBy,
    createdAt: f.at.toISOString(),
    updatedAt: f.at.toISOString(),
    submittedAt: null,
    review: status === 'approved' ? { by: f.createdBy, at: f.at.toISOString(), approved: true, reason: null } : null,
    cancel: null,
    noticeVersion: 0,
    noticesSent: 0,
  };
}

/** R11 an enrollment's project counter, when its class belongs to a project. */
const projectBump = (e: Pick<EnrollmentDoc, 'projectId' | 'band'>, event: ProjectEvent) =>
  e.projectId ? [{ metric: projectMetric(event, e.projectId), band: bandOrNull(e.band), by: 1 }] : [];

type ClassEvent = 'class.created' | 'class.updated' | 'class.submitted' | 'class.approved' | 'class.rejected' | 'class.cancelled';

/** R9.1, R11.3 a class's own step (created, changed, submitted, reviewed, cancelled), on its county's chain. */
export const classChange = (c: ClassDoc, type: ClassEvent, at: Date, actor: Actor, data: Record<string, unknown> = {}): Change => ({
  place: placeOf(c),
  at,
  type,
  subjects: { classId: c._id, institutionId: c.institutionId, ...(c.projectId ? { projectId: c.projectId } : {}) },
  actor,
  data: { name: c.name, status: c.status, ...data },
  counters: [],
});

export interface EnrollFacts {
  person: Place & { _id: string; openid: string; name: string; idMasked: string; townshipCode: string };
  c: Pick<ClassDoc, '_id' | 'occupationCode' | 'institutionId' | 'projectId'>;
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
    name: f.person.name,
    idMasked: f.person.idMasked,
    townshipCode: f.person.townshipCode,
    occupationCode: f.c.occupationCode,
    institutionId: f.c.institutionId,
    projectId: f.c.projectId ?? null,
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
  counters: [{ metric: METRICS.trainingsStarted, band: bandOrNull(e.band), by: 1 }, ...projectBump(e, 'started')],
});

/** R5.3 withdrawn by the laborer, or (R11.3, `enrollment.cancelled`) because the class was cancelled. */
export const withdrawnChange = (e: EnrollmentDoc, at: Date, actor: Actor, voucherOutcome: string | null, why: 'withdrawn' | 'class_cancelled' = 'withdrawn'): Change => ({
  place: placeOf(e),
  at,
  type: why === 'withdrawn' ? 'enrollment.withdrawn' : 'enrollment.cancelled',
  subjects: { enrollmentId: e._id, classId: e.classId, personId: e.personId },
  actor,
  data: { voucherId: e.voucherId, voucherOutcome },
  counters: [{ metric: METRICS.trainingsWithdrawn, band: bandOrNull(e.band), by: 1 }, ...projectBump(e, 'withdrawn')],
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
  /** R13.2: by a printed card or the trainer's mark (with its reason); default the phone. */
  method?: 'phone' | 'card' | 'manual';
  reason?: string;
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
  ...(f.method && f.method !== 'phone' ? { method: f.method } : {}),
  ...(f.reason ? { reason: f.reason } : {}),
});

/** R6.3 one record per person and session, counted in the trainee's household county. */
export const attendanceChange = (a: AttendanceDoc & Place, actor: Actor): Change => ({
  place: placeOf(a),
  at: new Date(a.recordedAt),
  type: 'attendance.recorded',
  subjects: { attendanceId: a._id, classId: a.classId, personId: a.personId },
  actor,
  data: { session: a.session, scannedAt: a.scannedAt, offline: a.offline, skewFlagged: a.skewFlagged, ...(a.method ? { method: a.method, flagged: true } : {}), ...(a.reason ? { reason: a.reason } : {}) },
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
  counters: [
    { metric: status === 'completed' ? METRICS.trainingsCompleted : METRICS.trainingsNotCompleted, band: bandOrNull(e.band), by: 1 },
    ...(status === 'completed' ? projectBump(e, 'completed') : []),
  ],
});

/** D62 a change that takes (+1) or gives back (−1) a seat of a class with seat shards also moves its folded `enrolled`. */
export function withSeat(c: Pick<ClassDoc, '_id' | 'seatShards'>, change: Change, by: 1 | -1): Change {
  if (!c.seatShards) return change;
  return { ...change, rollups: [...(change.rollups ?? []), { collection: 'classes', id: c._id, field: 'enrolled', by }] };
}
