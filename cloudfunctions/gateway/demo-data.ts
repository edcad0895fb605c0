/**
 * The demo's supply side as a county would type it: three institutions (two registered evaluation
 * bodies), one training project, four classes with sessions around the clock's "now". The seed
 * feeds these to the same use cases the app calls.
 */
import type { ClassPlanInput, InstitutionInput, ProjectInput, RegistrationInput } from '../contract';
import { addDays, chinaDateOf, formatDate } from '../core/china-date';
import { creditCheckCharOf } from '../core/credit-code';
import type { DemoClass, DemoInstitution } from './demo-ids';

/** A valid unified social credit code from its first 17 characters. */
const creditCode = (first17: string) => first17 + creditCheckCharOf(first17);

export const DEMO_INSTITUTIONS: Record<DemoInstitution, InstitutionInput> = {
  hugong: {
    name: '吕梁山护工培训学校',
    creditCode: creditCode('52141102MJY000017'),
    kind: 'school',
    countyCode: '141102',
    townshipCode: '141102001',
    address: '吕梁市离石区滨河北西路12号',
    contactName: '刘晓红',
    contactPhone: '0358-8220117',
    trains: [
      { occupationCode: '4-10-01-05', levels: [5, 4, 3] },
      { occupationCode: '4-10-01-06', levels: [5, 4] },
    ],
  },
  huoze: {
    name: '阳城县濩泽厨工培训中心',
    creditCode: creditCode('52140522MJD000028'),
    kind: 'school',
    countyCode: '140522',
    townshipCode: '140522100',
    address: '阳城县凤城镇濩泽大街56号',
    contactName: '王建国',
    contactPhone: '0356-4212356',
    trains: [
      { occupationCode: '4-03-02-01', levels: [5, 4] },
      { occupationCode: '4-03-02-02', levels: [5, 4] },
      { occupationCode: 'A-GUOSHU', levels: [0] },
    ],
  },
  nongji: {
    name: '岚县农广校',
    creditCode: creditCode('12141127MB0000039'),
    kind: 'college',
    countyCode: '141127',
    townshipCode: '141127101',
    address: '岚县岚城镇东街8号',
    contactName: '张志强',
    contactPhone: '13903580127',
    trains: [
      { occupationCode: 'V-SHOUGONG', levels: [0] },
      { occupationCode: 'V-TINGYUAN', levels: [0] },
      { occupationCode: 'A-YANGZHI', levels: [0] },
    ],
  },
};

/** 评价库: registrations valid from a year ago for three years. */
export function demoRegistrations(now: Date): { institution: DemoInstitution; registration: Omit<RegistrationInput, 'institutionId'> }[] {
  const today = chinaDateOf(now);
  const validFrom = formatDate(addDays(today, -365));
  const validUntil = formatDate(addDays(today, 3 * 365));
  return [
    { institution: 'hugong', registration: { occupationCode: '4-10-01-05', levels: [5, 4, 3], registrationNo: '晋人社评备〔2024〕017号', validFrom, validUntil } },
    { institution: 'huoze', registration: { occupationCode: '4-03-02-01', levels: [5, 4], registrationNo: '晋人社评备〔2024〕028号', validFrom, validUntil } },
    { institution: 'huoze', registration: { occupationCode: '4-03-02-02', levels: [5, 4], registrationNo: '晋人社评备〔2024〕029号', validFrom, validUntil } },
  ];
}

export const demoProject = (year: number): ProjectInput => ({
  name: '吕梁山护工',
  regionCode: '141100',
  occupationCodes: ['4-10-01-05', '4-10-01-06'],
  bands: ['A', 'B'],
  year,
  targetTrainees: 5000,
  brand: '吕梁山护工',
});

export interface DemoClassPlan {
  institution: DemoInstitution;
  project: 'hugong' | null;
  plan: Omit<ClassPlanInput, 'institutionId' | 'projectId' | 'sessions'>;
  /** Sessions: the first one `from` days after today, `count` days in a row. */
  from: number;
  count: number;
  start: string;
  end: string;
}

export const DEMO_CLASSES: Record<DemoClass, DemoClassPlan> = {
  'hugong-lishi': {
    institution: 'hugong',
    project: 'hugong',
    plan: { name: '吕梁山护工·养老护理员（五级）', occupationCode: '4-10-01-05', level: 5, acceptedTypes: ['skills', 'enterprise'], selfFunded: false, townshipCode: '141102001', mode: 'fulltime', capacity: 40 },
    from: 1,
    count: 10,
    start: '09:00',
    end: '17:00',
  },
  'mianshi-yangcheng': {
    institution: 'huoze',
    project: null,
    plan: { name: '濩泽厨工·中式面点师（四级）', occupationCode: '4-03-02-02', level: 4, acceptedTypes: ['skills', 'enterprise'], selfFunded: false, townshipCode: '140522100', mode: 'parttime', capacity: 40 },
    from: 2,
    count: 8,
    start: '19:00',
    end: '21:00',
  },
  'guoshu-runcheng': {
    institution: 'huoze',
    project: null,
    plan: { name: '果树修剪与嫁接', occupationCode: 'A-GUOSHU', level: 0, acceptedTypes: ['agri'], selfFunded: false, townshipCode: '140522101', mode: 'parttime', capacity: 60 },
    from: 3,
    count: 4,
    start: '14:00',
    end: '17:00',
  },
  'bianzhi-dongcun': {
    institution: 'nongji',
    project: null,
    plan: { name: '送培训下乡·手工编织', occupationCode: 'V-SHOUGONG', level: 0, acceptedTypes: ['village'], selfFunded: false, townshipCode: '141127100', mode: 'village', capacity: 30 },
    from: 1,
    count: 3,
    start: '09:00',
    end: '11:30',
  },
};

/** The class's sessions counted from `now`'s China date. */
export function demoSessions(c: DemoClassPlan, now: Date): ClassPlanInput['sessions'] {
  const today = chinaDateOf(now);
  return Array.from({ length: c.count }, (_, i) => ({ date: formatDate(addDays(today, c.from + i)), start: c.start, end: c.end }));
}
