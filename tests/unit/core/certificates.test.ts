import { addMonths } from '../../../cloudfunctions/core/china-date';
import {
  certificateKindOf,
  certificateNumber,
  isHighSkilled,
  normaliseVerifyCode,
  resultProblem,
  subsidyFenOf,
  subsidyRefusal,
  verificationCode,
  VERIFY_CODE,
  type SubsidyCase,
} from '../../../cloudfunctions/core/certificates';

const d = (year: number, month: number, day: number) => ({ year, month, day });

describe('R7.1 results', () => {
  it('R7.1 a score is a whole number 0–100', () => {
    expect(resultProblem(true, 100)).toBeNull();
    expect(resultProblem(false, 0)).toBeNull();
    expect(resultProblem(true, 101)).toBe('SCORE_INVALID');
    expect(resultProblem(false, -1)).toBe('SCORE_INVALID');
    expect(resultProblem(true, 75.5)).toBe('SCORE_INVALID');
  });

  it('R7.1 pass and fail agree with the score (60 passes)', () => {
    expect(resultProblem(true, 60)).toBeNull();
    expect(resultProblem(false, 59)).toBeNull();
    expect(resultProblem(true, 59)).toBe('RESULT_SCORE_MISMATCH');
    expect(resultProblem(false, 60)).toBe('RESULT_SCORE_MISMATCH');
  });
});

describe('R7.2 certificates', () => {
  it('R7.2 the kind comes from the catalogue category', () => {
    expect(certificateKindOf('skills')).toBe('skill_level');
    expect(certificateKindOf('special')).toBe('special');
    expect(certificateKindOf('agri')).toBe('training');
    expect(certificateKindOf('village')).toBe('training');
  });

  it('R7.2 numbers are year + county + a 6-digit sequence', () => {
    expect(certificateNumber(2026, '141127', 1)).toBe('2026141127000001');
    expect(certificateNumber(2026, '141127', 999_999)).toBe('2026141127999999');
    expect(() => certificateNumber(2026, '141127', 0)).toThrow();
    expect(() => certificateNumber(2026, '14112', 1)).toThrow();
  });

  it('R7.2 verification codes are 8 unambiguous characters; typing is forgiving', () => {
    const code = verificationCode(new Uint8Array([0, 1, 2, 3, 250, 251, 252, 255]));
    expect(code).toMatch(VERIFY_CODE);
    expect(code).not.toMatch(/[01OIL]/);
    expect(normaliseVerifyCode(' ab2c-d3ef ')).toBe('AB2CD3EF');
  });
});

describe('R7.4 high-skilled', () => {
  it('R7.4 三级/高级工 and above are high-skilled; 四级 and 专项 are not', () => {
    expect([1, 2, 3].map((l) => isHighSkilled('skill_level', l))).toEqual([true, true, true]);
    expect([4, 5].map((l) => isHighSkilled('skill_level', l))).toEqual([false, false]);
    expect(isHighSkilled('special', 0)).toBe(false);
  });
});

describe('R7.3 subsidies', () => {
  const base: SubsidyCase = {
    fundedByVoucher: true,
    occupationCode: '4-10-01-05',
    level: 4,
    date: d(2026, 3, 20),
    today: d(2026, 3, 20),
    held: [],
    granted: [],
  };

  it('R7.3 a first certificate from voucher-funded training is granted', () => {
    expect(subsidyRefusal(base)).toBeNull();
  });

  it('R7.3 training not paid by a voucher earns no subsidy', () => {
    expect(subsidyRefusal({ ...base, fundedByVoucher: false })).toBe('SUBSIDY_NOT_VOUCHER_FUNDED');
  });

  it('R7.3 never twice for the same person, occupation and level', () => {
    expect(subsidyRefusal({ ...base, granted: [{ occupationCode: '4-10-01-05', level: 4, year: 2025 }] })).toBe('SUBSIDY_DUPLICATE');
    expect(subsidyRefusal({ ...base, granted: [{ occupationCode: '4-10-01-05', level: 5, year: 2025 }] })).toBeNull();
  });

  it('R7.3 never for a lower level than one already held in the occupation', () => {
    const held = [{ occupationCode: '4-10-01-05', level: 3, date: d(2025, 6, 1) }];
    expect(subsidyRefusal({ ...base, held })).toBe('SUBSIDY_LOWER_LEVEL');
    expect(subsidyRefusal({ ...base, level: 2, held })).toBeNull(); // higher is fine
    expect(subsidyRefusal({ ...base, held: [{ ...held[0], occupationCode: '4-03-02-01' }] })).toBeNull(); // other occupation
  });

  it('R7.3 never more than 3 per person per calendar year (of the certificate)', () => {
    const granted = ['a', 'b', 'c'].map((o) => ({ occupationCode: o, level: 5, year: 2026 }));
    expect(subsidyRefusal({ ...base, granted })).toBe('SUBSIDY_YEARLY_LIMIT');
    expect(subsidyRefusal({ ...base, granted: granted.slice(1) })).toBeNull();
    expect(subsidyRefusal({ ...base, granted: granted.map((g) => ({ ...g, year: 2025 })) })).toBeNull();
  });

  it('R7.3 only within 12 months of the certificate date', () => {
    expect(subsidyRefusal({ ...base, today: d(2027, 3, 20) })).toBeNull();
    expect(subsidyRefusal({ ...base, today: d(2027, 3, 21) })).toBe('SUBSIDY_TOO_LATE');
  });

  it('R7.5 amounts are the catalogue’s integer fen for the level', () => {
    expect(subsidyFenOf({ '5': 120_000, '4': 160_000 }, 4)).toBe(160_000);
    expect(subsidyFenOf({ '0': 70_000 }, 0)).toBe(70_000);
    expect(subsidyFenOf({ '5': 120_000 }, 3)).toBeNull();
    expect(subsidyFenOf({ '5': 1200.5 }, 5)).toBeNull();
  });
});

describe('calendar months', () => {
  it('adds months, clamping to the end of shorter months', () => {
    expect(addMonths(d(2026, 8, 31), 6)).toEqual(d(2027, 2, 28));
    expect(addMonths(d(2027, 8, 31), 6)).toEqual(d(2028, 2, 29));
    expect(addMonths(d(2026, 11, 23), 3)).toEqual(d(2027, 2, 23));
    expect(addMonths(d(2026, 1, 15), 12)).toEqual(d(2027, 1, 15));
  });
});
