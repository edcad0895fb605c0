/**
 * The settlement context (R12.1): 申领 → 审核 → 拨付 of the institutions' subsidy entries, its
 * recount, and the institutions' scorecards. Other contexts import this file only.
 */
export * from './documents';
export { applyForSubsidies, listEntries } from './apply';
export { getApplication, listApplications } from './applications';
export { correctEntry, reviewEntries } from './review';
export { recordPayment } from './pay';
export { recountSettlement } from './recount';
export { exportScorecards, scorecards } from './scorecards';
