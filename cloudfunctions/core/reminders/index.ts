/**
 * R10 reminders, pure: the China-time schedule of the timer (R10.3), which reminders are due on a
 * China day (R10.1), and the outbox rules — dedupe keys, retries, consents and WeChat field
 * limits (R10.2) — with each kind's texts. No storage, no clock: every instant is passed in.
 */
export * from './schedule';
export * from './due';
export * from './outbox';
export * from './fields';
export * from './kinds';
