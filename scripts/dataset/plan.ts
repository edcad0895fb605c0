/**
 * The Lüliang 2021 dataset plan: who registers, who claims which voucher, which classes run, who
 * attends, passes, is certified and reports work — decided up front, pure and seeded, with the
 * report's totals exact by construction (data/targets-lvliang-2021.json). The writer
 * (generate.ts) turns the plan into documents exactly as the services write them.
 */
import { type Band, ageAt, bandOfAge } from '../../cloudfunctions/core/age';
import type { SessionTimes } from '../../cloudfunctions/core/attendance';
import { type CalendarDate, CHINA_OFFSET_MINUTES, chinaDateOf, formatDate } from '../../cloudfunctions/core/china-date';

const CHINA_OFFSET_MS = CHINA_OFFSET_MINUTES * 60_000;
import { type ClassMode, DEFAULT_MIN_ATTENDANCE, requiredSessions } from '../../cloudfunctions/core/classes';
import type { WorkPlace } from '../../cloudfunctions/core/employment';
import { expiryOf } from '../../cloudfunctions/core/vouchers';
import occupationsFile from '../../cloudfunctions/data/occupations.json';
import regionsFile from '../../cloudfunctions/data/regions.json';
import voucherTypesFile from '../../cloudfunctions/data/voucher-types.json';
import { Rng } from './rng';

export const CITY = '141100';
export const PROVINCE = '140000';
export const YEAR = 2021;

/** The report's exact numbers at full scale. */
export const FULL = {
  persons: 1_400_000,
  vouchersTotal: 214_000,
  skills: 86_100,
  evaluation: 50_600,
  enterprise: 33_300,
  trainings: 231_679,
  certificates: 119_072,
  newSkilled: 71_657,
  newHighSkilled: 2_829,
  transfers: 42_843,
} as const;

/** Rough population weights (the five biggest: 临县, 孝义市, 离石区, 汾阳市, 兴县). */
const COUNTY_WEIGHTS: Record<string, number> = {
  '141102': 45, '141121': 26, '141122': 21, '141123': 30, '141124': 50, '141125': 27, '141126': 11,
  '141127': 16, '141128': 11, '141129': 14, '141130': 10, '141181': 48, '141182': 40,
};

type RegionRow = { code: string; name: string; level: string; parent?: string };
const REGION_ROWS = (regionsFile as { regions: RegionRow[] }).regions;

export interface CountyInfo {
  code: string;
  name: string;
  weight: number;
  /** Indices into Plan.townships. */
  townships: number[];
}

export interface TownshipInfo {
  code: string;
  name: string;
  county: number;
}

export type TypeCode = 'skills' | 'agri' | 'village' | 'evaluation' | 'enterprise';
export type VoucherStatus = 'unused' | 'redeemed' | 'cancelled' | 'expired';

type TypeRow = { code: TypeCode; name: string; bands: Band[]; validityDays: number; defaultCountyQuota: number };
export const VOUCHER_TYPES = (voucherTypesFile as unknown as { voucherTypes: TypeRow[] }).voucherTypes;
const TYPE: Record<TypeCode, TypeRow> = Object.fromEntries(VOUCHER_TYPES.map((t) => [t.code, t])) as Record<TypeCode, TypeRow>;

type OccupationRow = { code: string; name: string; category: string; subsidy: Record<string, number> };
export const OCCUPATIONS = (occupationsFile as unknown as { occupations: OccupationRow[] }).occupations;
const occ = (category: string) => OCCUPATIONS.filter((o) => o.category === category);

export interface PVoucher {
  person: number;
  type: TypeCode;
  claimedAt: number;
  expiresAt: number;
  /** Final status (reserved never remains: every class is completed). */
  status: VoucherStatus;
  endedAt: number | null;
  band: Band;
  age: number;
  /** The enrollment that redeemed it, or -1. */
  enrollment: number;
  /** The direct assessment (evaluation) that redeemed it, or -1. */
  result: number;
}

export type InstitutionKind = 'skills' | 'agri';

export interface PClass {
  id: string;
  county: number;
  institution: InstitutionKind;
  occupation: string;
  level: number;
  acceptedTypes: TypeCode[];
  selfFunded: boolean;
  township: number | null;
  mode: ClassMode;
  capacity: number;
  sessions: SessionTimes[];
  firstAt: number;
  lastEndAt: number;
  closedAt: number;
  enrollments: number[];
}

