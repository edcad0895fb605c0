/**
 * certificate: results, certificates, verification, subsidies (R7).
 */
import type { CertificateKind, SubsidyStatus } from '../core/certificates';

export type { CertificateKind } from '../core/certificates';
export type { SubsidyStatus } from '../core/certificates';

/** R7.3: the subsidy a certificate earned its institution, or why not. */
export interface SubsidyView {
  status: SubsidyStatus;
  statusName: string;
  /** R7.5: integer fen (0 when refused). */
  amountFen: number;
  reason: string | null;
}

export interface CertificateView {
  number: string;
  /** The holder's own view only: with the number, lets anyone verify (R7.2). */
  verifyCode: string;
  kind: CertificateKind;
  kindName: string;
  occupation: { code: string; name: string };
  /** 1–5, 0 for kinds without a level. */
  level: number;
  levelName: string | null;
  issuer: { id: string; name: string };
  /** `YYYY-MM-DD`, China date of the assessment. */
  issuedOn: string;
  status: 'valid' | 'revoked';
  statusName: string;
  revokedReason: string | null;
  holderName: string;
  /** R8.3: `YYYY-MM-DD` dates employment follow-ups fall due. */
  followUpsDue: string[];
}

/** R7.2: what anyone sees for a number + code. */
export interface VerifyView {
  number: string;
  /** R2.4: masked. */
  holderName: string;
  kindName: string;
  occupation: string;
  levelName: string | null;
  issuer: string;
  issuedOn: string;
  status: 'valid' | 'revoked';
  statusName: string;
  revokedReason: string | null;
}

export interface RecordResultInput {
  /** With a voucher: the assessing institution, when the trainer works for several. */
  institutionId?: string;
  /** A completed enrollment: the class and the person (R7.1). */
  classId?: string;
  personId?: string;
  /** Or an 技能等级评价券 held by the person, assessed without a class. */
  voucherId?: string;
  /** With a voucher: the occupation and level assessed. */
  occupationCode?: string;
  level?: number;
  passed: boolean;
  /** 0–100 */
  score: number;
  /** `YYYY-MM-DD`, the assessment day (default today); becomes the certificate date. */
  assessedOn?: string;
}

export interface ResultView {
  id: string;
  personId: string;
  passed: boolean;
  score: number;
  assessedOn: string;
  certificate: { number: string; kindName: string; levelName: string | null } | null;
  subsidy: SubsidyView | null;
}

/** R7.1 the 技能等级评价券 an evaluation body's trainer found by the holder's ID number. */
export interface EvaluationVoucherView {
  voucherId: string;
  /** R2.4 masked: the trainer checks it against the card in front of them. */
  holderName: string;
  idNumberMasked: string;
  band: string;
  expiresAt: string;
  /** The occupations and levels this institution may assess today (to pick from). */
  assessable: { occupationCode: string; levels: number[] }[];
}
