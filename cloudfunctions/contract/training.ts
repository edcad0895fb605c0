/**
 * training: classes, enrollment, attendance and completion (R5, R6).
 */
import type { SessionTimes } from '../core/attendance';
import type { ClassEdit, ClassStatus } from '../core/class-plans';
import type { ClassMode, ClassState, Distance } from '../core/classes';
import type { ErrorCode, PlaceRef } from './common';

export type { ClassMode } from '../core/classes';
export type { SessionTimes } from '../core/attendance';
export type { ClassState, Distance } from '../core/classes';
export type { ClassEdit, ClassStatus } from '../core/class-plans';

export interface ClassView {
  id: string;
  name: string;
  institution: { id: string; name: string };
  occupation: { code: string; name: string };
  /** 1–5 (五级 = 5); 0 when the course has no level. */
  level: number;
  mode: ClassMode;
  /** 全脱产 / 业余 / 送培训下乡 */
  modeName: string;
  acceptedTypes: string[];
  selfFunded: boolean;
  county: PlaceRef;
  township: PlaceRef | null;
  capacity: number;
  seatsLeft: number;
  sessions: SessionTimes[];
  firstSessionAt: string;
  lastSessionEndsAt: string;
  minAttendanceRatio: number;
  /** listClasses only: what the caller can do with this class. */
  forMe?: ClassForMe;
}

export interface ClassForMe {
  /** R13 how far from the caller's household: 本乡镇, 本县, 另一个县, 另一个市, 外省 (absent before registering). */
  distance?: Distance;
  distanceText?: string;
  /** With no usable voucher: the accepted type the caller could claim and enroll with in one step (`enroll {claim}`). */
  claimable?: string | null;
  /** Already enrolled (not withdrawn). */
  enrolled: boolean;
  /** The voucher type that would pay (R5.2); null for self-funded or when none is usable. */
  voucherType: string | null;
  canEnroll: boolean;
  /** Why not, in plain Chinese; null when canEnroll. */
  reason: string | null;
  reasonCode: ErrorCode | null;
}

export interface ListClassesInput {
  countyCode?: string;
  townshipCode?: string;
  occupationCode?: string;
  mode?: ClassMode;
  /** Only classes the caller can enroll in now. */
  eligibleOnly?: boolean;
}

export interface EnrollmentView {
  id: string;
  status: 'enrolled' | 'withdrawn' | 'completed' | 'not_completed';
  statusName: string;
  voucherId: string | null;
  voucherType: string | null;
  enrolledAt: string;
  class: ClassView;
  /** Sessions (by index) the person was recorded present at. */
  attendedSessions: number[];
  /** R6.5: sessions needed to complete: ceil(total × the class ratio). */
  requiredSessions: number;
}

/** R6.1: kept on the laborer's phone to show codes offline. */
export interface AttendanceKey {
  personRef: string;
  /** base64 of 32 bytes. */
  secret: string;
  /** The server's time when the key was handed out (ISO): the phone keeps its clock offset. */
  serverNow: string;
}

export type ScanResult =
  /** `name`: the trainee's masked name (R2.4), so the trainer sees who just checked in. */
  | { status: 'accepted'; session: number; skewFlagged: boolean; name: string }
  | { status: 'duplicate'; code: 'ALREADY_CHECKED_IN'; message: string; session: number; name: string }
  | { status: 'refused'; code: ErrorCode; message: string };

export interface OfflineScan {
  /** Made on the trainer's phone: makes uploads idempotent. */
  scanId: string;
  classId: string;
  code: string;
  /** The trainer's device time at the scan (ISO). */
  deviceScannedAt: string;
}

export interface RosterView {
  classId: string;
  name: string;
  sessions: SessionTimes[];
  /** Names masked (R2.4); sessions attended by index. */
  people: {
    personId: string;
    name: string;
    sessions: number[];
    skewFlagged: boolean;
    status: EnrollmentView['status'];
    statusName: string;
    /** R13.2 sessions checked in by a printed card, and by the trainer's mark. */
    cardSessions?: number[];
    manualSessions?: number[];
  }[];
  /** R13.2 the class's check-ins by method and the share of cards and marks (flagged above 20 %). */
  checkIns?: CheckInShare;
  /** The session scanning is open for now (or the next one), by index; null after the last. */
  currentSession: number | null;
  closedAt: string | null;
}


/** R11.3 a class as a trainer plans it (开班): saved as a draft, then submitted for review. */
export interface ClassPlanInput {
  /** The trainer's institution, when they work for several. */
  institutionId?: string;
  name: string;
  occupationCode: string;
  /** 1–5 (五级 = 5), or 0 for a course without levels: one the institution may train. */
  level: number;
  projectId?: string | null;
  acceptedTypes: string[];
  selfFunded: boolean;
  /** A township of the institution's county. */
  townshipCode: string;
  mode: ClassMode;
  capacity: number;
  sessions: SessionTimes[];
  /** 0.5–1; 0.8 when omitted. */
  minAttendanceRatio?: number;
}

/** A change of a class: before approval anything, after it sessions and capacity only (R11.3). */
export type ClassPlanChange = { classId: string } & Partial<Omit<ClassPlanInput, 'institutionId'>>;

/** A trainer's class: its state and today's session, for the scan screen. */
export interface TrainerClassView extends ClassView {
  /** R11.3 draft, submitted, approved, rejected, cancelling, cancelled. */
  status: ClassStatus;
  statusName: string;
  project: { id: string; name: string } | null;
  /** What the trainer may still change. */
  editable: ClassEdit;
  submittedAt: string | null;
  review: { at: string; approved: boolean; reason: string | null } | null;
  cancel: { at: string; reason: string } | null;
  createdAt: string;
  enrolled: number;
  /** upcoming: before the first session; running: sessions under way; ended: last session over,
   * waiting for offline uploads; closed: completion done (R6.5). */
  state: ClassState;
  stateName: string;
  /** The session scanning is open for now (or the next one), by index; null after the last. */
  currentSession: number | null;
  closedAt: string | null;
}

/** R6.5: the outcome of closing a class. */
export interface CompletionView {
  classId: string;
  closedAt: string;
  completed: number;
  notCompleted: number;
}

/** R13.2 a class's check-ins and the share of printed cards and trainer's marks among them. */
export interface CheckInShare {
  total: number;
  card: number;
  manual: number;
  /** 0–1 */
  share: number;
  /** Above 20 %: officials look. */
  flagged: boolean;
}

/** R13.2 for officials: a class with its check-in share. */
export interface ClassCheckInsView {
  classId: string;
  name: string;
  institution: { id: string; name: string };
  county: PlaceRef;
  checkIns: CheckInShare;
}

/** R13.2 what to print on a 签到卡. */
export interface CheckInCard {
  code: string;
  holderName: string;
  idNumberMasked: string;
  issuedAt: string;
}
