import fc from 'fast-check';
import { CREDIT_CODE_CHARS, checkCreditCode, creditCheckCharOf, normalizeCreditCode } from '../../../cloudfunctions/core/credit-code';

const codeOf = (raw: string) => {
  const r = checkCreditCode(raw);
  return r.ok ? 'OK' : r.code;
};

describe('R11.1 unified social credit code (GB 32100-2015)', () => {
  it('R11.1 accepts the standard’s example and real codes', () => {
    expect(codeOf('91350100M000100Y43')).toBe('OK');
    expect(codeOf('91110000600037341L')).toBe('OK');
    expect(checkCreditCode('91350100M000100Y43')).toEqual({ ok: true, code: '91350100M000100Y43', regionCode: '350100' });
  });

  it('R11.1 normalises what people type: spaces, dashes, lower case, full-width', () => {
    expect(normalizeCreditCode(' 9135-0100 m000100y43 ')).toBe('91350100M000100Y43');
    expect(codeOf('９１３５０１００Ｍ０００１００Ｙ４３')).toBe('OK');
  });

  it('R11.1 refuses each defect with its own code', () => {
    expect(codeOf('91350100M000100Y4')).toBe('CREDIT_CODE_LENGTH');
    expect(codeOf('91350100M000100Y433')).toBe('CREDIT_CODE_LENGTH');
    expect(codeOf('91350100I000100Y43')).toBe('CREDIT_CODE_FORMAT'); // I is not a code character
    expect(codeOf('913501O0M000100Y43')).toBe('CREDIT_CODE_FORMAT'); // region digits hold a letter
    expect(codeOf('91350100M000100Y44')).toBe('CREDIT_CODE_CHECKSUM');
  });

  it('R11.1 check = 31 − (Σ weight × value mod 31), 31 written 0: any 17 characters get exactly one check character', () => {
    const char = fc.constantFrom(...CREDIT_CODE_CHARS.split(''));
    const digit = fc.constantFrom(...'0123456789'.split(''));
    fc.assert(
      fc.property(fc.tuple(char, char), fc.array(digit, { minLength: 6, maxLength: 6 }), fc.array(char, { minLength: 9, maxLength: 9 }), (head, region, org) => {
        const first17 = head.join('') + region.join('') + org.join('');
        const check = creditCheckCharOf(first17);
        expect(codeOf(first17 + check)).toBe('OK');
        const wrong = CREDIT_CODE_CHARS[(CREDIT_CODE_CHARS.indexOf(check) + 1) % 31];
        expect(codeOf(first17 + wrong)).toBe('CREDIT_CODE_CHECKSUM');
      }),
    );
  });
});
