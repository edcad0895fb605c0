/**
 * The training context (R5, R6): classes planned and reviewed (R11.3), enrollment, attendance by QR code, completion.
 * Other contexts import this file only.
 */
export * from './documents';
export { listClasses } from './classes';
export { enroll, myEnrollments, withdraw } from './enroll';
export { myClasses } from './trainer';
export { classDetail, classIn, createClass, pendingClasses, reviewClass, submitClass, updateClass } from './plans';
export { cancelClass, sweepClassPlans } from './cancel';
export { classCheckIns, issueCard, markPresent, revokeCard, scanTyped } from './check-in';
export { myAttendanceKey, roster, scan, uploadOfflineScans } from './attendance';
export { closeClass, completeClass, sweepClassCompletion } from './completion';
export * from './records';
export { recountTrainings } from './recount';
export { ensureAttendanceKey } from './attendance-keys';
