/**
 * R5.2, R5.3 enrolling with a voucher (capacity never exceeded, full-time classes never
 * overlapping), withdrawing before the first session, and the laborer's enrollments.
 */
import type { EnrollmentView } from '../../contract';
import { ageAt, bandOfAge } from '../../core/age';
import { parseDate } from '../../core/china-date';
import { ENROLLMENT_STATUS_NAMES, overlaps, requiredSessions, spanOf } from '../../core/classes';
import { DomainError } from '../../core/errors';
import { where } from '../../store/port';
import { personOf } from '../account';
import { recordChange } from '../books/changes';
import { actorOf } from '../books/ledger';
import { requireOpenid } from '../kernel/caller';
import type { Caller, Deps } from '../kernel/deps';
import { SYSTEM, type VoucherDoc, claimInTx, releaseReservedVoucher, reserveVoucher, voucherIdOf } from '../voucher';
import { type RequestDoc, requestKey } from '../kernel/requests';
import { ensureAttendanceKey } from './attendance-keys';
import { enrolledChange, newEnrollment, withSeat, withdrawnChange } from './records';
import { findSeat, giveSeatBack, takeSeat } from './seats';
import { classView, enrollCheck } from './classes';
import { type ClassDoc, type EnrollmentDoc, type PersonScheduleDoc, attendanceId, enrollmentId } from './documents';

/**
 * R5.2 enrolling. With `claim` (R13, four taps: 报名 on a class claims the voucher it needs in the
 * same confirmation), a person holding no usable voucher claims one of that type — accepted by
 * the class — in the same transaction: both are written, or neither.
 */
export async function enroll(deps: Deps, caller: Caller, input: { classId: string; claim?: string }): Promise<EnrollmentView> {
  const openid = requireOpenid(caller);
  const claimKey = requestKey(openid, 'training.enroll', caller.requestId);
  const result = await deps.store.transaction(async (tx) => {
    // A retried enroll-with-claim answers what it did.
    const done = input.claim ? await tx.get<RequestDoc>('requests', claimKey) : null;
    if (done) return (await tx.get<EnrollmentDoc>('enrollments', done.result))!;
    const now = deps.clock.now();
    const person = await personOf(tx, openid);
    const c = await tx.get<ClassDoc>('classes', input.classId);
    if (!c) throw new DomainError('CLASS_NOT_FOUND');
    // D62: a class with seat shards gives a seat from one with room.
    const seat = await findSeat(tx, c);
    const check = await enrollCheck(tx, person, c, now, c.seatShards ? (seat?.left ?? 0) : undefined);
    const { existing } = check;
    let { voucher, schedule, refusal } = check;
    const span = spanOf(c.sessions);
    if (input.claim && (refusal === 'NO_USABLE_VOUCHER' || refusal === 'VOUCHER_WRONG_TOWNSHIP')) {
      if (!c.acceptedTypes.includes(input.claim)) throw new DomainError('VOUCHER_TYPE_UNKNOWN', '这个班不收这种培训券');
      if (input.claim === 'village' && c.townshipCode !== person.townshipCode) throw new DomainError('VOUCHER_WRONG_TOWNSHIP');
      schedule = await tx.get<PersonScheduleDoc>('personSchedules', person._id);
      if (c.mode === 'fulltime' && (schedule?.fulltime ?? []).some((x) => overlaps(x, span))) throw new DomainError('FULLTIME_OVERLAP');
      voucher = await claimInTx(tx, { person, typeCode: input.claim, now, actor: actorOf(caller, 'laborer'), id: voucherIdOf(claimKey), requestId: caller.requestId });
      refusal = null;
    }
    if (refusal) throw new DomainError(refusal);
    const birth = parseDate(person.birthDate);
    const band = voucher?.band ?? (birth ? bandOfAge(ageAt(birth, now)) : null) ?? '-';
    const enrollment = newEnrollment({ person, c, voucher, band, at: now, existing });
    const { _id: id, ...doc } = enrollment;
    const seatK = await takeSeat(tx, c, seat);
    await tx.set<EnrollmentDoc>('enrollments', id, seatK === null ? doc : { ...doc, seat: seatK });
    // R6.1: the attendance secret is issued with the first enrollment.
    await ensureAttendanceKey(deps, tx, person._id);
    if (voucher) {
      await reserveVoucher(tx, voucher, id);
    }
    if (c.mode === 'fulltime') {
      await tx.set<PersonScheduleDoc>('personSchedules', person._id, {
        fulltime: [...(schedule?.fulltime ?? []), { classId: c._id, ...span }],
      });
    }
    await recordChange(tx, withSeat(c, enrolledChange(enrollment, c, actorOf(caller, 'laborer')), 1));
    if (input.claim) await tx.create<RequestDoc>('requests', claimKey, { result: id, at: enrollment.enrolledAt });
    return enrollment;
  });
  const c = (await deps.store.get<ClassDoc>('classes', result.classId))!;
  return enrollmentView(deps, result, c);
}

