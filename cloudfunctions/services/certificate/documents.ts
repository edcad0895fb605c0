/**
 * The certificate context's documents (R7): results, certificates, subsidy entries, the person's
 * credentials (what R7.3 must see) and the per-county number sequence.
 */
import type { Band } from '../../core/age';
import type { CertificateKind, CertificateStatus, GrantedSubsidy, HeldCertificate, SubsidyRefusal, SubsidyStatus } from '../../core/certificates';
import type { Place } from '../kernel/place';

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
