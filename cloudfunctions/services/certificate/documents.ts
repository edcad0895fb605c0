/**
 * The certificate context's documents (R7): results, certificates, subsidy entries, the person's
 * credentials (what R7.3 must see) and the per-county number sequence.
 */
import type { Band } from '../../core/age';
import type { CertificateKind, CertificateStatus, GrantedSubsidy, HeldCertificate, SubsidyRefusal, SubsidyStatus } from '../../core/certificates';
import type { Place } from '../kernel/place';
import type { SettlementStepEvent } from '../../core/settlement';

export type ResultDoc = Place & {
  _id: string;
  personId: string;
  classId: string | null;
  /** The class's training project (R11), counted per project when certified. */
  projectId?: string | null;
  voucherId: string | null;
  institutionId: string;
  occupationCode: string;
  level: number;
  passed: boolean;
  score: number;
  assessedOn: string;
  recordedAt: string;
  recordedBy: string;
  certificateNumber: string | null;
  /** The band its counters went to ('-' when none). */
  band: Band | '-';
};

export type CertificateDoc = Place & {
  _id: string;
  personId: string;
  resultId: string;
  projectId?: string | null;
  kind: CertificateKind;
  occupationCode: string;
  occupationName: string;
  level: number;
  institutionId: string;
  institutionName: string;
  issuedOn: string;
  year: number;
  verifyCode: string;
  status: CertificateStatus;
  revokedReason: string | null;
  revokedAt: string | null;
  issuedAt: string;
  band: Band | '-';
};

export type SubsidyDoc = Place & {
  _id: string;
  certificateNumber: string;
  /** The class the certificate was earned in (null: assessed with a 评价券); absent on older entries. */
  classId?: string | null;
  personId: string;
  institutionId: string;
  occupationCode: string;
  level: number;
  year: number;
  status: SubsidyStatus;
  amountFen: number;
  refusal: SubsidyRefusal | null;
  createdAt: string;
  band: Band | '-';
  /** R12.1 the application it is in, while applied, approved, rejected or paid. */
  applicationId?: string | null;
  /** R12.1 each settlement step with its time and amount: what the counters and the recount read. */
  settlement?: { event: SettlementStepEvent; at: string; fen: number; by: string | null; reason?: string }[];
  approvedAt?: string | null;
  paidAt?: string | null;
  /** China date of the transfer, as the official entered it. */
  paidOn?: string | null;
  paymentId?: string | null;
  /** The bank's reference of the transfer that paid it. */
  transferRef?: string | null;
  /** The reviewer's reason for a rejection or a return. */
  reviewReason?: string | null;
};

/** R12.1 id = certificate number: the money to get back for a paid entry whose certificate was revoked. */
export type RecoveryDoc = Place & {
  _id: string;
  institutionId: string;
  personId: string;
  amountFen: number;
  status: 'open' | 'recovered';
  openedAt: string;
  reason: string;
};

/** id = person id: what R7.3 must see, read and written in the issuing transaction. */
export type CredentialsDoc = {
  _id: string;
  held: (HeldCertificate & { number: string; kind: CertificateKind })[];
  granted: (GrantedSubsidy & { number: string })[];
  /** D26: the years the person was first certified in, and whether they reported work since. */
  cohorts?: CertifiedCohort[];
};

/** D26: a person's first certificate of a China year; `employed` once a later report says they work. */
export type CertifiedCohort = Place & { year: number; at: string; band: Band | '-'; employed: boolean };

/** id = `{countyCode}:{year}`: the last certificate number allocated there (R7.2). */
export type SeqDoc = { _id: string; seq: number };

export const certificateSeqId = (countyCode: string, year: number) => `${countyCode}:${year}`;
