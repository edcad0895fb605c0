/**
 * Instant hints for the 身份证号 field, from the same pure checker the server uses (R2).
 * Shown once 18 characters are typed or the field is left, so people are not scolded mid-typing.
 */
import { ageAt, BAND_NAMES, bandOfAge } from '../../cloudfunctions/core/age';
import { formatDate } from '../../cloudfunctions/core/china-date';
import { checkIdNumber, normalizeIdNumber } from '../../cloudfunctions/core/id-number';

export type IdNumberHint =
  | { kind: 'none' }
  | { kind: 'error'; message: string }
  | { kind: 'ok'; birthDate: string; age: number; band: string | null };

export function idNumberHint(value: string, blurred: boolean, now: Date): IdNumberHint {
  const typed = normalizeIdNumber(value);
  if (typed.length < 18 && !blurred) return { kind: 'none' };
  if (typed.length === 0) return { kind: 'none' };
  const check = checkIdNumber(value, now);
  if (!check.ok) return { kind: 'error', message: check.message };
  const age = ageAt(check.facts.birthDate, now);
  const band = bandOfAge(age);
  return {
    kind: 'ok',
    birthDate: formatDate(check.facts.birthDate),
    age,
    band: band ? `${band} ${BAND_NAMES[band]}` : null,
  };
}
