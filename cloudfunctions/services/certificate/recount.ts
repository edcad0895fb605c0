/**
 * R9.2 reconcile, for results, certificates and subsidies (D23, D24): the counters those changes
 * bumped, rebuilt from the records.
 */
import { METRICS, parseProjectMetric, projectMetric } from '../../core/books';
import { isHighSkilled } from '../../core/certificates';
import { chinaDateOf } from '../../core/china-date';
import type { Store } from '../../store/port';
import { scan } from '../../store/scan';
import { type CounterDoc, counterId } from '../books/counters';
import { type Recount, tally } from '../books/reconcile';
import type { CertificateDoc, ResultDoc, SubsidyDoc } from './documents';

const OWNED: readonly string[] = [
  METRICS.assessmentsPassed,
  METRICS.assessmentsFailed,
  METRICS.certificatesIssued,
  METRICS.certificatesRevoked,
  METRICS.newSkilled,
  METRICS.newHighSkilled,
  METRICS.subsidiesGranted,
  METRICS.subsidiesFen,
  METRICS.subsidiesRefused,
  METRICS.subsidiesWithdrawn,
  METRICS.subsidiesWithdrawnFen,
];

type Band = CounterDoc['band'];

/** Counter ids for changes at ISO time `at` in a county. */
export function counterAdder(counters: Map<string, number>) {
  return (countyCode: string, at: string, metric: string, band: Band, by = 1) => {
    const { year, month } = chinaDateOf(new Date(at));
    tally(counters, counterId(countyCode, year, month, metric, band), by);
  };
}

/** Each person's certificates, the oldest first. */
export async function certificatesByPerson(store: Store): Promise<Map<string, CertificateDoc[]>> {
  const byPerson = new Map<string, CertificateDoc[]>();
  for await (const c of scan<CertificateDoc>(store, 'certificates')) byPerson.set(c.personId, [...(byPerson.get(c.personId) ?? []), c]);
  for (const list of byPerson.values()) list.sort((a, b) => a.issuedAt.localeCompare(b.issuedAt) || a._id.localeCompare(b._id));
  return byPerson;
}

export async function recountCredentials(store: Store): Promise<Recount> {
  const counters = new Map<string, number>();
  const add = counterAdder(counters);
  let records = 0;

  for await (const r of scan<ResultDoc>(store, 'results')) {
    records++;
    add(r.countyCode, r.recordedAt, r.passed ? METRICS.assessmentsPassed : METRICS.assessmentsFailed, r.band);
  }

  // Certificates: issued and revoked; a person's first 技能/专项 and first high-skilled
  // certificate, among those they held (not revoked) at the time (D24).
  const byPerson = await certificatesByPerson(store);
  for (const sorted of byPerson.values()) {
    for (const [i, c] of sorted.entries()) {
      records++;
      add(c.countyCode, c.issuedAt, METRICS.certificatesIssued, c.band);
      if (c.projectId) add(c.countyCode, c.issuedAt, projectMetric('certified', c.projectId), c.band);
      if (c.status === 'revoked' && c.revokedAt) add(c.countyCode, c.revokedAt, METRICS.certificatesRevoked, c.band);
      const heldThen = sorted.slice(0, i).filter((h) => !h.revokedAt || h.revokedAt > c.issuedAt);
      if (c.kind !== 'training' && !heldThen.some((h) => h.kind !== 'training')) add(c.countyCode, c.issuedAt, METRICS.newSkilled, c.band);
      if (isHighSkilled(c.kind, c.level) && !heldThen.some((h) => isHighSkilled(h.kind, h.level))) {
        add(c.countyCode, c.issuedAt, METRICS.newHighSkilled, c.band);
      }
    }
  }

  const revokedAt = new Map<string, string>();
  for (const list of byPerson.values()) for (const c of list) if (c.revokedAt) revokedAt.set(c._id, c.revokedAt);
  for await (const s of scan<SubsidyDoc>(store, 'subsidies')) {
    records++;
    if (s.status === 'refused') {
      add(s.countyCode, s.createdAt, METRICS.subsidiesRefused, s.band);
      continue;
    }
    add(s.countyCode, s.createdAt, METRICS.subsidiesGranted, s.band);
    add(s.countyCode, s.createdAt, METRICS.subsidiesFen, s.band, s.amountFen);
    const withdrawnAt = revokedAt.get(s.certificateNumber);
    if (s.status === 'withdrawn' && withdrawnAt) {
      add(s.countyCode, withdrawnAt, METRICS.subsidiesWithdrawn, s.band);
      add(s.countyCode, withdrawnAt, METRICS.subsidiesWithdrawnFen, s.band, s.amountFen);
    }
  }

  return { owns: (metric) => OWNED.includes(metric) || parseProjectMetric(metric)?.event === 'certified', counters, differences: [], checked: { credentialRecords: records } };
}
