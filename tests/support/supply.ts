/**
 * Builders for the supply side through the real API (R11): institutions, invited staff, classes
 * planned, submitted and approved — as a county would do it in the app.
 */
import type { InstitutionInput, InstitutionView, InvitationView, TrainerClassView, ClassPlanInput } from '../../cloudfunctions/contract';
import { creditCheckCharOf } from '../../cloudfunctions/core/credit-code';
import { addDays, chinaDateOf, formatDate } from '../../cloudfunctions/core/china-date';
import type { ApiClient, TestGateway } from './gateway';

let serial = 0;

/** A valid credit code registered in `regionCode`, different each call. */
export function aCreditCode(regionCode = '141128'): string {
  serial++;
  const first17 = `52${regionCode}MJ${String(serial + process.pid * 1000).slice(-7).padStart(7, '0')}`;
  return first17 + creditCheckCharOf(first17);
}

/** An institution of 方山县 that may train 中式烹调师 五级–四级 (fields overridable). */
export const anInstitutionInput = (over: Partial<InstitutionInput> = {}): InstitutionInput => ({
  name: '方山县技能培训学校',
  creditCode: aCreditCode(over.countyCode ?? '141128'),
  kind: 'school',
  countyCode: '141128',
  townshipCode: '141128100',
  address: '方山县圪洞镇新建路1号',
  contactName: '赵老师',
  contactPhone: '0358-6022011',
  trains: [{ occupationCode: '4-03-02-01', levels: [5, 4] }],
  ...over,
});

export async function anInstitution(official: ApiClient, over: Partial<InstitutionInput> = {}): Promise<InstitutionView> {
  return official.ok<InstitutionView>('institution', 'create', anInstitutionInput(over));
}

/** Registers the institution as an evaluation body for 中式烹调师 五级–四级, valid this year and next. */
export async function registerAssessment(official: ApiClient, gw: TestGateway, institutionId: string, occupationCode = '4-03-02-01', levels = [5, 4]): Promise<InstitutionView> {
  const today = chinaDateOf(gw.runtime.clock.now());
  return official.ok<InstitutionView>('institution', 'register', {
    institutionId,
    occupationCode,
    levels,
    registrationNo: '晋人社评备〔2026〕101号',
    validFrom: formatDate(addDays(today, -30)),
    validUntil: formatDate(addDays(today, 700)),
  });
}

let people = 0;

/** Invites into a role and accepts as a new WeChat identity; answers its client and openid. */
export async function invited(gw: TestGateway, inviter: ApiClient, role: 'trainer' | 'official' | 'admin', scope: { institutionId?: string; regionCode?: string }): Promise<{ client: ApiClient; openid: string; invitation: InvitationView }> {
  people++;
  const invitation = await inviter.ok<InvitationView>('staff', 'invite', { role, ...scope, inviteeNote: `测试人员${people}` });
  const openid = `test-staff-${process.pid}-${people}`;
  const client = await gw.as(openid);
  await client.ok('staff', 'accept', { code: invitation.code });
  return { client, openid, invitation };
}

/** Sessions starting `fromDays` after today's China date, `count` days in a row. */
export function sessionsFrom(gw: TestGateway, fromDays: number, count: number, start = '09:00', end = '11:30'): ClassPlanInput['sessions'] {
  const today = chinaDateOf(gw.runtime.clock.now());
  return Array.from({ length: count }, (_, i) => ({ date: formatDate(addDays(today, fromDays + i)), start, end }));
}

export const aClassPlan = (gw: TestGateway, over: Partial<ClassPlanInput> = {}): ClassPlanInput => ({
  name: '中式烹调师（五级）方山班',
  occupationCode: '4-03-02-01',
  level: 5,
  acceptedTypes: ['skills'],
  selfFunded: false,
  townshipCode: '141128100',
  mode: 'parttime',
  capacity: 40,
  sessions: sessionsFrom(gw, 3, 3),
  ...over,
});

/** Plans, submits and has the class approved: listed to laborers. */
export async function anApprovedClass(gw: TestGateway, trainer: ApiClient, reviewer: ApiClient, over: Partial<ClassPlanInput> = {}): Promise<TrainerClassView> {
  const draft = await trainer.ok<TrainerClassView>('training', 'createClass', aClassPlan(gw, over));
  await trainer.ok('training', 'submitClass', { classId: draft.id });
  return reviewer.ok<TrainerClassView>('training', 'reviewClass', { classId: draft.id, approve: true });
}
