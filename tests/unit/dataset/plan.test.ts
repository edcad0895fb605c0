/**
 * The Lüliang 2021 plan at FULL scale (counts only, no database): the report's numbers are exact
 * by construction, and the plan keeps the voucher and training rules (R3, R4, R5, R6, R7, D23).
 */
import { ageAt, bandOfAge } from '../../../cloudfunctions/core/age';
import { requiredSessions } from '../../../cloudfunctions/core/classes';
import { FULL, type Plan, birthCal, makePlan, popcount, targetsOf } from '../../../scripts/dataset/plan';

const Y0 = Date.UTC(2021, 0, 1) - 8 * 3_600_000;
const Y1 = Date.UTC(2022, 0, 1) - 8 * 3_600_000;

describe('dataset plan: Lüliang 2021 at full scale', () => {
  let plan: Plan;
  beforeAll(() => {
    plan = makePlan({ scale: 1, seed: 2021 });
  }, 60_000);

  it('has the report’s exact totals', () => {
    const c = plan.counts;
    expect(c.persons).toBe(1_400_000);
    expect(c.claimed.skills).toBe(86_100);
    expect(c.claimed.evaluation).toBe(50_600);
    expect(c.claimed.enterprise).toBe(33_300);
    expect(c.claimed.agri + c.claimed.village).toBe(44_000);
    expect(Object.values(c.claimed).reduce((s, x) => s + x, 0)).toBe(214_000);
    expect(c.enrollments).toBe(231_679);
    expect(c.certificates).toBe(119_072);
    expect(c.newSkilled).toBe(71_657);
    expect(c.newHighSkilled).toBe(2_829);
    expect(c.trainingCertificates).toBe(119_072 - 71_657);
    expect(c.transferPeople).toBe(42_843);
    expect(c.failed).toBeGreaterThan(0);
    expect(c.selfFundedEnrollments).toBeGreaterThan(0);
    expect(c.notCompleted).toBeGreaterThan(0);
  });

  it('is deterministic for a seed', () => {
    const again = makePlan({ scale: 0.01, seed: 7 });
    const other = makePlan({ scale: 0.01, seed: 7 });
    expect(other.counts).toEqual(again.counts);
    expect(other.vouchers.slice(0, 50)).toEqual(again.vouchers.slice(0, 50));
  });

  it('scales every exact number by rounding', () => {
    const t = targetsOf(0.01);
    const small = makePlan({ scale: 0.01, seed: 2021 }).counts;
    expect(small.persons).toBe(Math.round(FULL.persons * 0.01));
    expect(small.enrollments).toBe(t.trainings);
    expect(small.certificates).toBe(Math.round(FULL.certificates * 0.01));
    expect(small.newSkilled).toBe(Math.round(FULL.newSkilled * 0.01));
    expect(small.newHighSkilled).toBe(Math.round(FULL.newHighSkilled * 0.01));
    expect(small.transferPeople).toBe(Math.round(FULL.transfers * 0.01));
    expect(small.claimed.skills).toBe(861);
  });

  it('keeps the claim rules: band at claim, registered first, one voucher per person and type, ≤ 3 a year', () => {
    const perPersonType = new Set<string>();
    const perPerson = new Map<number, number>();
    const bad: string[] = [];
    plan.vouchers.forEach((v, i) => {
      const band = bandOfAge(ageAt(birthCal(plan.personBirth[v.person]), new Date(v.claimedAt)));
      if (band !== v.band) bad.push(`${i} band`);
      if (!(plan.personRegAt[v.person] < v.claimedAt)) bad.push(`${i} registered after claim`);
      if (v.claimedAt < Y0 || v.claimedAt >= Y1) bad.push(`${i} claimed outside 2021`);
      const key = `${v.person}:${v.type}`;
      if (perPersonType.has(key)) bad.push(`${i} second voucher of the type`);
      perPersonType.add(key);
      perPerson.set(v.person, (perPerson.get(v.person) ?? 0) + 1);
      if (v.status === 'unused' && !(v.expiresAt > Y1)) bad.push(`${i} unused but expired in 2021`);
      if (v.status === 'expired' && !(v.endedAt! >= v.expiresAt)) bad.push(`${i} expired early`);
      if (v.status !== 'unused' && !(v.endedAt! < Y1 && v.endedAt! > v.claimedAt)) bad.push(`${i} ended outside (claim, 2022)`);
    });
    expect(bad.slice(0, 10)).toEqual([]);
    expect([...perPerson.values()].filter((k) => k > 3)).toEqual([]);
  });

  it('gives enterprise holders an employer before the claim (D13)', () => {
    const employedBefore = new Map<number, number>();
    for (const r of plan.reports) if (r.kind === 'enterprise') employedBefore.set(r.person, r.at);
    const otherBefore = new Map<number, number>();
    for (const r of plan.reports) if (r.kind !== 'enterprise') otherBefore.set(r.person, Math.min(otherBefore.get(r.person) ?? Infinity, r.at));
    const bad: number[] = [];
    for (const v of plan.vouchers.filter((x) => x.type === 'enterprise')) {
      if (!((employedBefore.get(v.person) ?? Infinity) < v.claimedAt)) bad.push(v.person);
      if ((otherBefore.get(v.person) ?? Infinity) < v.claimedAt) bad.push(v.person);
    }
    expect(bad).toEqual([]);
  });

  it('keeps classes within capacity, sessions 3–6, completion by the ratio, trainings started in 2021', () => {
    const bad: string[] = [];
    plan.classes.forEach((c, i) => {
      if (c.enrollments.length > c.capacity || c.capacity > 50) bad.push(`class ${i} capacity`);
      if (c.sessions.length < 3 || c.sessions.length > 6) bad.push(`class ${i} sessions`);
      if (!(c.closedAt < Y1)) bad.push(`class ${i} closed in 2022`);
    });
    plan.enrollments.forEach((e, i) => {
      const c = plan.classes[e.cls];
      if (e.enrolledAt < Y0 || !(e.enrolledAt < c.firstAt)) bad.push(`enrollment ${i} time`);
      if ((popcount(e.attended) >= requiredSessions(c.sessions.length, 0.8)) !== e.completed) bad.push(`enrollment ${i} completion`);
      if (e.voucher >= 0) {
        const v = plan.vouchers[e.voucher];
        if (!c.acceptedTypes.includes(v.type)) bad.push(`enrollment ${i} type`);
        if (!(v.claimedAt < e.enrolledAt && v.expiresAt > e.enrolledAt)) bad.push(`enrollment ${i} voucher validity`);
        if (v.type === 'village' && plan.personTownship[v.person] !== c.township) bad.push(`enrollment ${i} township`);
      } else if (!c.selfFunded) bad.push(`enrollment ${i} not self-funded`);
    });
    expect(bad.slice(0, 10)).toEqual([]);
  });

  it('assesses only completed trainees or evaluation-voucher holders, in 2021', () => {
    const bad: number[] = [];
    plan.results.forEach((r, i) => {
      if (!(r.at < Y1)) bad.push(i);
      if (r.enrollment >= 0) {
        const e = plan.enrollments[r.enrollment];
        if (!e.completed || !(r.at > e.endedAt)) bad.push(i);
      } else {
        const v = plan.vouchers[r.voucher];
        if (v.type !== 'evaluation' || !(r.at > v.claimedAt && r.at < v.expiresAt)) bad.push(i);
      }
    });
    expect(bad.slice(0, 10)).toEqual([]);
  });
});
