/**
 * The employment context (R8): reports, transfers, follow-ups after a certificate.
 * Other contexts import this file only.
 */
export * from './documents';
export * from './records';
export { myEmployment, myFollowUps, reportEmployment } from './report';
export { recountEmployment } from './recount';
