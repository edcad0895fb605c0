/**
 * R9.2 reconcile, for results, certificates, subsidies and employment (D24, D25): the counters
 * those changes bumped, rebuilt from the records. `reconcile` compares them with the stored ones.
 */
import { isHighSkilled } from '../../core/certificates';
import { chinaDateOf } from '../../core/china-date';
import type { Store } from '../../store/port';
import { scan } from '../../store/scan';
import type { CertificateDoc, ResultDoc, SubsidyDoc } from './certificates';
import { type CounterDoc, counterId } from '../books/counters';
import type { EmploymentReportDoc } from '../employment/report';

/** Metrics rebuilt here; other counters are left to their owners. */
export const CREDENTIAL_METRICS =
  /^(assessmentsPassed|assessmentsFailed|certificatesIssued|certificatesRevoked|newSkilled|newHighSkilled|subsidiesGranted|subsidiesFen|subsidiesRefused|subsidiesWithdrawn|subsidiesWithdrawnFen|employmentReports|employedPeople|transferPeople|certifiedPeople|certifiedEmployed)$/;

type Band = CounterDoc['band'];

export async function recountCredentials(store: Store): Promise<{ counters: Map<string, number>; records: number }> {
  const counters = new Map<string, number>();
  const add = (countyCode: string, at: string, metric: string, band: Band, by = 1) => {
    const { year, month } = chinaDateOf(new Date(at));
    const id = counterId(countyCode, year, month, metric, band);
    counters.set(id, (counters.get(id) ?? 0) + by);
  };
  let records = 0;

  for await (const r of scan<ResultDoc>(store, 'results')) {
    records++;
    add(r.countyCode, r.recordedAt, r.passed ? 'assessmentsPassed' : 'assessmentsFailed', r.band);
  }

  // Certificates: issued and revoked; a person's first 技能/专项 and first high-skilled
  // certificate, among those they held (not revoked) at the time (D24).
  const byPerson = new Map<string, CertificateDoc[]>();
  for await (const c of scan<CertificateDoc>(store, 'certificates')) {
    records++;
    add(c.countyCode, c.issuedAt, 'certificatesIssued', c.band);
    if (c.status === 'revoked' && c.revokedAt) add(c.countyCode, c.revokedAt, 'certificatesRevoked', c.band);
    byPerson.set(c.personId, [...(byPerson.get(c.personId) ?? []), c]);
  }
  for (const certificates of byPerson.values()) {
    const sorted = [...certificates].sort((a, b) => a.issuedAt.localeCompare(b.issuedAt) || a._id.localeCompare(b._id));
    for (const [i, c] of sorted.entries()) {
      const heldThen = sorted.slice(0, i).filter((h) => !h.revokedAt || h.revokedAt > c.issuedAt);
      if (c.kind !== 'training' && !heldThen.some((h) => h.kind !== 'training')) add(c.countyCode, c.issuedAt, 'newSkilled', c.band);
      if (isHighSkilled(c.kind, c.level) && !heldThen.some((h) => isHighSkilled(h.kind, h.level))) {
        add(c.countyCode, c.issuedAt, 'newHighSkilled', c.band);
      }
    }
  }

  const revokedAt = new Map<string, string>();
  for (const list of byPerson.values()) for (const c of list) if (c.revokedAt) revokedAt.set(c._id, c.revokedAt);
  for await (const s of scan<SubsidyDoc>(store, 'subsidies')) {
    records++;
    if (s.status === 'refused') {
      add(s.countyCode, s.createdAt, 'subsidiesRefused', s.band);
      continue;
    }
    add(s.countyCode, s.createdAt, 'subsidiesGranted', s.band);
    add(s.countyCode, s.createdAt, 'subsidiesFen', s.band, s.amountFen);
    const withdrawnAt = revokedAt.get(s.certificateNumber);
    if (s.status === 'withdrawn' && withdrawnAt) {
      add(s.countyCode, withdrawnAt, 'subsidiesWithdrawn', s.band);
      add(s.countyCode, withdrawnAt, 'subsidiesWithdrawnFen', s.band, s.amountFen);
    }
  }

  // Employment: every report; people employed and transferred, once a year each (D25).
  const reports: EmploymentReportDoc[] = [];
  for await (const r of scan<EmploymentReportDoc>(store, 'employmentReports')) reports.push(r);
  records += reports.length;
  const counted = new Set<string>();
  for (const r of reports.sort((a, b) => a.reportedAt.localeCompare(b.reportedAt))) {
    add(r.countyCode, r.reportedAt, 'employmentReports', r.band);
    const year = chinaDateOf(new Date(r.reportedAt)).year;
    if (r.status !== 'seeking' && !counted.has(`e:${r.personId}:${year}`)) {
      counted.add(`e:${r.personId}:${year}`);
      add(r.countyCode, r.reportedAt, 'employedPeople', r.band);
    }
    if (r.transfer && !counted.has(`t:${r.personId}:${year}`)) {
      counted.add(`t:${r.personId}:${year}`);
      add(r.countyCode, r.reportedAt, 'transferPeople', r.band);
    }
  }
  // D26: each person's first certificate of a year, and whether a working report came after it.
  const workingSince = new Map<string, string[]>();
  for (const r of reports) if (r.status !== 'seeking') workingSince.set(r.personId, [...(workingSince.get(r.personId) ?? []), r.reportedAt]);
  for (const [personId, certificates] of byPerson) {
    const years = new Set<number>();
    for (const c of [...certificates].sort((a, b) => a.issuedAt.localeCompare(b.issuedAt) || a._id.localeCompare(b._id))) {
      const year = chinaDateOf(new Date(c.issuedAt)).year;
      if (years.has(year)) continue;
      years.add(year);
      add(c.countyCode, c.issuedAt, 'certifiedPeople', c.band);
      if ((workingSince.get(personId) ?? []).some((at) => at >= c.issuedAt)) add(c.countyCode, c.issuedAt, 'certifiedEmployed', c.band);
    }
  }
  return { counters, records };
}
