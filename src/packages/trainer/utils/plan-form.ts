/**
 * 开班 as typed (R11.3, R5.1): the form from and to the contract, and the phone's own checks with
 * core's rules and messages (the server checks again), so each mistake is said under its field.
 */
import type { ClassMode, ClassPlanChange, ClassPlanInput, ClassEdit, SessionTimes, TrainerClassView } from '../../../../cloudfunctions/contract';
import { addDays, formatDate, parseDate } from '../../../../cloudfunctions/core/china-date';
import { CLASS_NAME_MAX, capacityProblem, sessionsProblem } from '../../../../cloudfunctions/core/class-plans';
import { DEFAULT_MIN_ATTENDANCE } from '../../../../cloudfunctions/core/classes';
import { ERROR_MESSAGES, type ErrorCode } from '../../../../cloudfunctions/core/errors';
import { levelsText } from '../../../../cloudfunctions/core/institutions';

export interface PlanForm {
  name: string;
  occupationCode: string | null;
  level: number | null;
  /** '' = 不属于项目. */
  projectId: string;
  acceptedTypes: string[];
  selfFunded: boolean;
  townshipCode: string | null;
  mode: ClassMode;
  capacity: string;
  sessions: SessionTimes[];
  minAttendanceRatio: number;
}

export type PlanField = 'name' | 'occupation' | 'level' | 'types' | 'township' | 'capacity' | 'sessions';
export type PlanErrors = Partial<Record<PlanField, string>>;

export const FIRST_START = '09:00';
export const FIRST_END = '11:00';

/** The session after `sessions`' last: the next day at the same times (tomorrow 09:00–11:00 when none). */
export function nextSession(sessions: readonly SessionTimes[], today: string): SessionTimes {
  const last = sessions[sessions.length - 1];
  const from = parseDate(last?.date ?? today) ?? parseDate(today);
  const date = from ? formatDate(addDays(from, 1)) : today;
  return { date, start: last?.start ?? FIRST_START, end: last?.end ?? FIRST_END };
}

export const emptyPlan = (today: string): PlanForm => ({
  name: '',
  occupationCode: null,
  level: null,
  projectId: '',
  acceptedTypes: [],
  selfFunded: false,
  townshipCode: null,
  mode: 'parttime',
  capacity: '30',
  sessions: [nextSession([], today)],
  minAttendanceRatio: DEFAULT_MIN_ATTENDANCE,
});

export const planOf = (c: TrainerClassView): PlanForm => ({
  name: c.name,
  occupationCode: c.occupation.code,
  level: c.level,
  projectId: c.project?.id ?? '',
  acceptedTypes: [...c.acceptedTypes],
  selfFunded: c.selfFunded,
  townshipCode: c.township?.code ?? null,
  mode: c.mode,
  capacity: String(c.capacity),
  sessions: c.sessions.map((s) => ({ ...s })),
  minAttendanceRatio: c.minAttendanceRatio,
});

/** 中式烹调师（五级）圪洞镇班: offered while the name is still empty. */
export function suggestedName(occupationName: string, level: number | null, townshipName: string): string {
  const lv = level && level > 0 ? `（${levelsText([level])}）` : '';
  return `${occupationName}${lv}${townshipName}班`;
}

export const capacityOf = (text: string): number => (/^\d{1,4}$/.test(text.trim()) ? Number(text.trim()) : Number.NaN);

/** The phone's checks, field by field; `edit` says which fields may change (R11.3). */
export function planErrors(f: PlanForm, now: Date, enrolled: number, edit: ClassEdit = 'all'): PlanErrors {
  const e: PlanErrors = {};
  const say = (field: PlanField, code: ErrorCode | null) => {
    if (code) e[field] = ERROR_MESSAGES[code];
  };
  say('capacity', capacityProblem(capacityOf(f.capacity), enrolled));
  say('sessions', sessionsProblem(f.sessions, now));
  if (edit !== 'all') return e;
  const name = f.name.trim().length;
  if (name < 2 || name > CLASS_NAME_MAX) say('name', 'CLASS_NAME_INVALID');
  if (!f.occupationCode) e.occupation = '请选择职业（工种）';
  else if (f.level === null) e.level = '请选择等级';
  if (f.acceptedTypes.length === 0 && !f.selfFunded) say('types', 'VOUCHER_TYPES_REQUIRED');
  if (!f.townshipCode) say('township', 'TOWNSHIP_NOT_IN_COUNTY');
  return e;
}

/** A new class (only once `planErrors` is empty). */
export const inputOf = (f: PlanForm, institutionId: string): ClassPlanInput => ({
  institutionId,
  name: f.name.trim(),
  occupationCode: f.occupationCode as string,
  level: f.level as number,
  projectId: f.projectId || null,
  acceptedTypes: f.acceptedTypes,
  selfFunded: f.selfFunded,
  townshipCode: f.townshipCode as string,
  mode: f.mode,
  capacity: capacityOf(f.capacity),
  sessions: f.sessions,
  minAttendanceRatio: f.minAttendanceRatio,
});

/** A change of a class: everything before approval, sessions and capacity after (R11.3). */
export function changeOf(c: TrainerClassView, f: PlanForm): ClassPlanChange {
  const { institutionId: _same, ...all } = inputOf(f, c.institution.id);
  if (c.editable === 'sessionsAndCapacity') return { classId: c.id, capacity: all.capacity, sessions: all.sessions };
  return { classId: c.id, ...all };
}

/** Which field a server refusal is about, so its message appears under it. */
export function fieldOfCode(code: ErrorCode): PlanField | null {
  if (code.startsWith('SESSION') || code === 'FULLTIME_DATES_LOCKED') return 'sessions';
  const fields: Partial<Record<ErrorCode, PlanField>> = {
    CLASS_NAME_INVALID: 'name',
    OCCUPATION_UNKNOWN: 'occupation',
    OCCUPATION_NOT_TRAINED: 'level',
    LEVEL_NOT_IN_CATALOGUE: 'level',
    VOUCHER_TYPES_REQUIRED: 'types',
    VOUCHER_TYPE_UNKNOWN: 'types',
    TOWNSHIP_NOT_IN_COUNTY: 'township',
    CAPACITY_INVALID: 'capacity',
    CAPACITY_BELOW_ENROLLED: 'capacity',
  };
  return fields[code] ?? null;
}
