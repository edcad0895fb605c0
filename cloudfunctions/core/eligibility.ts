/**
 * R4.1 Voucher eligibility: one pure function from (person, voucher type, now) to eligible or
 * the reasons not, in plain Chinese. The same function drives the list the user sees and the
 * claim itself.
 */
import { type Band, ageAt, bandOfAge } from './age';
import type { CalendarDate } from './china-date';
import WORDS from './words.json';

/** The rule part of a catalogue voucher type. */
export interface VoucherTypeRule {
  code: string;
  name: string;
  bands: Band[];
  /** R4: 送培训下乡 — training is held in the holder's township (checked at enrollment). */
  sameTownship?: boolean;
  /** R4: 企业职工培训券 — the holder has a current employment report with an employer. */
  requiresEmployer?: boolean;
}

export interface EligibilityFacts {
  birthDate: CalendarDate;
  /** True when the person has a current employment report naming an employer (R8). */
  hasCurrentEmployer: boolean;
}

export type IneligibleCode = 'UNDER_18' | 'AGE_BAND' | 'NEEDS_EMPLOYER';

export interface Reason {
  code: IneligibleCode;
  message: string;
}

export type Eligible = { eligible: true; age: number; band: Band };

export type Eligibility = Eligible | { eligible: false; age: number; band: Band | null; reasons: Reason[] };

const BAND_RANGES: Record<Band, string> = WORDS.bandRanges;

/** "18–45周岁" or "18–60周岁" for a contiguous set of bands, else the ranges joined with 、. */
export function bandsText(bands: readonly Band[]): string {
  const sorted = [...bands].sort();
  const key = sorted.join('');
  if (key === 'AB') return '18–60周岁';
  if (key === 'ABC') return '18周岁以上';
  if (key === 'BC') return '46周岁以上';
  return sorted.map((b) => BAND_RANGES[b]).join('、');
}

export function eligibilityOf(person: EligibilityFacts, type: VoucherTypeRule, now: Date): Eligibility {
  const age = ageAt(person.birthDate, now);
  // R3.3: evaluated at this moment; the band is then recorded on the voucher.
  const band = bandOfAge(age);
  const reasons: Reason[] = [];
  if (band === null) {
    reasons.push({ code: 'UNDER_18', message: `该券面向${bandsText(type.bands)}劳动者，您今年${age}周岁，未满18周岁` });
  } else if (!type.bands.includes(band)) {
    reasons.push({ code: 'AGE_BAND', message: `该券面向${bandsText(type.bands)}劳动者，您今年${age}周岁` });
  }
  if (type.requiresEmployer && !person.hasCurrentEmployer) {
    reasons.push({ code: 'NEEDS_EMPLOYER', message: '该券面向在职职工，请先在“我的”里登记就业单位' });
  }
  if (reasons.length === 0 && band !== null) return { eligible: true, age, band };
  return { eligible: false, age, band, reasons };
}
