/**
 * R4.6 idempotent requests: the answer of a request is kept under `{openid}:{action}:{requestId}`,
 * so the same request id answers the same and writes nothing new.
 */
import { createHash } from 'node:crypto';

export type RequestDoc = { _id: string; result: string; at: string };

export const requestKey = (openid: string, action: string, requestId: string): string => `${openid}:${action}:${requestId}`;

/**
 * R4.6 the id of a record made by a request: `<prefix>_` + the first `length` hex digits of the
 * key's SHA-256, so a retried request finds its own record.
 */
export const idFromKey = (prefix: string, key: string, length = 24): string => `${prefix}_${createHash('sha256').update(key).digest('hex').slice(0, length)}`;
