/**
 * R6.2, R6.3, R13.2 recording a check-in, however it came: the phone's QR (scanned, or its 8 digits
 * typed), a printed 签到卡, or the trainer's mark with a reason. Cards and marks are flagged on the
 * record and in the ledger; officials see each class's share of them.
 */
import { randomBytes } from 'node:crypto';
import type { ClassCheckInsView, ScanResult } from '../../contract';
import { type CheckInMethod, type CodeCheck, type ScanRefusal, cardCode, checkInShare, scanRefusal, sessionAt, shortCodeMatches } from '../../core/attendance';
import { VERIFY_ALPHABET } from '../../core/certificates';
import { DomainError, ERROR_MESSAGES, type ErrorCode } from '../../core/errors';
import { maskName } from '../../core/id-number';
import { reasonProblem } from '../../core/class-plans';
import { and, where } from '../../store/port';
import { scan as scanAll } from '../../store/scan';
import { recordChange } from '../books/changes';
import { requireOfficialOf, statisticalRegion, trainerInstitutions } from '../kernel/authz';
import { bindingsOf, requireOpenid } from '../kernel/caller';
import type { Caller, Deps } from '../kernel/deps';
import { type FaceCheckDoc, sessionFaceCheck } from '../kernel/real-name';
import { attendanceChange, newAttendance } from './records';
import {
  type AttendanceDoc,
  type AttendanceKeyDoc,
  type CardDoc,
  type ClassDoc,
  type EnrollmentDoc,
  type PersonCardDoc,
  attendanceId,
  enrollmentId,
} from './documents';

export const refused = (code: ScanRefusal | ErrorCode): ScanResult => ({ status: 'refused', code, message: ERROR_MESSAGES[code] });

/** The class a trainer scans for, and whether they teach it (R1.3). */
export async function trainerClass(deps: Deps, caller: Caller, classId: string): Promise<{ c: ClassDoc; teaches: boolean }> {
  const institutions = await trainerInstitutions(deps, caller);
  const c = await deps.store.get<ClassDoc>('classes', classId);
  // Only an approved class runs (R11.3): a draft, a cancelled class has no roll-call.
  if (!c || c.status !== 'approved') throw new DomainError('CLASS_NOT_FOUND');
  return { c, teaches: institutions.includes(c.institutionId) };
}

export interface CheckIn {
  openid: string;
  c: ClassDoc;
  teaches: boolean;
  personId: string;
  check: CodeCheck;
  scannedAt: Date;
  offline: { skewMs: number; skewFlagged: boolean } | null;
  method: CheckInMethod;
  reason?: string;
}

/** R6.2 the checks, then R6.3 one record per person and session, with its ledger entry. */
export async function recordCheckIn(deps: Deps, f: CheckIn): Promise<ScanResult> {
  const { c } = f;
  const enrollment = await deps.store.get<EnrollmentDoc>('enrollments', enrollmentId(c._id, f.personId));
  const enrolledInClass = enrollment?.status === 'enrolled';
  const elsewhere = enrolledInClass
    ? false
    : (await deps.store.find<EnrollmentDoc>('enrollments', where('personId', 'eq', f.personId), { limit: 50 })).items.some((e) => e.status === 'enrolled');
  const session = sessionAt(c.sessions, f.scannedAt);
  const refusal = scanRefusal({ code: f.check, trainerTeachesClass: f.teaches, enrolledInClass, enrolledElsewhere: elsewhere, session: c.sessions[session], scannedAt: f.scannedAt });
  if (refusal) return refused(refusal);
  // R14.3 where the class's county asks, a check of the trainee's own face first (phone check-ins:
  // cards and marks are for those without a phone, and are flagged instead, R13.2).
  const face = f.method === 'phone' ? await sessionFaceCheck(deps.store, { classId: c._id, countyCode: c.countyCode, personId: f.personId, session, scannedAt: f.scannedAt }) : null;
  if (face?.required && !face.checkId) return refused('FACE_CHECK_SESSION_REQUIRED');
  const id = attendanceId(c._id, session, f.personId);
  const person = await deps.store.get<{ _id: string; name: string }>('persons', f.personId);
  const name = person ? maskName(person.name) : '';
  return deps.store.transaction(async (tx) => {
    if ((await tx.get<ClassDoc>('classes', c._id))?.closedAt) return refused('CLASS_CLOSED');
    if (await tx.get<AttendanceDoc>('attendance', id)) {
      return { status: 'duplicate', code: 'ALREADY_CHECKED_IN', message: ERROR_MESSAGES.ALREADY_CHECKED_IN, session, name };
    }
    if (face?.checkId) {
      // A passed check answers one check-in (R14.3: a result is used once).
      if ((await tx.get<FaceCheckDoc>('faceChecks', face.checkId))?.usedFor) return refused('FACE_CHECK_SESSION_REQUIRED');
      await tx.update('faceChecks', face.checkId, { set: { usedFor: id } });
    }
    const now = deps.clock.now();
    const record = newAttendance({ enrollment: enrollment!, c, session, scannedAt: f.scannedAt, recordedAt: now, trainerOpenid: f.openid, offline: f.offline, method: f.method, reason: f.reason });
    const { _id, ...data } = record;
    await tx.create<AttendanceDoc>('attendance', id, data);
    await recordChange(tx, attendanceChange(record, { openid: f.openid, role: 'trainer' }));
    return { status: 'accepted', session, skewFlagged: f.offline?.skewFlagged ?? false, name };
  });
}

