/**
 * R11.3 a class from draft to approval, and the checks of what a trainer types (R5.1), pure.
 */
import { type SessionTimes, sessionWindow } from './attendance';
import { parseDate } from './china-date';
import type { ErrorCode } from './errors';
import WORDS from './words.json';

/**
 * draft → submitted → approved | rejected (a rejected class is edited and submitted again);
 * an approved class before its first session → cancelling (its enrollments being released one
 * by one) → cancelled. Only approved classes are listed to laborers.
 */
export type ClassStatus = 'draft' | 'submitted' | 'approved' | 'rejected' | 'cancelling' | 'cancelled';

export const CLASS_STATUS_NAMES: Record<ClassStatus, string> = WORDS.classStatus;

export const MAX_CAPACITY = 500;
export const MAX_SESSIONS = 60;
export const MIN_ATTENDANCE_RANGE = { min: 0.5, max: 1 } as const;
export const CLASS_NAME_MAX = 40;
export const REASON_MAX = 200;

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

/**
 * R5.1 sessions as typed: 1–60, real dates, `HH:mm` with the end after the start, none already
 * started at `now`, and no two at the same time.
 */
export function sessionsProblem(sessions: readonly SessionTimes[], now: Date): ErrorCode | null {
  if (sessions.length === 0) return 'SESSIONS_REQUIRED';
  if (sessions.length > MAX_SESSIONS) return 'SESSIONS_TOO_MANY';
  for (const s of sessions) {
    if (!parseDate(s.date) || !HHMM.test(s.start) || !HHMM.test(s.end)) return 'SESSION_INVALID';
    if (s.end <= s.start) return 'SESSION_END_BEFORE_START';
  }
  const windows = sessions.map(sessionWindow).sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  if (windows[0].startsAt <= now) return 'SESSION_IN_PAST';
  for (let i = 1; i < windows.length; i++) if (windows[i].startsAt < windows[i - 1].endsAt) return 'SESSIONS_OVERLAP';
  return null;
}

/** 1–500 seats, never fewer than those already enrolled (R11.3). */
export function capacityProblem(capacity: number, enrolled = 0): ErrorCode | null {
  if (!Number.isInteger(capacity) || capacity < 1 || capacity > MAX_CAPACITY) return 'CAPACITY_INVALID';
  if (capacity < enrolled) return 'CAPACITY_BELOW_ENROLLED';
  return null;
}

export const ratioProblem = (ratio: number): ErrorCode | null =>
  Number.isFinite(ratio) && ratio >= MIN_ATTENDANCE_RANGE.min && ratio <= MIN_ATTENDANCE_RANGE.max ? null : 'RATIO_INVALID';

/** Sessions sorted by their start: how a class keeps them. */
export const sortedSessions = (sessions: readonly SessionTimes[]): SessionTimes[] =>
  [...sessions].sort((a, b) => (a.date + a.start).localeCompare(b.date + b.start));

export type ClassEdit = 'all' | 'sessionsAndCapacity' | 'none';

/**
 * R11.3 what a trainer may change: everything in a draft or a rejected class (a submitted one
 * goes back to draft when edited); sessions and capacity of an approved class before its first
 * session; nothing once it started, while it is being cancelled, or after.
 */
export function editableFields(status: ClassStatus, firstSessionAt: string, now: Date): ClassEdit {
  if (status === 'draft' || status === 'rejected' || status === 'submitted') return 'all';
  if (status === 'approved' && now < new Date(firstSessionAt)) return 'sessionsAndCapacity';
  return 'none';
}

/** A reason as typed (rejecting, cancelling, suspending): 2–200 characters. */
export const reasonProblem = (reason: string | undefined): ErrorCode | null => {
  const r = (reason ?? '').trim();
  return r.length >= 2 && r.length <= REASON_MAX ? null : 'REASON_REQUIRED';
};
