/**
 * The planner's working state: the seeded generator, the regions, the people (registered over
 * 2020–2021 with valid GB 11643 birth dates and sequences), who is already taken, and the
 * records planned so far. Each planning step reads and extends one Draft, in a fixed order, so
 * the plan stays a pure function of its seed.
 */
import { type Band, ageAt, bandOfAge } from '../../../cloudfunctions/core/age';
import { expiryOf } from '../../../cloudfunctions/core/vouchers';
import { Rng } from '../rng';
import {
  CHINA_OFFSET_MS,
  CITY,
  COUNTY_WEIGHTS,
  type CountyInfo,
  DAY,
  HOUR,
  MINUTE,
  type PVoucher,
  type PlanPeople,
  R0,
  REGION_ROWS,
  TYPE,
  type Targets,
  type TownshipInfo,
  type TypeCode,
  Y1,
  YEAR,
  birthCal,
  targetsOf,
} from './model';

/** The plan as it is drawn: its people and records, and what drawing them needs. */
export interface Draft extends PlanPeople {
  rng: Rng;
  t: Targets;
  /** County population weights, by county index. */
  weights: number[];
  byCounty: number[][];
  byTownship: number[][];
  /** 1 once a person is used by a voucher, an enrollment or a direct assessment. */
  taken: Uint8Array;
}

/** Lüliang's counties and their townships (regions.json). */
function regionsOf(): { counties: CountyInfo[]; townships: TownshipInfo[] } {
  const counties: CountyInfo[] = REGION_ROWS.filter((r) => r.level === 'county' && r.parent === CITY).map((r) => ({
    code: r.code,
    name: r.name,
    weight: COUNTY_WEIGHTS[r.code] ?? 10,
    townships: [],
  }));
  const townships: TownshipInfo[] = [];
  for (const r of REGION_ROWS) {
    if (r.level !== 'township') continue;
    const ci = counties.findIndex((c) => c.code === r.parent);
    if (ci < 0) continue;
    counties[ci].townships.push(townships.length);
    townships.push({ code: r.code, name: r.name, county: ci });
  }
  for (const c of counties) if (c.townships.length === 0) throw new Error(`county ${c.code} ${c.name} has no township in regions.json`);
  return { counties, townships };
}

const AGE_GROUPS: [number, number, number][] = [
  [16, 17, 2],
  [18, 29, 15],
  [30, 45, 33],
  [46, 60, 37],
  [61, 75, 13],
];

/** The regions and the registered people; nothing else planned yet. */
export function newDraft(scale: number, seed: number): Draft {
  const rng = new Rng(seed);
  const t = targetsOf(scale);
  const { counties, townships } = regionsOf();
  const n = t.persons;
  const d: Draft = {
    rng, t, counties, townships, weights: counties.map((c) => c.weight), n,
    personCounty: new Uint8Array(n),
    personTownship: new Uint16Array(n),
    personBirth: new Int32Array(n),
    personSeq: new Uint16Array(n),
    personRegAt: new Float64Array(n),
    byCounty: counties.map(() => []),
    byTownship: townships.map(() => []),
    taken: new Uint8Array(n),
    vouchers: [], reports: [], classes: [], enrollments: [], results: [],
  };
  planPeople(d);
  return d;
}

