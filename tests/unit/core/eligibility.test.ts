import { bandsText, eligibilityOf, type VoucherTypeRule } from '../../../cloudfunctions/core/eligibility';
import { claimRefusal, daysLeft, expiryOf, YEARLY_SUBSIDY_LIMIT } from '../../../cloudfunctions/core/vouchers';

const skills: VoucherTypeRule = { code: 'skills', name: '职业技能培训券', bands: ['A'] };
const agri: VoucherTypeRule = { code: 'agri', name: '农业实用技术培训券', bands: ['B'] };
const village: VoucherTypeRule = { code: 'village', name: '送培训下乡券', bands: ['C'], sameTownship: true };
const evaluation: VoucherTypeRule = { code: 'evaluation', name: '技能等级评价券', bands: ['A', 'B'] };
const enterprise: VoucherTypeRule = { code: 'enterprise', name: '企业职工培训券', bands: ['A', 'B'], requiresEmployer: true };

const NOW = new Date('2026-11-23T04:00:00Z');
/** A person born on the given date, with or without an employer. */
const aPerson = (year: number, month: number, day: number, hasCurrentEmployer = false) => ({
  birthDate: { year, month, day },
  hasCurrentEmployer,
});

describe('R4.1 eligibility is one pure function of (person, type, date)', () => {
  it('R4.1 a 52-year-old is refused the skills voucher with the age reason in plain Chinese', () => {
    expect(eligibilityOf(aPerson(1974, 5, 1), skills, NOW)).toEqual({
      eligible: false,
      age: 52,
      band: 'B',
      reasons: [{ code: 'AGE_BAND', message: '该券面向18–45周岁劳动者，您今年52周岁' }],
    });
  });

  it('R4.1 the seed catalogue: A → skills, B → agri, C → village, A and B → evaluation', () => {
    const a = aPerson(1996, 1, 1);
    const b = aPerson(1974, 1, 1);
    const c = aPerson(1960, 1, 1);
    expect([skills, agri, village, evaluation].map((t) => eligibilityOf(a, t, NOW).eligible)).toEqual([true, false, false, true]);
    expect([skills, agri, village, evaluation].map((t) => eligibilityOf(b, t, NOW).eligible)).toEqual([false, true, false, true]);
    expect([skills, agri, village, evaluation].map((t) => eligibilityOf(c, t, NOW).eligible)).toEqual([false, false, true, false]);
  });

  it('R4.1 under 18 is refused with its own reason', () => {
    const r = eligibilityOf(aPerson(2010, 1, 1), skills, NOW);
    expect(r).toMatchObject({ eligible: false, band: null, reasons: [{ code: 'UNDER_18' }] });
    if (!r.eligible) expect(r.reasons[0].message).toBe('该券面向18–45周岁劳动者，您今年16周岁，未满18周岁');
  });

  it('R4.1 the enterprise voucher needs a current employer', () => {
    expect(eligibilityOf(aPerson(1996, 1, 1), enterprise, NOW)).toMatchObject({
      eligible: false,
      reasons: [{ code: 'NEEDS_EMPLOYER' }],
    });
    expect(eligibilityOf(aPerson(1996, 1, 1, true), enterprise, NOW)).toMatchObject({ eligible: true, band: 'A' });
  });

  it('R4.1 describes multi-band audiences as one range', () => {
    expect(bandsText(['A', 'B'])).toBe('18–60周岁');
    expect(bandsText(['C'])).toBe('60周岁以上');
  });

  it('R3.2 on the day before the 46th birthday the skills voucher is allowed, on the birthday it is not', () => {
    const person = aPerson(1980, 11, 24);
    expect(eligibilityOf(person, skills, new Date('2026-11-23T04:00:00Z'))).toMatchObject({ eligible: true, band: 'A', age: 45 });
    expect(eligibilityOf(person, skills, new Date('2026-11-24T04:00:00Z'))).toMatchObject({ eligible: false, band: 'B', age: 46 });
  });

  it('R3.1 a claim at 23:30 UTC (07:30 China time) on the China-time birthday uses the new age', () => {
    const person = aPerson(1980, 11, 24);
    const r = eligibilityOf(person, skills, new Date('2026-11-23T23:30:00Z'));
    expect(r).toMatchObject({ eligible: false, age: 46, band: 'B' });
  });

  it('R3.2 age 60 is band B (agri), 61 is band C (village)', () => {
    expect(eligibilityOf(aPerson(1966, 1, 1), agri, NOW)).toMatchObject({ eligible: true, age: 60, band: 'B' });
    expect(eligibilityOf(aPerson(1965, 1, 1), village, NOW)).toMatchObject({ eligible: true, age: 61, band: 'C' });
    expect(eligibilityOf(aPerson(1965, 1, 1), agri, NOW)).toMatchObject({ eligible: false });
  });

  it('R3.1 a 29 February birthday counts from 1 March in common years', () => {
    const leapling = aPerson(1980, 2, 29);
    // 28 Feb 2026 China time: still 45 → band A; 1 March: 46 → band B.
    expect(eligibilityOf(leapling, skills, new Date('2026-02-28T04:00:00Z'))).toMatchObject({ eligible: true, age: 45 });
    expect(eligibilityOf(leapling, skills, new Date('2026-03-01T04:00:00Z'))).toMatchObject({ eligible: false, age: 46 });
  });
});

