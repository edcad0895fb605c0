/**
 * Employment reports (R8): transfers out of the county (some by certified people, some reporting
 * again: counted once, D25), local work and people seeking work. The enterprise holders' reports
 * (D13) were planned with their vouchers.
 */
import { type Draft, claimBetween, sample } from './draft';
import { DAY, HOUR, MINUTE, type PResult, Y0, Y1 } from './model';
import type { WorkPlace } from '../../../cloudfunctions/core/employment';

export function planReports(d: Draft): void {
  const reported = new Uint8Array(d.n);
  for (const r of d.reports) reported[r.person] = 1;
  const certified = d.results.filter((r) => r.passed);
  const certifiedShuffled = d.rng.shuffle(certified.map((r) => r));
  const next = { i: 0 };
  planTransfers(d, reported, certifiedShuffled, next);
  planLocal(d, reported, certifiedShuffled, next);
  d.reports.sort((a, b) => a.at - b.at);
}

const TRANSFER_PLACES: WorkPlace[] = ['province', 'province', 'country', 'country', 'country', 'abroad'];

/** Exactly `transfers` people transferred in 2021, 35 % of them certified first. */
function planTransfers(d: Draft, reported: Uint8Array, certified: PResult[], next: { i: number }): void {
  const { rng } = d;
  const transferPeople: number[] = [];
  const fromCertified = Math.round(d.t.transfers * 0.35);
  while (transferPeople.length < d.t.transfers) {
    let person: number;
    let at: number;
    if (transferPeople.length < fromCertified && next.i < certified.length) {
      const r = certified[next.i++];
      at = r.at + rng.int(1, 60) * DAY + rng.int(0, 600) * MINUTE;
      if (at >= Y1 - HOUR || reported[r.person] & 2) continue;
      person = r.person;
    } else {
      at = claimBetween(d, Y0 + HOUR, Y1 - 2 * HOUR);
      person = sample(d, d.byCounty[rng.weighted(d.weights)], (p) => !(reported[p] & 3) && d.personRegAt[p] < at - HOUR);
      if (person < 0) continue;
    }
    reported[person] |= 2;
    transferPeople.push(person);
    d.reports.push({ person, at, status: rng.pick(['employed', 'employed', 'employed', 'flexible', 'self_employed'] as const), place: rng.pick(TRANSFER_PLACES), kind: 'transfer' });
    // D25: some report again in the year (a new job): counted once.
    if (rng.float() < 0.08) {
      const again = at + rng.int(10, 120) * DAY;
      if (again < Y1 - HOUR) d.reports.push({ person, at: again, status: 'employed', place: rng.pick(TRANSFER_PLACES), kind: 'transfer' });
    }
  }
}

/** Local work (half as many as transfers; a third of them certified) and people seeking work. */
function planLocal(d: Draft, reported: Uint8Array, certified: PResult[], next: { i: number }): void {
  const { rng } = d;
  const localCount = Math.round(d.t.transfers * 0.5);
  const seekingCount = Math.round(d.t.transfers * 0.15);
  for (let i = 0; i < localCount + seekingCount; i++) {
    const seeking = i >= localCount;
    let person: number;
    let at: number;
    if (!seeking && i % 3 === 0 && next.i < certified.length) {
      const r = certified[next.i++];
      at = r.at + rng.int(1, 60) * DAY;
      if (at >= Y1 - HOUR || reported[r.person] & 4) continue;
      person = r.person;
    } else {
      at = claimBetween(d, Y0 + HOUR, Y1 - 2 * HOUR);
      person = sample(d, d.byCounty[rng.weighted(d.weights)], (p) => !(reported[p] & 7) && d.personRegAt[p] < at - HOUR);
      if (person < 0) continue;
    }
    reported[person] |= 4;
    d.reports.push({
      person,
      at,
      status: seeking ? 'seeking' : rng.pick(['employed', 'employed', 'self_employed', 'flexible'] as const),
      place: seeking ? null : 'county',
      kind: seeking ? 'seeking' : 'local',
    });
  }
}
