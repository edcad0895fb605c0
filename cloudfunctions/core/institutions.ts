/**
 * R11.1, R1.3 institutions (机构库) and their evaluation registrations (评价库), pure: kinds,
 * what an institution may train and assess, and the checks of what an official types.
 */
import { compareDates, parseDate } from './china-date';
import type { ErrorCode } from './errors';
import WORDS from './words.json';

export type InstitutionKind = 'school' | 'college' | 'enterprise' | 'station';

export const INSTITUTION_KIND_NAMES: Record<InstitutionKind, string> = WORDS.institutionKind;

export type InstitutionStatus = 'active' | 'suspended';

export const INSTITUTION_STATUS_NAMES: Record<InstitutionStatus, string> = WORDS.institutionStatus;

/** What an institution may train: an occupation and its levels (0 for a course without levels). */
export interface TrainPermission {
  occupationCode: string;
  levels: number[];
}

/** R11.1 an evaluation registration (备案): the occupation and levels, its number and validity. */
export interface AssessRegistration {
  id: string;
  occupationCode: string;
  levels: number[];
  registrationNo: string;
  /** `YYYY-MM-DD`, China dates, both included. */
  validFrom: string;
  validUntil: string;
  /** Ended early by an official (ISO), else null. */
  endedAt: string | null;
}

/** R11.3: the institution may train this occupation at this level. */
export const mayTrain = (trains: readonly TrainPermission[], occupationCode: string, level: number): boolean =>
  trains.some((t) => t.occupationCode === occupationCode && t.levels.includes(level));

/** R1.3: the registration that lets the institution assess this occupation and level on a China date. */
export function registrationOn(regs: readonly AssessRegistration[], occupationCode: string, level: number, on: string): AssessRegistration | null {
  return regs.find((r) => r.endedAt === null && r.occupationCode === occupationCode && r.levels.includes(level) && r.validFrom <= on && on <= r.validUntil) ?? null;
}

/** Registrations in force on a China date (for lists: 评价库). */
export const registrationsInForce = (regs: readonly AssessRegistration[], on: string): AssessRegistration[] =>
  regs.filter((r) => r.endedAt === null && r.validFrom <= on && on <= r.validUntil);

/**
 * Levels chosen for an occupation: at least one, each one the occupation has in the catalogue
 * (the keys of its subsidy table: '5' … '1', or '0' for a course without levels).
 */
export function levelsProblem(levels: readonly number[], occupationLevels: readonly number[]): ErrorCode | null {
  if (levels.length === 0) return 'LEVELS_REQUIRED';
  if (new Set(levels).size !== levels.length || levels.some((l) => !occupationLevels.includes(l))) return 'LEVEL_NOT_IN_CATALOGUE';
  return null;
}

/** A registration as typed: a number, and validity dates in order and not already over. */
export function registrationProblem(input: { registrationNo: string; validFrom: string; validUntil: string }, today: string): ErrorCode | null {
  const no = input.registrationNo.trim();
  if (no.length < 2 || no.length > 40) return 'REGISTRATION_NO_INVALID';
  const from = parseDate(input.validFrom);
  const until = parseDate(input.validUntil);
  if (!from || !until || compareDates(from, until) > 0) return 'VALIDITY_INVALID';
  if (input.validUntil < today) return 'VALIDITY_OVER';
  return null;
}

/** 2–60 characters of a name as registered (Chinese, letters, digits, brackets, ·). */
export const institutionNameProblem = (name: string): ErrorCode | null =>
  /^[\u4e00-\u9fa5A-Za-z0-9（）()·\-—\s]{2,60}$/.test(name.trim()) ? null : 'INSTITUTION_NAME_INVALID';

/** A contact number: a mainland mobile or a landline with its area code. */
export const contactPhoneProblem = (phone: string): ErrorCode | null =>
  /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/.test(phone.trim()) ? null : 'CONTACT_PHONE_INVALID';

/** `五级–四级`, `三级`, `不分等级`: levels as a range for lists and forms. */
export function levelsText(levels: readonly number[]): string {
  const sorted = [...levels].sort((a, b) => b - a);
  if (sorted.length === 0 || (sorted.length === 1 && sorted[0] === 0)) return '不分等级';
  const name = (l: number) => `${'〇一二三四五'[l]}级`;
  const contiguous = sorted.every((l, i) => i === 0 || sorted[i - 1] - l === 1);
  return contiguous && sorted.length > 1 ? `${name(sorted[0])}–${name(sorted[sorted.length - 1])}` : sorted.map(name).join('、');
}
