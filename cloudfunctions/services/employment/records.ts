/**
 * How an employment report and its ledger change are built (R8, D25, D26). The use case and the
 * dataset generator both build through these.
 */
import { type Band, bandOrNull } from '../../core/age';
import { METRICS } from '../../core/books';
import { chinaDateOf, formatDate } from '../../core/china-date';
import { type EmploymentStatus, type WorkPlace, isTransfer } from '../../core/employment';
import type { CounterBump } from '../books/counters';
import type { Change } from '../books/changes';
import type { Actor } from '../books/ledger';
import { type Place, placeOf } from '../kernel/place';
import type { CertifiedCohort, CredentialsDoc } from '../certificate';
import type { EmploymentReportDoc, EmploymentYearDoc } from './documents';

export interface ReportFacts {
  id: string;
  person: Place & { _id: string; countyCode: string };
  status: EmploymentStatus;
  employer?: string | null;
  occupation?: string | null;
  place?: WorkPlace | null;
  regionCode?: string | null;
  placeName?: string | null;
  startDate?: string | null;
  monthlyIncomeYuan?: number | null;
  band: Band | null;
  at: Date;
}

/** R8.1, R8.2: a report; one of someone seeking work holds only the status. */
export function newReport(f: ReportFacts): EmploymentReportDoc {
  const seeking = f.status === 'seeking';
  const place = seeking ? null : (f.place ?? null);
  return {
    _id: f.id,
    ...placeOf(f.person),
    personId: f.person._id,
    status: f.status,
    employer: seeking ? null : f.employer?.trim() || null,
    occupation: seeking ? null : f.occupation?.trim() || null,
    place,
    regionCode: seeking ? null : place === 'county' ? (f.regionCode ?? f.person.countyCode) : (f.regionCode ?? null),
    placeName: seeking ? null : f.placeName?.trim() || null,
    startDate: seeking ? null : (f.startDate ?? null),
    monthlyIncomeFen: seeking ? null : (f.monthlyIncomeYuan ?? 0) * 100,
    transfer: !seeking && isTransfer(place ?? undefined),
    reportedAt: f.at.toISOString(),
    reportedOn: formatDate(chinaDateOf(f.at)),
    band: f.band ?? '-',
  };
}

/** D25: people employed and people transferred, each counted once a year. */
export const countedAfter = (r: EmploymentReportDoc, counted: Omit<EmploymentYearDoc, '_id'>): Omit<EmploymentYearDoc, '_id'> => ({
  employed: counted.employed || r.status !== 'seeking',
  transfer: counted.transfer || r.transfer,
});

export function reportedChange(r: EmploymentReportDoc, counted: Omit<EmploymentYearDoc, '_id'>, actor: Actor): Change {
  const band = bandOrNull(r.band);
  const working = r.status !== 'seeking';
  return {
    place: placeOf(r),
    at: new Date(r.reportedAt),
    type: 'employment.reported',
    subjects: { reportId: r._id, personId: r.personId },
    actor,
    data: { status: r.status, place: r.place, transfer: r.transfer, monthlyIncomeFen: r.monthlyIncomeFen },
    counters: [
      { metric: METRICS.employmentReports, band, by: 1 },
      ...(working && !counted.employed ? [{ metric: METRICS.employedPeople, band, by: 1 }] : []),
      ...(r.transfer && !counted.transfer ? [{ metric: METRICS.transferPeople, band, by: 1 }] : []),
    ],
  };
}

/**
 * D26: a working report counts the person's certified cohorts not yet counted, each in its own
 * place and month. Answers the bumps and the credentials after (null when nothing changes).
 */
export function cohortsEmployed(
  credentials: CredentialsDoc | null,
  r: EmploymentReportDoc,
): { bumps: { place: Place; at: Date; bump: CounterBump }[]; after: CredentialsDoc } | null {
  if (!credentials || r.status === 'seeking') return null;
  const waiting = (credentials.cohorts ?? []).filter((c) => !c.employed && c.at <= r.reportedAt);
  if (waiting.length === 0) return null;
  const bumps = waiting.map((c: CertifiedCohort) => ({
    place: placeOf(c),
    at: new Date(c.at),
    bump: { metric: METRICS.certifiedEmployed, band: bandOrNull(c.band), by: 1 } as CounterBump,
  }));
  return { bumps, after: { ...credentials, cohorts: (credentials.cohorts ?? []).map((c) => (waiting.includes(c) ? { ...c, employed: true } : c)) } };
}
