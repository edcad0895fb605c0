/**
 * R1.2, R1.3, R11 the authorization matrix of the supply side: every new action, called by each
 * role in and out of scope. `allowed` means the caller got past the checks of who they are (the
 * answer is the data, or a refusal about the thing itself, such as a class no longer pending);
 * otherwise the exact refusal. Resources live in 方山县 (141128), kept by the 吕梁市 admin.
 */
import type { InstitutionView, InvitationView, ProjectView, TrainerClassView } from '../../cloudfunctions/contract';
import type { ApiClient } from '../support/gateway';
import { type TestGateway, startTestGateway } from '../support/gateway';
import { aLaborer } from '../support/laborers';
import { aClassPlan, anApprovedClass, anInstitution, anInstitutionInput, invited, registerAssessment } from '../support/supply';

const WHO_AM_I_CODES = new Set(['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'INSTITUTION_NOT_FOUND', 'CLASS_NOT_FOUND', 'BINDING_NOT_FOUND', 'INVITATION_NOT_FOUND', 'NOT_YOUR_CLASS', 'WORKBENCH_REQUIRED']);

type Actor = 'anonymous' | 'laborer' | 'trainerHere' | 'trainerElsewhere' | 'officialHere' | 'officialElsewhere' | 'cityAdmin';
const ACTORS: Actor[] = ['anonymous', 'laborer', 'trainerHere', 'trainerElsewhere', 'officialHere', 'officialElsewhere', 'cityAdmin'];

let gw: TestGateway;
const as = {} as Record<Actor, ApiClient>;
let inst: InstitutionView;
let project: ProjectView;
let approved: TrainerClassView;
let invitation: InvitationView;

beforeAll(async () => {
  gw = await startTestGateway({ devNow: '2026-03-02T02:00:00.000Z' });
  as.anonymous = gw.anonymous();
  as.cityAdmin = await gw.as('official-city');
  as.officialElsewhere = await gw.as('official-county');
  as.trainerElsewhere = await gw.as('trainer');
  as.laborer = (await aLaborer(gw, { townshipCode: '141128100' })).client;
  inst = await anInstitution(as.cityAdmin);
  await registerAssessment(as.cityAdmin, gw, inst.id);
  as.trainerHere = (await invited(gw, as.cityAdmin, 'trainer', { institutionId: inst.id })).client;
  as.officialHere = (await invited(gw, as.cityAdmin, 'official', { regionCode: '141128' })).client;
  project = await as.cityAdmin.ok<ProjectView>('institution', 'createProject', { name: '方山县厨师', regionCode: '141128', occupationCodes: ['4-03-02-01'], bands: ['A'], year: 2026, targetTrainees: 10 });
  approved = await anApprovedClass(gw, as.trainerHere, as.officialHere);
  invitation = await as.cityAdmin.ok<InvitationView>('staff', 'invite', { role: 'official', regionCode: '141128', inviteeNote: '待接受的人' });
}, 90_000);
afterAll(() => gw.close());

/** [function, action, payload, who is allowed]; everyone else is refused with the code given. */
type Case = [fn: string, action: string, payload: () => unknown, allowed: Actor[], refusal: string];
const officials: Actor[] = ['officialHere', 'cityAdmin'];
const CASES: Case[] = [
  ['institution', 'list', () => ({ regionCode: '141128' }), officials, 'FORBIDDEN'],
  ['institution', 'get', () => ({ institutionId: inst.id }), [...officials, 'trainerHere'], 'INSTITUTION_NOT_FOUND'],
  ['institution', 'create', () => anInstitutionInput(), officials, 'FORBIDDEN'],
  ['institution', 'update', () => ({ institutionId: inst.id, address: '方山县圪洞镇新建路1号' }), officials, 'FORBIDDEN'],
  ['institution', 'setStatus', () => ({ institutionId: inst.id, status: 'active' }), officials, 'FORBIDDEN'],
  ['institution', 'register', () => ({ institutionId: inst.id, occupationCode: '4-03-02-01', levels: [5], registrationNo: '晋备2号', validFrom: '2026-01-01', validUntil: '2027-01-01' }), officials, 'FORBIDDEN'],
  ['institution', 'endRegistration', () => ({ institutionId: inst.id, registrationId: 'r_none', reason: '测试原因' }), officials, 'FORBIDDEN'],
  ['institution', 'occupations', () => ({}), ['laborer', 'trainerHere', 'trainerElsewhere', 'officialHere', 'officialElsewhere', 'cityAdmin'], 'UNAUTHENTICATED'],
  ['institution', 'projects', () => ({ regionCode: '141128' }), officials, 'FORBIDDEN'],
  ['institution', 'projects', () => ({ institutionId: inst.id }), [...officials, 'trainerHere'], 'FORBIDDEN'],
  ['institution', 'createProject', () => ({ name: '方山县面点', regionCode: '141128', occupationCodes: ['4-03-02-02'], bands: ['A'], year: 2026, targetTrainees: 5 }), officials, 'FORBIDDEN'],
  ['institution', 'updateProject', () => ({ projectId: project.id, targetTrainees: 10 }), officials, 'FORBIDDEN'],
  ['staff', 'invite', () => ({ role: 'official', regionCode: '141128', inviteeNote: '方山县新人' }), officials, 'FORBIDDEN'],
  ['staff', 'invite', () => ({ role: 'trainer', institutionId: inst.id, inviteeNote: '方山县新老师' }), officials, 'FORBIDDEN'],
  ['staff', 'invite', () => ({ role: 'admin', regionCode: '141128', inviteeNote: '方山县管理员' }), ['cityAdmin'], 'FORBIDDEN'],
  ['staff', 'invitation', () => ({ code: invitation.code }), ['laborer', 'trainerHere', 'trainerElsewhere', 'officialHere', 'officialElsewhere', 'cityAdmin'], 'UNAUTHENTICATED'],
  ['staff', 'invitations', () => ({}), ['laborer', 'trainerHere', 'trainerElsewhere', 'officialHere', 'officialElsewhere', 'cityAdmin'], 'UNAUTHENTICATED'],
  ['staff', 'cancelInvitation', () => ({ code: 'ZZZZZZZZ' }), [], 'INVITATION_NOT_FOUND'],
  ['staff', 'list', () => ({ regionCode: '141128' }), officials, 'FORBIDDEN'],
  ['staff', 'list', () => ({ institutionId: inst.id }), officials, 'FORBIDDEN'],
  ['staff', 'revoke', () => ({ bindingId: 'b_none' }), [], 'BINDING_NOT_FOUND'],
  ['training', 'createClass', () => ({ ...aClassPlan(gw), institutionId: inst.id }), ['trainerHere'], 'FORBIDDEN'],
  ['training', 'updateClass', () => ({ classId: approved.id, capacity: 40 }), ['trainerHere'], 'CLASS_NOT_FOUND'],
  ['training', 'submitClass', () => ({ classId: approved.id }), ['trainerHere'], 'CLASS_NOT_FOUND'],
  ['training', 'cancelClass', () => ({ classId: 'c_none', reason: '测试原因' }), [], 'CLASS_NOT_FOUND'],
  ['training', 'classDetail', () => ({ classId: approved.id }), ['trainerHere', ...officials], 'CLASS_NOT_FOUND'],
  ['training', 'pendingClasses', () => ({ regionCode: '141128' }), officials, 'FORBIDDEN'],
  ['training', 'reviewClass', () => ({ classId: approved.id, approve: true }), officials, 'CLASS_NOT_FOUND'],
  ['training', 'myClasses', () => ({ institutionId: inst.id }), ['trainerHere'], 'FORBIDDEN'],
  ['certificate', 'findEvaluationVoucher', () => ({ idNumber: '110101199003070000', institutionId: inst.id }), ['trainerHere'], 'FORBIDDEN'],
];

describe('R1.2 R1.3 R11 who may do what, where', () => {
  it.each(CASES.map((c, i) => [`${c[0]}.${c[1]} #${i}`, c] as const))('%s', async (_name, [fn, action, payload, allowed, refusal]) => {
    for (const actor of ACTORS) {
      const answer = await as[actor].call(fn, action, payload());
      const code = answer.ok ? 'ok' : answer.code;
      if (allowed.includes(actor)) {
        expect([actor, WHO_AM_I_CODES.has(code) ? code : 'allowed']).toEqual([actor, 'allowed']);
      } else {
        expect([actor, code]).toEqual([actor, actor === 'anonymous' ? 'UNAUTHENTICATED' : refusal]);
      }
    }
  });
});
