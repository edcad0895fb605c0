/**
 * Demo institutions and classes with sessions around `now` (local seed and tests).
 */
import { DEFAULT_MIN_ATTENDANCE } from '../../core/classes';
import { addDays, chinaDateOf, formatDate } from '../../core/china-date';
import type { Deps } from '../kernel/deps';
import { type Place, countyPlace } from '../kernel/place';
import type { ClassDoc, InstitutionDoc } from './documents';
import { newClass } from './records';

export async function seedDemoClasses(deps: Deps): Promise<void> {
  const now = deps.clock.now();
  const today = chinaDateOf(now);
  const day = (offset: number) => formatDate(addDays(today, offset));
  const sessions = (from: number, count: number, start: string, end: string) =>
    Array.from({ length: count }, (_, i) => ({ date: day(from + i), start, end }));
  const institutions: InstitutionDoc[] = [
    { _id: 'inst-lvliang-hugong', name: '吕梁山护工培训学校', countyCode: '141102', evaluationBody: true, trainOccupations: ['4-10-01-05', '4-10-01-06'], assessOccupations: ['4-10-01-05'] },
    { _id: 'inst-huoze-chugong', name: '阳城县濩泽厨工培训中心', countyCode: '140522', evaluationBody: true, trainOccupations: ['4-03-02-01', '4-03-02-02', 'A-GUOSHU'], assessOccupations: ['4-03-02-01', '4-03-02-02'] },
    { _id: 'inst-lanxian-nongji', name: '岚县农广校', countyCode: '141127', evaluationBody: false, trainOccupations: ['V-SHOUGONG', 'V-TINGYUAN', 'A-YANGZHI'], assessOccupations: [] },
  ];
  type Seed = Omit<
    ClassDoc,
    keyof Place | 'enrolled' | 'firstSessionAt' | 'lastSessionEndsAt' | 'institutionName' | 'occupationName' | 'closedAt' | 'completion'
  > & { countyCode: string };
  const classes: Seed[] = [
    { _id: 'class-hugong-lishi', institutionId: 'inst-lvliang-hugong', name: '吕梁山护工·养老护理员（五级）', occupationCode: '4-10-01-05', level: 5, acceptedTypes: ['skills', 'enterprise'], selfFunded: false, countyCode: '141102', townshipCode: null, mode: 'fulltime', capacity: 40, sessions: sessions(1, 10, '09:00', '17:00'), minAttendanceRatio: DEFAULT_MIN_ATTENDANCE },
    { _id: 'class-mianshi-yangcheng', institutionId: 'inst-huoze-chugong', name: '濩泽厨工·中式面点师（四级）', occupationCode: '4-03-02-02', level: 4, acceptedTypes: ['skills', 'enterprise'], selfFunded: false, countyCode: '140522', townshipCode: '140522100', mode: 'parttime', capacity: 40, sessions: sessions(2, 8, '19:00', '21:00'), minAttendanceRatio: DEFAULT_MIN_ATTENDANCE },
    { _id: 'class-guoshu-runcheng', institutionId: 'inst-huoze-chugong', name: '果树修剪与嫁接', occupationCode: 'A-GUOSHU', level: 0, acceptedTypes: ['agri'], selfFunded: false, countyCode: '140522', townshipCode: '140522101', mode: 'parttime', capacity: 60, sessions: sessions(3, 4, '14:00', '17:00'), minAttendanceRatio: DEFAULT_MIN_ATTENDANCE },
    { _id: 'class-bianzhi-dongcun', institutionId: 'inst-lanxian-nongji', name: '送培训下乡·手工编织', occupationCode: 'V-SHOUGONG', level: 0, acceptedTypes: ['village'], selfFunded: false, countyCode: '141127', townshipCode: '141127100', mode: 'village', capacity: 30, sessions: sessions(1, 3, '09:00', '11:30'), minAttendanceRatio: DEFAULT_MIN_ATTENDANCE },
  ];
  const occupationName: Record<string, string> = {
    '4-10-01-05': '养老护理员',
    '4-03-02-02': '中式面点师',
    'A-GUOSHU': '果树修剪与嫁接',
    'V-SHOUGONG': '手工编织',
  };
  await deps.store.transaction(async (tx) => {
    for (const { _id, ...i } of institutions) await tx.set<InstitutionDoc>('institutions', _id, i);
    for (const { _id, countyCode, occupationCode, institutionId, ...c } of classes) {
      const { _id: id, ...doc } = newClass({
        ...c,
        id: _id,
        place: countyPlace(deps.regions, countyCode),
        institution: institutions.find((i) => i._id === institutionId)!,
        occupation: { code: occupationCode, name: occupationName[occupationCode] },
      });
      await tx.set<ClassDoc>('classes', id, doc);
    }
  });
}
