/**
 * The training context (R5, R6): classes, enrollment, attendance by QR code, completion.
 * Other contexts import this file only.
 */
export * from './documents';
export { listClasses } from './classes';
export { enroll, myEnrollments, withdraw } from './enroll';
export { myClasses } from './trainer';
export { myAttendanceKey, roster, scan, uploadOfflineScans } from './attendance';
export { closeClass, completeClass, sweepClassCompletion } from './completion';
export { seedDemoClasses } from './demo';
export * from './records';
export { recountTrainings } from './recount';
export { ensureAttendanceKey } from './attendance-keys';
