/**
 * Phase: classes published and trainees enrolled (R5.1, R5.2), in enrollment order — each class
 * built by the training context's newClass, each enrollment by newEnrollment and recorded by
 * enrolledChange, the class's count and the voucher's reservation moved as `enroll` moves them;
 * the attendance key issued with a person's first enrollment (R6.1) and the full-time schedule
 * kept, as enroll does. Classes and enrollments stay in flight until completion.
 */
import { DEFAULT_MIN_ATTENDANCE, spanOf } from '../../../cloudfunctions/core/classes';
import { maskIdNumber } from '../../../cloudfunctions/core/id-number';
import {
  type AttendanceKeyDoc,
  type AttendanceRefDoc,
  type PersonScheduleDoc,
  enrolledChange,
  newClass,
  newEnrollment,
} from '../../../cloudfunctions/services/training';
import { DAY, type PClass } from '../plan';
import { type LoaderContext, classInstitution, idNumberOf, inOrder, openidOf, placeOfPerson, record, recordUse, townshipOf, trainerOf } from './context';
import { LEVEL_TEXT } from './names';
import { classEnrolled, voucherReserved } from './transitions';

const className = (ctx: LoaderContext, c: PClass) =>
  `${c.mode === 'village' ? '送培训下乡·' : ''}${ctx.occupation.get(c.occupation)!.name}${c.level ? `（${LEVEL_TEXT[c.level]}）` : ''}${c.selfFunded ? '·自费班' : ''}`;

/**
 * Every class of this thread's counties as approved (R5.1, R11.3): nobody enrolled yet; planned
 * by its institution's trainer the day before its first enrollment (newClass's `approved`: the
 * dataset does not replay the review).
 */
export function publishClasses(ctx: LoaderContext): void {
  const { plan } = ctx;
  plan.classes.forEach((c, ci) => {
    if (!ctx.mine(c.county)) return;
    const inst = classInstitution(ctx, c);
    const firstEnrolled = Math.min(...c.enrollments.map((ei) => plan.enrollments[ei].enrolledAt));
    const doc = newClass({
      id: c.id,
      place: ctx.countyPlace[c.county],
      institution: inst,
      name: className(ctx, c),
      occupation: { code: c.occupation, name: ctx.occupation.get(c.occupation)!.name },
      level: c.level,
      acceptedTypes: c.acceptedTypes,
      selfFunded: c.selfFunded,
      townshipCode: c.township !== null ? plan.townships[c.township].code : null,
      mode: c.mode,
      capacity: c.capacity,
      sessions: c.sessions,
      minAttendanceRatio: DEFAULT_MIN_ATTENDANCE,
      project: null,
      createdBy: trainerOf(inst._id),
      at: new Date(firstEnrolled - DAY),
      status: 'approved',
    });
    if (doc.firstSessionAt !== new Date(c.firstAt).toISOString() || doc.lastSessionEndsAt !== new Date(c.lastEndAt).toISOString()) {
      throw new Error(`plan/session times mismatch for ${c.id}`);
    }
    ctx.classes[ci] = doc;
  });
}

export async function loadEnrollments(ctx: LoaderContext): Promise<void> {
  const { plan, sink } = ctx;
  publishClasses(ctx);
  const eOrder = inOrder(plan.enrollments, (e) => ctx.mine(plan.personCounty[e.person]), (e) => e.enrolledAt);
  const keyed = new Set<number>();
  for (const ei of eOrder) {
    const e = plan.enrollments[ei];
    const c = ctx.classes[e.cls];
    const personId = ctx.personIds[e.person];
    const openid = openidOf(e.person);
    const v = e.voucher >= 0 ? ctx.vouchers[e.voucher] : null;
    const enrollment = newEnrollment({
      person: {
        ...placeOfPerson(ctx, e.person),
        _id: personId,
        openid,
        name: ctx.personNames[e.person],
        idMasked: maskIdNumber(idNumberOf(ctx, e.person)),
        townshipCode: townshipOf(ctx, e.person),
      },
      c,
      voucher: v,
      band: e.band,
      at: new Date(e.enrolledAt),
      existing: null,
    });
    ctx.enrollments[ei] = enrollment;
    // R6.1: the attendance key is issued with the first enrollment.
    if (!keyed.has(e.person)) {
      keyed.add(e.person);
      await issueAttendanceKey(ctx, personId);
    }
    ctx.classes[e.cls] = classEnrolled(c);
    if (v) {
      ctx.vouchers[e.voucher] = voucherReserved(v, enrollment._id);
      await recordUse(ctx, v);
    }
    // R5.2: a person's full-time classes never overlap (each trainee has one class in the plan).
    if (c.mode === 'fulltime') await sink.put('personSchedules', { _id: personId, fulltime: [{ classId: c._id, ...spanOf(c.sessions) }] } satisfies PersonScheduleDoc);
    await record(ctx, enrolledChange(enrollment, c, { openid, role: 'laborer' }));
  }
  await sink.flushAll();
}

/** As ensureAttendanceKey writes it, with the reference and secret from this thread's generator. */
async function issueAttendanceKey(ctx: LoaderContext, personId: string): Promise<void> {
  const ref = Buffer.from(ctx.rng.bytes(9)).toString('base64url');
  const secretCipher = ctx.idVault.encrypt(Buffer.from(ctx.rng.bytes(32)).toString('base64'));
  await ctx.sink.put('attendanceKeys', { _id: personId, ref, secretCipher } satisfies AttendanceKeyDoc);
  await ctx.sink.put('attendanceRefs', { _id: ref, personId } satisfies AttendanceRefDoc);
}
