/**
 * R8 Employment: a laborer reports (and updates) their work; a report outside the household
 * county is a transfer (R8.2); follow-ups fall due 3 and 6 months after each certificate (R8.3).
 * The latest report is kept on the person, so the 企业职工培训券's "has a current employer" (R4)
 * reads it.
 */
import { randomUUID } from 'node:crypto';
import type { EmploymentReportInput, EmploymentView, FollowUpView } from '../../contract';
import { chinaDateOf, formatDate, parseDate } from '../../core/china-date';
import {
  EMPLOYMENT_STATUS_NAMES,
  type EmploymentStatus,
  WORK_PLACE_NAMES,
  type WorkPlace,
  FOLLOW_UP_MONTHS,
  employmentProblem,
  followUpDates,
  isTransfer,
} from '../../core/employment';
import { type Band, ageAt, bandOfAge } from '../../core/age';
import { DomainError } from '../../core/errors';
import { where } from '../../store/port';
import { scan } from '../../store/scan';
import { type PersonDoc, personOf, requireOpenid } from '../account/account';
import type { CertificateDoc, CredentialsDoc } from '../certificate/certificates';
import { recordChange } from '../books/changes';
import { bumpCounters, placeOf } from '../books/counters';
import type { Caller, Deps } from '../kernel/deps';

export type EmploymentReportDoc = {
  _id: string;
  personId: string;
  countyCode: string;
  cityCode: string;
  provinceCode: string;
  status: EmploymentStatus;
  employer: string | null;
  occupation: string | null;
  place: WorkPlace | null;
  regionCode: string | null;
  placeName: string | null;
  startDate: string | null;
  /** R7.5 money is fen everywhere it is stored. */
  monthlyIncomeFen: number | null;
  transfer: boolean;
  reportedAt: string;
  /** China date of the report, `YYYY-MM-DD`. */
  reportedOn: string;
  /** The band at the report, for its counters ('-' when none). */
  band: Band | '-';
};

/** id = `{personId}:{year}`: kinds already counted for the person this year (counted once a year). */
type EmploymentYearDoc = { _id: string; employed: boolean; transfer: boolean };

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
    const seeking = input.status === 'seeking';
    const place = seeking ? null : (input.place ?? null);
    const transfer = !seeking && isTransfer(place ?? undefined);
    const birth = parseDate(person.birthDate);
    const band = birth ? bandOfAge(ageAt(birth, now)) : null;
    const report: Omit<EmploymentReportDoc, '_id'> = {
      ...placeOf(person),
      personId: person._id,
      status: input.status,
      employer: seeking ? null : input.employer?.trim() || null,
      occupation: seeking ? null : input.occupation?.trim() || null,
      place,
      regionCode: seeking ? null : place === 'county' ? (input.regionCode ?? person.countyCode) : (input.regionCode ?? null),
      placeName: seeking ? null : input.placeName?.trim() || null,
      startDate: seeking ? null : (input.startDate ?? null),
      monthlyIncomeFen: seeking ? null : (input.monthlyIncomeYuan ?? 0) * 100,
      transfer,
      reportedAt: now.toISOString(),
      reportedOn: formatDate(today),
      band: band ?? '-',
    };
    const id = `${person._id}:${randomUUID()}`;
    await tx.create<EmploymentReportDoc>('employmentReports', id, report);
    await tx.update('persons', person._id, {
      set: { currentEmployer: input.status === 'employed' ? report.employer : null, employmentStatus: input.status },
    });
    const yearId = `${person._id}:${today.year}`;
    const counted = (await tx.get<EmploymentYearDoc>('employmentYears', yearId)) ?? { _id: yearId, employed: false, transfer: false };
    const working = !seeking;
    await tx.set<EmploymentYearDoc>('employmentYears', yearId, { employed: counted.employed || working, transfer: counted.transfer || transfer });
    // D26: working after a certificate counts the certified cohorts not yet counted, in their own month.
    const credentials = working ? await tx.get<CredentialsDoc>('personCredentials', person._id) : null;
    const waiting = (credentials?.cohorts ?? []).filter((c) => !c.employed && c.at <= report.reportedAt);
    if (credentials && waiting.length > 0) {
      for (const c of waiting) {
        await bumpCounters(tx, placeOf(c), new Date(c.at), [{ metric: 'certifiedEmployed', band: c.band === '-' ? null : c.band, by: 1 }]);
      }
      const { _id, ...rest } = credentials;
      await tx.set<CredentialsDoc>('personCredentials', person._id, {
        ...rest,
        cohorts: (credentials.cohorts ?? []).map((c) => (waiting.includes(c) ? { ...c, employed: true } : c)),
      });
    }
    await recordChange(tx, {
      place: placeOf(person),
      at: now,
      type: 'employment.reported',
      subjects: { reportId: id, personId: person._id },
      actor: { openid, role: 'laborer' },
      data: { status: input.status, place, transfer, monthlyIncomeFen: report.monthlyIncomeFen },
      counters: [
        { metric: 'employmentReports', band, by: 1 },
        // D25: people employed and people transferred, each counted once a year.
        ...(working && !counted.employed ? [{ metric: 'employedPeople', band, by: 1 }] : []),
        ...(transfer && !counted.transfer ? [{ metric: 'transferPeople', band, by: 1 }] : []),
      ],
    });
    return { _id: id, ...report };
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
