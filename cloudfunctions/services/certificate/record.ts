/**
 * R7.1–R7.3 recording a result: a registered evaluation body records a pass or fail for a
 * completed enrollment (or for an 技能等级评价券 holder); a pass issues one certificate with a
 * number allocated per county and year inside the same transaction (no gaps, no duplicates) and
 * a verification code, and adds the institution's subsidy entry, granted or refused with its
 * reason.
 */
import { randomBytes } from 'node:crypto';
import type { RecordResultInput, ResultView, SubsidyView } from '../../contract';
import { type Band, bandOrNull } from '../../core/age';
import {
  CERTIFICATE_KIND_NAMES,
  LEVEL_NAMES,
  type OccupationCategory,
  SUBSIDY_REFUSAL_REASONS,
  SUBSIDY_STATUS_NAMES,
  certificateKindOf,
  certificateNumber,
  resultProblem,
  subsidyFenOf,
  subsidyRefusal,
  verificationCode,
} from '../../core/certificates';
import { chinaDateOf, compareDates, formatDate, parseDate } from '../../core/china-date';
import { registrationOn, registrationsInForce } from '../../core/institutions';
import { DomainError, type ErrorCode } from '../../core/errors';
import type { Tx } from '../../store/port';
import type { PersonDoc } from '../account';
import { recordChange } from '../books/changes';
import type { Actor } from '../books/ledger';
import type { OccupationDoc } from '../catalogue';
import { requireTrainerOf, trainerInstitutions } from '../kernel/authz';
import { requireOpenid } from '../kernel/caller';
import type { Caller, Deps } from '../kernel/deps';
import { type Place, placeOf } from '../kernel/place';
import { type InstitutionDoc, institutionIn } from '../institution';
import { type ClassDoc, type EnrollmentDoc, enrollmentId } from '../training';
import { type VoucherDoc, redeemVoucher } from '../voucher';
import { type CertificateDoc, type CredentialsDoc, type ResultDoc, type SeqDoc, type SubsidyDoc, certificateSeqId } from './documents';
import { credentialsAfter, issuedChange, newCertificate, newResult, newSubsidy, noCredentials, resultChange, subsidyChange } from './records';

export const levelName = (kind: CertificateDoc['kind'], level: number) => (kind === 'skill_level' ? (LEVEL_NAMES[level] ?? null) : null);

interface Subject {
  person: PersonDoc;
  resultId: string;
  classId: string | null;
  projectId: string | null;
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
      projectId: c.projectId ?? null,
      voucher: null,
      occupationCode: c.occupationCode,
      level: c.level,
      // Completion redeemed the enrollment's voucher (R6.5): the training was voucher-funded.
      fundedByVoucher: e.voucherId !== null,
      band: bandOrNull(e.band),
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
    projectId: null,
    voucher: v,
    occupationCode: input.occupationCode,
    level: input.level,
    fundedByVoucher: true,
    band: v.band,
    place: placeOf(v),
  };
}

async function nextNumber(tx: Tx, countyCode: string, year: number): Promise<string> {
  const id = certificateSeqId(countyCode, year);
  const seq = await tx.get<SeqDoc>('certificateSeqs', id);
  if (seq) await tx.update('certificateSeqs', id, { inc: { seq: 1 } });
  else await tx.create<SeqDoc>('certificateSeqs', id, { seq: 1 });
  return certificateNumber(year, countyCode, (seq?.seq ?? 0) + 1);
}

/** R7.2, R7.3: the certificate of a pass, its subsidy entry, and the person's credentials after. */
async function issue(tx: Tx, result: ResultDoc, s: Subject, institution: InstitutionDoc, occupation: OccupationDoc, amountFen: number, actor: Actor, today: ReturnType<typeof chinaDateOf>) {
  const before = (await tx.get<CredentialsDoc>('personCredentials', s.person._id)) ?? noCredentials(s.person._id);
  const certificate = newCertificate({
    number: result.certificateNumber!,
    result,
    holder: s.person,
    kind: certificateKindOf(occupation.category as OccupationCategory),
    occupationName: occupation.name,
    institutionName: institution.name,
    verifyCode: verificationCode(randomBytes(8)),
    at: new Date(result.recordedAt),
  });
  const { _id: number, ...certificateData } = certificate;
  await tx.create<CertificateDoc>('certificates', number, certificateData);
  await recordChange(tx, issuedChange(certificate, before, actor));
  const refusal = subsidyRefusal({
    fundedByVoucher: s.fundedByVoucher,
    occupationCode: s.occupationCode,
    level: s.level,
    date: parseDate(result.assessedOn)!,
    today,
    held: before.held,
    granted: before.granted,
  });
  const subsidy = newSubsidy(certificate, amountFen, refusal, result.classId);
  const { _id: _subsidyId, ...subsidyData } = subsidy;
  await tx.create<SubsidyDoc>('subsidies', number, subsidyData);
  await recordChange(tx, subsidyChange(subsidy, actor));
  const { _id: _personId, ...after } = credentialsAfter(before, certificate, subsidy);
  await tx.set<CredentialsDoc>('personCredentials', s.person._id, after);
  return { certificate, subsidy };
}

