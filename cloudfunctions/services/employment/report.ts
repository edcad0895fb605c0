/**
 * R8 Employment: a laborer reports (and updates) their work; a report outside the household
 * county is a transfer (R8.2); follow-ups fall due 3 and 6 months after each certificate (R8.3).
 * The latest report is kept on the person, so the 企业职工培训券's "has a current employer" (R4)
 * reads it.
 */
import { randomUUID } from 'node:crypto';
import type { EmploymentReportInput, EmploymentView, FollowUpView } from '../../contract';
import { ageAt, bandOfAge } from '../../core/age';
import { chinaDateOf, formatDate, parseDate } from '../../core/china-date';
import { EMPLOYMENT_STATUS_NAMES, FOLLOW_UP_MONTHS, WORK_PLACE_NAMES, employmentProblem, followUpDates } from '../../core/employment';
import { DomainError } from '../../core/errors';
import { where } from '../../store/port';
import { scan } from '../../store/scan';
import { type PersonDoc, personOf } from '../account';
import { recordChange, recordCounts } from '../books/changes';
import type { CertificateDoc, CredentialsDoc } from '../certificate';
import { requireOpenid } from '../kernel/caller';
import type { Caller, Deps } from '../kernel/deps';
import { type EmploymentReportDoc, type EmploymentYearDoc, employmentYearId } from './documents';
import { cohortsEmployed, countedAfter, newReport, reportedChange } from './records';

function view(deps: Deps, r: EmploymentReportDoc): EmploymentView {
  return {
    id: r._id,
    status: r.status,
    statusName: EMPLOYMENT_STATUS_NAMES[r.status],
    employer: r.employer,
    occupation: r.occupation,
    place: r.place,
    placeName: r.place ? WORK_PLACE_NAMES[r.place] : null,
    region: r.regionCode && deps.regions.get(r.regionCode) ? deps.regions.ref(r.regionCode) : null,
    placeDetail: r.placeName,
    startDate: r.startDate,
    monthlyIncomeFen: r.monthlyIncomeFen,
    transfer: r.transfer,
    reportedAt: r.reportedAt,
  };
}

/** R8.1: a new report (an update is a new report: history is kept). */
export async function reportEmployment(deps: Deps, caller: Caller, input: EmploymentReportInput): Promise<EmploymentView> {
  const openid = requireOpenid(caller);
  const now = deps.clock.now();
  const today = chinaDateOf(now);
  const problem = employmentProblem(input, today);
  if (problem) throw new DomainError(problem);
  if (input.regionCode && !deps.regions.get(input.regionCode)) throw new DomainError('WORK_REGION_UNKNOWN');
  const doc = await deps.store.transaction(async (tx) => {
    const person = await personOf(tx, openid);
    const birth = parseDate(person.birthDate);
    const report = newReport({ ...input, id: `${person._id}:${randomUUID()}`, person, band: birth ? bandOfAge(ageAt(birth, now)) : null, at: now });
    const { _id: id, ...data } = report;
    await tx.create<EmploymentReportDoc>('employmentReports', id, data);
    await tx.update('persons', person._id, {
      set: { currentEmployer: input.status === 'employed' ? report.employer : null, employmentStatus: input.status },
    });
    const yearId = employmentYearId(person._id, today.year);
    const counted = (await tx.get<EmploymentYearDoc>('employmentYears', yearId)) ?? { employed: false, transfer: false };
    await tx.set<EmploymentYearDoc>('employmentYears', yearId, countedAfter(report, counted));
    const credentials = report.status === 'seeking' ? null : await tx.get<CredentialsDoc>('personCredentials', person._id);
    const cohorts = cohortsEmployed(credentials, report);
    if (cohorts) {
      for (const b of cohorts.bumps) await recordCounts(tx, b.place, b.at, [b.bump]);
      const { _id, ...after } = cohorts.after;
      await tx.set<CredentialsDoc>('personCredentials', person._id, after);
    }
    await recordChange(tx, reportedChange(report, counted, { openid, role: 'laborer' }));
    return report;
  });
  return view(deps, doc);
}

async function reportsOf(deps: Deps, person: PersonDoc): Promise<EmploymentReportDoc[]> {
  const out: EmploymentReportDoc[] = [];
  for await (const r of scan<EmploymentReportDoc>(deps.store, 'employmentReports', where('personId', 'eq', person._id))) out.push(r);
  return out.sort((a, b) => b.reportedAt.localeCompare(a.reportedAt));
}

export async function myEmployment(deps: Deps, caller: Caller): Promise<EmploymentView[]> {
  const person = await personOf(deps.store, requireOpenid(caller));
  return (await reportsOf(deps, person)).map((r) => view(deps, r));
}

/**
 * R8.3: follow-ups 3 and 6 months after each valid certificate: done once a report is made on or
 * after the due date; due from that date; upcoming before.
 */
export async function myFollowUps(deps: Deps, caller: Caller): Promise<FollowUpView[]> {
  const person = await personOf(deps.store, requireOpenid(caller));
  const today = formatDate(chinaDateOf(deps.clock.now()));
  const reports = await reportsOf(deps, person);
  const out: FollowUpView[] = [];
  for await (const c of scan<CertificateDoc>(deps.store, 'certificates', where('personId', 'eq', person._id))) {
    if (c.status !== 'valid') continue;
    for (const [i, dueOn] of followUpDates(parseDate(c.issuedOn)!).entries()) {
      const done = reports.some((r) => r.reportedOn >= dueOn);
      out.push({
        certificateNumber: c._id,
        occupation: c.occupationName,
        months: FOLLOW_UP_MONTHS[i],
        dueOn,
        status: done ? 'done' : dueOn <= today ? 'due' : 'upcoming',
      });
    }
  }
  return out.sort((a, b) => a.dueOn.localeCompare(b.dueOn));
}
