/**
 * Classes and their trainees, by category (skills classes taking 职业技能 and 企业职工 vouchers,
 * agri, village and self-funded classes): each class gets its sessions in 2021, a capacity, and
 * trainees placed one by one — funding by what is left, a voucher claimed before enrolling (R4,
 * R5.2), attendance that completes or not at the planned rate (R6.5).
 */
import type { Band } from '../../../cloudfunctions/core/age';
import type { SessionTimes } from '../../../cloudfunctions/core/attendance';
import { type ClassMode, DEFAULT_MIN_ATTENDANCE, requiredSessions } from '../../../cloudfunctions/core/classes';
import { type Draft, bandOfAt, claimFor, eligibleAt, enterpriseEligibleAt, enterpriseReportAt, sample } from './draft';
import {
  CLAIMS_OPEN,
  DAY,
  HOUR,
  type InstitutionKind,
  MINUTE,
  type PClass,
  type PEnrollment,
  type TypeCode,
  YEAR,
  chinaMs,
  dateText,
  occ,
  popcount,
} from './model';
import { NOT_COMPLETED, type Outcomes } from './outcomes';

export interface Category {
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

const SKILLS_OCC = occ('skills');
const SPECIAL_OCC = occ('special');

/** A skills-class (or direct assessment) occupation: 专项 without a level, else 五级 or 四级. */
export function skillOccupation(d: Draft): { code: string; level: number } {
  if (d.rng.float() < 0.2) return { code: d.rng.pick(SPECIAL_OCC).code, level: 0 };
  return { code: d.rng.pick(SKILLS_OCC).code, level: d.rng.float() < 0.7 ? 5 : 4 };
}

export function categoriesOf(d: Draft, o: Outcomes): Category[] {
  const { rng } = d;
  const v = o.vouchers;
  const agriOcc = occ('agri');
  const villageOcc = occ('village');
  return [
    {
      key: 'skillsVoucher', institution: 'skills', accepted: ['skills', 'enterprise'], selfFunded: false,
      mode: () => (rng.float() < 0.6 ? 'fulltime' : 'parttime'),
      left: new Map([['skills', v.skills.redeemed], ['enterprise', v.enterprise.redeemed]]),
      occupation: () => skillOccupation(d), village: false, completers: [], index: 0,
    },
    {
      key: 'agriVoucher', institution: 'agri', accepted: ['agri'], selfFunded: false, mode: () => 'parttime',
      left: new Map([['agri', v.agri.redeemed]]),
      occupation: () => ({ code: rng.pick(agriOcc).code, level: 0 }), village: false, completers: [], index: 0,
    },
    {
      key: 'villageVoucher', institution: 'agri', accepted: ['village'], selfFunded: false, mode: () => 'village',
      left: new Map([['village', v.village.redeemed]]),
      occupation: () => ({ code: rng.pick(villageOcc).code, level: 0 }), village: true, completers: [], index: 0,
    },
    {
      key: 'selfAgri', institution: 'agri', accepted: [], selfFunded: true, mode: () => 'parttime',
      left: new Map([['self', o.selfAgri]]),
      occupation: () => ({ code: rng.pick(agriOcc).code, level: 0 }), village: false, completers: [], index: 0,
    },
    {
      key: 'selfSkills', institution: 'skills', accepted: [], selfFunded: true,
      mode: () => (rng.float() < 0.5 ? 'fulltime' : 'parttime'),
      left: new Map([['self', o.selfSkills]]),
      occupation: () => skillOccupation(d), village: false, completers: [], index: 0,
    },
  ];
}

const SESSION_HOURS: Record<ClassMode, [string, string]> = {
  fulltime: ['09:00', '17:00'],
  parttime: ['19:00', '21:00'],
  village: ['09:00', '11:30'],
};
const FIRST_DAY = chinaMs(YEAR, 2, 1);
const LAST_SESSION_DAY = chinaMs(YEAR, 12, 8);

const leftOf = (cat: Category) => [...cat.left.values()].reduce((s, x) => s + x, 0);

/** Places every category's trainees in classes (the plan's classes and enrollments). */
export function placeClasses(d: Draft, categories: Category[]): void {
  const townshipWeights = d.townships.map((_, i) => d.byTownship[i].length);
  const classSeq = new Map<number, number>();
  for (const cat of categories) {
    let stalls = 0;
    while (leftOf(cat) > 0) {
      const { cls, want } = newClassOf(d, cat, townshipWeights, classSeq);
      const pool = cls.township !== null ? d.byTownship[cls.township] : d.byCounty[cls.county];
      const required = requiredSessions(cls.sessions.length, DEFAULT_MIN_ATTENDANCE);
      for (let k = 0; k < want; k++) {
        if (!placeTrainee(d, cat, cls, pool, required)) break;
      }
      if (cls.enrollments.length > 0) {
        d.classes.push(cls);
        stalls = 0;
      } else if (++stalls > 1000) throw new Error(`planner: cannot place trainees of ${cat.key}`);
    }
  }
}

/** A class of the category: where, when (sessions by 8 December), how big; and how many to place. */
function newClassOf(d: Draft, cat: Category, townshipWeights: number[], classSeq: Map<number, number>): { cls: PClass; want: number } {
  const { rng } = d;
  let ci: number;
  let township: number | null = null;
  if (cat.village) {
    township = rng.weighted(townshipWeights);
    ci = d.townships[township].county;
  } else ci = rng.weighted(d.weights);
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
  const want = Math.min(leftOf(cat), rng.int(Math.max(1, capacity - 18), capacity));
  const { code: occupation, level } = cat.occupation();
  const seq = (classSeq.get(ci) ?? 0) + 1;
  classSeq.set(ci, seq);
  const cls: PClass = {
    id: `gen-c${YEAR}-${d.counties[ci].code}-${String(seq).padStart(5, '0')}`,
    county: ci, institution: cat.institution, occupation, level, acceptedTypes: cat.accepted, selfFunded: cat.selfFunded,
    township, mode, capacity, sessions, firstAt, lastEndAt, closedAt, enrollments: [],
  };
  return { cls, want };
}

/**
 * One trainee of the class: funding by what is left, a person free for it (with a voucher
 * claimed before enrolling, R5.2), attendance by the category's completion rate. False when the
 * category has nothing left to place; true otherwise (placed, or nobody found this time).
 */
function placeTrainee(d: Draft, cat: Category, cls: PClass, pool: number[], required: number): boolean {
  const { rng } = d;
  // Which funding, proportional to what is left.
  const kinds = [...cat.left.entries()].filter(([, x]) => x > 0);
  if (kinds.length === 0) return false;
  const kind = kinds[rng.weighted(kinds.map(([, x]) => x))][0];
  const enrolledAt = cls.firstAt - rng.int(2 * 60, 14 * 24 * 60) * MINUTE;
  const funded = fundingOf(d, kind, pool, enrolledAt);
  if (!funded) return true;
  const { person, voucher } = funded;
  d.taken[person] = 1;
  cat.left.set(kind, cat.left.get(kind)! - 1);
  const notCompleted = Math.floor((cat.index + 1) * NOT_COMPLETED) > Math.floor(cat.index * NOT_COMPLETED);
  cat.index++;
  const attended = attendanceOf(d, cls.sessions.length, required, notCompleted);
  const band: Band | '-' = voucher >= 0 ? d.vouchers[voucher].band : (bandOfAt(d, person, enrolledAt) ?? '-');
  const e: PEnrollment = {
    person, cls: d.classes.length, voucher, enrolledAt, band, attended, completed: !notCompleted,
    endedAt: cls.closedAt + (cls.enrollments.length + 1) * 1000,
  };
  if (voucher >= 0) {
    d.vouchers[voucher].enrollment = d.enrollments.length;
    d.vouchers[voucher].endedAt = e.endedAt;
  }
  cls.enrollments.push(d.enrollments.length);
  if (e.completed) cat.completers.push(d.enrollments.length);
  d.enrollments.push(e);
  return true;
}

/** A self-funded trainee, or a claimant of a voucher of `kind` before `enrolledAt`; null if none is found. */
function fundingOf(d: Draft, kind: TypeCode | 'self', pool: number[], enrolledAt: number): { person: number; voucher: number } | null {
  const { rng } = d;
  if (kind === 'self') {
    const person = sample(d, pool, (p) => d.personRegAt[p] < enrolledAt - HOUR);
    return person < 0 ? null : { person, voucher: -1 };
  }
  const claimedAt = Math.max(CLAIMS_OPEN + rng.int(0, 600) * MINUTE, enrolledAt - rng.int(10, 7 * 24 * 60) * MINUTE);
  if (claimedAt >= enrolledAt) return null;
  const person = sample(d, pool, kind === 'enterprise' ? enterpriseEligibleAt(d, claimedAt) : eligibleAt(d, kind, claimedAt));
  if (person < 0) return null;
  const v = claimFor(d, person, kind, claimedAt);
  const voucher = d.vouchers.length - 1;
  if (kind === 'enterprise') {
    const at = enterpriseReportAt(d, claimedAt);
    d.reports.push({ person, at, status: 'employed', place: 'county', kind: 'enterprise' });
  }
  v.status = 'redeemed';
  v.endedAt = -1; // set at completion (placeTrainee)
  return { person, voucher };
}

/** Sessions attended as bits: completers may miss what they can spare; the others fall short. */
function attendanceOf(d: Draft, sessionsCount: number, required: number, notCompleted: boolean): number {
  const { rng } = d;
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
  return attended;
}
