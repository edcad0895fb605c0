/**
 * The Lüliang 2021 dataset plan: who registers, who claims which voucher, which classes run, who
 * attends, passes, is certified and reports work — decided up front, pure and seeded, with the
 * report's totals exact by construction (data/targets-lvliang-2021.json). The loader
 * (generate.ts, loader/) turns the plan into documents through the services' own builders.
 *
 * The steps run in a fixed order on one Draft (planner/draft.ts), each drawing from the same
 * seeded generator: people, classes and their trainees, vouchers not used in training, direct
 * assessments, class results, employment reports, and finally the counts.
 */
import { categoriesOf, placeClasses } from './planner/classes';
import { countsOf } from './planner/counts';
import { newDraft } from './planner/draft';
import { planLooseVouchers } from './planner/loose';
import type { Plan } from './planner/model';
import { outcomesOf } from './planner/outcomes';
import { planReports } from './planner/reports';
import { planClassResults, planDirectResults } from './planner/results';

export * from './planner/model';

export function makePlan(options: { scale: number; seed: number }): Plan {
  const { scale, seed } = options;
  const d = newDraft(scale, seed);
  const outcomes = outcomesOf(d.t);
  const categories = categoriesOf(d, outcomes);
  placeClasses(d, categories);
  planLooseVouchers(d, outcomes);
  planDirectResults(d, outcomes);
  planClassResults(d, outcomes, categories);
  planReports(d);
  // The plan keeps its people and records; what only drawing them needed stays behind.
  const { rng: _rng, t: _t, weights: _weights, byCounty: _byCounty, byTownship: _byTownship, taken: _taken, ...people } = d;
  return { scale, seed, ...people, counts: countsOf(d) };
}
