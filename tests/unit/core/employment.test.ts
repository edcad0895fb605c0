import { type EmploymentInput, employmentProblem, followUpDates, isTransfer } from '../../../cloudfunctions/core/employment';

const today = { year: 2026, month: 11, day: 23 };
const employed: EmploymentInput = {
  status: 'employed',
  employer: '太原市康养中心',
  occupation: '养老护理员',
  place: 'province',
  regionCode: '140105',
  startDate: '2026-11-01',
  monthlyIncomeYuan: 4200,
};

describe('R8.1 an employment report', () => {
  it('R8.1 a complete report passes', () => {
    expect(employmentProblem(employed, today)).toBeNull();
  });

  it('R8.1 someone seeking work gives nothing else', () => {
    expect(employmentProblem({ status: 'seeking' }, today)).toBeNull();
  });

  it('R8.1 an employee names the employer; the self-employed need not', () => {
    expect(employmentProblem({ ...employed, employer: '  ' }, today)).toBe('EMPLOYER_REQUIRED');
    expect(employmentProblem({ ...employed, status: 'self_employed', employer: undefined }, today)).toBeNull();
  });

  it('R8.1 the place is required; outside the county also where (a picked region or in words)', () => {
    expect(employmentProblem({ ...employed, place: undefined }, today)).toBe('PLACE_REQUIRED');
    expect(employmentProblem({ ...employed, regionCode: undefined }, today)).toBe('REGION_REQUIRED');
    expect(employmentProblem({ ...employed, regionCode: undefined, placeName: '太原市小店区' }, today)).toBeNull();
    expect(employmentProblem({ ...employed, place: 'abroad', regionCode: undefined, placeName: '新加坡' }, today)).toBeNull();
    expect(employmentProblem({ ...employed, place: 'county', regionCode: undefined }, today)).toBeNull(); // the household county
  });

  it('R8.1 the start date is a real date, not in the future (today is fine)', () => {
    expect(employmentProblem({ ...employed, startDate: '2026-11-23' }, today)).toBeNull();
    expect(employmentProblem({ ...employed, startDate: '2026-11-24' }, today)).toBe('START_DATE_FUTURE');
    expect(employmentProblem({ ...employed, startDate: '2026-02-30' }, today)).toBe('START_DATE_INVALID');
    expect(employmentProblem({ ...employed, startDate: undefined }, today)).toBe('START_DATE_INVALID');
  });

  it('R8.1 monthly income is whole yuan from 0 to 100000', () => {
    expect(employmentProblem({ ...employed, monthlyIncomeYuan: 0 }, today)).toBeNull();
    expect(employmentProblem({ ...employed, monthlyIncomeYuan: 100_000 }, today)).toBeNull();
    expect(employmentProblem({ ...employed, monthlyIncomeYuan: 100_001 }, today)).toBe('INCOME_INVALID');
    expect(employmentProblem({ ...employed, monthlyIncomeYuan: -1 }, today)).toBe('INCOME_INVALID');
    expect(employmentProblem({ ...employed, monthlyIncomeYuan: 3500.5 }, today)).toBe('INCOME_INVALID');
    expect(employmentProblem({ ...employed, monthlyIncomeYuan: undefined }, today)).toBe('INCOME_INVALID');
  });
});

describe('R8.2 transfers', () => {
  it('R8.2 work outside the household county is a transfer', () => {
    expect(isTransfer('county')).toBe(false);
    expect(['province', 'country', 'abroad'].map((p) => isTransfer(p as 'province'))).toEqual([true, true, true]);
    expect(isTransfer(undefined)).toBe(false);
  });
});

describe('R8.3 follow-ups', () => {
  it('R8.3 fall due 3 and 6 months after the certificate', () => {
    expect(followUpDates({ year: 2026, month: 11, day: 30 })).toEqual(['2027-02-28', '2027-05-30']);
  });
});