/** Whose result it is: the class's institution, or (a voucher) the trainer's named or only one. */
async function assessingInstitution(deps: Deps, caller: Caller, input: RecordResultInput): Promise<string> {
  if (input.classId) {
    const c = await deps.store.get<ClassDoc>('classes', input.classId);
    if (!c) throw new DomainError('CLASS_NOT_FOUND');
    if (!(await trainerInstitutions(deps, caller)).includes(c.institutionId)) throw new DomainError('NOT_YOUR_CLASS');
    return c.institutionId;
  }
  return (await requireTrainerOf(deps, caller, input.institutionId)).institutionId;
}

export async function recordResult(deps: Deps, caller: Caller, input: RecordResultInput): Promise<ResultView> {
  const openid = requireOpenid(caller);
  const institutionId = await assessingInstitution(deps, caller, input);
  const problem = resultProblem(input.passed, input.score);
  if (problem) throw new DomainError(problem);
  const doc = await deps.store.transaction(async (tx) => {
    const now = deps.clock.now();
    const today = chinaDateOf(now);
    const institution = await institutionIn(tx, institutionId);
    // R11.1: a suspended institution records no new results.
    if (institution.status !== 'active') throw new DomainError('INSTITUTION_SUSPENDED');
    // R1.3: only a registered evaluation body records results.
    if (registrationsInForce(institution.registrations, formatDate(today)).length === 0) throw new DomainError('NOT_EVALUATION_BODY');
    const s = await subjectOf(tx, institution, input);
    const assessed = input.assessedOn ? parseDate(input.assessedOn) : today;
    if (!assessed || compareDates(assessed, today) > 0) throw new DomainError('ASSESSED_ON_INVALID');
    // …for this occupation and level, on the day assessed.
    if (!registrationOn(institution.registrations, s.occupationCode, s.level, formatDate(assessed))) throw new DomainError('OCCUPATION_NOT_ASSESSED');
    const occupation = await tx.get<OccupationDoc>('occupations', s.occupationCode);
    const amountFen = occupation ? subsidyFenOf(occupation.subsidyFen, s.level) : null;
    if (!occupation || amountFen === null) throw new DomainError('OCCUPATION_LEVEL_UNKNOWN');
    if (await tx.get<ResultDoc>('results', s.resultId)) throw new DomainError('RESULT_EXISTS');
    const actor: Actor = { openid, role: 'trainer' };
    if (s.voucher) await redeemVoucher(tx, s.voucher, now, actor, { subjects: { resultId: s.resultId } });
    const result = newResult({
      id: s.resultId,
      place: s.place,
      personId: s.person._id,
      classId: s.classId,
      projectId: s.projectId,
      voucherId: s.voucher?._id ?? null,
      institutionId: institution._id,
      occupationCode: s.occupationCode,
      level: s.level,
      passed: input.passed,
      score: input.score,
      assessedOn: assessed,
      at: now,
      recordedBy: openid,
      certificateNumber: input.passed ? await nextNumber(tx, s.person.countyCode, assessed.year) : null,
      band: s.band,
    });
    const { _id, ...resultData } = result;
    await tx.create<ResultDoc>('results', s.resultId, resultData);
    await recordChange(tx, resultChange(result, actor));
    if (!result.certificateNumber) return { result, certificate: null, subsidy: null };
    return { result, ...(await issue(tx, result, s, institution, occupation, amountFen, actor, today)) };
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

/** Several people of one class (a trainer's only); each result is its own transaction and answers on its own. */
export async function recordBatch(
  deps: Deps,
  caller: Caller,
  input: { classId: string; assessedOn?: string; results: { personId: string; passed: boolean; score: number }[] },
): Promise<{ personId: string; result: ResultView | null; code: ErrorCode | null; message: string | null }[]> {
  // Who may record is the caller's, not a row's, question: refused as a whole.
  requireOpenid(caller);
  await trainerInstitutions(deps, caller);
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

