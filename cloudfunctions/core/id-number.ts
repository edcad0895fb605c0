/**
 * R2 Resident identity number (GB 11643-1999): normalising, checking, masking.
 * Pure: the front end uses the same checker for instant form hints.
 */
import { type CalendarDate, chinaDateOf, compareDates, formatDate, isRealDate } from './china-date';
import type { ErrorCode } from './errors';
import { ERROR_MESSAGES } from './errors';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';
const EARLIEST_BIRTH: CalendarDate = { year: 1900, month: 1, day: 1 };

export interface IdNumberFacts {
  /** The normalised 18-character number. */
  number: string;
  /** First six digits: the region where the number was issued. */
  regionCode: string;
  birthDate: CalendarDate;
  gender: 'male' | 'female';
}

export type IdNumberCheck =
  | { ok: true; facts: IdNumberFacts }
  | { ok: false; code: ErrorCode; message: string };

/** R2.2: trim, full-width digits and Ｘ to half-width, lowercase x to X. */
export function normalizeIdNumber(raw: string): string {
  return raw
    .trim()
    .replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xff10 + 0x30))
    .replace(/[\uFF38\uFF58x]/g, 'X');
}

/** R2.1: the check character for the first 17 digits. */
export function checkCharOf(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK_CHARS[sum % 11];
}

const refuse = (code: ErrorCode): IdNumberCheck => ({ ok: false, code, message: ERROR_MESSAGES[code] });

/**
 * R2.1–R2.2: checks a number as typed. `now` bounds the birth date (not after today, China time).
 * Each defect has its own code and message so the user knows what to fix.
 */
export function checkIdNumber(raw: string, now: Date): IdNumberCheck {
  const n = normalizeIdNumber(raw);
  if (n.length === 0) return refuse('ID_NUMBER_EMPTY');
  if (/^\d{15}$/.test(n)) return refuse('ID_NUMBER_15_DIGITS');
  if (n.length !== 18) return refuse('ID_NUMBER_LENGTH');
  if (!/^\d{17}[\dX]$/.test(n)) return refuse('ID_NUMBER_FORMAT');
  if (!/^[1-9]\d{5}/.test(n)) return refuse('ID_NUMBER_REGION');
  const birthDate = {
    year: Number(n.slice(6, 10)),
    month: Number(n.slice(10, 12)),
    day: Number(n.slice(12, 14)),
  };
  if (!isRealDate(birthDate) || compareDates(birthDate, EARLIEST_BIRTH) < 0) {
    return refuse('ID_NUMBER_BIRTH_DATE');
  }
  if (compareDates(birthDate, chinaDateOf(now)) > 0) return refuse('ID_NUMBER_FUTURE_BIRTH');
  if (checkCharOf(n.slice(0, 17)) !== n[17]) return refuse('ID_NUMBER_CHECKSUM');
  return {
    ok: true,
    facts: {
      number: n,
      regionCode: n.slice(0, 6),
      birthDate,
      gender: Number(n[16]) % 2 === 1 ? 'male' : 'female',
    },
  };
}

/** R2.4: first 3 and last 4 characters shown, the rest `*`: `142***********123X`. */
export function maskIdNumber(n: string): string {
  if (n.length <= 7) return '*'.repeat(n.length);
  return n.slice(0, 3) + '*'.repeat(n.length - 7) + n.slice(-4);
}

/** R2.4: `张*萍` — first and last characters kept; a two-character name shows `张*`. */
export function maskName(name: string): string {
  const chars = Array.from(name);
  if (chars.length <= 1) return name;
  if (chars.length === 2) return `${chars[0]}*`;
  return chars[0] + '*'.repeat(chars.length - 2) + chars[chars.length - 1];
}

/** Builds a valid number from its parts (demo data and test builders). */
export function composeIdNumber(regionCode: string, birthDate: CalendarDate, sequence: number): string {
  const first17 = regionCode + formatDate(birthDate).replace(/-/g, '') + String(sequence).padStart(3, '0');
  return first17 + checkCharOf(first17);
}
