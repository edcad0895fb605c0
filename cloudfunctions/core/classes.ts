/**
 * R5 Classes and enrollment, pure: modes, date spans, overlap of full-time classes.
 */
import { type SessionTimes, sessionWindow } from './attendance';

export type ClassMode = 'fulltime' | 'parttime' | 'village';

export const MODE_NAMES: Record<ClassMode, string> = { fulltime: '全脱产', parttime: '业余', village: '送培训下乡' };

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
