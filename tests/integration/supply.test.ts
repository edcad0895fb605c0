/**
 * R11 a county runs its own supply side through the API: the 吕梁市 admin adds an institution of
 * 方山县 (which the seed left empty), registers it as an evaluation body, invites a trainer and a
 * county official; the trainer plans a class, the county official approves it, a laborer enrolls.
 * Bad input is refused with its own code and writes nothing.
 */
import type { ClassView, DashboardView, InstitutionView, InvitationView, ProjectView, TrainerClassView, WhoAmI } from '../../cloudfunctions/contract';
import { verifyAllChains } from '../../cloudfunctions/services/books/ledger';
import { reconcile } from '../../cloudfunctions/services/audit';
import type { ApiClient } from '../support/gateway';
import { sharedGateway } from '../support/gateway';
import { aLaborer } from '../support/laborers';
import { aClassPlan, aCreditCode, anApprovedClass, anInstitution, anInstitutionInput, invited, registerAssessment, sessionsFrom } from '../support/supply';

const NOW = '2026-03-02T02:00:00.000Z';

const { gw, persona } = sharedGateway(NOW, { timeout: 60_000 });
const city = persona('official-city');

const ledgerCount = () => gw.runtime.deps.store.count('ledger');

/** Calls and expects a refusal with `code`; the ledger (every state change's record) did not grow. */
async function refused(client: ApiClient, fn: string, action: string, payload: unknown, code: string): Promise<void> {
  const before = await ledgerCount();
  expect(await client.call(fn, action, payload)).toMatchObject({ ok: false, code });
  expect(await ledgerCount()).toBe(before);
}

