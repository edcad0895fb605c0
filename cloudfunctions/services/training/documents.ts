/**
 * The training context's documents and ids (R5, R6): institutions, classes, enrollments, the
 * person's full-time schedule, attendance keys and records.
 */
import type { SessionTimes } from '../../core/attendance';
import type { ClassMode, EnrollmentStatus, Span } from '../../core/classes';
import type { Place } from '../kernel/place';

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
};
