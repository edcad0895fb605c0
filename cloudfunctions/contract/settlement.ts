/**
 * settlement: an institution's 申领 of its subsidy entries, the county's 审核 entry by entry, and
 * the 拨付 (R12.1); institution scorecards (培训质量考核评估).
 */
import type { SubsidyStatus } from '../core/certificates';
import type { EntryDecision } from '../core/settlement';
import type { PlaceRef } from './common';

export type { EntryDecision } from '../core/settlement';

/** What an entry's subsidy rests on, for the reviewer. */
export interface EntryEvidence {
  classId: string | null;
  className: string | null;
  /** Sessions attended of the class's sessions (null: assessed with a 评价券, no class). */
  attended: number | null;
  sessions: number | null;
  /** Attended ÷ sessions as a whole percent, rounded half up. */
  attendancePercent: number | null;
  score: number | null;
  passed: boolean;
  assessedOn: string | null;
  voucherType: string | null;
}

export interface SubsidyEntryView {
  certificateNumber: string;
  personName: string;
  /** Masked (R1.4): the reviewer checks the person, not the number. */
  idNumber: string;
  occupation: string;
  levelName: string | null;
  amountFen: number;
  status: SubsidyStatus;
  statusName: string;
  applicationId: string | null;
  /** The reviewer's reason for a rejection or a return. */
  reviewReason: string | null;
  approvedAt: string | null;
  paidAt: string | null;
  evidence: EntryEvidence;
}

export interface PaymentView {
  id: string;
  amountFen: number;
  /** China date `YYYY-MM-DD` of the transfer. */
  paidOn: string;
  transferRef: string;
  entries: string[];
  recordedAt: string;
}

export interface ApplicationView {
  id: string;
  institution: { id: string; name: string };
  county: PlaceRef;
  className: string | null;
  appliedAt: string;
  /** Entries applied for when submitted (those returned since have left it). */
  submitted: number;
  amountFen: number;
  /** Entries now in it by status. */
  counts: Partial<Record<SubsidyStatus, number>>;
  approvedFen: number;
  paidFen: number;
  /** Whether every entry still in it is decided and every approved one paid. */
  settled: boolean;
  /** Only when one application is asked for. */
  entries?: SubsidyEntryView[];
  payments?: PaymentView[];
}

export interface ListEntriesInput {
  institutionId?: string;
  classId?: string;
  /** Default: payable (待申领). */
  status?: SubsidyStatus;
}

export interface ApplyInput {
  institutionId?: string;
  /** All payable entries of a closed class … */
  classId?: string;
  /** … or the entries named (certificate numbers). */
  certificateNumbers?: string[];
}

export interface ListApplicationsInput {
  institutionId?: string;
  /** Officials: a region inside theirs (default theirs). */
  regionCode?: string;
  /** open: not yet settled. Default: all. */
  state?: 'open' | 'settled';
}

export interface ReviewInput {
  applicationId: string;
  decisions: { certificateNumber: string; decision: EntryDecision; reason?: string }[];
}

export interface PaymentInput {
  applicationId: string;
  /** Default: every approved, unpaid entry of the application. */
  certificateNumbers?: string[];
  /** Exactly the approved fen of the entries paid. */
  amountFen: number;
  paidOn: string;
  transferRef: string;
}

/** 培训质量考核评估: one institution's year. */
export interface ScorecardRow {
  rank: number;
  institution: { id: string; name: string };
  classes: number;
  trainees: number;
  completed: number;
  certified: number;
  /** Whole percents, half up; null when nothing to divide by. */
  completionRate: number | null;
  certificationRate: number | null;
  /** Of its certified trainees whose 3 / 6 months have passed, the share who reported work by then. */
  employedAt3Months: number | null;
  employedAt6Months: number | null;
  paidFen: number;
  rejected: number;
  refused: number;
}

export interface ScorecardView {
  region: PlaceRef;
  year: number;
  rows: ScorecardRow[];
}
