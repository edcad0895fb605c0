/**
 * R11.1 Unified social credit code (统一社会信用代码, GB 32100-2015): normalising and checking.
 * Pure: the official's form gives the same hint as the server.
 *
 * 18 characters from 31 (digits and capitals without I, O, Z, S, V): registration authority (1),
 * organisation kind (1), the registering region's six-digit code, the nine-character organisation
 * code, and a check character: weights 3^i mod 31 over the first 17, check = 31 − (sum mod 31),
 * with 31 written as 0.
 */
import type { ErrorCode } from './errors';

export const CREDIT_CODE_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** Trim, drop spaces and dashes, full-width to half-width, capitals. */
export function normalizeCreditCode(raw: string): string {
  return raw
    .trim()
    .replace(/[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s-]/g, '')
    .toUpperCase();
}

/** The check character for the first 17 characters (which must be code characters). */
export function creditCheckCharOf(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CREDIT_CODE_CHARS.indexOf(first17[i]) * WEIGHTS[i];
  return CREDIT_CODE_CHARS[(31 - (sum % 31)) % 31];
}

export type CreditCodeCheck = { ok: true; code: string; regionCode: string } | { ok: false; code: ErrorCode };

/** Each defect has its own code so the form can say what to fix. */
export function checkCreditCode(raw: string): CreditCodeCheck {
  const n = normalizeCreditCode(raw);
  if (n.length !== 18) return { ok: false, code: 'CREDIT_CODE_LENGTH' };
  if ([...n].some((c) => !CREDIT_CODE_CHARS.includes(c))) return { ok: false, code: 'CREDIT_CODE_FORMAT' };
  if (!/^\d{6}$/.test(n.slice(2, 8))) return { ok: false, code: 'CREDIT_CODE_FORMAT' };
  if (creditCheckCharOf(n) !== n[17]) return { ok: false, code: 'CREDIT_CODE_CHECKSUM' };
  return { ok: true, code: n, regionCode: n.slice(2, 8) };
}
