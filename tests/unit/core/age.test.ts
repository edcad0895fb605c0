import { ageAt, ageOnDate, bandOfAge, birthdayIn } from '../../../cloudfunctions/core/age';
import { chinaDateOf } from '../../../cloudfunctions/core/china-date';

const d = (year: number, month: number, day: number) => ({ year, month, day });

describe('R3.1 age in completed years, China time', () => {
  it('R3.1 reaches age N at 00:00 China time on the Nth birthday, whatever the host zone', () => {
    const birth = d(1980, 5, 10);
    // 2026-05-09T15:59:59Z is 23:59:59 on 9 May in China; one second later it is 10 May.
    expect(ageAt(birth, new Date('2026-05-09T15:59:59Z'))).toBe(45);
    expect(ageAt(birth, new Date('2026-05-09T16:00:00Z'))).toBe(46);
  });

  it('R3.1 a check at 23:30 UTC (07:30 China time) on the China-time birthday uses the new age', () => {
    const birth = d(1980, 11, 24);
    const at = new Date('2026-11-23T23:30:00Z');
    expect(chinaDateOf(at)).toEqual(d(2026, 11, 24));
    expect(ageAt(birth, at)).toBe(46);
  });

  it('R3.1 someone born on 29 February has their birthday on 1 March in common years', () => {
    const leapling = d(2000, 2, 29);
    expect(birthdayIn(leapling, 2026)).toEqual(d(2026, 3, 1));
    expect(ageOnDate(leapling, d(2026, 2, 28))).toBe(25);
    expect(ageOnDate(leapling, d(2026, 3, 1))).toBe(26);
    expect(ageOnDate(leapling, d(2028, 2, 28))).toBe(27);
    expect(ageOnDate(leapling, d(2028, 2, 29))).toBe(28);
  });

  it('R3.1 is zero on the day of birth and never negative before the first birthday', () => {
    expect(ageOnDate(d(2026, 1, 1), d(2026, 1, 1))).toBe(0);
    expect(ageOnDate(d(2025, 6, 1), d(2026, 5, 31))).toBe(0);
  });
});

describe('R3.2 age bands', () => {
  it('R3.2 under 18 has no band', () => {
    expect(bandOfAge(0)).toBeNull();
    expect(bandOfAge(17)).toBeNull();
  });

  it('R3.2 18 to 45 is band A', () => {
    expect(bandOfAge(18)).toBe('A');
    expect(bandOfAge(45)).toBe('A');
  });

  it('R3.2 46 to 60 is band B, and age 60 exactly is band B', () => {
    expect(bandOfAge(46)).toBe('B');
    expect(bandOfAge(60)).toBe('B');
  });

  it('R3.2 61 and over is band C', () => {
    expect(bandOfAge(61)).toBe('C');
    expect(bandOfAge(99)).toBe('C');
  });

  it('R3.2 the day before the 46th birthday is band A, the birthday itself band B', () => {
    const birth = d(1980, 3, 15);
    expect(bandOfAge(ageOnDate(birth, d(2026, 3, 14)))).toBe('A');
    expect(bandOfAge(ageOnDate(birth, d(2026, 3, 15)))).toBe('B');
  });

  it('R3.2 the day before the 61st birthday is band B, the birthday itself band C', () => {
    const birth = d(1965, 7, 1);
    expect(bandOfAge(ageOnDate(birth, d(2026, 6, 30)))).toBe('B');
    expect(bandOfAge(ageOnDate(birth, d(2026, 7, 1)))).toBe('C');
  });
});
