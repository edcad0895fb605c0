/**
 * R4.6 idempotent requests: the answer of a request is kept under `{openid}:{action}:{requestId}`,
 * so the same request id answers the same and writes nothing new.
 */
export type RequestDoc = { _id: string; result: string; at: string };

export const requestKey = (openid: string, action: string, requestId: string): string => `${openid}:${action}:${requestId}`;
