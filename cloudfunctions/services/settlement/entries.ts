/**
 * R12.1 what a reviewer sees of an entry: the person, the certificate, the amount and the evidence
 * it rests on (attendance, result, voucher).
 */
import type { SubsidyEntryView } from '../../contract';
import { LEVEL_NAMES, SUBSIDY_STATUS_NAMES } from '../../core/certificates';
import { wholePercent } from '../../core/dashboard';
import { DomainError } from '../../core/errors';
import type { Store } from '../../store/port';
import type { PersonDoc } from '../account';
import type { OccupationDoc } from '../catalogue';
import type { CertificateDoc, ResultDoc, SubsidyDoc } from '../certificate';
import type { ClassDoc, EnrollmentDoc } from '../training';
import type { VoucherDoc } from '../voucher';

/** The entries named, each read once; ENTRY_NOT_FOUND for a number that has none. */
export async function entriesNamed(store: Store, numbers: readonly string[]): Promise<SubsidyDoc[]> {
  const docs = await Promise.all([...new Set(numbers)].map((n) => store.get<SubsidyDoc>('subsidies', n)));
  if (docs.some((d) => !d)) throw new DomainError('ENTRY_NOT_FOUND');
  return docs as SubsidyDoc[];
}

export async function entryView(store: Store, s: SubsidyDoc, classes: Map<string, ClassDoc | null>): Promise<SubsidyEntryView> {
  const [person, certificate, occupation] = await Promise.all([
    store.get<PersonDoc>('persons', s.personId),
    store.get<CertificateDoc>('certificates', s.certificateNumber),
    store.get<OccupationDoc>('occupations', s.occupationCode),
  ]);
  const result = certificate ? await store.get<ResultDoc>('results', certificate.resultId) : null;
  const classId = result?.classId ?? s.classId ?? null;
  if (classId && !classes.has(classId)) classes.set(classId, await store.get<ClassDoc>('classes', classId));
  const klass = classId ? (classes.get(classId) ?? null) : null;
  const enrollment = result?.classId ? await store.get<EnrollmentDoc>('enrollments', result._id) : null;
  const voucherId = enrollment?.voucherId ?? result?.voucherId ?? null;
  const voucher = voucherId ? await store.get<VoucherDoc>('vouchers', voucherId) : null;
  const sessions = klass ? klass.sessions.length : null;
  const attended = enrollment?.attended ?? null;
  return {
    certificateNumber: s.certificateNumber,
    personName: person?.name ?? '',
    idNumber: person?.idMasked ?? '',
    occupation: occupation?.name ?? s.occupationCode,
    levelName: LEVEL_NAMES[s.level] ?? null,
    amountFen: s.amountFen,
    status: s.status,
    statusName: SUBSIDY_STATUS_NAMES[s.status],
    applicationId: s.applicationId ?? null,
    reviewReason: s.reviewReason ?? null,
    approvedAt: s.approvedAt ?? null,
    paidAt: s.paidAt ?? null,
    evidence: {
      classId,
      className: klass?.name ?? null,
      attended,
      sessions,
      attendancePercent: attended !== null && sessions ? wholePercent(attended, sessions) : null,
      score: result?.score ?? null,
      passed: result?.passed ?? true,
      assessedOn: result?.assessedOn ?? null,
      voucherType: voucher?.typeName ?? enrollment?.voucherType ?? null,
    },
  };
}

/** Views of many entries, classes read once each, in certificate-number order. */
export async function entryViews(store: Store, entries: readonly SubsidyDoc[]): Promise<SubsidyEntryView[]> {
  const classes = new Map<string, ClassDoc | null>();
  const sorted = [...entries].sort((a, b) => a.certificateNumber.localeCompare(b.certificateNumber));
  const out: SubsidyEntryView[] = [];
  for (const s of sorted) out.push(await entryView(store, s, classes));
  return out;
}