describe('R11.1 the institution library (机构库 · 评价库)', () => {
  it('R11.1 the city admin adds an institution of 方山县; its officials see it, another county’s do not', async () => {
    const inst = await anInstitution(city);
    expect(inst).toMatchObject({ county: { code: '141128', name: '方山县' }, township: { code: '141128100' }, status: 'active', evaluationBody: false, kindName: '培训学校' });
    expect(inst.trains).toEqual([{ occupationCode: '4-03-02-01', levels: [5, 4], occupationName: '中式烹调师', levelsText: '五级–四级' }]);
    const listed = await city.ok<{ items: InstitutionView[]; total: number }>('institution', 'list', { regionCode: '141128' });
    expect(listed.items.map((i) => i.id)).toContain(inst.id);
    const lanxian = await gw.as('official-county');
    expect(await lanxian.call('institution', 'get', { institutionId: inst.id })).toMatchObject({ ok: false, code: 'INSTITUTION_NOT_FOUND' });
    expect(await lanxian.call('institution', 'list', { regionCode: '141128' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect((await lanxian.ok<{ items: InstitutionView[] }>('institution', 'list', {})).items.map((i) => i.name)).toEqual(['岚县农广校']);
  });

  it('R11.1 the same request twice creates one institution; the same credit code twice is refused', async () => {
    const input = anInstitutionInput({ name: '方山县家政服务中心' });
    const a = await city.call<InstitutionView>('institution', 'create', input, 'same-request-1');
    const b = await city.call<InstitutionView>('institution', 'create', input, 'same-request-1');
    expect(a.ok && b.ok && a.data.id === b.data.id).toBe(true);
    await refused(city, 'institution', 'create', { ...input, name: '另一个机构' }, 'CREDIT_CODE_TAKEN');
  });

  it('R11.1 each bad field is refused with its own code and nothing is written', async () => {
    const good = anInstitutionInput();
    const badCheck = `${good.creditCode.slice(0, 17)}${good.creditCode[17] === '0' ? '1' : '0'}`;
    await refused(city, 'institution', 'create', { ...good, creditCode: badCheck }, 'CREDIT_CODE_CHECKSUM');
    await refused(city, 'institution', 'create', { ...good, creditCode: '1234' }, 'CREDIT_CODE_LENGTH');
    await refused(city, 'institution', 'create', { ...good, townshipCode: '141127101' }, 'TOWNSHIP_NOT_IN_COUNTY');
    await refused(city, 'institution', 'create', { ...good, countyCode: '141100' }, 'REGION_UNKNOWN');
    await refused(city, 'institution', 'create', { ...good, trains: [{ occupationCode: '4-03-02-01', levels: [1, 9] }] }, 'INVALID_INPUT');
    await refused(city, 'institution', 'create', { ...good, trains: [{ occupationCode: '4-10-01-06', levels: [1] }] }, 'LEVEL_NOT_IN_CATALOGUE');
    await refused(city, 'institution', 'create', { ...good, trains: [{ occupationCode: 'X-NOPE', levels: [5] }] }, 'OCCUPATION_UNKNOWN');
    await refused(city, 'institution', 'create', { ...good, contactPhone: '12345' }, 'CONTACT_PHONE_INVALID');
    await refused(city, 'institution', 'create', { ...good, name: 'X' }, 'INSTITUTION_NAME_INVALID');
    await refused(await gw.as('official-county'), 'institution', 'create', good, 'FORBIDDEN');
    await refused(await gw.as('trainer'), 'institution', 'create', good, 'FORBIDDEN');
    await refused(gw.anonymous(), 'institution', 'create', good, 'UNAUTHENTICATED');
  });

  it('R1.3 an evaluation registration makes it an evaluation body; ending one ends that', async () => {
    const inst = await anInstitution(city, { name: '方山县烹饪学校' });
    const registered = await registerAssessment(city, gw, inst.id);
    expect(registered.evaluationBody).toBe(true);
    expect(registered.registrations[0]).toMatchObject({ occupationName: '中式烹调师', levelsText: '五级–四级', inForce: true });
    const evaluation = await city.ok<{ items: InstitutionView[] }>('institution', 'list', { regionCode: '141128', evaluationBodies: true });
    expect(evaluation.items.map((i) => i.id)).toEqual([inst.id]);
    await refused(city, 'institution', 'register', { institutionId: inst.id, occupationCode: '4-03-02-01', levels: [5], registrationNo: '1', validFrom: '2026-01-01', validUntil: '2026-12-31' }, 'REGISTRATION_NO_INVALID');
    await refused(city, 'institution', 'register', { institutionId: inst.id, occupationCode: '4-03-02-01', levels: [5], registrationNo: '晋备1号', validFrom: '2026-05-01', validUntil: '2026-04-01' }, 'VALIDITY_INVALID');
    await refused(city, 'institution', 'register', { institutionId: inst.id, occupationCode: '4-03-02-01', levels: [5], registrationNo: '晋备1号', validFrom: '2025-01-01', validUntil: '2025-12-31' }, 'VALIDITY_OVER');
    const ended = await city.ok<InstitutionView>('institution', 'endRegistration', { institutionId: inst.id, registrationId: registered.registrations[0].id, reason: '备案到期未续' });
    expect(ended.evaluationBody).toBe(false);
  });
});

describe('R11.2 staff by invitation', () => {
  it('R11.2 an invitation binds the accepter’s own OPENID once; used, expired or out of scope → refused', async () => {
    const inst = await anInstitution(city, { name: '方山县电工培训学校', trains: [{ occupationCode: '6-31-01-03', levels: [5] }] });
    const { client: trainer, invitation } = await invited(gw, city, 'trainer', { institutionId: inst.id });
    const me = await trainer.ok<WhoAmI>('account', 'whoami', {});
    expect(me.roles).toEqual([{ role: 'trainer', institutionId: inst.id, institutionName: '方山县电工培训学校' }]);
    // The same person accepting again is answered as before; anyone else hears it was used.
    expect(await trainer.call('staff', 'accept', { code: invitation.code })).toMatchObject({ ok: true });
    await refused(await gw.as('test-someone-else'), 'staff', 'accept', { code: invitation.code }, 'INVITATION_USED');
    await refused(await gw.as('test-someone-else'), 'staff', 'accept', { code: 'ZZZZ-ZZZZ' }, 'INVITATION_NOT_FOUND');

    const late = await city.ok<InvitationView>('staff', 'invite', { role: 'official', regionCode: '141128', inviteeNote: '方山县王科长', hours: 1 });
    await gw.setNow('2026-03-02T03:30:00.000Z'); // an hour and a half later
    await refused(await gw.as('test-late-comer'), 'staff', 'accept', { code: late.code }, 'INVITATION_EXPIRED');
    await gw.setNow(NOW);

    const lanxian = await gw.as('official-county');
    await refused(lanxian, 'staff', 'invite', { role: 'official', regionCode: '141128', inviteeNote: '方山县的人' }, 'FORBIDDEN');
    await refused(lanxian, 'staff', 'invite', { role: 'trainer', institutionId: inst.id, inviteeNote: '方山县的老师' }, 'FORBIDDEN');
    await refused(lanxian, 'staff', 'invite', { role: 'admin', regionCode: '141127', inviteeNote: '岚县管理员' }, 'FORBIDDEN');
    await refused(lanxian, 'staff', 'invite', { role: 'official', regionCode: '141127', inviteeNote: '岚县的人', hours: 500 }, 'INVITATION_HOURS_INVALID');
  });

  it('R11.2 100 concurrent accepts of one invitation → exactly one binding', async () => {
    const invitation = await city.ok<InvitationView>('staff', 'invite', { role: 'official', regionCode: '141128', inviteeNote: '方山县李干事' });
    const clients = await Promise.all(Array.from({ length: 100 }, (_, i) => gw.as(`test-race-${i}`)));
    const answers = await Promise.all(clients.map((c) => c.call('staff', 'accept', { code: invitation.code })));
    expect(answers.filter((a) => a.ok)).toHaveLength(1);
    expect(answers.filter((a) => !a.ok).every((a) => !a.ok && a.code === 'INVITATION_USED')).toBe(true);
    let bindings = 0;
    for (let i = 0; i < 100; i++) {
      const account = await gw.runtime.deps.store.get<{ _id: string; roles: unknown[] }>('accounts', `test-race-${i}`);
      bindings += account?.roles.length ?? 0;
    }
    expect(bindings).toBe(1);
  });

  it('R11.2 staff are listed and revoked by whoever could grant them; the role is gone at once', async () => {
    const { client: fangshan, openid } = await invited(gw, city, 'official', { regionCode: '141128' });
    const staff = await city.ok<{ bindingId: string; role: string; region: { code: string } | null; name: string }[]>('staff', 'list', { regionCode: '141128' });
    const mine = staff.find((s) => s.role === 'official' && s.region?.code === '141128' && s.name.startsWith('测试人员'))!;
    expect(mine).toBeDefined();
    // 岚县's official sees none of 方山县's staff and cannot revoke them.
    await refused(await gw.as('official-county'), 'staff', 'revoke', { bindingId: mine.bindingId }, 'BINDING_NOT_FOUND');
    await refused(fangshan, 'staff', 'revoke', { bindingId: mine.bindingId }, 'FORBIDDEN');
    expect(await city.ok('staff', 'revoke', { bindingId: mine.bindingId })).toEqual({ revoked: true });
    expect((await gw.runtime.deps.store.get<{ _id: string; roles: unknown[] }>('accounts', openid))?.roles).toEqual([]);
    expect(await fangshan.call('institution', 'list', {})).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });
});

describe('R11.3 classes from the institutions, approved before they are listed', () => {
  let inst: InstitutionView;
  let trainer: ApiClient;
  let fangshan: ApiClient;
  beforeAll(async () => {
    inst = await anInstitution(city, { name: '方山县厨师学校' });
    await registerAssessment(city, gw, inst.id);
    trainer = (await invited(gw, city, 'trainer', { institutionId: inst.id })).client;
    fangshan = (await invited(gw, city, 'official', { regionCode: '141128' })).client;
  });

  it('R11.3 a draft and a submitted class are not listed; approved, a laborer of 方山县 enrolls', async () => {
    const draft = await trainer.ok<TrainerClassView>('training', 'createClass', aClassPlan(gw));
    expect(draft).toMatchObject({ status: 'draft', statusName: '草稿', editable: 'all', county: { code: '141128' } });
    const laborer = await aLaborer(gw, { townshipCode: '141128100' });
    await laborer.client.ok('voucher', 'claim', { type: 'skills' });
    const listed = () => laborer.client.ok<ClassView[]>('training', 'listClasses', { countyCode: '141128' }).then((l) => l.map((c) => c.id));
    expect(await listed()).not.toContain(draft.id);
    await refused(laborer.client, 'training', 'enroll', { classId: draft.id }, 'CLASS_NOT_FOUND');
    await trainer.ok('training', 'submitClass', { classId: draft.id });
    const pending = await fangshan.ok<TrainerClassView[]>('training', 'pendingClasses', {});
    expect(pending.map((c) => c.id)).toEqual([draft.id]);
    expect(await listed()).not.toContain(draft.id);
    await refused(await gw.as('official-county'), 'training', 'reviewClass', { classId: draft.id, approve: true }, 'CLASS_NOT_FOUND');
    await refused(fangshan, 'training', 'reviewClass', { classId: draft.id, approve: false }, 'REASON_REQUIRED');
    const approved = await fangshan.ok<TrainerClassView>('training', 'reviewClass', { classId: draft.id, approve: true });
    expect(approved).toMatchObject({ status: 'approved', review: { approved: true } });
    expect(await listed()).toContain(draft.id);
    await laborer.client.ok('training', 'enroll', { classId: draft.id });
    const outbox = await gw.runtime.deps.store.find<{ _id: string; kind: string; openid: string }>('outbox', undefined, { limit: 1000 });
    expect(outbox.items.filter((e) => e.kind === 'classReviewed' && e.openid.startsWith('test-staff-'))).toHaveLength(1);
  });

  it('R11.3 rejected with a reason, edited and submitted again', async () => {
    const draft = await trainer.ok<TrainerClassView>('training', 'createClass', aClassPlan(gw, { name: '中式烹调师（四级）方山班', level: 4 }));
    await trainer.ok('training', 'submitClass', { classId: draft.id });
    const rejected = await fangshan.ok<TrainerClassView>('training', 'reviewClass', { classId: draft.id, approve: false, reason: '上课地点不明确' });
    expect(rejected).toMatchObject({ status: 'rejected', review: { approved: false, reason: '上课地点不明确' } });
    await refused(fangshan, 'training', 'reviewClass', { classId: draft.id, approve: true }, 'CLASS_NOT_PENDING');
    const edited = await trainer.ok<TrainerClassView>('training', 'updateClass', { classId: draft.id, capacity: 30 });
    expect(edited).toMatchObject({ status: 'rejected', capacity: 30 });
    expect(await trainer.ok<TrainerClassView>('training', 'submitClass', { classId: draft.id })).toMatchObject({ status: 'submitted' });
  });

  it('R11.3 each bad field of a class is refused with its own code and nothing is written', async () => {
    const plan = aClassPlan(gw);
    const [s1] = plan.sessions;
    await refused(trainer, 'training', 'createClass', { ...plan, capacity: 0 }, 'CAPACITY_INVALID');
    await refused(trainer, 'training', 'createClass', { ...plan, capacity: 501 }, 'CAPACITY_INVALID');
    await refused(trainer, 'training', 'createClass', { ...plan, level: 3 }, 'OCCUPATION_NOT_TRAINED');
    await refused(trainer, 'training', 'createClass', { ...plan, occupationCode: '4-10-01-05' }, 'OCCUPATION_NOT_TRAINED');
    await refused(trainer, 'training', 'createClass', { ...plan, acceptedTypes: ['no-such-type'] }, 'VOUCHER_TYPE_UNKNOWN');
    await refused(trainer, 'training', 'createClass', { ...plan, acceptedTypes: [] }, 'VOUCHER_TYPES_REQUIRED');
    await refused(trainer, 'training', 'createClass', { ...plan, townshipCode: '141127101' }, 'TOWNSHIP_NOT_IN_COUNTY');
    await refused(trainer, 'training', 'createClass', { ...plan, sessions: [s1, { ...s1, start: '10:00', end: '12:00' }] }, 'SESSIONS_OVERLAP');
    await refused(trainer, 'training', 'createClass', { ...plan, sessions: sessionsFrom(gw, -1, 2) }, 'SESSION_IN_PAST');
    await refused(trainer, 'training', 'createClass', { ...plan, sessions: [] }, 'SESSIONS_REQUIRED');
    await refused(trainer, 'training', 'createClass', { ...plan, minAttendanceRatio: 0.2 }, 'RATIO_INVALID');
    await refused(trainer, 'training', 'createClass', { ...plan, projectId: 'p_nope' }, 'PROJECT_NOT_FOUND');
    await refused(await gw.as('trainer'), 'training', 'submitClass', { classId: (await trainer.ok<TrainerClassView>('training', 'createClass', plan)).id }, 'CLASS_NOT_FOUND');
  });

  it('R11.3 cancelling a class with 12 enrolled returns 12 vouchers and writes 12 messages', async () => {
    const c = await anApprovedClass(gw, trainer, fangshan, { name: '中式烹调师（五级）取消班' });
    const laborers = [];
    for (let i = 0; i < 12; i++) {
      const l = await aLaborer(gw, { townshipCode: '141128100' });
      await l.client.ok('voucher', 'claim', { type: 'skills' });
      await l.client.ok('training', 'enroll', { classId: c.id });
      laborers.push(l);
    }
    await refused(trainer, 'training', 'updateClass', { classId: c.id, capacity: 11 }, 'CAPACITY_BELOW_ENROLLED');
    await refused(trainer, 'training', 'cancelClass', { classId: c.id, reason: '' }, 'REASON_REQUIRED');
    const cancelled = await trainer.ok<TrainerClassView & { released: number }>('training', 'cancelClass', { classId: c.id, reason: '授课老师生病' });
    expect(cancelled).toMatchObject({ status: 'cancelled', released: 12, enrolled: 0, cancel: { reason: '授课老师生病' } });
    for (const l of laborers) {
      const vouchers = await l.client.ok<{ status: string; type: string }[]>('voucher', 'mine', {});
      expect(vouchers.map((v) => v.status)).toEqual(['unused']);
      const messages = await l.client.ok<{ items: { kind: string; text: string }[] }>('message', 'list', {});
      expect(messages.items.filter((m) => m.kind === 'classCancelled')).toHaveLength(1);
      expect(messages.items[0].text).toContain('授课老师生病');
    }
    const outbox = await gw.runtime.deps.store.find<{ _id: string; kind: string }>('outbox', undefined, { limit: 1000 });
    expect(outbox.items.filter((e) => e.kind === 'classCancelled')).toHaveLength(12);
    expect((await laborers[0].client.ok<ClassView[]>('training', 'listClasses', {})).map((x) => x.id)).not.toContain(c.id);
    // Cancelling again changes nothing.
    expect(await trainer.ok<{ released: number }>('training', 'cancelClass', { classId: c.id, reason: '再次取消' })).toMatchObject({ released: 0 });
  });

  it('R11.3 sessions of an approved class change before it starts; enrolled laborers are told once', async () => {
    const c = await anApprovedClass(gw, trainer, fangshan, { name: '中式烹调师（五级）改时间班', sessions: sessionsFrom(gw, 5, 2) });
    const l = await aLaborer(gw, { townshipCode: '141128100' });
    await l.client.ok('voucher', 'claim', { type: 'skills' });
    await l.client.ok('training', 'enroll', { classId: c.id });
    await refused(trainer, 'training', 'updateClass', { classId: c.id, name: '新名字' }, 'CLASS_NOT_EDITABLE');
    const moved = await trainer.ok<TrainerClassView>('training', 'updateClass', { classId: c.id, sessions: sessionsFrom(gw, 6, 2, '14:00', '16:00') });
    expect(moved.sessions[0].start).toBe('14:00');
    const messages = await l.client.ok<{ items: { kind: string }[] }>('message', 'list', {});
    expect(messages.items.filter((m) => m.kind === 'classChanged')).toHaveLength(1);
  });

  it('R11.1 a suspended institution opens no class and records no result; its running class goes on', async () => {
    const running = await anApprovedClass(gw, trainer, fangshan, { name: '中式烹调师（五级）在办班', sessions: sessionsFrom(gw, 1, 1, '09:00', '10:00') });
    const l = await aLaborer(gw, { townshipCode: '141128100' });
    await l.client.ok('voucher', 'claim', { type: 'skills' });
    await l.client.ok('training', 'enroll', { classId: running.id });
    await city.ok('institution', 'setStatus', { institutionId: inst.id, status: 'suspended', reason: '年检不合格' });
    await refused(trainer, 'training', 'createClass', aClassPlan(gw), 'INSTITUTION_SUSPENDED');
    // Running classes finish: scans still count, the class closes and completes.
    const classes = await trainer.ok<TrainerClassView[]>('training', 'myClasses', {});
    expect(classes.find((x) => x.id === running.id)).toMatchObject({ status: 'approved' });
    await gw.setNow('2026-03-03T04:00:00.000Z');
    expect(await trainer.ok('training', 'closeClass', { classId: running.id })).toMatchObject({ classId: running.id });
    await refused(trainer, 'certificate', 'record', { classId: running.id, personId: l.me.profile!.personId, passed: true, score: 80 }, 'INSTITUTION_SUSPENDED');
    await city.ok('institution', 'setStatus', { institutionId: inst.id, status: 'active' });
    await gw.setNow(NOW);
  });
});

describe('R11 projects (项目库)', () => {
  it('R11 the city keeps a project; a class of it counts its trainees', async () => {
    const project = await city.ok<ProjectView>('institution', 'createProject', {
      name: '方山县中式烹调',
      regionCode: '141128',
      occupationCodes: ['4-03-02-01'],
      bands: ['A', 'B'],
      year: 2026,
      targetTrainees: 200,
    });
    expect(project).toMatchObject({ region: { code: '141128' }, trainees: 0, active: true });
    const inst = await anInstitution(city, { name: '方山县项目学校', creditCode: aCreditCode() });
    const trainer = (await invited(gw, city, 'trainer', { institutionId: inst.id })).client;
    const forClass = await trainer.ok<ProjectView[]>('institution', 'projects', { institutionId: inst.id });
    expect(forClass.map((p) => p.id)).toContain(project.id);
    const c = await anApprovedClass(gw, trainer, city, { name: '方山县中式烹调项目班', projectId: project.id });
    expect(c.project).toEqual({ id: project.id, name: '方山县中式烹调' });
    const l = await aLaborer(gw, { townshipCode: '141128100' });
    await l.client.ok('voucher', 'claim', { type: 'skills' });
    await l.client.ok('training', 'enroll', { classId: c.id });
    const after = await city.ok<ProjectView[]>('institution', 'projects', { regionCode: '141128' });
    expect(after.find((p) => p.id === project.id)?.trainees).toBe(1);
    // The dashboard filtered by the project: its trainees against its target, nothing else.
    const board = await city.ok<DashboardView>('official', 'dashboard', { regionCode: '141128', projectId: project.id });
    expect(board.project).toEqual({ id: project.id, name: '方山县中式烹调', targetTrainees: 200 });
    expect(board.metrics.map((m) => [m.metric, m.actual, m.target])).toEqual([
      ['trainings', 1, 200],
      ['certificates', 0, null],
    ]);
    const whole = await city.ok<DashboardView>('official', 'dashboard', { regionCode: '141128' });
    expect(whole.metrics.find((m) => m.metric === 'trainings')!.actual).toBeGreaterThan(1);
    expect(await (await gw.as('official-county')).call('official', 'dashboard', { projectId: project.id })).toMatchObject({ ok: false, code: 'PROJECT_NOT_FOUND' });
    await refused(city, 'institution', 'createProject', { name: 'X', regionCode: '141128', occupationCodes: ['4-03-02-01'], bands: ['A'], year: 2026, targetTrainees: 1 }, 'PROJECT_NAME_INVALID');
  });
});

describe('R9.1 R9.2 the books after all this', () => {
  it('R9.1 every chain verifies and reconcile finds no difference', async () => {
    expect((await verifyAllChains(gw.runtime.deps.store)).filter((c) => c.broken)).toEqual([]);
    expect((await reconcile(gw.runtime.deps.store)).differences).toEqual([]);
  });
});
