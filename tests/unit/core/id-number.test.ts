import fc from 'fast-check';
import {
  checkCharOf,
  checkIdNumber,
  composeIdNumber,
  maskIdNumber,
  maskName,
  normalizeIdNumber,
} from '../../../cloudfunctions/core/id-number';
import { idNumberBornOn, withWrongCheck } from '../../support/id-numbers';

const NOW = new Date('2026-11-23T04:00:00Z'); // 12:00 China time

const codeOf = (raw: string, now = NOW) => {
  const r = checkIdNumber(raw, now);
  return r.ok ? 'OK' : r.code;
};

describe('R2.1 resident identity number (GB 11643-1999)', () => {
  it('accepts the example printed in the standard and other valid numbers', () => {
    expect(codeOf('11010519491231002X')).toBe('OK');
    expect(codeOf('440524198001010013')).toBe('OK');
  });

  it('R2.2 refuses the standard\'s 1880 example: births before 1900 are refused', () => {
    expect(codeOf('440524188001010014')).toBe('ID_NUMBER_BIRTH_DATE');
  });

  it('computes the check character with weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2 mod 11 → 1 0 X 9 8 7 6 5 4 3 2', () => {
    expect(checkCharOf('11010519491231002')).toBe('X');
    expect(checkCharOf('44052418800101001')).toBe('4');
    expect(checkCharOf('44052419800101001')).toBe('3');
  });

  it('exactly one check character validates any 17 digits with a real birth date', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2008-01-01T00:00:00Z'), noInvalidDate: true }),
        fc.integer({ min: 0, max: 999 }),
        (d, seq) => {
          const n = composeIdNumber('141127', { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() }, seq);
          const valid = '0123456789X'.split('').filter((c) => checkIdNumber(n.slice(0, 17) + c, NOW).ok);
          expect(valid).toEqual([n[17]]);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('reads birth date, region and gender (odd sequence = male, even = female)', () => {
    const r = checkIdNumber('11010519491231002X', NOW);
    expect(r).toEqual({
      ok: true,
      facts: { number: '11010519491231002X', regionCode: '110105', birthDate: { year: 1949, month: 12, day: 31 }, gender: 'female' },
    });
    const male = checkIdNumber('440524198001010013', NOW);
    expect(male.ok && male.facts.gender).toBe('male');
  });

  it('refuses a wrong check character with its own message', () => {
    const r = checkIdNumber(withWrongCheck('440524198001010013'), NOW);
    expect(r).toEqual({ ok: false, code: 'ID_NUMBER_CHECKSUM', message: '身份证号码校验位不正确，请核对后重新输入' });
  });
});

describe('R2.2 normalising before checking', () => {
  it('R2.2 full-width digits are read as half-width', () => {
    const fullWidth = '４４０５２４１９８００１０１００１３';
    expect(normalizeIdNumber(fullWidth)).toBe('440524198001010013');
    expect(codeOf(fullWidth)).toBe('OK');
  });

  it('R2.2 full-width Ｘ and lowercase x become X', () => {
    expect(normalizeIdNumber('11010519491231002Ｘ')).toBe('11010519491231002X');
    expect(normalizeIdNumber('11010519491231002x')).toBe('11010519491231002X');
    expect(codeOf('11010519491231002x')).toBe('OK');
  });

  it('R2.2 surrounding spaces are trimmed', () => {
    expect(codeOf('  11010519491231002X \n')).toBe('OK');
  });

  it('R2.2 a 15-digit number is refused with 请使用18位身份证号码', () => {
    const r = checkIdNumber('110105491231002', NOW);
    expect(r).toEqual({ ok: false, code: 'ID_NUMBER_15_DIGITS', message: '请使用18位身份证号码' });
  });

  it('R2.2 every other defect has its own code', () => {
    expect(codeOf('')).toBe('ID_NUMBER_EMPTY');
    expect(codeOf('1101051949123100')).toBe('ID_NUMBER_LENGTH');
    expect(codeOf('11010519491231002XX')).toBe('ID_NUMBER_LENGTH');
    expect(codeOf('1101051949123100A2')).toBe('ID_NUMBER_FORMAT');
    expect(codeOf('11010X19491231002X')).toBe('ID_NUMBER_FORMAT');
    expect(codeOf(composeIdNumber('010105', { year: 1980, month: 1, day: 1 }, 1))).toBe('ID_NUMBER_REGION');
  });

  it('R2.2 the birth date must be a real calendar date', () => {
    const feb30 = '14112719900230001';
    expect(codeOf(feb30 + checkCharOf(feb30))).toBe('ID_NUMBER_BIRTH_DATE');
    const month13 = '14112719901301001';
    expect(codeOf(month13 + checkCharOf(month13))).toBe('ID_NUMBER_BIRTH_DATE');
    const feb29common = '14112719010229001';
    expect(codeOf(feb29common + checkCharOf(feb29common))).toBe('ID_NUMBER_BIRTH_DATE');
    expect(codeOf(idNumberBornOn({ year: 2000, month: 2, day: 29 }))).toBe('OK');
  });

  it('R2.2 the birth date may not be before 1900-01-01', () => {
    expect(codeOf(idNumberBornOn({ year: 1899, month: 12, day: 31 }))).toBe('ID_NUMBER_BIRTH_DATE');
    expect(codeOf(idNumberBornOn({ year: 1900, month: 1, day: 1 }))).toBe('OK');
  });

  it('R2.2 the birth date may not be after today in China time', () => {
    // 2026-11-23T16:30Z is already 24 November in China.
    const lateUtc = new Date('2026-11-23T16:30:00Z');
    const bornOn24th = idNumberBornOn({ year: 2026, month: 11, day: 24 });
    expect(codeOf(bornOn24th, lateUtc)).toBe('OK');
    expect(codeOf(bornOn24th, NOW)).toBe('ID_NUMBER_FUTURE_BIRTH');
  });
});

describe('R2.4 masking', () => {
  it('R2.4 shows the first 3 and last 4 characters of an ID number, the rest as *', () => {
    expect(maskIdNumber('14212319800101123X')).toBe('142***********123X');
  });

  it('R2.4 masks names as 张*萍 (two-character names as 张*)', () => {
    expect(maskName('张小萍')).toBe('张*萍');
    expect(maskName('欧阳小萍')).toBe('欧**萍');
    expect(maskName('张三')).toBe('张*');
  });
});