export interface PEnrollment {
  person: number;
  cls: number;
  voucher: number;
  enrolledAt: number;
  band: Band | '-';
  /** Bit i set = session i attended. */
  attended: number;
  completed: boolean;
  /** When completion ran for it (class closing). */
  endedAt: number;
}

export interface PResult {
  person: number;
  /** Enrollment id source, or -1 for a direct (evaluation voucher) assessment. */
  enrollment: number;
  voucher: number;
  institution: InstitutionKind;
  county: number;
  occupation: string;
  level: number;
  passed: boolean;
  score: number;
  /** recordedAt (= issuedAt), ms. */
  at: number;
  assessedOn: string;
  band: Band | '-';
}

export type ReportStatus = 'employed' | 'self_employed' | 'flexible' | 'seeking';

export interface PReport {
  person: number;
  at: number;
  status: ReportStatus;
  place: WorkPlace | null;
  kind: 'enterprise' | 'transfer' | 'local' | 'seeking';
}

export interface PlanCounts {
  persons: number;
  claimed: Record<TypeCode, number>;
  vouchersByStatus: Record<TypeCode, Record<VoucherStatus, number>>;
  enrollments: number;
  voucherEnrollments: number;
  selfFundedEnrollments: number;
  completed: number;
  notCompleted: number;
  attendance: number;
  classes: number;
  results: number;
  passed: number;
  failed: number;
  certificates: number;
  newSkilled: number;
  newHighSkilled: number;
  trainingCertificates: number;
  selfFundedCertificates: number;
  reports: number;
  transferPeople: number;
  employedPeople2021: number;
  certifiedEmployed: number;
}

export interface Plan {
  scale: number;
  seed: number;
  counties: CountyInfo[];
  townships: TownshipInfo[];
  n: number;
  personCounty: Uint8Array;
  personTownship: Uint16Array;
  /** yyyymmdd */
  personBirth: Int32Array;
  personSeq: Uint16Array;
  personRegAt: Float64Array;
  vouchers: PVoucher[];
  classes: PClass[];
  enrollments: PEnrollment[];
  results: PResult[];
  reports: PReport[];
  counts: PlanCounts;
}

/** The scaled exact targets. */
export function targetsOf(scale: number) {
  const sc = (x: number) => Math.round(x * scale);
  const skills = sc(FULL.skills);
  const evaluation = sc(FULL.evaluation);
  const enterprise = sc(FULL.enterprise);
  const rest = sc(FULL.vouchersTotal) - skills - evaluation - enterprise;
  const agri = Math.round(rest * 0.68);
  return {
    persons: sc(FULL.persons),
    claimed: { skills, evaluation, enterprise, agri, village: rest - agri } as Record<TypeCode, number>,
    vouchersTotal: sc(FULL.vouchersTotal),
    trainings: sc(FULL.trainings),
    certificates: sc(FULL.certificates),
    newSkilled: sc(FULL.newSkilled),
    newHighSkilled: sc(FULL.newHighSkilled),
    transfers: sc(FULL.transfers),
  };
}

// ---- time ----
const DAY = 86_400_000;
const HOUR = 3_600_000;
const MINUTE = 60_000;
/** 00:00 China time of a China calendar date. */
export const chinaMs = (y: number, m: number, d: number, hh = 0, mm = 0) => Date.UTC(y, m - 1, d, hh, mm) - CHINA_OFFSET_MS;
const Y0 = chinaMs(YEAR, 1, 1);
const Y1 = chinaMs(YEAR + 1, 1, 1);
const R0 = chinaMs(YEAR - 1, 1, 1);
/** Quotas are set for the year at 00:00 on 1 January; claims open from 08:00. */
export const QUOTA_SET_AT = Y0 + 5 * MINUTE;
const CLAIMS_OPEN = Y0 + 8 * HOUR;

const birthCal = (b: number): CalendarDate => ({ year: Math.floor(b / 10000), month: Math.floor(b / 100) % 100, day: b % 100 });
const pad2 = (n: number) => String(n).padStart(2, '0');
const dateText = (ms: number) => formatDate(chinaDateOf(new Date(ms)));
/** China date `offset` days after the date of `ms`, as `YYYY-MM-DD`. */
const chinaDayStart = (ms: number) => {
  const d = chinaDateOf(new Date(ms));
  return chinaMs(d.year, d.month, d.day);
};

