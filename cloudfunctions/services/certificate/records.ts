/**
 * How the certificate context's documents and their ledger changes are built (R7, D23, D24,
 * D26). The use cases and the dataset generator both build through these.
 */
import { type Band, bandOrNull } from '../../core/age';
import { type LedgerEventType, METRICS, type SettlementEvent, projectMetric, settlementMetric } from '../../core/books';
import { type SettlementStepEvent, settlementBumps } from '../../core/settlement';
import { type CertificateKind, type SubsidyRefusal, type SubsidyStatus, isHighSkilled } from '../../core/certificates';
import { type CalendarDate, chinaDateOf, formatDate } from '../../core/china-date';
import type { Change } from '../books/changes';
import type { CounterBump } from '../books/counters';
import type { Actor } from '../books/ledger';
import { type Place, placeOf } from '../kernel/place';
import type { CertificateDoc, CredentialsDoc, ResultDoc, SubsidyDoc } from './documents';

/** What a result is made of: its document's fields, with the place, dates and band as values. */
export type ResultFacts = Pick<
  ResultDoc,
  'personId' | 'classId' | 'projectId' | 'voucherId' | 'institutionId' | 'occupationCode' | 'level' | 'passed' | 'score' | 'recordedBy' | 'certificateNumber'
> & {
  id: string;
  /** Where the result counts: the enrollment's or the voucher's place. */
  place: Place;
  assessedOn: CalendarDate;
  at: Date;
  band: Band | null;
};

export const newResult = (f: ResultFacts): ResultDoc => ({
  _id: f.id,
  ...placeOf(f.place),
  personId: f.personId,
  classId: f.classId,
  projectId: f.projectId ?? null,
  voucherId: f.voucherId,
  institutionId: f.institutionId,
  occupationCode: f.occupationCode,
  level: f.level,
  passed: f.passed,
  score: f.score,
  assessedOn: formatDate(f.assessedOn),
  recordedAt: f.at.toISOString(),
  recordedBy: f.recordedBy,
  certificateNumber: f.certificateNumber,
  band: f.band ?? '-',
});

export const resultChange = (r: ResultDoc, actor: Actor): Change => ({
  place: placeOf(r),
  at: new Date(r.recordedAt),
  type: 'result.recorded',
  subjects: { resultId: r._id, personId: r.personId, institutionId: r.institutionId },
  actor,
  data: { occupationCode: r.occupationCode, level: r.level, passed: r.passed, score: r.score, assessedOn: r.assessedOn },
  counters: [{ metric: r.passed ? METRICS.assessmentsPassed : METRICS.assessmentsFailed, band: bandOrNull(r.band), by: 1 }],
});

export interface CertificateFacts {
  number: string;
  result: ResultDoc;
  /** R7.2: in the holder's household county. */
  holder: Place & { _id: string };
  kind: CertificateKind;
  occupationName: string;
  institutionName: string;
  verifyCode: string;
  at: Date;
}

export const newCertificate = (f: CertificateFacts): CertificateDoc => ({
  _id: f.number,
  ...placeOf(f.holder),
  personId: f.holder._id,
  resultId: f.result._id,
  projectId: f.result.projectId ?? null,
  kind: f.kind,
  occupationCode: f.result.occupationCode,
  occupationName: f.occupationName,
  level: f.result.level,
  institutionId: f.result.institutionId,
  institutionName: f.institutionName,
  issuedOn: f.result.assessedOn,
  year: Number(f.result.assessedOn.slice(0, 4)),
  verifyCode: f.verifyCode,
  status: 'valid',
  revokedReason: null,
  revokedAt: null,
  issuedAt: f.at.toISOString(),
  band: f.result.band,
});

/** The person's credentials before any certificate. */
export const noCredentials = (personId: string): CredentialsDoc => ({ _id: personId, held: [], granted: [], cohorts: [] });

/**
 * R7.2 the certificate issued, with D23's firsts (a person's first 技能等级 or 专项 certificate;
 * their first at 三级 or above) and D26's cohort (their first certificate of the China year),
 * judged on the credentials held before it.
 */
export function issuedChange(c: CertificateDoc, before: CredentialsDoc, actor: Actor): Change {
  const band = bandOrNull(c.band);
  const firstSkilled = c.kind !== 'training' && !before.held.some((h) => h.kind !== 'training');
  const firstHighSkilled = isHighSkilled(c.kind, c.level) && !before.held.some((h) => isHighSkilled(h.kind, h.level));
  const newCohort = !(before.cohorts ?? []).some((k) => k.year === chinaDateOf(new Date(c.issuedAt)).year);
  return {
    place: placeOf(c),
    at: new Date(c.issuedAt),
    type: 'certificate.issued',
    subjects: { certificateNumber: c._id, personId: c.personId, resultId: c.resultId, institutionId: c.institutionId },
    actor,
    data: { kind: c.kind, occupationCode: c.occupationCode, level: c.level, issuedOn: c.issuedOn },
    counters: [
      { metric: METRICS.certificatesIssued, band, by: 1 },
      ...(firstSkilled ? [{ metric: METRICS.newSkilled, band, by: 1 }] : []),
      ...(firstHighSkilled ? [{ metric: METRICS.newHighSkilled, band, by: 1 }] : []),
      ...(newCohort ? [{ metric: METRICS.certifiedPeople, band, by: 1 }] : []),
      ...(c.projectId ? [{ metric: projectMetric('certified', c.projectId), band, by: 1 }] : []),
    ],
  };
}

