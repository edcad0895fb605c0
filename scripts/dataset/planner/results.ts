/**
 * Assessment results (R7.1): direct assessments of 技能等级评价券 holders (the high-skilled among
 * their passes), then results of completed trainees — skills classes towards new skilled,
 * agri and village classes towards 培训合格证书.
 */
import type { Category } from './classes';
import { skillOccupation } from './classes';
import { type Draft, claimBetween, claimFor, eligibleAt, sample } from './draft';
import { CLAIMS_OPEN, DAY, HOUR, MINUTE, YEAR, chinaDayStart, chinaMs, dateText, occ } from './model';
import type { Outcomes } from './outcomes';

/** A day `minDays`–`maxDays` after the China date of `after`, but not after the date of `latest`. */
function assessDay(d: Draft, after: number, minDays: number, maxDays: number, latest: number): number {
  let day = chinaDayStart(after) + d.rng.int(minDays, maxDays) * DAY;
  if (day > chinaDayStart(latest)) day = chinaDayStart(latest);
  return day;
}

const HIGH_OCC = occ('skills').filter((o) => o.subsidy['3'] !== undefined);

/** 三级 mostly, some 二级 and 一级, in an occupation that has the level. */
function pickHigh(d: Draft): { code: string; level: number } {
  const r = d.rng.float();
  const level = r < 0.85 ? 3 : r < 0.97 ? 2 : 1;
  const choices = HIGH_OCC.filter((o) => o.subsidy[String(level)] !== undefined);
  return { code: d.rng.pick(choices).code, level };
}

/** Evaluation vouchers redeemed by a direct assessment: the first `evalFailed` fail. */
export function planDirectResults(d: Draft, o: Outcomes): void {
  const { rng } = d;
  for (let i = 0; i < o.evalAssessed; i++) {
    const claimedAt = claimBetween(d, CLAIMS_OPEN, chinaMs(YEAR, 11, 30));
    const ci = rng.weighted(d.weights);
    const person = sample(d, d.byCounty[ci], eligibleAt(d, 'evaluation', claimedAt));
    if (person < 0) {
      i--;
      continue;
    }
    d.taken[person] = 1;
    const v = claimFor(d, person, 'evaluation', claimedAt);
    const day = assessDay(d, claimedAt + DAY, 3, 40, chinaMs(YEAR, 12, 20));
    const at = day + rng.int(9 * 60, 17 * 60) * MINUTE;
    const passed = i >= o.evalFailed;
    const high = passed && i - o.evalFailed < d.t.newHighSkilled;
    const occupation = high ? pickHigh(d) : skillOccupation(d);
    v.status = 'redeemed';
    v.endedAt = at;
    v.result = d.results.length;
    d.results.push({
      person, enrollment: -1, voucher: d.vouchers.length - 1, institution: 'skills', county: ci, occupation: occupation.code, level: occupation.level,
      passed, score: passed ? rng.int(60, 100) : rng.int(30, 59), at, assessedOn: dateText(day + 12 * HOUR), band: v.band,
    });
  }
}

/** Results of completed trainees, from the categories' completers. */
export function planClassResults(d: Draft, o: Outcomes, categories: Category[]): void {
  const [skillsVoucher, agriVoucher, villageVoucher, selfAgriCat, selfSkillsCat] = categories;
  classResults(d, [...skillsVoucher.completers, ...selfSkillsCat.completers], o.classSkillPasses, o.classSkillFails);
  classResults(d, [...agriVoucher.completers, ...villageVoucher.completers, ...selfAgriCat.completers], o.trainingCerts, o.trainingFails);
}

function classResults(d: Draft, completers: number[], passes: number, fails: number): void {
  const { rng } = d;
  const chosen = rng.shuffle([...completers]).slice(0, passes + fails);
  if (chosen.length < passes + fails) throw new Error('planner: too few completers for the results');
  chosen.forEach((ei, i) => {
    const e = d.enrollments[ei];
    const c = d.classes[e.cls];
    const day = assessDay(d, e.endedAt, 1, 10, chinaMs(YEAR, 12, 28));
    const at = day + rng.int(9 * 60, 17 * 60) * MINUTE;
    const passed = i < passes;
    d.results.push({
      person: e.person, enrollment: ei, voucher: e.voucher, institution: c.institution, county: c.county, occupation: c.occupation,
      level: c.level, passed, score: passed ? rng.int(60, 100) : rng.int(30, 59), at, assessedOn: dateText(day + 12 * HOUR), band: e.band,
    });
  });
}
