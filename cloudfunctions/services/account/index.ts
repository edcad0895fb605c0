/**
 * The account context (R1, R2): registration, the caller's profile (role bindings: the staff context).
 * Other contexts import this file only.
 */
export * from './documents';
export { MIN_REGISTRATION_AGE, type OnRegistered, register } from './register';
export { idRegionOf } from './id-regions';
export { checkPhone, householdOf, listRegions, updateProfile, whoami } from './profile';
export { recountRegistrations } from './recount';
export * from './records';
