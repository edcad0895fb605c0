/** Builders for classes, enrollments and attendance keys, as the `training` function answers them. */
import type { AttendanceKey, ClassForMe, ClassView, EnrollmentView, SessionTimes } from '../../cloudfunctions/contract';
import { builder } from './api-double';

/** `count` sessions on consecutive China dates from `from` (`YYYY-MM-DD`). */
export function sessions(from: string, count: number, start = '09:00', end = '17:00'): SessionTimes[] {
  const [y, m, d] = from.split('-').map(Number);
  return Array.from({ length: count }, (_, i) => {
    const day = new Date(Date.UTC(y, m - 1, d + i));
    return { date: day.toISOString().slice(0, 10), start, end };
  });
}

export const canEnroll = (voucherType: string | null = 'skills'): ClassForMe => ({
  enrolled: false,
  voucherType,
  canEnroll: true,
  reason: null,
  reasonCode: null,
});

export const refusedBecause = (reason: string, reasonCode: ClassForMe['reasonCode'] = 'NO_USABLE_VOUCHER'): ClassForMe => ({
  enrolled: false,
  voucherType: null,
  canEnroll: false,
  reason,
  reasonCode,
});

export const alreadyEnrolled = (voucherType = 'skills'): ClassForMe => ({
  enrolled: true,
  voucherType,
  canEnroll: false,
  reason: '您已报名这个班',
  reasonCode: 'ALREADY_ENROLLED',
});

/** 吕梁山护工·养老护理员（五级）: full-time, 10 sessions from 1 December 2026 09:00 China time. */
export const aClass = builder<ClassView>(() => ({
  id: 'class-hugong-lishi',
  name: '吕梁山护工·养老护理员（五级）',
  institution: { id: 'inst-lvliang-hugong', name: '吕梁山护工培训学校' },
  occupation: { code: '4-10-01-05', name: '养老护理员' },
  level: 5,
  mode: 'fulltime',
  modeName: '全脱产',
  acceptedTypes: ['skills', 'enterprise'],
  selfFunded: false,
  county: { code: '141102', name: '离石区' },
  township: null,
  capacity: 40,
  seatsLeft: 38,
  sessions: sessions('2026-12-01', 10),
  firstSessionAt: '2026-12-01T01:00:00.000Z',
  lastSessionEndsAt: '2026-12-10T09:00:00.000Z',
  minAttendanceRatio: 0.8,
  forMe: canEnroll('skills'),
}));

/** 送培训下乡·手工编织 in 东村镇: village vouchers only, no level, 3 morning sessions. */
export function aVillageClass(overrides: Partial<ClassView> = {}): ClassView {
  return aClass({
    id: 'class-bianzhi-dongcun',
    name: '送培训下乡·手工编织',
    institution: { id: 'inst-lanxian-nongji', name: '岚县农广校' },
    occupation: { code: 'V-SHOUGONG', name: '手工编织' },
    level: 0,
    mode: 'village',
    modeName: '送培训下乡',
    acceptedTypes: ['village'],
    county: { code: '141127', name: '岚县' },
    township: { code: '141127100', name: '东村镇' },
    capacity: 30,
    seatsLeft: 30,
    sessions: sessions('2026-11-24', 3, '09:00', '11:30'),
    firstSessionAt: '2026-11-24T01:00:00.000Z',
    lastSessionEndsAt: '2026-11-26T03:30:00.000Z',
    forMe: canEnroll('village'),
    ...overrides,
  });
}

export function anEnrollment(overrides: Partial<EnrollmentView> = {}): EnrollmentView {
  const c = overrides.class ?? aClass({ forMe: undefined });
  return {
    id: `${c.id}:p-1`,
    status: 'enrolled',
    statusName: '已报名',
    voucherId: 'v-1',
    voucherType: 'skills',
    enrolledAt: '2026-11-23T02:00:00.000Z',
    class: c,
    attendedSessions: [],
    requiredSessions: Math.ceil(c.sessions.length * c.minAttendanceRatio),
    ...overrides,
  };
}

/** 32 bytes 1…32, base64: a fixed secret, so expected codes can be computed in the test. */
export const SECRET_BYTES = Uint8Array.from({ length: 32 }, (_, i) => i + 1);
export const SECRET_BASE64 = Buffer.from(SECRET_BYTES).toString('base64');

export const anAttendanceKey = builder<AttendanceKey>(() => ({
  personRef: 'Rk9vQmFyQmF6',
  secret: SECRET_BASE64,
  serverNow: '2026-11-23T09:00:00.000Z',
}));
