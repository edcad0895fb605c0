/**
 * Directed vouchers (定向券, R12.2): an official issues vouchers of a type to a named list, and
 * reads the report of who got one and why the others did not.
 */
import type { DirectedStatus, ReasonGroup } from '../core/directed';
import type { PlaceRef } from './common';

export type { DirectedStatus, ReasonGroup } from '../core/directed';

/**
 * One list, given exactly one way: pasted text (one ID number a line), an .xlsx sent in the call
 * (`file`, base64; the local host and small files), or an .xlsx the mini-program uploaded to
 * cloud storage first (`fileId`; the call body of a cloud function is at most 6 MB).
 */
export interface DirectedIssueInput {
  /** The county whose quota the vouchers come from (an official of it or above, R1.2). */
  countyCode: string;
  type: string;
  text?: string;
  file?: { name: string; base64: string };
  fileId?: string;
}

export interface DirectedReasonCount {
  group: ReasonGroup;
  name: string;
  count: number;
}

export interface DirectedJobView {
  listId: string;
  county: PlaceRef;
  type: string;
  typeName: string;
  year: number;
  createdAt: string;
  fileName: string | null;
  /** `running` until every listed person has been decided (the list may need more than one call). */
  status: 'running' | 'done';
  /** 0–100. */
  progress: number;
  lines: number;
  issued: number;
  /** Not registered yet: they get the voucher when they register while the issue is open. */
  pending: number;
  /** Every line refused (malformed, duplicate, or a rule), pending not included. */
  refused: number;
  reasons: DirectedReasonCount[];
  open: boolean;
  /** The issue closes for later registrations at this instant (the end of its China year), or when closed. */
  openUntil: string;
  closedAt: string | null;
  /** The same list was issued before: this call wrote nothing new. */
  repeated: boolean;
}

/** A line of the list that did not (yet) get a voucher. */
export interface DirectedReportRow {
  line: number;
  /** R2.4 masked: `142***********123X`. */
  masked: string;
  status: Exclude<DirectedStatus, 'issued'>;
  group: ReasonGroup | null;
  reason: string;
}

export interface DirectedReport {
  job: DirectedJobView;
  /** Every line not issued, by line number. */
  rows: DirectedReportRow[];
}