export function makePlan(options: { scale: number; seed: number }): Plan {
  const { scale, seed } = options;
  const rng = new Rng(seed);
  const t = targetsOf(scale);

  // ---- regions ----
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
  const weights = counties.map((c) => c.weight);

  // ---- persons ----
  const n = t.persons;
  const personCounty = new Uint8Array(n);
  const personTownship = new Uint16Array(n);
  const personBirth = new Int32Array(n);
  const personSeq = new Uint16Array(n);
  const personRegAt = new Float64Array(n);
  const seqs = new Map<number, number>();
  const AGE_GROUPS: [number, number, number][] = [
    [16, 17, 2],
    [18, 29, 15],
    [30, 45, 33],
    [46, 60, 37],
    [61, 75, 13],
  ];
  const groupWeights = AGE_GROUPS.map((g) => g[2]);
  const byCounty: number[][] = counties.map(() => []);
  const byTownship: number[][] = townships.map(() => []);
  for (let i = 0; i < n; i++) {
    const ci = rng.weighted(weights);
    const ti = rng.pick(counties[ci].townships);
    personCounty[i] = ci;
    personTownship[i] = ti;
    byCounty[ci].push(i);
    byTownship[ti].push(i);
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
    personBirth[i] = birth;
    const female = rng.float() < 0.49;
    const key = ci * 100_000_000 + birth * 2 + (female ? 1 : 0);
    const k = seqs.get(key) ?? 0;
    seqs.set(key, k + 1);
    // GB 11643: odd sequence = male, even = female (k < 499 by far at this population).
    personSeq[i] = female ? 2 * k + 2 : 2 * k + 1;
    const from = Math.max(R0, sixteen);
    personRegAt[i] = Math.floor(from + rng.float() * (Y1 - 4 * HOUR - from));
  }

  const ageOf = (p: number, at: number) => ageAt(birthCal(personBirth[p]), new Date(at));
  const bandOfAt = (p: number, at: number) => bandOfAge(ageOf(p, at));
  const taken = new Uint8Array(n);
  /** A random free person of a county (or township) meeting `ok`, or -1. */
  const sample = (pool: number[], ok: (p: number) => boolean): number => {
    for (let tries = 0; tries < 400; tries++) {
      const p = pool[Math.floor(rng.float() * pool.length)];
      if (!taken[p] && ok(p)) return p;
    }
    for (const p of pool) if (!taken[p] && ok(p)) return p;
    return -1;
  };

  const vouchers: PVoucher[] = [];
  const reports: PReport[] = [];
  const newVoucher = (person: number, type: TypeCode, claimedAt: number): PVoucher => {
    const age = ageOf(person, claimedAt);
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
    vouchers.push(v);
    return v;
  };
  /** D13: an enterprise voucher needs a current employer, from a report before the claim. */
  const enterpriseReportAt = (claimedAt: number) => claimedAt - rng.int(1, 90) * DAY - rng.int(0, 600) * MINUTE;
  const eligibleAt = (type: TypeCode, at: number) => (p: number) => {
    if (personRegAt[p] >= at - HOUR) return false;
    const band = bandOfAt(p, at);
    return band !== null && TYPE[type].bands.includes(band);
  };

  // ---- voucher outcomes (exact splits) ----
  const claimed = t.claimed;
  const split = (c: number, expired: number, cancelled: number, unused: number) => {
    const e = Math.round(c * expired);
    const x = Math.round(c * cancelled);
    const u = Math.round(c * unused);
    return { expired: e, cancelled: x, unused: u, redeemed: c - e - x - u };
  };
  const outcomes: Record<TypeCode, { expired: number; cancelled: number; unused: number; redeemed: number }> = {
    skills: split(claimed.skills, 0.035, 0.01, 0.006),
    enterprise: split(claimed.enterprise, 0.035, 0.01, 0.006),
    agri: split(claimed.agri, 0.035, 0.01, 0.006),
    village: split(claimed.village, 0.035, 0.01, 0.006),
    evaluation: split(claimed.evaluation, 0.055, 0.01, 0.006),
  };

  // ---- certificates ----
  const evalAssessed = outcomes.evaluation.redeemed;
  const evalFailed = Math.round(evalAssessed * 0.05);
  const evalPassed = evalAssessed - evalFailed;
  if (evalPassed < t.newHighSkilled || evalPassed > t.newSkilled) throw new Error('planner: evaluation passes out of range');
  const classSkillPasses = t.newSkilled - evalPassed;
  const classSkillFails = Math.round(classSkillPasses * 0.04);
  const trainingCerts = t.certificates - t.newSkilled;
  const trainingFails = Math.round(trainingCerts * 0.01);

  // ---- enrollments per category ----
  const NOT_COMPLETED = 0.07;
  const completersOf = (k: number) => k - Math.floor(k * NOT_COMPLETED);
  const voucherAV = outcomes.agri.redeemed + outcomes.village.redeemed;
  let selfAgri = 0;
  const neededAV = Math.ceil((trainingCerts + trainingFails) * 1.02);
  while (completersOf(voucherAV + selfAgri) < neededAV) selfAgri++;
  const voucherEnrollments = outcomes.skills.redeemed + outcomes.enterprise.redeemed + voucherAV;
  const selfSkills = t.trainings - voucherEnrollments - selfAgri;
  if (selfSkills < 0) throw new Error('planner: too few trainings for the vouchers redeemed');

  const classes: PClass[] = [];
  const enrollments: PEnrollment[] = [];
  const classSeq = new Map<number, number>();
  const skillsOcc = occ('skills');
  const specialOcc = occ('special');
  const agriOcc = occ('agri');
  const villageOcc = occ('village');

  interface Category {
    key: string;
    institution: InstitutionKind;
    accepted: TypeCode[];
    selfFunded: boolean;
    mode: () => ClassMode;
    /** Trainees still to place, per voucher type ('self' for self-funded). */
    left: Map<TypeCode | 'self', number>;
    occupation: () => { code: string; level: number };
    village: boolean;
    completers: number[];
    index: number;
  }
  const skillOccupation = () => {
    if (rng.float() < 0.2) return { code: rng.pick(specialOcc).code, level: 0 };
    return { code: rng.pick(skillsOcc).code, level: rng.float() < 0.7 ? 5 : 4 };
  };
  const categories: Category[] = [
    {
      key: 'skillsVoucher', institution: 'skills', accepted: ['skills', 'enterprise'], selfFunded: false,
      mode: () => (rng.float() < 0.6 ? 'fulltime' : 'parttime'),
      left: new Map([['skills', outcomes.skills.redeemed], ['enterprise', outcomes.enterprise.redeemed]]),
      occupation: skillOccupation, village: false, completers: [], index: 0,
    },
    {
      key: 'agriVoucher', institution: 'agri', accepted: ['agri'], selfFunded: false, mode: () => 'parttime',
      left: new Map([['agri', outcomes.agri.redeemed]]),
      occupation: () => ({ code: rng.pick(agriOcc).code, level: 0 }), village: false, completers: [], index: 0,
    },
    {
      key: 'villageVoucher', institution: 'agri', accepted: ['village'], selfFunded: false, mode: () => 'village',
      left: new Map([['village', outcomes.village.redeemed]]),
      occupation: () => ({ code: rng.pick(villageOcc).code, level: 0 }), village: true, completers: [], index: 0,
    },
    {
      key: 'selfAgri', institution: 'agri', accepted: [], selfFunded: true, mode: () => 'parttime',
      left: new Map([['self', selfAgri]]),
      occupation: () => ({ code: rng.pick(agriOcc).code, level: 0 }), village: false, completers: [], index: 0,
    },
    {
      key: 'selfSkills', institution: 'skills', accepted: [], selfFunded: true,
      mode: () => (rng.float() < 0.5 ? 'fulltime' : 'parttime'),
      left: new Map([['self', selfSkills]]),
      occupation: skillOccupation, village: false, completers: [], index: 0,
    },
  ];

  const SESSION_HOURS: Record<ClassMode, [string, string]> = {
    fulltime: ['09:00', '17:00'],
    parttime: ['19:00', '21:00'],
    village: ['09:00', '11:30'],
  };
  const FIRST_DAY = chinaMs(YEAR, 2, 1);
  const LAST_SESSION_DAY = chinaMs(YEAR, 12, 8);
  const townshipWeights = townships.map((_, i) => byTownship[i].length);

  for (const cat of categories) {
    const total = () => [...cat.left.values()].reduce((s, x) => s + x, 0);
    let stalls = 0;
    while (total() > 0) {
      let ci: number;
      let township: number | null = null;
      if (cat.village) {
        township = rng.weighted(townshipWeights);
        ci = townships[township].county;
      } else ci = rng.weighted(weights);
      const mode = cat.mode();
      const sessionsCount = rng.int(3, 6);
      const step = mode === 'parttime' ? 2 : mode === 'village' ? 7 : 1;
      // The last session by 8 December: closed (+72 h), assessed and certified within 2021.
      const latestStart = LAST_SESSION_DAY - (sessionsCount - 1) * step * DAY;
      const day0 = FIRST_DAY + rng.int(0, Math.round((latestStart - FIRST_DAY) / DAY)) * DAY;
      const [start, end] = SESSION_HOURS[mode];
      const sessions: SessionTimes[] = Array.from({ length: sessionsCount }, (_, i) => ({ date: dateText(day0 + i * step * DAY + 12 * HOUR), start, end }));
      const firstAt = day0 + Number(start.slice(0, 2)) * HOUR + Number(start.slice(3)) * MINUTE;
      const lastDay = day0 + (sessionsCount - 1) * step * DAY;
      const lastEndAt = lastDay + Number(end.slice(0, 2)) * HOUR + Number(end.slice(3)) * MINUTE;
      // D19: nobody closed it by hand; the sweep completed it 72 hours after the last session.
      const closedAt = lastEndAt + 72 * HOUR + rng.int(1, 50) * MINUTE;
      const capacity = rng.int(30, 50);
      const want = Math.min(total(), rng.int(Math.max(1, capacity - 18), capacity));
      const { code: occupation, level } = cat.occupation();
      const seq = (classSeq.get(ci) ?? 0) + 1;
      classSeq.set(ci, seq);
      const cls: PClass = {
        id: `gen-c${YEAR}-${counties[ci].code}-${String(seq).padStart(5, '0')}`,
        county: ci, institution: cat.institution, occupation, level, acceptedTypes: cat.accepted, selfFunded: cat.selfFunded,
        township, mode, capacity, sessions, firstAt, lastEndAt, closedAt, enrollments: [],
      };
      const required = requiredSessions(sessionsCount, DEFAULT_MIN_ATTENDANCE);
      const pool = township !== null ? byTownship[township] : byCounty[ci];
      for (let k = 0; k < want; k++) {
        // Which funding, proportional to what is left.
        const kinds = [...cat.left.entries()].filter(([, x]) => x > 0);
        if (kinds.length === 0) break;
        const kind = kinds[rng.weighted(kinds.map(([, x]) => x))][0];
        const enrolledAt = firstAt - rng.int(2 * 60, 14 * 24 * 60) * MINUTE;
        let person: number;
        let voucher = -1;
        if (kind === 'self') {
          person = sample(pool, (p) => personRegAt[p] < enrolledAt - HOUR);
        } else {
          const claimedAt = Math.max(CLAIMS_OPEN + rng.int(0, 600) * MINUTE, enrolledAt - rng.int(10, 7 * 24 * 60) * MINUTE);
          if (claimedAt >= enrolledAt) continue;
          const ok = eligibleAt(kind, claimedAt);
          person =
            kind === 'enterprise'
              ? sample(pool, (p) => ok(p) && personRegAt[p] < claimedAt - 91 * DAY - HOUR)
              : sample(pool, ok);
          if (person >= 0) {
            const v = newVoucher(person, kind, claimedAt);
            voucher = vouchers.length - 1;
            if (kind === 'enterprise') {
              const at = enterpriseReportAt(claimedAt);
              reports.push({ person, at, status: 'employed', place: 'county', kind: 'enterprise' });
            }
            v.status = 'redeemed';
            v.endedAt = -1; // set at completion below
          }
        }
        if (person < 0) continue;
        taken[person] = 1;
        cat.left.set(kind, cat.left.get(kind)! - 1);
        const notCompleted = Math.floor((cat.index + 1) * NOT_COMPLETED) > Math.floor(cat.index * NOT_COMPLETED);
        cat.index++;
        let attended = 0;
        const full = (1 << sessionsCount) - 1;
        if (!notCompleted) {
          attended = full;
          // Some miss sessions they could spare.
          const spare = sessionsCount - required;
          for (let s = 0; s < spare; s++) if (rng.float() < 0.3) attended &= ~(1 << rng.int(0, sessionsCount - 1));
          if (popcount(attended) < required) attended = full;
        } else {
          const count = rng.int(0, required - 1);
          const order = rng.shuffle(Array.from({ length: sessionsCount }, (_, i) => i));
          for (let s = 0; s < count; s++) attended |= 1 << order[s];
        }
        const band: Band | '-' = voucher >= 0 ? vouchers[voucher].band : (bandOfAt(person, enrolledAt) ?? '-');
        const e: PEnrollment = {
          person, cls: classes.length, voucher, enrolledAt, band, attended, completed: !notCompleted,
          endedAt: closedAt + (cls.enrollments.length + 1) * 1000,
        };
        if (voucher >= 0) {
          vouchers[voucher].enrollment = enrollments.length;
          vouchers[voucher].endedAt = e.endedAt;
        }
        cls.enrollments.push(enrollments.length);
        if (e.completed) cat.completers.push(enrollments.length);
        enrollments.push(e);
      }
      if (cls.enrollments.length > 0) {
        classes.push(cls);
        stalls = 0;
      } else if (++stalls > 1000) throw new Error(`planner: cannot place trainees of ${cat.key}`);
    }
  }

  // ---- vouchers not used in training: expired, cancelled, unused ----
  const claimBetween = (from: number, to: number) => from + Math.floor(rng.float() * Math.max(1, to - from));
  const looseVoucher = (type: TypeCode, status: Exclude<VoucherStatus, 'redeemed'>): PVoucher => {
    const validity = TYPE[type].validityDays * DAY;
    for (let attempt = 0; attempt < 1000; attempt++) {
      let claimedAt: number;
      if (status === 'expired') claimedAt = claimBetween(CLAIMS_OPEN, Y1 - validity - 3 * DAY);
      else if (status === 'unused') claimedAt = claimBetween(Math.max(CLAIMS_OPEN, Y1 - validity + 2 * DAY), Y1 - 6 * HOUR);
      else claimedAt = claimBetween(CLAIMS_OPEN, Y1 - 10 * DAY);
      const ci = rng.weighted(weights);
      const ok = eligibleAt(type, claimedAt);
      const person =
        type === 'enterprise'
          ? sample(byCounty[ci], (p) => ok(p) && personRegAt[p] < claimedAt - 91 * DAY - HOUR)
          : sample(byCounty[ci], ok);
      if (person < 0) continue;
      taken[person] = 1;
      const v = newVoucher(person, type, claimedAt);
      v.status = status;
      // R4.5: the sweep expires it a little after 00:00 China on the day it lapses.
      if (status === 'expired') v.endedAt = v.expiresAt + rng.int(60, 180) * MINUTE;
      if (status === 'cancelled') v.endedAt = Math.min(v.expiresAt, Y1) - rng.int(1, 600) * MINUTE - rng.int(0, 20) * DAY;
      if (v.endedAt !== null && v.endedAt <= claimedAt) v.endedAt = claimedAt + rng.int(5, 120) * MINUTE;
      if (type === 'enterprise') reports.push({ person, at: enterpriseReportAt(claimedAt), status: 'employed', place: 'county', kind: 'enterprise' });
      return v;
    }
    throw new Error(`planner: no one to claim a ${type} voucher`);
  };
  for (const type of ['skills', 'enterprise', 'agri', 'village', 'evaluation'] as TypeCode[]) {
    for (const status of ['expired', 'cancelled', 'unused'] as const) {
      for (let i = 0; i < outcomes[type][status]; i++) looseVoucher(type, status);
    }
  }

  // ---- results: direct assessments with evaluation vouchers ----
  const results: PResult[] = [];
  const highOcc = skillsOcc.filter((o) => o.subsidy['3'] !== undefined);
  const pickHigh = () => {
    const r = rng.float();
    const level = r < 0.85 ? 3 : r < 0.97 ? 2 : 1;
    const choices = highOcc.filter((o) => o.subsidy[String(level)] !== undefined);
    return { code: rng.pick(choices).code, level };
  };
  const assessDay = (after: number, minDays: number, maxDays: number, latest: number) => {
    let day = chinaDayStart(after) + rng.int(minDays, maxDays) * DAY;
    if (day > chinaDayStart(latest)) day = chinaDayStart(latest);
    return day;
  };
  for (let i = 0; i < evalAssessed; i++) {
    const claimedAt = claimBetween(CLAIMS_OPEN, chinaMs(YEAR, 11, 30));
    const ci = rng.weighted(weights);
    const person = sample(byCounty[ci], eligibleAt('evaluation', claimedAt));
    if (person < 0) {
      i--;
      continue;
    }
    taken[person] = 1;
    const v = newVoucher(person, 'evaluation', claimedAt);
    const day = assessDay(claimedAt + DAY, 3, 40, chinaMs(YEAR, 12, 20));
    const at = day + rng.int(9 * 60, 17 * 60) * MINUTE;
    const passed = i >= evalFailed;
    const high = passed && i - evalFailed < t.newHighSkilled;
    const o = high ? pickHigh() : skillOccupation();
    v.status = 'redeemed';
    v.endedAt = at;
    v.result = results.length;
    results.push({
      person, enrollment: -1, voucher: vouchers.length - 1, institution: 'skills', county: ci, occupation: o.code, level: o.level,
      passed, score: passed ? rng.int(60, 100) : rng.int(30, 59), at, assessedOn: dateText(day + 12 * HOUR), band: v.band,
    });
  }

  // ---- results of completed trainees ----
  const classResults = (completers: number[], passes: number, fails: number) => {
    const chosen = rng.shuffle([...completers]).slice(0, passes + fails);
    if (chosen.length < passes + fails) throw new Error('planner: too few completers for the results');
    chosen.forEach((ei, i) => {
      const e = enrollments[ei];
      const c = classes[e.cls];
      const day = assessDay(e.endedAt, 1, 10, chinaMs(YEAR, 12, 28));
      const at = day + rng.int(9 * 60, 17 * 60) * MINUTE;
      const passed = i < passes;
      results.push({
        person: e.person, enrollment: ei, voucher: e.voucher, institution: c.institution, county: c.county, occupation: c.occupation,
        level: c.level, passed, score: passed ? rng.int(60, 100) : rng.int(30, 59), at, assessedOn: dateText(day + 12 * HOUR), band: e.band,
      });
    });
  };
  const [skillsVoucher, agriVoucher, villageVoucher, selfAgriCat, selfSkillsCat] = categories;
  classResults([...skillsVoucher.completers, ...selfSkillsCat.completers], classSkillPasses, classSkillFails);
  classResults([...agriVoucher.completers, ...villageVoucher.completers, ...selfAgriCat.completers], trainingCerts, trainingFails);

  // ---- employment reports ----
  const reported = new Uint8Array(n);
  for (const r of reports) reported[r.person] = 1;
  const certified = results.filter((r) => r.passed);
  const certifiedShuffled = rng.shuffle(certified.map((r) => r));
  let ci2 = 0;
  const transferPlaces: WorkPlace[] = ['province', 'province', 'country', 'country', 'country', 'abroad'];
  const transferPeople: number[] = [];
  const fromCertified = Math.round(t.transfers * 0.35);
  while (transferPeople.length < t.transfers) {
    let person: number;
    let at: number;
    if (transferPeople.length < fromCertified && ci2 < certifiedShuffled.length) {
      const r = certifiedShuffled[ci2++];
      at = r.at + rng.int(1, 60) * DAY + rng.int(0, 600) * MINUTE;
      if (at >= Y1 - HOUR || reported[r.person] & 2) continue;
      person = r.person;
    } else {
      at = claimBetween(Y0 + HOUR, Y1 - 2 * HOUR);
      person = sample(byCounty[rng.weighted(weights)], (p) => !(reported[p] & 3) && personRegAt[p] < at - HOUR);
      if (person < 0) continue;
    }
    reported[person] |= 2;
    transferPeople.push(person);
    reports.push({ person, at, status: rng.pick(['employed', 'employed', 'employed', 'flexible', 'self_employed'] as const), place: rng.pick(transferPlaces), kind: 'transfer' });
    // D25: some report again in the year (a new job): counted once.
    if (rng.float() < 0.08) {
      const again = at + rng.int(10, 120) * DAY;
      if (again < Y1 - HOUR) reports.push({ person, at: again, status: 'employed', place: rng.pick(transferPlaces), kind: 'transfer' });
    }
  }
  const localCount = Math.round(t.transfers * 0.5);
  const seekingCount = Math.round(t.transfers * 0.15);
  for (let i = 0; i < localCount + seekingCount; i++) {
    const seeking = i >= localCount;
    let person: number;
    let at: number;
    if (!seeking && i % 3 === 0 && ci2 < certifiedShuffled.length) {
      const r = certifiedShuffled[ci2++];
      at = r.at + rng.int(1, 60) * DAY;
      if (at >= Y1 - HOUR || reported[r.person] & 4) continue;
      person = r.person;
    } else {
      at = claimBetween(Y0 + HOUR, Y1 - 2 * HOUR);
      person = sample(byCounty[rng.weighted(weights)], (p) => !(reported[p] & 7) && personRegAt[p] < at - HOUR);
      if (person < 0) continue;
    }
    reported[person] |= 4;
    reports.push({
      person,
      at,
      status: seeking ? 'seeking' : rng.pick(['employed', 'employed', 'self_employed', 'flexible'] as const),
      place: seeking ? null : 'county',
      kind: seeking ? 'seeking' : 'local',
    });
  }
  reports.sort((a, b) => a.at - b.at);

  // ---- counts (what the writer must produce) ----
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
  const isTrainingOcc = (code: string) => code.startsWith('A-') || code.startsWith('V-');
  const firstSkilled = new Set<number>();
  let newSkilled = 0;
  let newHighSkilled = 0;
  for (const r of [...passedResults].sort((a, b) => a.at - b.at)) {
    if (isTrainingOcc(r.occupation)) continue;
    if (!firstSkilled.has(r.person)) newSkilled++;
    firstSkilled.add(r.person);
    if (r.level >= 1 && r.level <= 3) newHighSkilled++;
  }
  const transferYear = new Set<number>();
  const employedYear = new Set<number>();
  const certAt = new Map<number, number>();
  for (const r of passedResults) certAt.set(r.person, Math.min(certAt.get(r.person) ?? Infinity, r.at));
  const certifiedEmployed = new Set<number>();
  for (const r of reports) {
    if (r.at >= Y0 && r.at < Y1 && r.status !== 'seeking') employedYear.add(r.person);
    if (r.at >= Y0 && r.at < Y1 && r.kind === 'transfer') transferYear.add(r.person);
    const c = certAt.get(r.person);
    if (r.status !== 'seeking' && c !== undefined && c <= r.at) certifiedEmployed.add(r.person);
  }
  const counts: PlanCounts = {
    persons: n,
    claimed: claimedCount,
    vouchersByStatus,
    enrollments: enrollments.length,
    voucherEnrollments: enrollments.filter((e) => e.voucher >= 0).length,
    selfFundedEnrollments: enrollments.filter((e) => e.voucher < 0).length,
    completed: enrollments.filter((e) => e.completed).length,
    notCompleted: enrollments.filter((e) => !e.completed).length,
    attendance,
    classes: classes.length,
    results: results.length,
    passed: certs,
    failed: results.length - certs,
    certificates: certs,
    newSkilled,
    newHighSkilled,
    trainingCertificates: passedResults.filter((r) => isTrainingOcc(r.occupation)).length,
    selfFundedCertificates: passedResults.filter((r) => r.enrollment >= 0 && enrollments[r.enrollment].voucher < 0).length,
    reports: reports.length,
    transferPeople: transferYear.size,
    employedPeople2021: employedYear.size,
    certifiedEmployed: certifiedEmployed.size,
  };
  return {
    scale, seed, counties, townships, n, personCounty, personTownship, personBirth, personSeq, personRegAt,
    vouchers, classes, enrollments, results, reports, counts,
  };
}

export function popcount(x: number): number {
  let c = 0;
  for (let v = x; v; v &= v - 1) c++;
  return c;
}

export const birthDateText = (b: number) => `${Math.floor(b / 10000)}-${pad2(Math.floor(b / 100) % 100)}-${pad2(b % 100)}`;
export { birthCal };
