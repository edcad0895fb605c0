/**
 * Phase: classes closed and completed by the sweep 72 hours after their last session (R6.5, D19,
 * D21), in closing order — as completeClass does it: the class closed (classClosedChange), then
 * each enrollment completed or not by its attendance (completedChange), its voucher redeemed
 * first (redeemedChange), then the class's outcome. Classes and enrollments are final here and
 * written.
 */
import { completionOf } from '../../../cloudfunctions/core/classes';
import { classClosedChange, completedChange } from '../../../cloudfunctions/services/training';
import { SYSTEM, redeemedChange } from '../../../cloudfunctions/services/voucher';
import { popcount } from '../plan';
import { type LoaderContext, inOrder, record } from './context';
import { classClosed, classDone, enrollmentCompleted, voucherRedeemed } from './transitions';

export async function loadCompletion(ctx: LoaderContext): Promise<void> {
  const { plan, sink } = ctx;
  for (const ci of inOrder(plan.classes, (c) => ctx.mine(c.county), (c) => c.closedAt)) {
    const planned = plan.classes[ci];
    const closedAt = new Date(planned.closedAt);
    await record(ctx, classClosedChange(ctx.classes[ci], closedAt, SYSTEM));
    let c = classClosed(ctx.classes[ci], closedAt);
    let completed = 0;
    for (const ei of planned.enrollments) {
      const status = await completeEnrollment(ctx, ci, ei);
      if (status === 'completed') completed++;
    }
    c = classDone(c, completed, planned.enrollments.length - completed);
    await sink.put('classes', c);
    delete ctx.classes[ci];
  }
  await sink.flushAll();
}

/** completeEnrollment: completed or not by the sessions attended; the voucher (reserved) redeemed. */
async function completeEnrollment(ctx: LoaderContext, ci: number, ei: number): Promise<'completed' | 'not_completed'> {
  const c = ctx.classes[ci];
  const e = ctx.enrollments[ei];
  const planned = ctx.plan.enrollments[ei];
  const attended = popcount(planned.attended);
  const status = completionOf(attended, c.sessions.length, c.minAttendanceRatio);
  if ((status === 'completed') !== planned.completed) throw new Error(`plan/completion mismatch for ${e._id}`);
  const at = new Date(planned.endedAt);
  if (planned.voucher >= 0) {
    const v = ctx.vouchers[planned.voucher];
    if (v.status !== 'reserved') throw new Error(`voucher ${v._id} of ${e._id} is ${v.status}, not reserved`);
    await record(ctx, redeemedChange(v, at, SYSTEM, { subjects: { enrollmentId: e._id, classId: c._id }, data: { completion: status } }));
    ctx.vouchers[planned.voucher] = voucherRedeemed(v, at);
  }
  await record(ctx, completedChange(e, c, status, attended, at, SYSTEM));
  const done = enrollmentCompleted(e, status, attended, at);
  ctx.enrollments[ei] = done;
  await ctx.sink.put('enrollments', done);
  return status;
}
