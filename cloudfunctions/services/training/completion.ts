/**
 * R6.5 Completion: after a class's last session, each enrollment becomes completed or not
 * completed by its attendance, and its voucher is redeemed (the training happened either way).
 *
 * A class closes when its trainer says so (after the last session) or, at the latest, 72 hours
 * after the last session, when no offline scan may still arrive (R6.4). Closing is in steps, each
 * one transaction with its ledger entries and counters, and every step is idempotent: first the
 * class is marked closed (from then on scans are refused), then each enrollment is completed,
 * then the class records its outcome. A run cut short is finished by the next sweep.
 */
import type { CompletionView } from '../../contract';
import { AUTO_CLOSE_AFTER_MS, completionOf } from '../../core/classes';
import { DomainError } from '../../core/errors';
import { type Store, and, where } from '../../store/port';
import { scan } from '../../store/scan';
import { recordChange } from '../books/changes';
import type { Actor } from '../books/ledger';
import { trainerInstitutions } from '../kernel/authz';
import { requireOpenid } from '../kernel/caller';
import type { Caller, Deps } from '../kernel/deps';
import { type VoucherDoc, redeemVoucher } from '../voucher';
import { type AttendanceDoc, type ClassDoc, type EnrollmentDoc, attendanceId } from './documents';
import { classClosedChange, completedChange } from './records';

/** Step 1: mark the class closed (refused before its last session ends). Returns the class. */
async function markClosed(deps: Deps, classId: string, actor: Actor): Promise<ClassDoc> {
  return deps.store.transaction(async (tx) => {
    const c = await tx.get<ClassDoc>('classes', classId);
    if (!c) throw new DomainError('CLASS_NOT_FOUND');
    if (c.closedAt) return c;
    const now = deps.clock.now();
    if (now <= new Date(c.lastSessionEndsAt)) throw new DomainError('CLASS_NOT_ENDED');
    const closedAt = now.toISOString();
    await tx.update('classes', c._id, { set: { closedAt, completion: 'closing' } });
    await recordChange(tx, classClosedChange(c, now, actor));
    return { ...c, closedAt, completion: 'closing' as const };
  });
}

/** Step 2, for one enrollment: completed or not (R6.5), the voucher redeemed. Idempotent. */
async function completeEnrollment(deps: Deps, c: ClassDoc, enrollmentId: string, actor: Actor): Promise<void> {
  await deps.store.transaction(async (tx) => {
    const e = await tx.get<EnrollmentDoc>('enrollments', enrollmentId);
    if (!e || e.status !== 'enrolled') return;
    let attended = 0;
    for (let i = 0; i < c.sessions.length; i++) {
      if (await tx.get<AttendanceDoc>('attendance', attendanceId(c._id, i, e.personId))) attended++;
    }
    const status = completionOf(attended, c.sessions.length, c.minAttendanceRatio);
    const now = deps.clock.now();
    const endedAt = now.toISOString();
    await tx.update('enrollments', e._id, { set: { status, endedAt, attended } });
    if (e.voucherId) {
      const v = await tx.get<VoucherDoc>('vouchers', e.voucherId);
      if (v && v.status === 'reserved') {
        await redeemVoucher(tx, v, now, actor, { subjects: { enrollmentId: e._id, classId: c._id }, data: { completion: status } });
      }
    }
    await recordChange(tx, completedChange(e, c, status, attended, now, actor));
  });
}

async function enrolledIds(store: Store, classId: string): Promise<string[]> {
  const ids: string[] = [];
  for await (const e of scan<EnrollmentDoc>(store, 'enrollments', and(where('classId', 'eq', classId), where('status', 'eq', 'enrolled')))) {
    ids.push(e._id);
  }
  return ids;
}

/** Closes a class and completes its enrollments (R6.5); safe to call again at any point. */
export async function completeClass(deps: Deps, classId: string, actor: Actor): Promise<CompletionView> {
  const c = await markClosed(deps, classId, actor);
  if (c.completion !== 'done') {
    for (const id of await enrolledIds(deps.store, c._id)) await completeEnrollment(deps, c, id, actor);
  }
  let completed = 0;
  let notCompleted = 0;
  for await (const e of scan<EnrollmentDoc>(deps.store, 'enrollments', where('classId', 'eq', c._id))) {
    if (e.status === 'completed') completed++;
    if (e.status === 'not_completed') notCompleted++;
  }
  if (c.completion !== 'done') {
    await deps.store.transaction((tx) => tx.update('classes', c._id, { set: { completion: 'done', completed, notCompleted } }));
  }
  return { classId: c._id, closedAt: c.closedAt!, completed, notCompleted };
}

/**
 * The timer's part (R6.5): completes every class whose last session ended over 72 hours ago and
 * that nobody closed (or whose closing was cut short).
 */
export async function sweepClassCompletion(deps: Deps): Promise<{ classes: number; completed: number; notCompleted: number }> {
  const cutoff = new Date(deps.clock.now().getTime() - AUTO_CLOSE_AFTER_MS).toISOString();
  const system: Actor = { openid: null, role: 'system' };
  const due: string[] = [];
  const pending = and(where('completion', 'eq', 'pending'), where('lastSessionEndsAt', 'lt', cutoff));
  for await (const c of scan<ClassDoc>(deps.store, 'classes', pending)) due.push(c._id);
  // Classes whose closing was cut short, whatever their dates.
  for await (const c of scan<ClassDoc>(deps.store, 'classes', where('completion', 'eq', 'closing'))) due.push(c._id);
  let completed = 0;
  let notCompleted = 0;
  for (const id of due) {
    const outcome = await completeClass(deps, id, system);
    completed += outcome.completed;
    notCompleted += outcome.notCompleted;
  }
  return { classes: due.length, completed, notCompleted };
}

/** Trainer: close their class after its last session instead of waiting 72 hours (R6.5). */
export async function closeClass(deps: Deps, caller: Caller, input: { classId: string }): Promise<CompletionView> {
  const openid = requireOpenid(caller);
  const institutions = await trainerInstitutions(deps, caller);
  const c = await deps.store.get<ClassDoc>('classes', input.classId);
  if (!c || c.completion === 'none') throw new DomainError('CLASS_NOT_FOUND');
  if (!institutions.includes(c.institutionId)) throw new DomainError('NOT_YOUR_CLASS');
  return completeClass(deps, c._id, { openid, role: 'trainer' });
}