/** R5.3: before the first session the voucher goes back to unused (or expires, if past validity). */
export async function withdraw(deps: Deps, caller: Caller, input: { classId: string }): Promise<EnrollmentView> {
  const openid = requireOpenid(caller);
  const result = await deps.store.transaction(async (tx) => {
    const now = deps.clock.now();
    const person = await personOf(tx, openid);
    const id = enrollmentId(input.classId, person._id);
    const e = await tx.get<EnrollmentDoc>('enrollments', id);
    if (!e || e.status !== 'enrolled') throw new DomainError('NOT_ENROLLED_SELF');
    const c = (await tx.get<ClassDoc>('classes', e.classId))!;
    if (now >= new Date(c.firstSessionAt)) throw new DomainError('WITHDRAW_TOO_LATE');
    const endedAt = now.toISOString();
    await tx.update('enrollments', id, { set: { status: 'withdrawn', endedAt } });
    await giveSeatBack(tx, c, e);
    if (c.mode === 'fulltime') {
      const schedule = await tx.get<PersonScheduleDoc>('personSchedules', person._id);
      await tx.set<PersonScheduleDoc>('personSchedules', person._id, {
        fulltime: (schedule?.fulltime ?? []).filter((s) => s.classId !== c._id),
      });
    }
    const voucher = e.voucherId ? await tx.get<VoucherDoc>('vouchers', e.voucherId) : null;
    const voucherOutcome = voucher ? await releaseReservedVoucher(tx, voucher, now, SYSTEM) : null;
    await recordChange(tx, withSeat(c, withdrawnChange(e, now, actorOf(caller, 'laborer'), voucherOutcome), -1));
    return { ...e, status: 'withdrawn' as const, endedAt };
  });
  const c = (await deps.store.get<ClassDoc>('classes', result.classId))!;
  return enrollmentView(deps, result, c);
}

export async function myEnrollments(deps: Deps, caller: Caller): Promise<EnrollmentView[]> {
  const openid = requireOpenid(caller);
  const person = await personOf(deps.store, openid);
  const page = await deps.store.find<EnrollmentDoc>('enrollments', where('personId', 'eq', person._id), {
    orderBy: { field: 'enrolledAt', direction: 'desc' },
    limit: 200,
  });
  const views: EnrollmentView[] = [];
  for (const e of page.items) {
    const c = await deps.store.get<ClassDoc>('classes', e.classId);
    if (c) views.push(await enrollmentView(deps, e, c));
  }
  return views;
}

async function enrollmentView(deps: Deps, e: EnrollmentDoc, c: ClassDoc): Promise<EnrollmentView> {
  const present = await Promise.all(c.sessions.map((_, i) => deps.store.get('attendance', attendanceId(c._id, i, e.personId))));
  return {
    id: e._id,
    status: e.status,
    statusName: ENROLLMENT_STATUS_NAMES[e.status],
    voucherId: e.voucherId,
    voucherType: e.voucherType,
    enrolledAt: e.enrolledAt,
    class: classView(deps, c),
    attendedSessions: present.flatMap((a, i) => (a ? [i] : [])),
    requiredSessions: requiredSessions(c.sessions.length, c.minAttendanceRatio),
  };
}

