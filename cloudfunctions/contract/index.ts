/**
 * Request and response types of every action, one file per context. The front end imports
 * types only from here. Wire format: request body `{ action, payload, requestId }`; answer
 * `ApiResponse<Output>`.
 */
export type * from './common';
export type * from './account';
export type * from './voucher';
export type * from './training';
export type * from './certificate';
export type * from './employment';
export type * from './official';
export type * from './message';
export type * from './institution';
export type * from './staff';
export type * from './family';
export type * from './settlement';
export type * from './directed';
export type * from './usage';
export type * from './privacy';
export type * from './actions';
