import fc from 'fast-check';
import {
  classState,
  classTimes,
  completionOf,
  currentSession,
  overlaps,
  requiredSessions,
  spanOf,
} from '../../../cloudfunctions/core/classes';

const sessions = [
  { date: '2026-11-24', start: '09:00', end: '11:30' },
  { date: '2026-11-23', start: '09:00', end: '11:30' },
  { date: '2026-11-25', start: '14:00', end: '17:00' },
];

describe('R5.2 full-time classes may not overlap', () => {
  it('R5.2 spans run from the first to the last session date, whatever the order', () => {
    expect(spanOf(sessions)).toEqual({ from: '2026-11-23', to: '2026-11-25' });
  });

  it('R5.2 spans sharing a day overlap; touching days do not', () => {
    expect(overlaps({ from: '2026-11-23', to: '2026-11-25' }, { from: '2026-11-25', to: '2026-11-30' })).toBe(true);
    expect(overlaps({ from: '2026-11-23', to: '2026-11-24' }, { from: '2026-11-25', to: '2026-11-30' })).toBe(false);
  });

  it('R5.1 a class runs from its first start to its last end, in China time', () => {
    expect(classTimes(sessions)).toEqual({
      firstStartsAt: new Date('2026-11-23T01:00:00Z'),
      lastEndsAt: new Date('2026-11-25T09:00:00Z'),
    });
  });
});

describe('R6.5 completion after the last session', () => {
  it('R6.5 attended/total at the ratio completes; one session fewer does not', () => {
    expect(completionOf(8, 10, 0.8)).toBe('completed');
    expect(completionOf(7, 10, 0.8)).toBe('not_completed');
    expect(completionOf(10, 10, 0.8)).toBe('completed');
    expect(completionOf(0, 10, 0.8)).toBe('not_completed');
  });

  it('R6.5 the ratio is rounded up to whole sessions: 0.8 of 3 needs all 3, 0.7 of 10 needs 7', () => {
    expect(requiredSessions(3, 0.8)).toBe(3);
    expect(completionOf(2, 3, 0.8)).toBe('not_completed');
    expect(requiredSessions(10, 0.7)).toBe(7); // 0.7 × 10 is 7.000000000000001 in floating point
    expect(completionOf(7, 10, 0.7)).toBe('completed');
    expect(requiredSessions(8, 0.8)).toBe(7); // 6.4 → 7
  });

  it('R6.5 agrees with attended/total ≥ ratio for every whole-percent ratio', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1, max: 100 }), (total, percent) => {
        for (let attended = 0; attended <= total; attended++) {
          const exact = attended * 100 >= percent * total; // integer arithmetic: no rounding
          expect(completionOf(attended, total, percent / 100)).toBe(exact ? 'completed' : 'not_completed');
        }
      }),
    );
  });
});

describe('class state and the session on the trainer screen', () => {
  const at = (iso: string) => new Date(iso);

  it('upcoming before the first start, running until the last end, then ended; closed once closed', () => {
    expect(classState(sessions, null, at('2026-11-23T00:59:00Z'))).toBe('upcoming');
    expect(classState(sessions, null, at('2026-11-23T01:00:00Z'))).toBe('running');
    expect(classState(sessions, null, at('2026-11-24T08:00:00Z'))).toBe('running'); // between sessions
    expect(classState(sessions, null, at('2026-11-25T09:00:01Z'))).toBe('ended');
    expect(classState(sessions, '2026-11-25T10:00:00Z', at('2026-11-25T10:00:00Z'))).toBe('closed');
  });

  it('R6.2 the current session is the open one, else the next to open, else none', () => {
    expect(currentSession(sessions, at('2026-11-22T08:00:00Z'))).toBe(1); // the 23rd's, stored second
    expect(currentSession(sessions, at('2026-11-23T00:30:00Z'))).toBe(1); // window opens 08:30 China
    expect(currentSession(sessions, at('2026-11-23T05:00:00Z'))).toBe(0); // after the 23rd: the 24th's next
    expect(currentSession(sessions, at('2026-11-25T06:00:00Z'))).toBe(2);
    expect(currentSession(sessions, at('2026-11-25T09:00:01Z'))).toBeNull();
  });
});
