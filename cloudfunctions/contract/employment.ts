/**
 * employment: reports and follow-ups (R8).
 */
import type { EmploymentInput, EmploymentStatus, WorkPlace } from '../core/employment';
import type { PlaceRef } from './common';

export type { EmploymentStatus, WorkPlace } from '../core/employment';

/** R8.1: status; for all but `seeking`: place (+ region), start date, monthly income in whole yuan. */
export type EmploymentReportInput = EmploymentInput;

export interface EmploymentView {
  id: string;
  status: EmploymentStatus;
  statusName: string;
  employer: string | null;
  occupation: string | null;
  place: WorkPlace | null;
  placeName: string | null;
  region: PlaceRef | null;
  /** The place in words, when not picked from the regions. */
  placeDetail: string | null;
  startDate: string | null;
  /** R7.5: fen; yuan only on screen. */
  monthlyIncomeFen: number | null;
  /** R8.2: outside the household county. */
  transfer: boolean;
  reportedAt: string;
}

/** R8.3: a follow-up 3 or 6 months after a certificate. */
export interface FollowUpView {
  certificateNumber: string;
  occupation: string;
  months: number;
  dueOn: string;
  status: 'upcoming' | 'due' | 'done';
}
