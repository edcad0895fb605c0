import { render, screen, waitFor } from '@testing-library/react';
import { ERROR_MESSAGES } from '../../cloudfunctions/core/errors';
import InstitutionPage from '../../src/packages/official/pages/institution/index';
import { useSupplyStore } from '../../src/packages/official/stores/use-supply-store';
import { navigateTo } from './__mocks__/taro';
import { installApi, ok, refusal } from './api-double';
import { OCCUPATIONS, aCityAdmin, aRegistration, aStaffMember, anInstitution, callsOf, expectReasonRequired, onSupplyPage, tap, typeInto } from './supply-double';

type Handlers = Record<string, (p: unknown) => ReturnType<typeof ok>>;

const api = (extra: Handlers = {}) =>
  installApi({
    whoami: () => ok(aCityAdmin()),
    get: () => ok(anInstitution()),
    occupations: () => ok(OCCUPATIONS),
    'staff.list': () => ok([aStaffMember()]),
    ...extra,
  });

async function openPage() {
  const view = render(<InstitutionPage />);
  await screen.findByText('方山县厨师培训学校', { selector: '#institution-name' });
  return view.container;
}

describe('机构详情 (R11.1)', () => {
  beforeEach(() => onSupplyPage({ institutionId: 'inst-9' }));

  it('shows the facts, what it trains and its teachers; 邀请老师 opens an invitation for it', async () => {
    const calls = api();
    const c = await openPage();
    expect(c.querySelector('#institution-trains')?.textContent).toBe('中式烹调师（五级–四级）');
    expect(c.textContent).toContain('还没有评价备案');
    await waitFor(() => expect(c.querySelector('.staff-row')?.textContent).toContain('张老师'));
    expect(callsOf(calls, 'staff', 'list').map((x) => x.payload)).toEqual([{ institutionId: 'inst-9' }]);
    tap(c, '#invite-teacher');
    expect(navigateTo).toHaveBeenCalledWith({ url: '/packages/official/pages/new-invitation/index?institutionId=inst-9' });
  });

  it('添加评价备案: occupation, levels, number and validity from pickers; sent once', async () => {
    const registered = anInstitution({ registrations: [aRegistration()], evaluationBody: true });
    const calls = api({ register: () => ok(registered) });
    const c = await openPage();
    tap(c, '#registration-add');
    await waitFor(() => expect(c.querySelector('.assess-occupation')).not.toBeNull());
    tap(c, '.assess-occupation[data-code="4-03-02-01"]');
    tap(c, '#assess-level-5');
    tap(c, '#assess-level-4');
    typeInto(c, 'registration-no', '晋评备2026001');
    tap(c, '#registration-save');
    await waitFor(() => expect(c.querySelector('.registration-row')?.textContent).toContain('中式烹调师（五级–四级）'));
    const [sent] = callsOf(calls, 'institution', 'register').map((x) => x.payload as Record<string, unknown>);
    expect(sent).toMatchObject({ institutionId: 'inst-9', occupationCode: '4-03-02-01', levels: [5, 4], registrationNo: '晋评备2026001' });
    expect(sent.validFrom).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(c.querySelector('#registration-form')).toBeNull();
  });

  it('a registration with no level chosen is said and not sent', async () => {
    const calls = api();
    const c = await openPage();
    tap(c, '#registration-add');
    await waitFor(() => expect(c.querySelector('.assess-occupation')).not.toBeNull());
    tap(c, '.assess-occupation[data-code="4-03-02-01"]');
    typeInto(c, 'registration-no', '晋评备2026001');
    tap(c, '#registration-save');
    expect(await screen.findByText(ERROR_MESSAGES.LEVELS_REQUIRED)).toBeTruthy();
    expect(callsOf(calls, 'institution', 'register')).toHaveLength(0);
  });

  it('暂停 needs a reason; the request id is the confirmation’s; a refusal keeps everything as it was', async () => {
    const calls = api({ setStatus: () => refusal('FORBIDDEN', '只有本县或上级人社部门可以暂停') });
    const c = await openPage();
    tap(c, '#institution-suspend');
    await expectReasonRequired(c, '#suspend-confirm', calls, 'institution', 'setStatus');
    typeInto(c, 'suspend-reason', '年检不合格');
    tap(c, '#suspend-confirm');
    expect(await screen.findAllByText('只有本县或上级人社部门可以暂停')).not.toHaveLength(0);
    expect(useSupplyStore.getState().institution['inst-9'].status).toBe('active');
    tap(c, '#suspend-confirm');
    await waitFor(() => expect(callsOf(calls, 'institution', 'setStatus')).toHaveLength(2));
    const sent = callsOf(calls, 'institution', 'setStatus');
    expect(sent[0].payload).toEqual({ institutionId: 'inst-9', status: 'suspended', reason: '年检不合格' });
    expect(sent[1].requestId).toBe(sent[0].requestId);
  });

  it('暂停 with a reason shows the institution suspended', async () => {
    api({ setStatus: () => ok(anInstitution({ status: 'suspended', statusName: '已暂停', statusReason: '年检不合格' })) });
    const c = await openPage();
    tap(c, '#institution-suspend');
    typeInto(c, 'suspend-reason', '年检不合格');
    tap(c, '#suspend-confirm');
    await waitFor(() => expect(c.querySelector('#institution-status')?.textContent).toBe('已暂停'));
    expect(c.textContent).toContain('暂停原因：年检不合格');
    expect(c.querySelector('#institution-reactivate')).not.toBeNull();
  });

  it('终止备案 needs a reason and replaces the registration as answered', async () => {
    const reg = aRegistration();
    const ended = anInstitution({ registrations: [{ ...reg, endedAt: '2026-03-02T03:00:00.000Z', inForce: false }] });
    const calls = api({ get: () => ok(anInstitution({ registrations: [reg], evaluationBody: true })), endRegistration: () => ok(ended) });
    const c = await openPage();
    tap(c, '.registration-end');
    typeInto(c, 'registration-end-reason', '备案被撤销');
    tap(c, '#registration-end-confirm');
    await waitFor(() => expect(c.querySelector('.registration-row')?.textContent).toContain('已终止'));
    expect(callsOf(calls, 'institution', 'endRegistration').map((x) => x.payload)).toEqual([{ institutionId: 'inst-9', registrationId: 'reg-1', reason: '备案被撤销' }]);
  });

  it('撤销 a teacher asks first and sends the binding once', async () => {
    const calls = api({ revoke: () => ok({ revoked: true }) });
    const c = await openPage();
    await waitFor(() => expect(c.querySelector('.staff-revoke')).not.toBeNull());
    tap(c, '.staff-revoke');
    expect(c.querySelector('.staff-confirm')?.textContent).toContain('张老师');
    tap(c, '#staff-revoke-confirm');
    await waitFor(() => expect(c.querySelector('.staff-row')).toBeNull());
    expect(callsOf(calls, 'staff', 'revoke').map((x) => x.payload)).toEqual([{ bindingId: 'b-1' }]);
  });
});