describe('R4.2–R4.4 claim refusals', () => {
  const eligible = eligibilityOf(aPerson(1996, 1, 1), skills, NOW);
  const base = { eligibility: eligible, typeName: '职业技能培训券', hasUnusedOfType: false, countedThisYear: 0, quotaLeft: 10 };

  it('lets an eligible claim through', () => {
    expect(claimRefusal(base)).toBeNull();
  });

  it('R4.2 at the quota: 本年度名额已领完', () => {
    expect(claimRefusal({ ...base, quotaLeft: 0 })).toMatchObject({ code: 'QUOTA_EXHAUSTED', message: '本年度名额已领完' });
  });

  it('R4.3 at most one unused voucher of a type', () => {
    expect(claimRefusal({ ...base, hasUnusedOfType: true })).toMatchObject({
      code: 'VOUCHER_UNUSED_EXISTS',
      message: '您已有一张未使用的职业技能培训券，用完或退回后才能再领',
    });
  });

  it('R4.4 at most 3 subsidised trainings a year', () => {
    expect(YEARLY_SUBSIDY_LIMIT).toBe(3);
    expect(claimRefusal({ ...base, countedThisYear: 2 })).toBeNull();
    expect(claimRefusal({ ...base, countedThisYear: 3 })).toMatchObject({ code: 'YEARLY_LIMIT' });
  });

  it('R4.1 ineligibility is reported before any other refusal', () => {
    const ineligible = eligibilityOf(aPerson(1974, 1, 1), skills, NOW);
    expect(claimRefusal({ ...base, eligibility: ineligible, quotaLeft: 0, countedThisYear: 3 })).toMatchObject({
      code: 'NOT_ELIGIBLE',
      message: '该券面向18–45周岁劳动者，您今年52周岁',
    });
  });
});

describe('R4.5 validity in China time', () => {
  it('R4.5 a 90-day voucher claimed on 23 Nov (China) is valid through 20 Feb and expires at 00:00 China on 21 Feb', () => {
    expect(expiryOf(new Date('2026-11-23T04:00:00Z'), 90).toISOString()).toBe('2027-02-20T16:00:00.000Z');
  });

  it('R4.5 a claim at 23:30 UTC counts from the China date, the next day', () => {
    expect(expiryOf(new Date('2026-11-23T23:30:00Z'), 60).toISOString()).toBe('2027-01-22T16:00:00.000Z');
  });

  it('counts whole days left: 89 on the day of a 90-day claim, 0 on the last day', () => {
    const expires = expiryOf(new Date('2026-11-23T04:00:00Z'), 90);
    expect(daysLeft(expires, new Date('2026-11-23T04:00:00Z'))).toBe(89);
    expect(daysLeft(expires, new Date('2027-02-20T15:59:59Z'))).toBe(0);
  });
});
