/**
 * Dev-only personas for the local host (never in a cloud bundle). Laborers' ages hold at the
 * clock's "now", so a shifted DEV_NOW keeps the personas in their bands.
 */
import type { RoleBinding } from '../contract';
import type { CalendarDate } from '../core/china-date';
import { chinaDateOf } from '../core/china-date';
import { composeIdNumber } from '../core/id-number';
import { demoInstitutionId } from './demo-ids';

export interface LaborerProfile {
  name: string;
  age: number;
  gender: 'male' | 'female';
  townshipCode: string;
  phone?: string;
}

export interface Persona {
  key: string;
  openid: string;
  label: string;
  /** Seeded as registered on first start; otherwise the persona registers through the app. */
  registered: boolean;
  laborer?: LaborerProfile;
  roles: RoleBinding[];
}

export const LANXIAN = '141127';
export const LVLIANG = '141100';
export const SHANXI = '140000';

export const PERSONAS: readonly Persona[] = [
  {
    key: 'laborer-30',
    openid: 'dev-openid-laborer-30',
    label: '劳动者 · 30岁 · 岚县（未登记，可演示实名登记）',
    registered: false,
    laborer: { name: '王建军', age: 30, gender: 'male', townshipCode: '141127101', phone: '13800000030' },
    roles: [],
  },
  {
    key: 'laborer-52',
    openid: 'dev-openid-laborer-52',
    label: '劳动者 · 52岁 · 岚县',
    registered: true,
    laborer: { name: '李秀兰', age: 52, gender: 'female', townshipCode: '141127100', phone: '13800000052' },
    roles: [],
  },
  {
    key: 'laborer-66',
    openid: 'dev-openid-laborer-66',
    label: '劳动者 · 66岁 · 岚县',
    registered: true,
    laborer: { name: '张德福', age: 66, gender: 'male', townshipCode: '141127100' },
    roles: [],
  },
  {
    key: 'trainer',
    openid: 'dev-openid-trainer',
    label: '培训机构老师 · 吕梁山护工培训学校',
    registered: false,
    roles: [{ role: 'trainer', institutionId: demoInstitutionId('hugong'), institutionName: '吕梁山护工培训学校' }],
  },
  {
    key: 'trainer-huoze',
    openid: 'dev-openid-trainer-huoze',
    label: '培训机构老师 · 阳城县濩泽厨工培训中心',
    registered: false,
    roles: [{ role: 'trainer', institutionId: demoInstitutionId('huoze'), institutionName: '阳城县濩泽厨工培训中心' }],
  },
  {
    key: 'trainer-lanxian',
    openid: 'dev-openid-trainer-lanxian',
    label: '培训机构老师 · 岚县农广校',
    registered: false,
    roles: [{ role: 'trainer', institutionId: demoInstitutionId('nongji'), institutionName: '岚县农广校' }],
  },
  {
    key: 'official-province',
    openid: 'dev-openid-official-shanxi',
    label: '山西省人社厅工作人员（管理员）',
    registered: false,
    roles: [
      { role: 'admin', regionCode: SHANXI },
      { role: 'official', regionCode: SHANXI },
    ],
  },
  {
    key: 'official-county',
    openid: 'dev-openid-official-lanxian',
    label: '岚县人社局工作人员',
    registered: false,
    roles: [{ role: 'official', regionCode: LANXIAN }],
  },
  {
    key: 'official-city',
    openid: 'dev-openid-official-lvliang',
    label: '吕梁市人社局工作人员',
    registered: false,
    roles: [
      { role: 'official', regionCode: LVLIANG },
      { role: 'admin', regionCode: LVLIANG },
    ],
  },
];

export const personaByKey = (key: string): Persona | undefined => PERSONAS.find((p) => p.key === key);

/**
 * A birth date that makes the persona exactly `age` on `now` (China time), with the
 * birthday 100 days away on either side so the age holds through a demo.
 */
export function birthDateFor(age: number, now: Date): CalendarDate {
  const today = chinaDateOf(now);
  const shifted = new Date(Date.UTC(today.year - age, today.month - 1, today.day) - 100 * 86_400_000);
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
}

/** The persona's demo ID number (valid check digit; region = household county). */
export function demoIdNumber(persona: Persona, now: Date): string | null {
  const l = persona.laborer;
  if (!l) return null;
  const sequenceBase = l.age * 2 + 100;
  const sequence = l.gender === 'male' ? sequenceBase + 1 : sequenceBase;
  return composeIdNumber(l.townshipCode.slice(0, 6), birthDateFor(l.age, now), sequence);
}
