/**
 * The training context's documents and ids (R5, R6, R11.3): classes with their review,
 * enrollments, the person's full-time schedule, attendance keys and records. Institutions are
 * the institution context's.
 */
import type { SessionTimes } from '../../core/attendance';
import type { ClassStatus } from '../../core/class-plans';
import type { ClassMode, EnrollmentStatus, Span } from '../../core/classes';
import type { Place } from '../kernel/place';
import type { PlacePool } from '../kernel/places';

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
  /** Seats taken; with `seatShards`, the sum of the seat shards, folded in by the sequencer (D61, D62). */
  enrolled: number;
  /** D62 the seats are held in this many shard documents (absent: counted on the class itself). */
  seatShards?: number;
  sessions: SessionTimes[];
  minAttendanceRatio: number;
  firstSessionAt: string;
  lastSessionEndsAt: string;
  /** R6.5: set when the class is closed; scans are refused from then on. */
  closedAt: string | null;
  /**
   * R6.5: none (not approved, or cancelled) → pending (approved, running) → closing (closed,
   * enrollments being completed) → done. Sweeps and reminders look at pending and closing only.
   */
  completion: 'none' | 'pending' | 'closing' | 'done';
  completed?: number;
  notCompleted?: number;
  /** R11.3 draft → submitted → approved | rejected; approved → cancelling → cancelled. */
  status: ClassStatus;
  projectId: string | null;
  projectName: string | null;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
  review: ClassReview | null;
  cancel: { by: string; at: string; reason: string } | null;
  /** Sessions changed after approval: each enrolled laborer is told once per version. */
  noticeVersion: number;
  noticesSent: number;
};

export type ClassReview = { by: string; at: string; approved: boolean; reason: string | null };


export type EnrollmentDoc = Place & {
  _id: string;
  classId: string;
  personId: string;
  openid: string;
  /**
   * D64 what the trainee ledger shows of the person, as at enrollment: the name and masked ID
   * number (which never change) and the household township (its county is the enrollment's
   * place). Absent on enrollments made before D64: the ledger then reads the person.
   */
  name?: string;
  idMasked?: string;
  townshipCode?: string;
  /** The class's occupation and institution, for the trainee ledger's filters (R9.5). */
  occupationCode?: string;
  institutionId?: string;
  voucherId: string | null;
  voucherType: string | null;
  band: string;
  status: EnrollmentStatus;
  enrolledAt: string;
  endedAt?: string;
  /** D62 the seat shard it took its seat from (classes with seat shards). */
  seat?: number;
  /** Withdrawn because the class was cancelled (R11.3), not by the laborer. */
  endReason?: 'class_cancelled';
  /** The class's training project, counted per project (R11). */
  projectId?: string | null;
  /** R6.5: sessions attended, recorded at completion. */
  attended?: number;
  /** Earlier enrollments in the same class that were withdrawn: records are never lost. */
  previous?: { enrolledAt: string; endedAt: string; band: string; countyCode: string; voucherId: string | null }[];
};

export type PersonScheduleDoc = { _id: string; fulltime: ({ classId: string } & Span)[] };

export const enrollmentId = (classId: string, personId: string) => `${classId}:${personId}`;
/** R6.3: one attendance record per person and session. */
export const attendanceId = (classId: string, session: number, personId: string) => `${classId}:${session}:${personId}`;

/** R6.1: the person's attendance reference and secret (the HMAC key, encrypted at rest). */
export type AttendanceKeyDoc = { _id: string; ref: string; secretCipher: string };
/** id = attendance reference: which person a scanned code names. */
export type AttendanceRefDoc = { _id: string; personId: string };

export type AttendanceDoc = {
  _id: string;
  /** The trainee's household place, band and the class's occupation, for the attendance ledger (R9.5). */
  countyCode?: string;
  cityCode?: string;
  provinceCode?: string;
  band?: string;
  occupationCode?: string;
  classId: string;
  session: number;
  personId: string;
  scannedAt: string;
  recordedAt: string;
  trainerOpenid: string;
  offline: boolean;
  skewMs: number;
  skewFlagged: boolean;
  /** R13.2 phone (its QR or typed digits), a printed card, or marked by the trainer; absent = phone. */
  method?: 'phone' | 'card' | 'manual';
  /** A manual mark's reason. */
  reason?: string;
};

/** R13.2 id = card id: a printed check-in card, static until revoked (a new one replaces it). */
export type CardDoc = { _id: string; personId: string; status: 'active' | 'revoked'; issuedAt: string; issuedBy: string; revokedAt: string | null };
/** id = person id: the person's current card. */
export type PersonCardDoc = { _id: string; cardId: string };

/** D62 seat shards of a new class: enough that a class's enrollment rush rarely meets on one. */
export const seatShardsFor = (capacity: number) => Math.max(1, Math.min(16, capacity));

/** A class's seats as places (classes with seat shards only). */
export const seatPool = (c: Pick<ClassDoc, '_id' | 'capacity' | 'seatShards'>): PlacePool => ({ collection: 'seatShards', id: c._id, limit: c.capacity, shards: c.seatShards ?? 1 });
