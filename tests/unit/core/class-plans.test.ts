import { capacityProblem, editableFields, ratioProblem, reasonProblem, sessionsProblem, sortedSessions } from '../../../cloudfunctions/core/class-plans';

const NOW = new Date('2026-12-01T02:00:00Z'); // 10:00 China, 1 December
const s = (date: string, start = '09:00', end = '11:00') => ({ date, start, end });

describe('R5.1, R11.3 a class as planned', () => {
  it('R11.3 sessions: some, real, in order, ahead, never at the same time', () => {
    expect(sessionsProblem([s('2026-12-02'), s('2026-12-03')], NOW)).toBeNull();
    expect(sessionsProblem([], NOW)).toBe('SESSIONS_REQUIRED');
    expect(sessionsProblem(Array.from({ length: 61 }, (_, i) => s(`2027-01-${String((i % 28) + 1).padStart(2, '0')}`, `${String(6 + (i % 3) * 5).padStart(2, '0')}:00`, `${String(7 + (i % 3) * 5).padStart(2, '0')}:00`)), NOW)).toBe('SESSIONS_TOO_MANY');
    expect(sessionsProblem([s('2026-02-30')], NOW)).toBe('SESSION_INVALID');
    expect(sessionsProblem([s('2026-12-02', '9:00')], NOW)).toBe('SESSION_INVALID');
    expect(sessionsProblem([s('2026-12-02', '11:00', '09:00')], NOW)).toBe('SESSION_END_BEFORE_START');
    expect(sessionsProblem([s('2026-12-01', '10:00', '12:00')], NOW)).toBe('SESSION_IN_PAST'); // starts now: too late
    expect(sessionsProblem([s('2026-12-01', '10:01', '12:00')], NOW)).toBeNull();
    expect(sessionsProblem([s('2026-12-02', '09:00', '11:00'), s('2026-12-02', '10:30', '12:00')], NOW)).toBe('SESSIONS_OVERLAP');
    expect(sessionsProblem([s('2026-12-02', '09:00', '11:00'), s('2026-12-02', '11:00', '12:00')], NOW)).toBeNull();
  });

  it('R11.3 capacity 1–500, never below those enrolled', () => {
    expect(capacityProblem(0)).toBe('CAPACITY_INVALID');
    expect(capacityProblem(501)).toBe('CAPACITY_INVALID');
    expect(capacityProblem(2.5)).toBe('CAPACITY_INVALID');
    expect(capacityProblem(500)).toBeNull();
    expect(capacityProblem(11, 12)).toBe('CAPACITY_BELOW_ENROLLED');
    expect(capacityProblem(12, 12)).toBeNull();
  });

  it('R5.1 the minimum attendance 50 %–100 %; reasons 2–200 characters', () => {
    expect(ratioProblem(0.8)).toBeNull();
    expect(ratioProblem(0.4)).toBe('RATIO_INVALID');
    expect(ratioProblem(1.2)).toBe('RATIO_INVALID');
    expect(reasonProblem('  ')).toBe('REASON_REQUIRED');
    expect(reasonProblem('人数不足')).toBeNull();
    expect(reasonProblem('x'.repeat(201))).toBe('REASON_REQUIRED');
  });

  it('R11.3 what may change: all before approval, sessions and capacity after it until the first session, nothing later', () => {
    const first = '2026-12-05T01:00:00.000Z';
    expect(editableFields('draft', first, NOW)).toBe('all');
    expect(editableFields('rejected', first, NOW)).toBe('all');
    expect(editableFields('submitted', first, NOW)).toBe('all');
    expect(editableFields('approved', first, NOW)).toBe('sessionsAndCapacity');
    expect(editableFields('approved', first, new Date(first))).toBe('none');
    expect(editableFields('cancelling', first, NOW)).toBe('none');
    expect(editableFields('cancelled', first, NOW)).toBe('none');
  });

  it('sessions are kept in time order', () => {
    expect(sortedSessions([s('2026-12-03'), s('2026-12-02', '14:00', '15:00'), s('2026-12-02')]).map((x) => `${x.date} ${x.start}`)).toEqual([
      '2026-12-02 09:00',
      '2026-12-02 14:00',
      '2026-12-03 09:00',
    ]);
  });
});
