import { chinaDateOf, parseDate } from '../../../cloudfunctions/core/china-date';

describe('R3.1 calendar dates are China dates', () => {
  it('R3.1 UTC 16:00 is already the next day in China', () => {
    expect(chinaDateOf(new Date('2026-12-31T15:59:59Z'))).toEqual({ year: 2026, month: 12, day: 31 });
    expect(chinaDateOf(new Date('2026-12-31T16:00:00Z'))).toEqual({ year: 2027, month: 1, day: 1 });
  });

  it('parses YYYY-MM-DD and refuses impossible dates', () => {
    expect(parseDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
    expect(parseDate('2026-02-29')).toBeNull();
    expect(parseDate('2026-13-01')).toBeNull();
    expect(parseDate('not a date')).toBeNull();
  });
});