/** R7.3 the institution's subsidy entry for a certificate: payable, or refused with its reason. */
export const newSubsidy = (c: CertificateDoc, amountFen: number, refusal: SubsidyRefusal | null, classId: string | null): SubsidyDoc => ({
  _id: c._id,
  ...placeOf(c),
  certificateNumber: c._id,
  classId,
  personId: c.personId,
  institutionId: c.institutionId,
  occupationCode: c.occupationCode,
  level: c.level,
  year: c.year,
  status: refusal ? 'refused' : 'payable',
  amountFen: refusal ? 0 : amountFen,
  refusal,
  createdAt: c.issuedAt,
  band: c.band,
});

export function subsidyChange(s: SubsidyDoc, actor: Actor): Change {
  const band = bandOrNull(s.band);
  return {
    place: placeOf(s),
    at: new Date(s.createdAt),
    type: s.refusal ? 'subsidy.refused' : 'subsidy.granted',
    subjects: { certificateNumber: s.certificateNumber, personId: s.personId, institutionId: s.institutionId },
    actor,
    data: { amountFen: s.amountFen, refusal: s.refusal, occupationCode: s.occupationCode, level: s.level },
    counters: s.refusal
      ? [{ metric: METRICS.subsidiesRefused, band, by: 1 }]
      : [
          { metric: METRICS.subsidiesGranted, band, by: 1 },
          { metric: METRICS.subsidiesFen, band, by: s.amountFen },
        ],
  };
}

/** The person's credentials once the certificate (and its subsidy) are theirs. */
export function credentialsAfter(before: CredentialsDoc, c: CertificateDoc, s: SubsidyDoc): CredentialsDoc {
  const cohorts = before.cohorts ?? [];
  const year = chinaDateOf(new Date(c.issuedAt)).year;
  const date = { year: c.year, month: Number(c.issuedOn.slice(5, 7)), day: Number(c.issuedOn.slice(8, 10)) };
  return {
    _id: before._id,
    held: [...before.held, { occupationCode: c.occupationCode, level: c.level, date, number: c._id, kind: c.kind }],
    granted: s.refusal ? before.granted : [...before.granted, { occupationCode: c.occupationCode, level: c.level, year: c.year, number: c._id }],
    cohorts: cohorts.some((k) => k.year === year)
      ? cohorts
      : [...cohorts, { ...placeOf(c), year, at: c.issuedAt, band: c.band, employed: false }],
  };
}

/** R7.2 revoked by an official, under the certificate's own band (net certificates split cleanly). */
export const revokedChange = (c: CertificateDoc, at: Date, actor: Actor, reason: string): Change => ({
  place: placeOf(c),
  at,
  type: 'certificate.revoked',
  subjects: { certificateNumber: c._id, personId: c.personId },
  actor,
  data: { reason },
  counters: [{ metric: METRICS.certificatesRevoked, band: bandOrNull(c.band), by: 1 }],
});

export const subsidyWithdrawnChange = (s: SubsidyDoc, at: Date, actor: Actor, reason: string): Change => ({
  place: placeOf(s),
  at,
  type: 'subsidy.withdrawn',
  subjects: { certificateNumber: s.certificateNumber, personId: s.personId, institutionId: s.institutionId },
  actor,
  data: { amountFen: s.amountFen, reason, from: s.status },
  counters: [
    { metric: METRICS.subsidiesWithdrawn, band: bandOrNull(s.band), by: 1 },
    { metric: METRICS.subsidiesWithdrawnFen, band: bandOrNull(s.band), by: s.amountFen },
    // R12.1 an entry withdrawn while applied or approved leaves those stages' counters.
    ...settlementCounters(s, 'withdrawn', s.status, s.amountFen),
  ],
});

const SETTLEMENT_CHANGE: Record<SettlementEvent, LedgerEventType> = {
  applied: 'subsidy.applied',
  returned: 'subsidy.returned',
  approved: 'subsidy.approved',
  rejected: 'subsidy.rejected',
  corrected: 'subsidy.corrected',
  paid: 'subsidy.paid',
  recovered: 'subsidy.recovery_opened',
};

export type SettlementStep = NonNullable<SubsidyDoc['settlement']>[number];

/** R12.1 one settlement step of an entry, as the entry's log keeps it. */
export const settlementStep = (event: SettlementStepEvent, at: Date, fen: number, by: string | null, reason?: string): SettlementStep => ({
  event,
  at: at.toISOString(),
  fen,
  by,
  ...(reason ? { reason } : {}),
});

/** R12.1 the counters of one step from `from`: the entries standing at each stage and their fen. */
export const settlementCounters = (s: SubsidyDoc, event: SettlementStepEvent, from: SubsidyStatus, fen: number): CounterBump[] =>
  settlementBumps(event, from).flatMap(([e, sign]) => [
    { metric: settlementMetric(e), band: bandOrNull(s.band), by: sign },
    { metric: settlementMetric(e, true), band: bandOrNull(s.band), by: sign * fen },
  ]);

/** R12.1, R9.1 the ledger entry and counters of one settlement step of `s` (as it was before the step). */
export const settlementChange = (s: SubsidyDoc, event: SettlementEvent, at: Date, actor: Actor, data: Record<string, unknown> = {}): Change => ({
  place: placeOf(s),
  at,
  type: SETTLEMENT_CHANGE[event],
  subjects: { certificateNumber: s.certificateNumber, institutionId: s.institutionId, personId: s.personId },
  actor,
  data: { amountFen: s.amountFen, from: s.status, ...data },
  counters: settlementCounters(s, event, s.status, s.amountFen),
});
