/**
 * R3 Age and age bands.
 */
import { type CalendarDate, chinaDateOf, compareDates, isLeapYear } from './china-date';
import WORDS from './words.json';

export type Band = 'A' | 'B' | 'C';

export const BAND_NAMES: Record<Band, string> = WORDS.band;

/**
 * The day in `year` on which someone born on `birth` has their birthday.
 * R3.1: a 29 February birthday falls on 1 March in common years.
 */
export function birthdayIn(birth: CalendarDate, year: number): CalendarDate {
  if (birth.month === 2 && birth.day === 29 && !isLeapYear(year)) return { year, month: 3, day: 1 };
  return { year, month: birth.month, day: birth.day };
}

/** R3.1: completed years on calendar date `on`. */
export function ageOnDate(birth: CalendarDate, on: CalendarDate): number {
  const years = on.year - birth.year;
  return compareDates(on, birthdayIn(birth, on.year)) < 0 ? years - 1 : years;
}

/** R3.1: completed years at instant `now`, evaluated in China time whatever the host zone. */
export const ageAt = (birth: CalendarDate, now: Date): number => ageOnDate(birth, chinaDateOf(now));

/**
 * R3.2: under 18 → none; A 18–45; B 46–60; C 61 and over.
 * Age exactly 60 is band B: the explicit 46–60 range wins over "60以上".
 */
export function bandOfAge(age: number): Band | null {
  if (age < 18) return null;
  if (age <= 45) return 'A';
  if (age <= 60) return 'B';
  return 'C';
}

/** A band as stored on a record (`'-'` when there was none), back to a band or null. */
export const bandOrNull = (stored: string | null | undefined): Band | null =>
  stored === 'A' || stored === 'B' || stored === 'C' ? stored : null;
