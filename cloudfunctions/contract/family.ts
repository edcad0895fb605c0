/**
 * family: 亲情代办 — a relative acting for an elder (R13.1).
 */
import type { ProxyStatus, Relation } from '../core/proxies';
import type { PlaceRef } from './common';

export type { ProxyStatus, Relation } from '../core/proxies';

export interface RequestProxyInput {
  /** The elder's ID number and name as on their card: both must match their registration. */
  elderIdNumber: string;
  elderName: string;
  relation: Relation;
  /** The relative's own name, shown to the elder. */
  proxyName: string;
}

export interface ProxyLinkView {
  linkId: string;
  /** The elder's person id: sent as `actingFor` to act in their name. */
  elderPersonId: string;
  /** R2.4 masked. */
  elderName: string;
  proxyName: string;
  relation: Relation;
  status: ProxyStatus;
  statusName: string;
  approvedBy: 'elder' | 'official' | null;
  requestedAt: string;
  county: PlaceRef;
}