/** R13.2 the trainer types the 8 digits a laborer's screen shows: whose they are among the class, at the server's time. */
export async function scanTyped(deps: Deps, caller: Caller, input: { classId: string; digits: string }): Promise<ScanResult> {
  const openid = requireOpenid(caller);
  const { c, teaches } = await trainerClass(deps, caller, input.classId);
  if (!teaches) return refused('NOT_YOUR_CLASS');
  if (c.closedAt) return refused('CLASS_CLOSED');
  const digits = input.digits.replace(/\D/g, '');
  if (digits.length !== 8) return refused('CODE_FORGED');
  const now = deps.clock.now();
  for await (const e of scanAll<EnrollmentDoc>(deps.store, 'enrollments', and(where('classId', 'eq', c._id), where('status', 'eq', 'enrolled')))) {
    const key = await deps.store.get<AttendanceKeyDoc>('attendanceKeys', e.personId);
    if (!key) continue;
    const secret = new Uint8Array(Buffer.from(deps.idVault.decrypt(key.secretCipher), 'base64'));
    if (shortCodeMatches(digits, secret, key.ref, now)) return recordCheckIn(deps, { openid, c, teaches, personId: e.personId, check: 'ok', scannedAt: now, offline: null, method: 'phone' });
  }
  return refused('CODE_FORGED');
}

/** R13.2 the trainer marks an enrolled person present at the session under way, with a reason. */
export async function markPresent(deps: Deps, caller: Caller, input: { classId: string; personId: string; reason: string }): Promise<ScanResult> {
  const openid = requireOpenid(caller);
  const problem = reasonProblem(input.reason);
  if (problem) throw new DomainError(problem);
  const { c, teaches } = await trainerClass(deps, caller, input.classId);
  if (!teaches) return refused('NOT_YOUR_CLASS');
  if (c.closedAt) return refused('CLASS_CLOSED');
  return recordCheckIn(deps, { openid, c, teaches, personId: input.personId, check: 'ok', scannedAt: deps.clock.now(), offline: null, method: 'manual', reason: input.reason.trim() });
}

/** 16 characters of the unambiguous alphabet: a card id nobody guesses. */
const newCardId = (): string => Array.from(randomBytes(16), (b) => VERIFY_ALPHABET[b % VERIFY_ALPHABET.length]).join('');

/** Who may print a person's card: a trainer of a class they are enrolled in, or an official over their county. */
async function mayIssueCard(deps: Deps, caller: Caller, personId: string): Promise<void> {
  const bindings = await bindingsOf(deps, caller);
  const person = await deps.store.get<{ _id: string; countyCode: string }>('persons', personId);
  if (!person) throw new DomainError('NOT_FOUND');
  if (bindings.some((b) => (b.role === 'official' || b.role === 'admin') && b.regionCode && deps.regions.isWithin(person.countyCode, b.regionCode))) return;
  const institutions = bindings.flatMap((b) => (b.role === 'trainer' && b.institutionId ? [b.institutionId] : []));
  for await (const e of scanAll<EnrollmentDoc>(deps.store, 'enrollments', where('personId', 'eq', personId))) {
    if (e.status === 'enrolled' && e.institutionId && institutions.includes(e.institutionId)) return;
  }
  throw new DomainError('NOT_FOUND');
}

/**
 * R13.2 a printed 签到卡 for someone without a smartphone: a static code, the previous card (if
 * any) revoked at once. Answers what to print: the code and the masked name.
 */
