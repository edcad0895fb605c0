/**
 * The local stand-in for WeChat identity: a signed, http-only cookie holding the OPENID.
 */
import type { FastifyRequest } from 'fastify';

export const SESSION_COOKIE = 'czt_sid';

/** The OPENID of a valid signed session, or null (missing, tampered or unsigned). */
export function openidOf(req: FastifyRequest): string | null {
  const raw = req.cookies[SESSION_COOKIE];
  if (!raw) return null;
  const unsigned = req.unsignCookie(raw);
  return unsigned.valid && unsigned.value ? unsigned.value : null;
}
