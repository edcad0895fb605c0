/**
 * The catalogue context (R4, R7): voucher types with their rules and default county quotas,
 * occupations with subsidy amounts. Other contexts import this file only.
 */
export * from './catalogue';
export { adminImportCatalogue, adminUpsertVoucherType } from './admin';
