/**
 * The later state changes of a document built by a service builder, each as the use case that
 * makes it writes it (the `tx.update` it runs), so a loaded document ends exactly as the app
 * would leave it. Pure: each answers the changed copy.
 */
import type { Completion } from '../../../cloudfunctions/core/classes';
import type { AssessRegistration } from '../../../cloudfunctions/core/institutions';
import type { PersonDoc } from '../../../cloudfunctions/services/account';
import type { InstitutionDoc } from '../../../cloudfunctions/services/institution';
import type { ClassDoc, EnrollmentDoc } from '../../../cloudfunctions/services/training';
import type { PersonYearDoc, VoucherDoc } from '../../../cloudfunctions/services/voucher';

/** A voucher as stored once enrolling reserved it (enroll sets `enrollmentId`, which VoucherDoc does not declare). */
export type HeldVoucher = VoucherDoc & { enrollmentId?: string | null };

// ---- institution (institution/registrations.ts) ----

/** addRegistration: one more evaluation registration (R1.3). */
export const institutionRegistered = (i: InstitutionDoc, r: AssessRegistration, at: Date): InstitutionDoc => ({
  ...i,
  registrations: [...i.registrations, r],
  updatedAt: at.toISOString(),
});

// ---- voucher (voucher/lifecycle.ts, training/enroll.ts) ----

/** endVoucher: cancelled by the holder or expired (R4.5). */
export const voucherEnded = (v: HeldVoucher, status: 'cancelled' | 'expired', at: Date): HeldVoucher => ({ ...v, status, endedAt: at.toISOString() });

/** enroll: reserved for the enrollment (R5.2). */
export const voucherReserved = (v: HeldVoucher, enrollmentId: string): HeldVoucher => ({ ...v, status: 'reserved', enrollmentId });

/** redeemVoucher: used by completion (R6.5) or a direct assessment (R7.1). */
export const voucherRedeemed = (v: HeldVoucher, at: Date): HeldVoucher => ({ ...v, status: 'redeemed', endedAt: at.toISOString() });

/** claimVoucher takes a place of the county quota; endVoucher gives it back (R4.2, R4.5). */

/** claimVoucher counts the claim in the person's year; endVoucher uncounts it (R4.4). */
export const personYearCounted = (y: PersonYearDoc, by: 1 | -1): PersonYearDoc => ({ ...y, counted: y.counted + by });

// ---- class and enrollment (training/enroll.ts, training/completion.ts) ----

/** enroll: one more enrolled. */
export const classEnrolled = (c: ClassDoc): ClassDoc => ({ ...c, enrolled: c.enrolled + 1 });

/** completeClass step 1 (markClosed). */
export const classClosed = (c: ClassDoc, at: Date): ClassDoc => ({ ...c, closedAt: at.toISOString(), completion: 'closing' });

/** completeClass step 3: the outcome recorded. */
export const classDone = (c: ClassDoc, completed: number, notCompleted: number): ClassDoc => ({ ...c, completion: 'done', completed, notCompleted });

/** completeClass step 2 (completeEnrollment): completed or not, with the sessions attended. */
export const enrollmentCompleted = (e: EnrollmentDoc, status: Completion, attended: number, at: Date): EnrollmentDoc => ({
  ...e,
  status,
  endedAt: at.toISOString(),
  attended,
});

// ---- person (employment/report.ts) ----

/** reportEmployment: the latest report kept on the person (R4: the 企业职工培训券 needs a current employer). */
export const personReported = (p: PersonDoc, report: { status: string; employer: string | null }): PersonDoc => ({
  ...p,
  currentEmployer: report.status === 'employed' ? report.employer : null,
  employmentStatus: report.status,
});
