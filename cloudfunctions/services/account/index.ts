/**
 * The account context (R1, R2): registration, the caller's profile (role bindings: the staff context).
 * Other contexts import this file only.
 */
export * from './documents';
export { MIN_REGISTRATION_AGE, register } from './register';
export { listRegions, updateProfile, whoami } from './profile';
export { recountRegistrations } from './recount';
export * from './records';
