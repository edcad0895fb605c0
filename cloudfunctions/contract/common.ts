/**
 * The wire format and what every context shares: answers, roles, regions.
 */
import type { ErrorCode } from '../core/errors';

export type { Band } from '../core/age';
export type { ErrorCode } from '../core/errors';

export type ApiResponse<T> =
  | { ok: true; data: T }
  | { ok: false; code: ErrorCode; message: string; requestId?: string };

export interface CallRequest<P = unknown> {
  action: string;
  payload?: P;
  /** R13.1 a relative acting for an elder: the elder's person id (the link is checked). */
  actingFor?: string;
  /** Client-made id: makes retries idempotent and ties logs to a tap. */
  requestId?: string;
}

export type Role = 'laborer' | 'trainer' | 'official' | 'admin';

export interface RoleBinding {
  role: Role;
  /** official/admin: the region subtree they see (province, city or county code). */
  regionCode?: string;
  regionName?: string;
  /** trainer: the institution they work for. */
  institutionId?: string;
  institutionName?: string;
}

export type RegionLevel = 'province' | 'city' | 'county' | 'township';

export interface Region {
  code: string;
  name: string;
  level: RegionLevel;
  parent?: string;
}

export interface PlaceRef {
  code: string;
  name: string;
}
