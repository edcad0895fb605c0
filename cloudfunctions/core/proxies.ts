/**
 * R13.1 亲情代办, pure: the limits, the relations, the states of a link, and what a relative may
 * do for an elder.
 */
import WORDS from './words.json';
export const MAX_PROXIES_PER_ELDER = 2;
export const MAX_ELDERS_PER_PROXY = 3;

export const RELATIONS = ['子女', '配偶', '孙子女', '兄弟姐妹', '其他亲属'] as const;
export type Relation = (typeof RELATIONS)[number];

/** requested → active (the elder agreed on their phone, or an official in person) | declined; active → ended (either side). */
export type ProxyStatus = 'requested' | 'active' | 'declined' | 'ended';

export const PROXY_STATUS_NAMES: Record<ProxyStatus, string> = WORDS.proxyStatus;

/**
 * What a relative may do in the elder's name (R13.1): browse, claim, enroll, withdraw, read
 * certificates and messages — the routes marked `proxy: true`. Never the attendance code or key
 * (the elder checks in in person), never registration, profile or employment reports.
 */
