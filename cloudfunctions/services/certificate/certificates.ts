/**
 * R7 Assessment, certificates and subsidies: a registered evaluation body records a result for a
 * completed enrollment (or for an 技能等级评价券 holder); a pass issues one certificate with a
 * number allocated per county and year inside the same transaction (no gaps, no duplicates) and a
 * verification code, and adds the institution's subsidy entry, granted or refused with its reason.
 * Anyone can verify a number + code; an official may revoke with a reason.
 */
import { randomBytes } from 'node:crypto';
import type { CertificateView, RecordResultInput, ResultView, SubsidyStatus, SubsidyView, VerifyView } from '../../contract';
import type { Band } from '../../core/age';
import {
  CERTIFICATE_KIND_NAMES,
  type CertificateKind,
  type GrantedSubsidy,
  type HeldCertificate,
  LEVEL_NAMES,
  type OccupationCategory,
  SUBSIDY_REFUSAL_REASONS,
  type SubsidyRefusal,
  certificateKindOf,
  certificateNumber,
  isHighSkilled,
  normaliseVerifyCode,
  resultProblem,
  subsidyFenOf,
  subsidyRefusal,
  verificationCode,
} from '../../core/certificates';
import { chinaDateOf, compareDates, formatDate, parseDate } from '../../core/china-date';
import { followUpDates } from '../../core/employment';
import { DomainError, type ErrorCode } from '../../core/errors';
import { maskName } from '../../core/id-number';
import { type Tx, where } from '../../store/port';
import { scan } from '../../store/scan';
import { type PersonDoc, personOf, requireOpenid } from '../account/account';
import { requireRole } from '../kernel/authz';
import type { OccupationDoc } from '../catalogue/catalogue';
import { recordChange } from '../books/changes';
import { type ClassDoc, type EnrollmentDoc, type InstitutionDoc, enrollmentId } from '../training/classes';
import { type Place, placeOf } from '../books/counters';
import type { Caller, Deps } from '../kernel/deps';
import type { Actor } from '../books/ledger';
import { type SlotDoc, type VoucherDoc, slotId } from '../voucher/vouchers';

