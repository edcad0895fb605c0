import { chinaDateOf, clockText, isoMinuteText, parseDate } from '../../../cloudfunctions/core/china-date';

describe('R3.1 calendar dates are China dates', () => {
  it('R3.1 UTC 16:00 is already the next day in China', () => {
    expect(chinaDateOf(new Date('2026-12-31T15:59:59Z'))).toEqual({ year: 2026, month: 12, day: 31 });
    expect(chinaDateOf(new Date('2026-12-31T16:00:00Z'))).toEqual({ year: 2027, month: 1, day: 1 });
  });

  it('R3.1 China’s wall clock whatever the host’s zone, across a daylight-saving change there (npm test runs this under America/Los_Angeles too)', () => {
    // Los Angeles moves its clocks on 8 March 2026 (10:00 UTC) and 1 November 2026 (09:00 UTC).
    expect(['2026-03-08T09:30:00.000Z', '2026-03-08T10:30:00.000Z', '2026-11-01T08:30:00.000Z', '2026-11-01T09:30:00.000Z'].map(isoMinuteText)).toEqual([
      '2026-03-08 17:30',
      '2026-03-08 18:30',
      '2026-11-01 16:30',
      '2026-11-01 17:30',
    ]);
    expect(clockText(new Date('2026-11-01T08:59:00.000Z'))).toBe('16:59');
    expect(chinaDateOf(new Date('2026-03-08T15:59:00.000Z'))).toEqual({ year: 2026, month: 3, day: 8 });
  });

  it('parses YYYY-MM-DD and refuses impossible dates', () => {
    expect(parseDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
    expect(parseDate('2026-02-29')).toBeNull();
    expect(parseDate('2026-13-01')).toBeNull();
    expect(parseDate('not a date')).toBeNull();
  });
});