export async function issueCard(deps: Deps, caller: Caller, input: { personId: string }): Promise<{ code: string; holderName: string; idNumberMasked: string; issuedAt: string }> {
  const openid = requireOpenid(caller);
  await mayIssueCard(deps, caller, input.personId);
  const cardId = newCardId();
  const person = (await deps.store.get<{ _id: string; name: string; idMasked: string; countyCode: string; cityCode: string; provinceCode: string }>('persons', input.personId))!;
  const at = deps.clock.now();
  const role = (await bindingsOf(deps, caller)).some((b) => b.role === 'official' || b.role === 'admin') ? 'official' : 'trainer';
  await deps.store.transaction(async (tx) => {
    const current = await tx.get<PersonCardDoc>('personCards', person._id);
    if (current) await tx.update('cards', current.cardId, { set: { status: 'revoked', revokedAt: at.toISOString() } });
    await tx.create<CardDoc>('cards', cardId, { personId: person._id, status: 'active', issuedAt: at.toISOString(), issuedBy: openid, revokedAt: null });
    await tx.set<PersonCardDoc>('personCards', person._id, { cardId });
    await recordChange(tx, {
      place: { countyCode: person.countyCode, cityCode: person.cityCode, provinceCode: person.provinceCode },
      at,
      type: 'card.issued',
      subjects: { personId: person._id },
      actor: { openid, role },
      data: { replaced: current !== null },
      counters: [],
    });
  });
  return { code: cardCode(cardId), holderName: maskName(person.name), idNumberMasked: person.idMasked, issuedAt: at.toISOString() };
}

/** R13.2 a lost card stops working at once (print a new one with `issueCard`). */
export async function revokeCard(deps: Deps, caller: Caller, input: { personId: string }): Promise<{ revoked: boolean }> {
  const openid = requireOpenid(caller);
  await mayIssueCard(deps, caller, input.personId);
  return deps.store.transaction(async (tx) => {
    const current = await tx.get<PersonCardDoc>('personCards', input.personId);
    const card = current ? await tx.get<CardDoc>('cards', current.cardId) : null;
    if (!card || card.status !== 'active') return { revoked: false };
    const at = deps.clock.now();
    await tx.update('cards', card._id, { set: { status: 'revoked', revokedAt: at.toISOString() } });
    const person = (await tx.get<{ _id: string; countyCode: string; cityCode: string; provinceCode: string }>('persons', input.personId))!;
    await recordChange(tx, { place: { countyCode: person.countyCode, cityCode: person.cityCode, provinceCode: person.provinceCode }, at, type: 'card.revoked', subjects: { personId: person._id }, actor: { openid, role: 'trainer' }, data: {}, counters: [] });
    return { revoked: true };
  });
}

/** R13.2 a class's check-ins by method, and the share of cards and marks (flagged above 20 %). */
export async function checkInsOf(deps: Deps, classId: string): Promise<{ total: number; card: number; manual: number; share: number; flagged: boolean }> {
  const count = (filter?: 'card' | 'manual') =>
    deps.store.count('attendance', filter ? and(where('classId', 'eq', classId), where('method', 'eq', filter)) : where('classId', 'eq', classId));
  const [total, card, manual] = await Promise.all([count(), count('card'), count('manual')]);
  return { total, card, manual, ...checkInShare({ total, card, manual }) };
}

/** R13.2 officials: the region's classes under way or just ended, with their share of cards and marks, flagged first. */
export async function classCheckIns(deps: Deps, caller: Caller, input: { regionCode?: string }): Promise<ClassCheckInsView[]> {
  const binding = await requireOfficialOf(deps, caller, input.regionCode);
  const region = statisticalRegion(deps.regions, input.regionCode ?? binding.regionCode);
  const out: ClassCheckInsView[] = [];
  const now = deps.clock.now().toISOString();
  // Classes not yet completed (the completion index), those of the region that have started.
  for await (const c of scanAll<ClassDoc>(deps.store, 'classes', where('completion', 'in', ['pending', 'closing']), { field: 'lastSessionEndsAt' })) {
    if (c.firstSessionAt > now || !deps.regions.isWithin(c.countyCode, region.code)) continue;
    out.push({ classId: c._id, name: c.name, institution: { id: c.institutionId, name: c.institutionName }, county: deps.regions.ref(c.countyCode), checkIns: await checkInsOf(deps, c._id) });
  }
  return out.sort((a, b) => Number(b.checkIns.flagged) - Number(a.checkIns.flagged) || b.checkIns.share - a.checkIns.share);
}
