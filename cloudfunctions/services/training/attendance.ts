/**
 * R6 attendance: the laborer's attendance key (reference + secret, kept on the phone so codes can
 * be shown offline), the trainer's scan and offline upload, and the class roster.
 */
import type { AttendanceKey, OfflineScan, RosterView, ScanResult } from '../../contract';
import {
  type CheckInMethod,
  type CodeCheck,
  type ScanRefusal,
  checkAttendanceCode,
  offlineUploadCheck,
  parseAttendanceCode,
  parseCardCode,
} from '../../core/attendance';
import { ENROLLMENT_STATUS_NAMES, currentSession } from '../../core/classes';
import { DomainError } from '../../core/errors';
import { maskName } from '../../core/id-number';
import { where } from '../../store/port';
import { scan as scanAll } from '../../store/scan';
import { personOf } from '../account';
import { requireOpenid } from '../kernel/caller';
import type { Caller, Deps } from '../kernel/deps';
import { type RequestDoc, requestKey } from '../kernel/requests';
import { ensureAttendanceKey } from './attendance-keys';
import { checkInsOf, recordCheckIn, refused, trainerClass } from './check-in';
import { type AttendanceDoc, type AttendanceKeyDoc, type AttendanceRefDoc, type CardDoc, type ClassDoc, type EnrollmentDoc } from './documents';

/** R6.1: the laborer's own reference and secret, for showing codes offline. */
export async function myAttendanceKey(deps: Deps, caller: Caller): Promise<AttendanceKey> {
  const openid = requireOpenid(caller);
  // R13.1: a relative acting for the laborer never sees or shows the code.
  if (caller.proxy) throw new DomainError('PROXY_NOT_ALLOWED');
  const key = await deps.store.transaction(async (tx) => {
    const person = await personOf(tx, openid);
    return ensureAttendanceKey(deps, tx, person._id);
  });
  return { personRef: key.ref, secret: deps.idVault.decrypt(key.secretCipher), serverNow: deps.clock.now().toISOString() };
}



/** Whose code a scanned text is (a phone's QR or a printed card), and whether it verifies at `scannedAt`. */
async function identify(deps: Deps, text: string, scannedAt: Date): Promise<{ personId: string; check: CodeCheck; method: CheckInMethod } | ScanRefusal | 'CARD_REVOKED'> {
  const cardId = parseCardCode(text);
  if (cardId) {
    const card = await deps.store.get<CardDoc>('cards', cardId);
    if (!card) return 'CODE_FORGED';
    return card.status === 'active' ? { personId: card.personId, check: 'ok', method: 'card' } : 'CARD_REVOKED';
  }
  const code = parseAttendanceCode(text);
  if (!code) return 'CODE_FORGED';
  const ref = await deps.store.get<AttendanceRefDoc>('attendanceRefs', code.personRef);
  const key = ref ? await deps.store.get<AttendanceKeyDoc>('attendanceKeys', ref.personId) : null;
  if (!ref || !key) return 'CODE_FORGED';
  const secret = new Uint8Array(Buffer.from(deps.idVault.decrypt(key.secretCipher), 'base64'));
  return { personId: ref.personId, check: checkAttendanceCode(code, secret, scannedAt), method: 'phone' };
}

/** One scan (phone QR or card), judged at `scannedAt` (R6.2), recorded once per person and session (R6.3). */
async function applyScan(
  deps: Deps,
  openid: string,
  c: ClassDoc,
  teaches: boolean,
  text: string,
  scannedAt: Date,
  offline: { skewMs: number; skewFlagged: boolean } | null,
): Promise<ScanResult> {
  // R6.5: once a class is closed its attendance is final.
  if (c.closedAt) return refused('CLASS_CLOSED');
  const who = await identify(deps, text, scannedAt);
  if (typeof who === 'string') return refused(who);
  return recordCheckIn(deps, { openid, c, teaches, personId: who.personId, check: who.check, scannedAt, offline, method: who.method });
}

