/**
 * The voucher context (R3.3, R4): claim, list, cancel, expire, county quotas.
 * Other contexts import this file only.
 */
export * from './documents';
export { claimInTx, claimVoucher } from './claim';
export { SYSTEM, cancelVoucher, endVoucher, expireIfDue, redeemVoucher, releaseReservedVoucher, reserveVoucher, sweepExpiredVouchers } from './lifecycle';
export { listTypesFor, myVouchers, voucherCatalogue } from './list';
export { setCountyQuota } from './quotas';
export * from './records';
export { recountVouchers } from './recount';
export { type DirectedList, closeDirected, directedCounty, directedJob, directedJobs, issueDirected } from './directed';
export { receiveDirectedVouchers } from './directed-register';
export { LIST_ID } from './directed-documents';
