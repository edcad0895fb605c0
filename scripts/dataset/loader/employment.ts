/**
 * Phase: employment reports (R8, D25, D26), in report order — each built by the employment
 * context's newReport and recorded by reportedChange, with the year's counted kinds moved by
 * countedAfter and the certified cohorts a working report counts (cohortsEmployed), as
 * reportEmployment does. Then the yearly counts and the credentials are final and written.
 * (The latest report's effect on the person was applied at registration: personReported.)
 */
import { ageAt, bandOfAge } from '../../../cloudfunctions/core/age';
import { chinaDateOf, formatDate } from '../../../cloudfunctions/core/china-date';
import { bumpCounters } from '../../../cloudfunctions/services/books/counters';
import {
  type EmploymentReportDoc,
  type EmploymentYearDoc,
  cohortsEmployed,
  countedAfter,
  employmentYearId,
  newReport,
  reportedChange,
} from '../../../cloudfunctions/services/employment';
import { birthCal } from '../plan';
import { type LoaderContext, openidOf, placeOfPerson, record } from './context';
import { ABROAD, FAR_PLACES, FAR_REGIONS, JOBS } from './names';

export async function loadEmployment(ctx: LoaderContext): Promise<void> {
  const { plan, sink } = ctx;
  const counted = new Map<string, Omit<EmploymentYearDoc, '_id'>>();
  for (let i = 0; i < plan.reports.length; i++) {
    const p = plan.reports[i].person;
    if (!ctx.mine(plan.personCounty[p])) continue;
    const report = reportOf(ctx, i);
    await sink.put('employmentReports', report);
    const yearId = employmentYearId(report.personId, chinaDateOf(new Date(report.reportedAt)).year);
    const before = counted.get(yearId) ?? { employed: false, transfer: false };
    counted.set(yearId, countedAfter(report, before));
    const cohorts = cohortsEmployed(report.status === 'seeking' ? null : (ctx.credentials.get(p) ?? null), report);
    if (cohorts) {
      for (const b of cohorts.bumps) await bumpCounters(ctx.tx, b.place, b.at, [b.bump]);
      ctx.credentials.set(p, cohorts.after);
    }
    await record(ctx, reportedChange(report, before, { openid: openidOf(p), role: 'laborer' }));
  }
  for (const [id, y] of counted) await sink.put('employmentYears', { _id: id, ...y } satisfies EmploymentYearDoc);
  for (const c of ctx.credentials.values()) await sink.put('personCredentials', c);
  ctx.credentials.clear();
  await sink.flushAll();
}

/** The i-th planned report as the laborer would file it: where (a county, a region or a named place), since when, for how much. */
function reportOf(ctx: LoaderContext, i: number): EmploymentReportDoc {
  const { plan, rng } = ctx;
  const r = plan.reports[i];
  const at = new Date(r.at);
  const place = placeOfPerson(ctx, r.person);
  const seeking = r.status === 'seeking';
  const wp = seeking ? null : r.place;
  let regionCode: string | null = null;
  let placeName: string | null = null;
  if (wp === 'county') regionCode = place.countyCode;
  else if (wp === 'province') regionCode = rng.pick([...plan.counties.map((c) => c.code), '140522'].filter((c) => c !== place.countyCode));
  else if (wp === 'country') {
    if (rng.float() < 0.4) regionCode = rng.pick(FAR_REGIONS);
    else placeName = rng.pick(FAR_PLACES);
  } else if (wp === 'abroad') placeName = rng.pick(ABROAD);
  const startDay = new Date(r.at - rng.int(0, 60) * 86_400_000);
  const personId = ctx.personIds[r.person];
  const id = `${personId}:${rng.uuid()}`;
  const occupation = seeking ? null : rng.pick(JOBS);
  const monthlyIncomeYuan = seeking ? null : rng.int(20, 120) * 100;
  return newReport({
    id,
    person: { ...place, _id: personId },
    status: r.status,
    employer: seeking ? null : ctx.reportEmployer[i],
    occupation,
    place: wp,
    regionCode,
    placeName,
    startDate: seeking ? null : formatDate(chinaDateOf(startDay)),
    monthlyIncomeYuan,
    band: bandOfAge(ageAt(birthCal(plan.personBirth[r.person]), at)),
    at,
  });
}
