/**
 * How many of each thing the plan needs, from the report's targets: vouchers by type and final
 * status (exact splits), passes and fails by route to a certificate, and the trainees to place
 * per class category. No randomness: the numbers are exact by construction.
 */
import type { Targets, TypeCode } from './model';

export type Outcome = { expired: number; cancelled: number; unused: number; redeemed: number };

export interface Outcomes {
  vouchers: Record<TypeCode, Outcome>;
  /** Evaluation vouchers redeemed by a direct assessment, and how many of those fail. */
  evalAssessed: number;
  evalFailed: number;
  /** Results of skills-class completers: passes (new skilled) and fails. */
  classSkillPasses: number;
  classSkillFails: number;
  /** 培训合格证书 of agri and village completers, and fails. */
  trainingCerts: number;
  trainingFails: number;
  /** Self-funded trainees in agri classes and in skills classes. */
  selfAgri: number;
  selfSkills: number;
}

/** Trainees per class category who do not complete (R6.5). */
export const NOT_COMPLETED = 0.07;

const split = (c: number, expired: number, cancelled: number, unused: number): Outcome => {
  const e = Math.round(c * expired);
  const x = Math.round(c * cancelled);
  const u = Math.round(c * unused);
  return { expired: e, cancelled: x, unused: u, redeemed: c - e - x - u };
};

export function outcomesOf(t: Targets): Outcomes {
  const claimed = t.claimed;
  const vouchers: Record<TypeCode, Outcome> = {
    skills: split(claimed.skills, 0.035, 0.01, 0.006),
    enterprise: split(claimed.enterprise, 0.035, 0.01, 0.006),
    agri: split(claimed.agri, 0.035, 0.01, 0.006),
    village: split(claimed.village, 0.035, 0.01, 0.006),
    evaluation: split(claimed.evaluation, 0.055, 0.01, 0.006),
  };

  // ---- certificates ----
  const evalAssessed = vouchers.evaluation.redeemed;
  const evalFailed = Math.round(evalAssessed * 0.05);
  const evalPassed = evalAssessed - evalFailed;
  if (evalPassed < t.newHighSkilled || evalPassed > t.newSkilled) throw new Error('planner: evaluation passes out of range');
  const classSkillPasses = t.newSkilled - evalPassed;
  const classSkillFails = Math.round(classSkillPasses * 0.04);
  const trainingCerts = t.certificates - t.newSkilled;
  const trainingFails = Math.round(trainingCerts * 0.01);

  // ---- enrollments per category ----
  const completersOf = (k: number) => k - Math.floor(k * NOT_COMPLETED);
  const voucherAV = vouchers.agri.redeemed + vouchers.village.redeemed;
  let selfAgri = 0;
  const neededAV = Math.ceil((trainingCerts + trainingFails) * 1.02);
  while (completersOf(voucherAV + selfAgri) < neededAV) selfAgri++;
  const voucherEnrollments = vouchers.skills.redeemed + vouchers.enterprise.redeemed + voucherAV;
  const selfSkills = t.trainings - voucherEnrollments - selfAgri;
  if (selfSkills < 0) throw new Error('planner: too few trainings for the vouchers redeemed');

  return { vouchers, evalAssessed, evalFailed, classSkillPasses, classSkillFails, trainingCerts, trainingFails, selfAgri, selfSkills };
}
