/**
 * R9.4 completion %, the even-pace line and rankings (pure rules).
 */
import lvliang from '../../../cloudfunctions/data/targets-lvliang-2021.json';
import { completionPercent, expectedByPace, paceOf, rankByCompletion } from '../../../cloudfunctions/core/dashboard';

describe('R9.4 completion % = actual ÷ target × 100, half-up to 2 decimals', () => {
  it.each(lvliang.metrics.map((m) => [m.name, m.actual, m.target, m.completion]))(
    'R9.4 Lüliang 2021 %s: %i ÷ %i → %s',
    (_name, actual, target, completion) => {
      expect(completionPercent(actual as number, target as number)).toBe(completion);
    },
  );

  it('R9.4 the five Lüliang completions are 115.83, 148.84, 179.14, 141.45, 126.68', () => {
    expect(lvliang.metrics.map((m) => completionPercent(m.actual, m.target))).toEqual(['115.83', '148.84', '179.14', '141.45', '126.68']);
  });

  it('R9.4 an exact half rounds up, where floating point would round 141.45 down', () => {
    expect((2829 / 2000) * 100).toBeCloseTo(141.45, 10);
    expect(Math.round(((1 * 1.005) * 100)) / 100).toBe(1); // the float trap the integer method avoids
    expect(completionPercent(1005, 100_000)).toBe('1.01'); // 1.005 → 1.01
    expect(completionPercent(1, 8)).toBe('12.50');
    expect(completionPercent(1, 3)).toBe('33.33');
    expect(completionPercent(2, 3)).toBe('66.67');
  });

  it('R9.4 zero, no target and non-integers', () => {
    expect(completionPercent(0, 100)).toBe('0.00');
    expect(completionPercent(5, 0)).toBeNull();
    expect(completionPercent(5, null)).toBeNull();
    expect(completionPercent(5, 2.5)).toBeNull();
    expect(completionPercent(-1, 8)).toBe('-12.50');
  });
});

describe('R9.4 expected pace for the date', () => {
  it('R9.4 mid-year: share of days gone, today included', () => {
    const p = paceOf(2021, { year: 2021, month: 7, day: 2 }); // day 183 of 365
    expect(p).toMatchObject({ elapsedDays: 183, days: 365, percent: '50.14' });
    expect(expectedByPace(200_020, p)).toBe(100_284); // 200020 × 183 ÷ 365 = 100283.6 → 100284
  });

  it('R9.4 leap years, 1 January, 31 December, past and future years', () => {
    expect(paceOf(2024, { year: 2024, month: 12, day: 31 })).toMatchObject({ elapsedDays: 366, days: 366, percent: '100.00' });
    expect(paceOf(2026, { year: 2026, month: 1, day: 1 })).toMatchObject({ elapsedDays: 1, percent: '0.27' });
    expect(paceOf(2021, { year: 2026, month: 11, day: 23 })).toMatchObject({ asOf: { year: 2021, month: 12, day: 31 }, percent: '100.00' });
    expect(paceOf(2027, { year: 2026, month: 11, day: 23 })).toMatchObject({ elapsedDays: 0, percent: '0.00' });
    expect(expectedByPace(null, paceOf(2026, { year: 2026, month: 6, day: 1 }))).toBeNull();
  });

  it('R9.4 20 May 2026 is day 140: 38.36 % of the year', () => {
    expect(paceOf(2026, { year: 2026, month: 5, day: 20 }).percent).toBe('38.36');
  });
});

describe('R9.4 rankings order regions of one parent by completion %', () => {
  it('R9.4 highest first, no target last, equal completions share a rank, ties by actual then code', () => {
    const ranked = rankByCompletion([
      { code: '141124', actual: 50, target: 100 },
      { code: '141127', actual: 90, target: 100 },
      { code: '141102', actual: 10, target: null },
      { code: '141123', actual: 100, target: 200 },
      { code: '141181', actual: 120, target: 100 },
    ]);
    expect(ranked.map((r) => [r.rank, r.code, r.completion])).toEqual([
      [1, '141181', '120.00'],
      [2, '141127', '90.00'],
      [3, '141123', '50.00'],
      [3, '141124', '50.00'],
      [5, '141102', null],
    ]);
  });
});
