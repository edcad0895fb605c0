/**
 * 培训质量考核评估, pure: an institution's year in whole percents (half up), employment counted at
 * 3 and 6 months only once they have passed, and the ranking with ties sharing a rank.
 */
import { type InstitutionYear, employedWithin, rankScorecards, scorecardRates } from '../../../cloudfunctions/core/scorecards';

const d = (year: number, month: number, day: number) => ({ year, month, day });
const zero: InstitutionYear = { classes: 0, trainees: 0, completed: 0, notCompleted: 0, certified: 0, due3: 0, employed3: 0, due6: 0, employed6: 0, paidFen: 0, rejected: 0, refused: 0 };

describe('scorecards', () => {
  it('R12 rates are whole percents, half up; nothing to divide by is null', () => {
    expect(scorecardRates({ ...zero, completed: 2, notCompleted: 1, certified: 1, due3: 3, employed3: 2, due6: 0 })).toEqual({
      completionRate: 67,
      certificationRate: 50,
      employedAt3Months: 67,
      employedAt6Months: null,
    });
    expect(scorecardRates(zero)).toEqual({ completionRate: null, certificationRate: null, employedAt3Months: null, employedAt6Months: null });
  });

  it('R8 employment at 3 months: due once 3 months passed; a report of work by then counts, seeking does not', () => {
    const issued = d(2026, 1, 15);
    expect(employedWithin(issued, 3, d(2026, 4, 14), [])).toEqual({ due: false, employed: false });
    expect(employedWithin(issued, 3, d(2026, 4, 15), [{ status: 'employed', reportedOn: '2026-04-15' }])).toEqual({ due: true, employed: true });
    expect(employedWithin(issued, 3, d(2026, 6, 1), [{ status: 'employed', reportedOn: '2026-04-16' }])).toEqual({ due: true, employed: false });
    expect(employedWithin(issued, 3, d(2026, 6, 1), [{ status: 'seeking', reportedOn: '2026-02-01' }])).toEqual({ due: true, employed: false });
    expect(employedWithin(issued, 6, d(2026, 8, 1), [{ status: 'flexible', reportedOn: '2026-05-01' }])).toEqual({ due: true, employed: true });
  });

  it('R12 ranking: certification rate, then completion rate, then trainees; ties share a rank', () => {
    const rows = [
      { id: 'a', certificationRate: 80, completionRate: 90, trainees: 10 },
      { id: 'b', certificationRate: 90, completionRate: 50, trainees: 5 },
      { id: 'c', certificationRate: 80, completionRate: 90, trainees: 10 },
      { id: 'd', certificationRate: null, completionRate: null, trainees: 0 },
    ];
    expect(rankScorecards(rows).map((r) => [r.id, r.rank])).toEqual([
      ['b', 1],
      ['a', 2],
      ['c', 2],
      ['d', 4],
    ]);
  });
});
