/**
 * The daily run (R10.1, R4.5, R6.5): the voucher expiry sweep, the 72 h class completion and the
 * day's reminders, in resumable phases, then the sends. It reads the other contexts and writes
 * the outbox.
 */
export { type RemindReport, adminRunDay, runDayAndSend, runRemind } from './run';
