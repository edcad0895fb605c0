/**
 * R9.2 reconcile, employment (D25, D26): every report; people employed and transferred, once a
 * year each; and each person's first certificate of a year, employed once a working report
 * came after it.
 */
import { METRICS } from '../../core/books';
import { chinaDateOf } from '../../core/china-date';
import type { Store } from '../../store/port';
import { scan } from '../../store/scan';
import type { Recount } from '../books/reconcile';
import { certificatesByPerson, counterAdder } from '../certificate';
import type { EmploymentReportDoc } from './documents';

const OWNED: readonly string[] = [
  METRICS.employmentReports,
  METRICS.employedPeople,
  METRICS.transferPeople,
  METRICS.certifiedPeople,
  METRICS.certifiedEmployed,
];

export async function recountEmployment(store: Store): Promise<Recount> {
  const counters = new Map<string, number>();
  const add = counterAdder(counters);
  // Employment: every report; people employed and transferred, once a year each (D25).
  const reports: EmploymentReportDoc[] = [];
  for await (const r of scan<EmploymentReportDoc>(store, METRICS.employmentReports)) reports.push(r);
  const counted = new Set<string>();
  for (const r of reports.sort((a, b) => a.reportedAt.localeCompare(b.reportedAt))) {
    add(r.countyCode, r.reportedAt, METRICS.employmentReports, r.band);
    const year = chinaDateOf(new Date(r.reportedAt)).year;
    if (r.status !== 'seeking' && !counted.has(`e:${r.personId}:${year}`)) {
      counted.add(`e:${r.personId}:${year}`);
      add(r.countyCode, r.reportedAt, METRICS.employedPeople, r.band);
    }
    if (r.transfer && !counted.has(`t:${r.personId}:${year}`)) {
      counted.add(`t:${r.personId}:${year}`);
      add(r.countyCode, r.reportedAt, METRICS.transferPeople, r.band);
    }
  }
  // D26: each person's first certificate of a year, and whether a working report came after it.
  const workingSince = new Map<string, string[]>();
  for (const r of reports) if (r.status !== 'seeking') workingSince.set(r.personId, [...(workingSince.get(r.personId) ?? []), r.reportedAt]);
  for (const [personId, certificates] of await certificatesByPerson(store)) {
    const years = new Set<number>();
    for (const c of certificates) {
      const year = chinaDateOf(new Date(c.issuedAt)).year;
      if (years.has(year)) continue;
      years.add(year);
      add(c.countyCode, c.issuedAt, METRICS.certifiedPeople, c.band);
      if ((workingSince.get(personId) ?? []).some((at) => at >= c.issuedAt)) add(c.countyCode, c.issuedAt, METRICS.certifiedEmployed, c.band);
    }
  }
  return { owns: (metric) => OWNED.includes(metric), counters, differences: [], checked: { employmentReports: reports.length } };
}