function planPeople(d: Draft): void {
  const { rng, counties } = d;
  const seqs = new Map<number, number>();
  const groupWeights = AGE_GROUPS.map((g) => g[2]);
  for (let i = 0; i < d.n; i++) {
    const ci = rng.weighted(d.weights);
    const ti = rng.pick(counties[ci].townships);
    d.personCounty[i] = ci;
    d.personTownship[i] = ti;
    d.byCounty[ci].push(i);
    d.byTownship[ti].push(i);
    const [lo, hi] = AGE_GROUPS[rng.weighted(groupWeights)];
    const age = rng.int(lo, hi);
    // Born between 2 July (2021 − age − 1) and 1 July (2021 − age): `age` on 1 July 2021.
    let birthMs = Date.UTC(YEAR - age - 1, 6, 2) + rng.int(0, 364) * DAY;
    let b = new Date(birthMs);
    let sixteen = Date.UTC(b.getUTCFullYear() + 16, b.getUTCMonth(), b.getUTCDate()) - CHINA_OFFSET_MS + DAY;
    if (sixteen > Y1 - 20 * DAY) {
      birthMs -= 365 * DAY;
      b = new Date(birthMs);
      sixteen = Date.UTC(b.getUTCFullYear() + 16, b.getUTCMonth(), b.getUTCDate()) - CHINA_OFFSET_MS + DAY;
    }
    const birth = b.getUTCFullYear() * 10000 + (b.getUTCMonth() + 1) * 100 + b.getUTCDate();
    d.personBirth[i] = birth;
    const female = rng.float() < 0.49;
    const key = ci * 100_000_000 + birth * 2 + (female ? 1 : 0);
    const k = seqs.get(key) ?? 0;
    seqs.set(key, k + 1);
    // GB 11643: odd sequence = male, even = female (k < 499 by far at this population).
    d.personSeq[i] = female ? 2 * k + 2 : 2 * k + 1;
    const from = Math.max(R0, sixteen);
    d.personRegAt[i] = Math.floor(from + rng.float() * (Y1 - 4 * HOUR - from));
  }
}

export const ageOf = (d: Draft, p: number, at: number) => ageAt(birthCal(d.personBirth[p]), new Date(at));
export const bandOfAt = (d: Draft, p: number, at: number): Band | null => bandOfAge(ageOf(d, p, at));

/** A random free person of a county (or township) meeting `ok`, or -1. */
export function sample(d: Draft, pool: number[], ok: (p: number) => boolean): number {
  for (let tries = 0; tries < 400; tries++) {
    const p = pool[Math.floor(d.rng.float() * pool.length)];
    if (!d.taken[p] && ok(p)) return p;
  }
  for (const p of pool) if (!d.taken[p] && ok(p)) return p;
  return -1;
}

/** A claim as claimVoucher would accept it (R3.3, R4.1): unused, with the band at the claim. */
export function claimFor(d: Draft, person: number, type: TypeCode, claimedAt: number): PVoucher {
  const age = ageOf(d, person, claimedAt);
  const band = bandOfAge(age);
  if (!band || !TYPE[type].bands.includes(band)) throw new Error('planner: ineligible claim');
  const v: PVoucher = {
    person,
    type,
    claimedAt,
    expiresAt: expiryOf(new Date(claimedAt), TYPE[type].validityDays).getTime(),
    status: 'unused',
    endedAt: null,
    band,
    age,
    enrollment: -1,
    result: -1,
  };
  d.vouchers.push(v);
  return v;
}

/** D13: an enterprise voucher needs a current employer, from a report before the claim. */
export const enterpriseReportAt = (d: Draft, claimedAt: number) => claimedAt - d.rng.int(1, 90) * DAY - d.rng.int(0, 600) * MINUTE;

/** Registered an hour before `at` and in one of the type's bands then. */
export const eligibleAt = (d: Draft, type: TypeCode, at: number) => (p: number) => {
  if (d.personRegAt[p] >= at - HOUR) return false;
  const band = bandOfAt(d, p, at);
  return band !== null && TYPE[type].bands.includes(band);
};

/** An enterprise claimant must have been registered before the report that names the employer. */
export const enterpriseEligibleAt = (d: Draft, claimedAt: number) => {
  const ok = eligibleAt(d, 'enterprise', claimedAt);
  return (p: number) => ok(p) && d.personRegAt[p] < claimedAt - 91 * DAY - HOUR;
};

export const claimBetween = (d: Draft, from: number, to: number) => from + Math.floor(d.rng.float() * Math.max(1, to - from));