export type ResultDoc = Place & {
  _id: string;
  personId: string;
  classId: string | null;
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
  kind: CertificateKind;
  occupationCode: string;
  occupationName: string;
  level: number;
  institutionId: string;
  institutionName: string;
  issuedOn: string;
  year: number;
  verifyCode: string;
  status: 'valid' | 'revoked';
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

type SeqDoc = { _id: string; seq: number };

const SUBSIDY_STATUS_NAMES: Record<SubsidyStatus, string> = { payable: '待拨付', refused: '不予补贴', withdrawn: '已撤回' };
const STATUS_NAMES = { valid: '有效', revoked: '已撤销' } as const;
const levelName = (kind: CertificateKind, level: number) => (kind === 'skill_level' ? (LEVEL_NAMES[level] ?? null) : null);
const bandOf = (b: string): Band | null => (b === 'A' || b === 'B' || b === 'C' ? b : null);

interface Subject {
  person: PersonDoc;
  resultId: string;
  classId: string | null;
  voucher: VoucherDoc | null;
  occupationCode: string;
  level: number;
  fundedByVoucher: boolean;
  band: Band | null;
  place: Place;
}

/** R7.1: who and what is assessed, checked inside the transaction. */
async function subjectOf(tx: Tx, institution: InstitutionDoc, input: RecordResultInput): Promise<Subject> {
  if (input.classId) {
    const c = await tx.get<ClassDoc>('classes', input.classId);
    if (!c) throw new DomainError('CLASS_NOT_FOUND');
    if (c.institutionId !== institution._id) throw new DomainError('NOT_YOUR_CLASS');
    const e = input.personId ? await tx.get<EnrollmentDoc>('enrollments', enrollmentId(c._id, input.personId)) : null;
    if (!e) throw new DomainError('NOT_ENROLLED');
    if (e.status !== 'completed') throw new DomainError('NOT_COMPLETED');
    const person = (await tx.get<PersonDoc>('persons', e.personId))!;
    return {
      person,
      resultId: e._id,
      classId: c._id,
      voucher: null,
      occupationCode: c.occupationCode,
      level: c.level,
      // Completion redeemed the enrollment's voucher (R6.5): the training was voucher-funded.
      fundedByVoucher: e.voucherId !== null,
      band: bandOf(e.band),
      place: placeOf(e),
    };
  }
  const v = input.voucherId ? await tx.get<VoucherDoc>('vouchers', input.voucherId) : null;
  if (!v) throw new DomainError('NOT_FOUND');
  if (v.type !== 'evaluation' || v.status !== 'unused') throw new DomainError('VOUCHER_NOT_EVALUATION');
  if (!input.occupationCode || input.level === undefined) throw new DomainError('OCCUPATION_LEVEL_UNKNOWN');
  const person = (await tx.get<PersonDoc>('persons', v.personId))!;
  return {
    person,
    resultId: `voucher:${v._id}`,
    classId: null,
    voucher: v,
    occupationCode: input.occupationCode,
    level: input.level,
    fundedByVoucher: true,
    band: v.band,
    place: placeOf(v),
  };
}

async function nextNumber(tx: Tx, countyCode: string, year: number): Promise<string> {
  const id = `${countyCode}:${year}`;
  const seq = await tx.get<SeqDoc>('certificateSeqs', id);
  if (seq) await tx.update('certificateSeqs', id, { inc: { seq: 1 } });
  else await tx.create<SeqDoc>('certificateSeqs', id, { seq: 1 });
  return certificateNumber(year, countyCode, (seq?.seq ?? 0) + 1);
}

/** An 评价券 used for a direct assessment is redeemed (it was unused: its slot is freed). */
async function redeemEvaluationVoucher(tx: Tx, v: VoucherDoc, at: Date, actor: Actor, resultId: string): Promise<void> {
  await tx.update('vouchers', v._id, { set: { status: 'redeemed', endedAt: at.toISOString() } });
  const slot = await tx.get<SlotDoc>('voucherSlots', slotId(v.personId, v.type));
  if (slot?.voucherId === v._id) await tx.remove('voucherSlots', slot._id);
  await recordChange(tx, {
    place: placeOf(v),
    at,
    type: 'voucher.redeemed',
    subjects: { voucherId: v._id, personId: v.personId, resultId },
    actor,
    data: { type: v.type, year: v.year, band: v.band },
    counters: [{ metric: `vouchersRedeemed.${v.type}`, band: v.band, by: 1 }],
  });
}

export async function recordResult(deps: Deps, caller: Caller, input: RecordResultInput): Promise<ResultView> {
  const openid = requireOpenid(caller);
  const binding = await requireRole(deps, caller, 'trainer');
  const problem = resultProblem(input.passed, input.score);
  if (problem) throw new DomainError(problem);
  const doc = await deps.store.transaction(async (tx) => {
    const now = deps.clock.now();
    const today = chinaDateOf(now);
    const institution = await tx.get<InstitutionDoc>('institutions', binding.institutionId ?? '');
    // R1.3: only a registered evaluation body records results.
    if (!institution?.evaluationBody) throw new DomainError('NOT_EVALUATION_BODY');
    const s = await subjectOf(tx, institution, input);
    if (!institution.assessOccupations.includes(s.occupationCode)) throw new DomainError('OCCUPATION_NOT_ASSESSED');
    const occupation = await tx.get<OccupationDoc>('occupations', s.occupationCode);
    const amountFen = occupation ? subsidyFenOf(occupation.subsidyFen, s.level) : null;
    if (!occupation || amountFen === null) throw new DomainError('OCCUPATION_LEVEL_UNKNOWN');
    const assessed = input.assessedOn ? parseDate(input.assessedOn) : today;
    if (!assessed || compareDates(assessed, today) > 0) throw new DomainError('ASSESSED_ON_INVALID');
    if (await tx.get<ResultDoc>('results', s.resultId)) throw new DomainError('RESULT_EXISTS');
    const actor: Actor = { openid, role: 'trainer' };
    if (s.voucher) await redeemEvaluationVoucher(tx, s.voucher, now, actor, s.resultId);

    const kind = certificateKindOf(occupation.category as OccupationCategory);
    const number = input.passed ? await nextNumber(tx, s.person.countyCode, assessed.year) : null;
    const result: Omit<ResultDoc, '_id'> = {
      ...s.place,
      personId: s.person._id,
      classId: s.classId,
      voucherId: s.voucher?._id ?? null,
      institutionId: institution._id,
      occupationCode: s.occupationCode,
      level: s.level,
      passed: input.passed,
      score: input.score,
      assessedOn: formatDate(assessed),
      recordedAt: now.toISOString(),
      recordedBy: openid,
      certificateNumber: number,
      band: s.band ?? '-',
    };
    await tx.create<ResultDoc>('results', s.resultId, result);
    await recordChange(tx, {
      place: s.place,
      at: now,
      type: 'result.recorded',
      subjects: { resultId: s.resultId, personId: s.person._id, institutionId: institution._id },
      actor,
      data: { occupationCode: s.occupationCode, level: s.level, passed: input.passed, score: input.score, assessedOn: result.assessedOn },
      counters: [{ metric: input.passed ? 'assessmentsPassed' : 'assessmentsFailed', band: s.band, by: 1 }],
    });
    if (!number) return { result: { _id: s.resultId, ...result }, certificate: null, subsidy: null };

    // R7.2: the certificate, in the holder's household county and the assessment year.
    const credentials = (await tx.get<CredentialsDoc>('personCredentials', s.person._id)) ?? { _id: s.person._id, held: [], granted: [] };
    const certificate: Omit<CertificateDoc, '_id'> = {
      ...placeOf(s.person),
      personId: s.person._id,
      resultId: s.resultId,
      kind,
      occupationCode: s.occupationCode,
      occupationName: occupation.name,
      level: s.level,
      institutionId: institution._id,
      institutionName: institution.name,
      issuedOn: result.assessedOn,
      year: assessed.year,
      verifyCode: verificationCode(randomBytes(8)),
      status: 'valid',
      revokedReason: null,
      revokedAt: null,
      issuedAt: now.toISOString(),
      band: s.band ?? '-',
    };
    await tx.create<CertificateDoc>('certificates', number, certificate);
    // D23: 新增技能人才 counts a person's first 技能等级 or 专项 certificate; 新增高技能人才 their first at 三级 or above.
    const firstSkilled = kind !== 'training' && !credentials.held.some((h) => h.kind !== 'training');
    const firstHighSkilled = isHighSkilled(kind, s.level) && !credentials.held.some((h) => isHighSkilled(h.kind, h.level));
    // D26: the year's certified people, the base of the employment rate officials see (R8.3).
    const cohorts = credentials.cohorts ?? [];
    const issuedYear = chinaDateOf(now).year;
    const newCohort = !cohorts.some((c) => c.year === issuedYear);
    await recordChange(tx, {
      place: placeOf(s.person),
      at: now,
      type: 'certificate.issued',
      subjects: { certificateNumber: number, personId: s.person._id, resultId: s.resultId, institutionId: institution._id },
      actor,
      data: { kind, occupationCode: s.occupationCode, level: s.level, issuedOn: certificate.issuedOn },
      counters: [
        { metric: 'certificatesIssued', band: s.band, by: 1 },
        ...(firstSkilled ? [{ metric: 'newSkilled', band: s.band, by: 1 }] : []),
        ...(firstHighSkilled ? [{ metric: 'newHighSkilled', band: s.band, by: 1 }] : []),
        ...(newCohort ? [{ metric: 'certifiedPeople', band: s.band, by: 1 }] : []),
      ],
    });

    // R7.3: the institution's subsidy entry, granted or refused with its reason.
    const refusal = subsidyRefusal({
      fundedByVoucher: s.fundedByVoucher,
      occupationCode: s.occupationCode,
      level: s.level,
      date: assessed,
      today,
      held: credentials.held,
      granted: credentials.granted,
    });
    const subsidy: Omit<SubsidyDoc, '_id'> = {
      ...placeOf(s.person),
      certificateNumber: number,
      personId: s.person._id,
      institutionId: institution._id,
      occupationCode: s.occupationCode,
      level: s.level,
      year: assessed.year,
      status: refusal ? 'refused' : 'payable',
      amountFen: refusal ? 0 : amountFen,
      refusal,
      createdAt: now.toISOString(),
      band: s.band ?? '-',
    };
    await tx.create<SubsidyDoc>('subsidies', number, subsidy);
    await recordChange(tx, {
      place: placeOf(s.person),
      at: now,
      type: refusal ? 'subsidy.refused' : 'subsidy.granted',
      subjects: { certificateNumber: number, personId: s.person._id, institutionId: institution._id },
      actor,
      data: { amountFen: subsidy.amountFen, refusal, occupationCode: s.occupationCode, level: s.level },
      counters: refusal
        ? [{ metric: 'subsidiesRefused', band: s.band, by: 1 }]
        : [
            { metric: 'subsidiesGranted', band: s.band, by: 1 },
            { metric: 'subsidiesFen', band: s.band, by: amountFen },
          ],
    });
    await tx.set<CredentialsDoc>('personCredentials', s.person._id, {
      held: [...credentials.held, { occupationCode: s.occupationCode, level: s.level, date: assessed, number, kind }],
      granted: refusal ? credentials.granted : [...credentials.granted, { occupationCode: s.occupationCode, level: s.level, year: assessed.year, number }],
      cohorts: newCohort
        ? [...cohorts, { ...placeOf(s.person), year: issuedYear, at: now.toISOString(), band: s.band ?? '-', employed: false }]
        : cohorts,
    });
    return { result: { _id: s.resultId, ...result }, certificate: { _id: number, ...certificate }, subsidy };
  });
  return resultView(doc.result, doc.certificate, doc.subsidy);
}

function subsidyView(s: Omit<SubsidyDoc, '_id'>): SubsidyView {
  return {
    status: s.status,
    statusName: SUBSIDY_STATUS_NAMES[s.status],
    amountFen: s.amountFen,
    reason: s.refusal ? SUBSIDY_REFUSAL_REASONS[s.refusal] : null,
  };
}

function resultView(r: ResultDoc, c: CertificateDoc | null, subsidy: Omit<SubsidyDoc, '_id'> | null): ResultView {
  return {
    id: r._id,
    personId: r.personId,
    passed: r.passed,
    score: r.score,
    assessedOn: r.assessedOn,
    certificate: c ? { number: c._id, kindName: CERTIFICATE_KIND_NAMES[c.kind], levelName: levelName(c.kind, c.level) } : null,
    subsidy: subsidy ? subsidyView(subsidy) : null,
  };
}

/** Several people of one class; each result is its own transaction and answers on its own. */
export async function recordBatch(
  deps: Deps,
  caller: Caller,
  input: { classId: string; assessedOn?: string; results: { personId: string; passed: boolean; score: number }[] },
): Promise<{ personId: string; result: ResultView | null; code: ErrorCode | null; message: string | null }[]> {
  const out: { personId: string; result: ResultView | null; code: ErrorCode | null; message: string | null }[] = [];
  for (const r of input.results) {
    try {
      const result = await recordResult(deps, caller, { classId: input.classId, assessedOn: input.assessedOn, ...r });
      out.push({ personId: r.personId, result, code: null, message: null });
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      out.push({ personId: r.personId, result: null, code: e.code, message: e.message });
    }
  }
  return out;
}

function certificateView(c: CertificateDoc, holderName: string): CertificateView {
  return {
    number: c._id,
    verifyCode: c.verifyCode,
    kind: c.kind,
    kindName: CERTIFICATE_KIND_NAMES[c.kind],
    occupation: { code: c.occupationCode, name: c.occupationName },
    level: c.level,
    levelName: levelName(c.kind, c.level),
    issuer: { id: c.institutionId, name: c.institutionName },
    issuedOn: c.issuedOn,
    status: c.status,
    statusName: STATUS_NAMES[c.status],
    revokedReason: c.revokedReason,
    holderName,
    followUpsDue: followUpDates(parseDate(c.issuedOn)!),
  };
}

export async function myCertificates(deps: Deps, caller: Caller): Promise<CertificateView[]> {
  const person = await personOf(deps.store, requireOpenid(caller));
  const out: CertificateView[] = [];
  for await (const c of scan<CertificateDoc>(deps.store, 'certificates', where('personId', 'eq', person._id))) {
    out.push(certificateView(c, person.name));
  }
  return out.sort((a, b) => b.issuedOn.localeCompare(a.issuedOn) || b.number.localeCompare(a.number));
}

async function verifyView(deps: Deps, c: CertificateDoc): Promise<VerifyView> {
  const person = await deps.store.get<PersonDoc>('persons', c.personId);
  return {
    number: c._id,
    holderName: person ? maskName(person.name) : '',
    kindName: CERTIFICATE_KIND_NAMES[c.kind],
    occupation: c.occupationName,
    levelName: levelName(c.kind, c.level),
    issuer: c.institutionName,
    issuedOn: c.issuedOn,
    status: c.status,
    statusName: STATUS_NAMES[c.status],
    revokedReason: c.revokedReason,
  };
}

/** R7.2: public; a wrong code answers exactly like an unknown number. */
export async function verifyCertificate(deps: Deps, input: { number: string; code: string }): Promise<VerifyView> {
  const c = await deps.store.get<CertificateDoc>('certificates', input.number.trim());
  if (!c || c.verifyCode !== normaliseVerifyCode(input.code)) throw new DomainError('CERTIFICATE_NOT_FOUND');
  return verifyView(deps, c);
}

/** R7.2: an official of the certificate's region revokes it with a reason; its payable subsidy is withdrawn. */
export async function revokeCertificate(deps: Deps, caller: Caller, input: { number: string; reason: string }): Promise<VerifyView> {
  const openid = requireOpenid(caller);
  const reason = input.reason.trim();
  if (reason.length < 2) throw new DomainError('REVOKE_REASON_REQUIRED');
  const existing = await deps.store.get<CertificateDoc>('certificates', input.number.trim());
  if (!existing) throw new DomainError('CERTIFICATE_NOT_FOUND');
  await requireRole(deps, caller, 'official', existing.countyCode);
  const revoked = await deps.store.transaction(async (tx) => {
    const c = (await tx.get<CertificateDoc>('certificates', existing._id))!;
    if (c.status === 'revoked') throw new DomainError('ALREADY_REVOKED');
    const now = deps.clock.now();
    const actor: Actor = { openid, role: 'official' };
    await tx.update('certificates', c._id, { set: { status: 'revoked', revokedReason: reason, revokedAt: now.toISOString() } });
    await recordChange(tx, {
      place: placeOf(c),
      at: now,
      type: 'certificate.revoked',
      subjects: { certificateNumber: c._id, personId: c.personId },
      actor,
      data: { reason },
      // Under the certificate's own band, so a region's net certificates split cleanly by band.
      counters: [{ metric: 'certificatesRevoked', band: bandOf(c.band), by: 1 }],
    });
    const subsidy = await tx.get<SubsidyDoc>('subsidies', c._id);
    if (subsidy?.status === 'payable') {
      await tx.update('subsidies', c._id, { set: { status: 'withdrawn' } });
      await recordChange(tx, {
        place: placeOf(c),
        at: now,
        type: 'subsidy.withdrawn',
        subjects: { certificateNumber: c._id, personId: c.personId, institutionId: subsidy.institutionId },
        actor,
        data: { amountFen: subsidy.amountFen, reason },
        counters: [
          { metric: 'subsidiesWithdrawn', band: bandOf(subsidy.band), by: 1 },
          { metric: 'subsidiesWithdrawnFen', band: bandOf(subsidy.band), by: subsidy.amountFen },
        ],
      });
    }
    const credentials = await tx.get<CredentialsDoc>('personCredentials', c.personId);
    if (credentials) {
      await tx.set<CredentialsDoc>('personCredentials', c.personId, {
        held: credentials.held.filter((h) => h.number !== c._id),
        granted: credentials.granted.filter((g) => g.number !== c._id),
        // D26: a cohort counts people certified in the year, as issued; a revocation does not undo it.
        cohorts: credentials.cohorts ?? [],
      });
    }
    return { ...c, status: 'revoked' as const, revokedReason: reason };
  });
  return verifyView(deps, revoked);
}
