/**
 * The certificate context (R7): results, certificates, public verification, revocation and the
 * institutions' subsidy entries. Other contexts import this file only.
 */
export * from './documents';
export * from './records';
export { recordBatch, recordResult } from './record';
export { findEvaluationVoucher } from './evaluation';
export { myCertificates, revokeCertificate, verifyCertificate } from './certificates';
export { certificatesByPerson, counterAdder, recountCredentials } from './recount';
