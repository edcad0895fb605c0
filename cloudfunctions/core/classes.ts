/**
 * R5 Classes and enrollment, pure: modes, date spans, overlap of full-time classes.
 */
import { type SessionTimes, sessionAt, sessionWindow } from './attendance';
import WORDS from './words.json';

export type ClassMode = 'fulltime' | 'parttime' | 'village';

export type EnrollmentStatus = 'enrolled' | 'withdrawn' | 'completed' | 'not_completed';

/** The laborer's words for an enrollment (the officials' ledger uses its own, core/dashboard.ts). */
export const ENROLLMENT_STATUS_NAMES: Record<EnrollmentStatus, string> = WORDS.enrollmentStatus;

export const MODE_NAMES: Record<ClassMode, string> = WORDS.mode;

/** R5.1: the default minimum attendance ratio. */
export const DEFAULT_MIN_ATTENDANCE = 0.8;

export interface Span {
  /** First and last session dates, `YYYY-MM-DD` (China). */
  from: string;
  to: string;
}

/** The dates a class runs, from its sessions. */
export function spanOf(sessions: readonly SessionTimes[]): Span {
  if (sessions.length === 0) throw new Error('a class has at least one session');
  const dates = sessions.map((s) => s.date).sort();
  return { from: dates[0], to: dates[dates.length - 1] };
}

/** R5.2: two date spans share at least one day. */
export const overlaps = (a: Span, b: Span): boolean => a.from <= b.to && b.from <= a.to;

/** When the first session starts and the last one ends, as instants. */
export function classTimes(sessions: readonly SessionTimes[]): { firstStartsAt: Date; lastEndsAt: Date } {
  const windows = sessions.map(sessionWindow);
  return {
    firstStartsAt: new Date(Math.min(...windows.map((w) => w.startsAt.getTime()))),
    lastEndsAt: new Date(Math.max(...windows.map((w) => w.endsAt.getTime()))),
  };
}

/**
 * R6.5: sessions a person must attend to complete: the ratio of the total, rounded up. The small
 * tolerance keeps 0.7 × 10 at 7 (floating point makes it 7.000000000000001).
 */
export function requiredSessions(total: number, ratio: number): number {
  return Math.max(0, Math.ceil(total * ratio - 1e-9));
}

export type Completion = 'completed' | 'not_completed';

/** R6.5: attended/total ≥ the class ratio → completed; otherwise not completed. */
export const completionOf = (attended: number, total: number, ratio: number): Completion =>
  attended >= requiredSessions(total, ratio) ? 'completed' : 'not_completed';

/**
 * R6.4/R6.5: offline scans may arrive up to 72 hours after they were made, so a class nobody
 * closes by hand is completed this long after its last session ends.
 */
export const AUTO_CLOSE_AFTER_MS = 72 * 3_600_000;

export type ClassState = 'upcoming' | 'running' | 'ended' | 'closed';

export const CLASS_STATE_NAMES: Record<ClassState, string> = WORDS.classState;

/** Where a class stands at `now`. */
export function classState(sessions: readonly SessionTimes[], closedAt: string | null, now: Date): ClassState {
  if (closedAt) return 'closed';
  const { firstStartsAt, lastEndsAt } = classTimes(sessions);
  if (now < firstStartsAt) return 'upcoming';
  return now > lastEndsAt ? 'ended' : 'running';
}

/**
 * The session scanning is open for at `now`, or the next one to open; null once the last has
 * ended (the trainer's screen shows this one).
 */
export function currentSession(sessions: readonly SessionTimes[], now: Date): number | null {
  if (sessions.length === 0) return null;
  const i = sessionAt(sessions, now);
  return now > sessionWindow(sessions[i]).endsAt ? null : i;
}

/** How far a class is from the holder's household (R13, classes near me first). */
export type Distance = 'township' | 'county' | 'city' | 'province' | 'far';

export const DISTANCE_NAMES: Record<Distance, string> = WORDS.distance;

/** The class's place against the holder's, nearest first. */
export function distanceOf(
  holder: { townshipCode: string; countyCode: string; cityCode: string; provinceCode: string },
  c: { townshipCode: string | null; countyCode: string; cityCode: string; provinceCode: string },
): Distance {
  if (c.countyCode === holder.countyCode) return c.townshipCode === holder.townshipCode ? 'township' : 'county';
  if (c.cityCode === holder.cityCode) return 'city';
  return c.provinceCode === holder.provinceCode ? 'province' : 'far';
}

export const DISTANCE_ORDER: readonly Distance[] = ['township', 'county', 'city', 'province', 'far'];
