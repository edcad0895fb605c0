/**
 * R11.3 cancelling a class. A class not yet approved is simply cancelled. An approved class
 * before its first session becomes `cancelling` (no longer listed, no new enrollment), then each
 * enrollment is released in its own transaction — the voucher back to unused (or expired, its
 * place back to the quota: R5.3), the laborer's message, the ledger entry and the counters
 * together — and the class is `cancelled` once none is left. A run cut short is finished by the
 * next call or by the reminder run (`sweepCancellations`).
 */
import type { TrainerClassView } from '../../contract';
import { reasonProblem } from '../../core/class-plans';
import { chinaDateOf } from '../../core/china-date';
import { DomainError } from '../../core/errors';
import { dedupeKey } from '../../core/reminders';
import { and, where } from '../../store/port';
import { scan } from '../../store/scan';
import { recordChange } from '../books/changes';
import type { Actor } from '../books/ledger';
import { bindingsOf, requireOpenid } from '../kernel/caller';
import type { Caller, Deps } from '../kernel/deps';
import { enqueue } from '../message';
import { SYSTEM, type VoucherDoc, releaseReservedVoucher } from '../voucher';
import type { ClassDoc, EnrollmentDoc, PersonScheduleDoc } from './documents';
import { classIn, sendClassNotices } from './plans';
import { classChange, withSeat, withdrawnChange } from './records';
import { giveSeatBack } from './seats';
import { trainerClassView } from './trainer';

export async function cancelClass(deps: Deps, caller: Caller, input: { classId: string; reason: string }): Promise<TrainerClassView & { released: number }> {
  const openid = requireOpenid(caller);
  const current = await classIn(deps.store, input.classId);
  const teaches = (await bindingsOf(deps, caller)).some((b) => b.role === 'trainer' && b.institutionId === current.institutionId);
  if (!teaches) throw new DomainError('CLASS_NOT_FOUND');
  const problem = reasonProblem(input.reason);
  if (problem) throw new DomainError(problem);
  const actor: Actor = { openid, role: 'trainer' };
  await deps.store.transaction(async (tx) => {
    const c = await classIn(tx, input.classId);
    const at = deps.clock.now();
    if (c.status === 'cancelling' || c.status === 'cancelled') return;
    if (c.status === 'approved' && at >= new Date(c.firstSessionAt)) throw new DomainError('CLASS_NOT_CANCELLABLE');
    const cancel = { by: openid, at: at.toISOString(), reason: input.reason.trim() };
    const status = c.status === 'approved' ? ('cancelling' as const) : ('cancelled' as const);
    await tx.update('classes', c._id, { set: { status, completion: 'none', cancel, updatedAt: at.toISOString() } });
    await recordChange(tx, classChange({ ...c, status }, 'class.cancelled', at, actor, { reason: cancel.reason, enrolled: c.enrolled }));
  });
  const released = await releaseEnrollments(deps, input.classId);
  const doc = await classIn(deps.store, input.classId);
  return { ...trainerClassView(deps, doc, deps.clock.now()), released };
}

/** Releases what is left of a cancelling class, then marks it cancelled. Idempotent; answers how many it released. */
export async function releaseEnrollments(deps: Deps, classId: string): Promise<number> {
  const c = await classIn(deps.store, classId);
  if (c.status !== 'cancelling') return 0;
  let released = 0;
  for await (const e of scan<EnrollmentDoc>(deps.store, 'enrollments', and(where('classId', 'eq', classId), where('status', 'eq', 'enrolled')))) {
    if (await releaseOne(deps, c, e._id)) released++;
  }
  await deps.store.transaction(async (tx) => {
    const now = await classIn(tx, classId);
    if (now.status === 'cancelling' && now.enrolled === 0) await tx.update('classes', classId, { set: { status: 'cancelled', updatedAt: deps.clock.now().toISOString() } });
  });
  return released;
}

/** One enrollment of a cancelled class: withdrawn, its voucher released, the laborer told. */
async function releaseOne(deps: Deps, c: ClassDoc, enrollmentId: string): Promise<boolean> {
  return deps.store.transaction(async (tx) => {
    const e = await tx.get<EnrollmentDoc>('enrollments', enrollmentId);
    if (!e || e.status !== 'enrolled') return false;
    const now = deps.clock.now();
    const endedAt = now.toISOString();
    await tx.update('enrollments', e._id, { set: { status: 'withdrawn', endedAt, endReason: 'class_cancelled' } });
    await giveSeatBack(tx, c, e);
    if (c.mode === 'fulltime') {
      const schedule = await tx.get<PersonScheduleDoc>('personSchedules', e.personId);
      if (schedule) await tx.set<PersonScheduleDoc>('personSchedules', e.personId, { fulltime: schedule.fulltime.filter((s) => s.classId !== c._id) });
    }
    const voucher = e.voucherId ? await tx.get<VoucherDoc>('vouchers', e.voucherId) : null;
    const voucherOutcome = voucher ? await releaseReservedVoucher(tx, voucher, now, SYSTEM) : null;
    await recordChange(tx, withSeat(c, withdrawnChange(e, now, SYSTEM, voucherOutcome, 'class_cancelled'), -1));
    const reason = c.cancel?.reason ?? '培训机构取消';
    await enqueue(tx, dedupeKey('classCancelled', `${c._id}:${e.personId}`, chinaDateOf(new Date(c.cancel?.at ?? endedAt))), e.openid, 'classCancelled', { className: c.name, reason, voucherOutcome }, now);
    return true;
  });
}

/** The reminder run's part: cancellations cut short, and change notices not yet all written. */
export async function sweepClassPlans(deps: Deps): Promise<{ released: number; notices: number }> {
  let released = 0;
  let notices = 0;
  for await (const c of scan<ClassDoc>(deps.store, 'classes', where('status', 'eq', 'cancelling'))) released += await releaseEnrollments(deps, c._id);
  const upcoming = and(where('status', 'eq', 'approved'), where('firstSessionAt', 'gt', deps.clock.now().toISOString()));
  for await (const c of scan<ClassDoc>(deps.store, 'classes', upcoming)) if (c.noticeVersion > c.noticesSent) notices += await sendClassNotices(deps, c._id);
  return { released, notices };
}
