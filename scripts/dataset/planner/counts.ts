/** What the writer must produce, counted from the finished plan (plan.test.ts checks them). */
import type { Draft } from './draft';
import { type PlanCounts, type TypeCode, VOUCHER_TYPES, Y0, Y1, popcount } from './model';

const isTrainingOcc = (code: string) => code.startsWith('A-') || code.startsWith('V-');

export function countsOf(d: Draft): PlanCounts {
  const { vouchers, enrollments, results, reports } = d;
  const vouchersByStatus = Object.fromEntries(
    VOUCHER_TYPES.map((ty) => [ty.code, { unused: 0, redeemed: 0, cancelled: 0, expired: 0 }]),
  ) as PlanCounts['vouchersByStatus'];
  const claimedCount = Object.fromEntries(VOUCHER_TYPES.map((ty) => [ty.code, 0])) as Record<TypeCode, number>;
  for (const v of vouchers) {
    vouchersByStatus[v.type][v.status]++;
    claimedCount[v.type]++;
  }
  let attendance = 0;
  for (const e of enrollments) attendance += popcount(e.attended);
  const passedResults = results.filter((r) => r.passed);
  const certs = passedResults.length;
  const { newSkilled, newHighSkilled } = skilledOf(passedResults);
  const { transferPeople, employedPeople2021, certifiedEmployed } = employmentOf(d, passedResults);
  return {
    persons: d.n,
    claimed: claimedCount,
    vouchersByStatus,
    enrollments: enrollments.length,
    voucherEnrollments: enrollments.filter((e) => e.voucher >= 0).length,
    selfFundedEnrollments: enrollments.filter((e) => e.voucher < 0).length,
    completed: enrollments.filter((e) => e.completed).length,
    notCompleted: enrollments.filter((e) => !e.completed).length,
    attendance,
    classes: d.classes.length,
    results: results.length,
    passed: certs,
    failed: results.length - certs,
    certificates: certs,
    newSkilled,
    newHighSkilled,
    trainingCertificates: passedResults.filter((r) => isTrainingOcc(r.occupation)).length,
    selfFundedCertificates: passedResults.filter((r) => r.enrollment >= 0 && enrollments[r.enrollment].voucher < 0).length,
    reports: reports.length,
    transferPeople,
    employedPeople2021,
    certifiedEmployed,
  };
}

/** D23: a person's first skill certificate, and each at 三级 or above. */
function skilledOf(passedResults: Draft['results']): { newSkilled: number; newHighSkilled: number } {
  const firstSkilled = new Set<number>();
  let newSkilled = 0;
  let newHighSkilled = 0;
  for (const r of [...passedResults].sort((a, b) => a.at - b.at)) {
    if (isTrainingOcc(r.occupation)) continue;
    if (!firstSkilled.has(r.person)) newSkilled++;
    firstSkilled.add(r.person);
    if (r.level >= 1 && r.level <= 3) newHighSkilled++;
  }
  return { newSkilled, newHighSkilled };
}

/** D25, D26: people transferred and employed in 2021, and certified people who reported work after. */
function employmentOf(d: Draft, passedResults: Draft['results']): Pick<PlanCounts, 'transferPeople' | 'employedPeople2021' | 'certifiedEmployed'> {
  const transferYear = new Set<number>();
  const employedYear = new Set<number>();
  const certAt = new Map<number, number>();
  for (const r of passedResults) certAt.set(r.person, Math.min(certAt.get(r.person) ?? Infinity, r.at));
  const certifiedEmployed = new Set<number>();
  for (const r of d.reports) {
    if (r.at >= Y0 && r.at < Y1 && r.status !== 'seeking') employedYear.add(r.person);
    if (r.at >= Y0 && r.at < Y1 && r.kind === 'transfer') transferYear.add(r.person);
    const c = certAt.get(r.person);
    if (r.status !== 'seeking' && c !== undefined && c <= r.at) certifiedEmployed.add(r.person);
  }
  return { transferPeople: transferYear.size, employedPeople2021: employedYear.size, certifiedEmployed: certifiedEmployed.size };
}
