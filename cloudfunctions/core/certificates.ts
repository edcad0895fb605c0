/**
 * R7 Assessment, certificates and subsidies, pure: result checks, the certificate's kind and
 * number, and whether a certificate earns its institution a subsidy (R7.3) or why not.
 */
import { type CalendarDate, addMonths, compareDates } from './china-date';
import WORDS from './words.json';

/** Catalogue categories (data/occupations.json). */
export type OccupationCategory = 'skills' | 'special' | 'agri' | 'village';

/** R7.2: 技能等级 (with a level), 专项职业能力, 培训合格. */
export type CertificateKind = 'skill_level' | 'special' | 'training';

export type CertificateStatus = 'valid' | 'revoked';

export const CERTIFICATE_STATUS_NAMES: Record<CertificateStatus, string> = WORDS.certificateStatus;

/**
 * R7.3, R12.1 an institution's subsidy entry for one certificate: `payable` is R12.1's pending (to
 * be applied for), then applied → approved | rejected → paid; refused at issue (R7.3), withdrawn
 * when the certificate is revoked before payment.
 */
export const SUBSIDY_STATUSES = ['payable', 'applied', 'approved', 'rejected', 'paid', 'refused', 'withdrawn'] as const;
export type SubsidyStatus = (typeof SUBSIDY_STATUSES)[number];

export const SUBSIDY_STATUS_NAMES: Record<SubsidyStatus, string> = WORDS.subsidyStatus;

export const CERTIFICATE_KIND_NAMES: Record<CertificateKind, string> = WORDS.certificateKind;

/** R7.2: 五级/初级工 (5) … 一级/高级技师 (1); 0 for kinds without a level. */
export const LEVEL_NAMES: Record<number, string> = WORDS.level;

export function certificateKindOf(category: OccupationCategory): CertificateKind {
  if (category === 'skills') return 'skill_level';
  if (category === 'special') return 'special';
  return 'training';
}

/** R7.4: 高技能人才 means 三级/高级工 or above (level 3, 2 or 1). */
export const isHighSkilled = (kind: CertificateKind, level: number): boolean => kind === 'skill_level' && level >= 1 && level <= 3;

/** R7.1: a score is a whole number 0–100; a pass needs a score of at least 60. */
export const PASS_MARK = 60;

export type ResultProblem = 'SCORE_INVALID' | 'RESULT_SCORE_MISMATCH';

/** R7.1: the score is 0–100, and pass/fail agrees with it. */
export function resultProblem(passed: boolean, score: number): ResultProblem | null {
  if (!Number.isInteger(score) || score < 0 || score > 100) return 'SCORE_INVALID';
  if (passed !== score >= PASS_MARK) return 'RESULT_SCORE_MISMATCH';
  return null;
}

/**
 * R7.2: `{year}{county}{seq}`, e.g. `2026141127000123`: 16 digits, unique because each county
 * allocates its own sequence per year from a counter document in the issuing transaction.
 */
export function certificateNumber(year: number, countyCode: string, seq: number): string {
  if (!/^\d{6}$/.test(countyCode) || !Number.isInteger(seq) || seq < 1 || seq > 999_999) {
    throw new Error(`bad certificate number parts ${year} ${countyCode} ${seq}`);
  }
  return `${year}${countyCode}${String(seq).padStart(6, '0')}`;
}


/** R7.2: verification codes: 8 characters, no 0/O or 1/I/L to misread over the phone. */
export const VERIFY_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const VERIFY_CODE = /^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}$/;

/** A verification code from 8 random bytes (the caller supplies the randomness). */
export function verificationCode(random: Uint8Array): string {
  if (random.length < 8) throw new Error('need 8 random bytes');
  let out = '';
  for (let i = 0; i < 8; i++) out += VERIFY_ALPHABET[random[i] % VERIFY_ALPHABET.length];
  return out;
}

/** Typed input: upper case, spaces and dashes dropped. */
export const normaliseVerifyCode = (text: string): string => text.toUpperCase().replace(/[\s-]/g, '');

/** R7.3: the subsidy must be claimed within 12 months of the certificate date. */
export const SUBSIDY_WINDOW_MONTHS = 12;
/** R7.3: at most 3 subsidies per person per calendar year. */
export const YEARLY_SUBSIDY_CERTIFICATES = 3;

export type SubsidyRefusal = 'SUBSIDY_NOT_VOUCHER_FUNDED' | 'SUBSIDY_DUPLICATE' | 'SUBSIDY_LOWER_LEVEL' | 'SUBSIDY_YEARLY_LIMIT' | 'SUBSIDY_TOO_LATE';

export const SUBSIDY_REFUSAL_REASONS: Record<SubsidyRefusal, string> = WORDS.subsidyRefusalReasons;

export interface HeldCertificate {
  occupationCode: string;
  /** 0 for kinds without a level. */
  level: number;
  date: CalendarDate;
}

export interface GrantedSubsidy {
  occupationCode: string;
  level: number;
  /** The year of the certificate it paid for (China calendar). */
  year: number;
}

export interface SubsidyCase {
  fundedByVoucher: boolean;
  occupationCode: string;
  level: number;
  /** The certificate date (the assessment day). */
  date: CalendarDate;
  /** The day the entry is made (today, China). */
  today: CalendarDate;
  /** The person's other certificates (not revoked), this one excluded. */
  held: readonly HeldCertificate[];
  /** The person's subsidies granted so far (refused entries excluded). */
  granted: readonly GrantedSubsidy[];
}

/** R7.3: null when the subsidy is granted, otherwise the first reason it is refused. */
export function subsidyRefusal(c: SubsidyCase): SubsidyRefusal | null {
  if (!c.fundedByVoucher) return 'SUBSIDY_NOT_VOUCHER_FUNDED';
  if (c.granted.some((g) => g.occupationCode === c.occupationCode && g.level === c.level)) return 'SUBSIDY_DUPLICATE';
  // Level numbers run the other way: 1 (一级) is the highest, 5 (五级) the lowest.
  if (c.level > 0 && c.held.some((h) => h.occupationCode === c.occupationCode && h.level > 0 && h.level < c.level)) {
    return 'SUBSIDY_LOWER_LEVEL';
  }
  if (c.granted.filter((g) => g.year === c.date.year).length >= YEARLY_SUBSIDY_CERTIFICATES) return 'SUBSIDY_YEARLY_LIMIT';
  if (compareDates(c.today, addMonths(c.date, SUBSIDY_WINDOW_MONTHS)) > 0) return 'SUBSIDY_TOO_LATE';
  return null;
}

/** R7.5: the catalogue's amount for an occupation and level, in integer fen; null when not listed. */
export function subsidyFenOf(subsidyFen: Record<string, number>, level: number): number | null {
  const fen = subsidyFen[String(level)];
  return Number.isInteger(fen) && fen >= 0 ? fen : null;
}