/** R6.2: a live scan, judged at the server's time. */
export async function scan(deps: Deps, caller: Caller, input: { classId: string; code: string }): Promise<ScanResult> {
  const openid = requireOpenid(caller);
  const { c, teaches } = await trainerClass(deps, caller, input.classId);
  return applyScan(deps, openid, c, teaches, input.code, deps.clock.now(), null);
}

/**
 * R6.4: scans queued offline, each judged at its recorded device time if uploaded within 72 h;
 * a device clock over 5 minutes off is flagged. Idempotent by scan id.
 */
export async function uploadOfflineScans(
  deps: Deps,
  caller: Caller,
  input: { deviceNow: string; scans: OfflineScan[] },
): Promise<{ scanId: string; result: ScanResult }[]> {
  const openid = requireOpenid(caller);
  const out: { scanId: string; result: ScanResult }[] = [];
  for (const s of input.scans) {
    const key = requestKey(openid, 'training.scan', s.scanId);
    const done = await deps.store.get<RequestDoc>('requests', key);
    if (done) {
      out.push({ scanId: s.scanId, result: JSON.parse(done.result) as ScanResult });
      continue;
    }
    const found = await trainerClass(deps, caller, s.classId).catch((e: unknown) => {
      // One scan naming a class that is gone must not block the rest of the queue.
      if (e instanceof DomainError && e.code === 'CLASS_NOT_FOUND') return null;
      throw e;
    });
    const serverNow = deps.clock.now();
    if (!found) {
      const result = refused('CLASS_NOT_FOUND');
      await deps.store.transaction((tx) => tx.set<RequestDoc>('requests', key, { result: JSON.stringify(result), at: serverNow.toISOString() }));
      out.push({ scanId: s.scanId, result });
      continue;
    }
    const { c, teaches } = found;
    const check = offlineUploadCheck({ deviceScannedAt: new Date(s.deviceScannedAt), deviceUploadedAt: new Date(input.deviceNow), serverNow });
    const result = check.refusal
      ? refused(check.refusal)
      : await applyScan(deps, openid, c, teaches, s.code, new Date(s.deviceScannedAt), check);
    await deps.store.transaction((tx) => tx.set<RequestDoc>('requests', key, { result: JSON.stringify(result), at: serverNow.toISOString() }));
    out.push({ scanId: s.scanId, result });
  }
  return out;
}

/** The class roster: who is enrolled and, per session, who is in. */
export async function roster(deps: Deps, caller: Caller, input: { classId: string }): Promise<RosterView> {
  const { c, teaches } = await trainerClass(deps, caller, input.classId);
  if (!teaches) throw new DomainError('NOT_YOUR_CLASS');
  const enrollments: EnrollmentDoc[] = [];
  for await (const e of scanAll<EnrollmentDoc>(deps.store, 'enrollments', where('classId', 'eq', c._id))) {
    if (e.status !== 'withdrawn') enrollments.push(e);
  }
  const present: AttendanceDoc[] = [];
  for await (const a of scanAll<AttendanceDoc>(deps.store, 'attendance', where('classId', 'eq', c._id))) present.push(a);
  const people = await Promise.all(
    enrollments.map(async (e) => {
      const p = await deps.store.get<{ _id: string; name: string }>('persons', e.personId);
      return {
        personId: e.personId,
        // R2.4: a trainer sees names masked.
        name: p ? maskName(p.name) : '',
        sessions: present.filter((a) => a.personId === e.personId).map((a) => a.session).sort((a, b) => a - b),
        skewFlagged: present.some((a) => a.personId === e.personId && a.skewFlagged),
        status: e.status,
        statusName: ENROLLMENT_STATUS_NAMES[e.status],
        cardSessions: present.filter((a) => a.personId === e.personId && a.method === 'card').map((a) => a.session).sort((a, b) => a - b),
        manualSessions: present.filter((a) => a.personId === e.personId && a.method === 'manual').map((a) => a.session).sort((a, b) => a - b),
      };
    }),
  );
  const now = deps.clock.now();
  return {
    classId: c._id,
    name: c.name,
    sessions: c.sessions,
    people,
    currentSession: c.closedAt ? null : currentSession(c.sessions, now),
    closedAt: c.closedAt,
    checkIns: await checkInsOf(deps, c._id),
  };
}
