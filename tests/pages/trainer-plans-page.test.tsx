import { render, screen, waitFor } from '@testing-library/react';
import { ERROR_MESSAGES } from '../../cloudfunctions/core/errors';
import TrainerClassesPage from '../../src/packages/trainer/pages/classes/index';
import { usePlanStore } from '../../src/packages/trainer/stores/use-plan-store';
import { useScanQueue } from '../../src/packages/trainer/stores/use-scan-queue';
import { useTrainerStore } from '../../src/packages/trainer/stores/use-trainer-store';
import { useSessionStore } from '../../src/stores/use-session-store';
import { __resetTaroMock, getCurrentInstance, navigateTo } from './__mocks__/taro';
import { installApi, ok, refusal, resetStores } from './api-double';
import { anInstitution, callsOf, tap, typeInto } from './supply-double';
import { aTrainerClass, setBrowserOnline } from './trainer-double';

const twoSchools = () => ({
  registered: false,
  profile: null,
  roles: [
    { role: 'trainer' as const, institutionId: 'inst-1', institutionName: '吕梁山护工培训学校' },
    { role: 'trainer' as const, institutionId: 'inst-9', institutionName: '方山县厨师培训学校' },
  ],
  now: '2026-11-23T01:00:00.000Z',
});

const planned = (id: string, overrides = {}) =>
  aTrainerClass({ id, name: `班级${id}`, state: 'upcoming', stateName: '未开课', currentSession: 0, enrolled: 0, review: null, ...overrides });

const CLASSES = [
  planned('d', { status: 'draft', statusName: '草稿', editable: 'all' }),
  planned('s', { status: 'submitted', statusName: '待审核', editable: 'all' }),
  planned('r', { status: 'rejected', statusName: '未通过', editable: 'all', review: { at: '2026-11-20T01:00:00.000Z', approved: false, reason: '上课时间与农忙冲突' } }),
  planned('a', { status: 'approved', statusName: '已通过', editable: 'sessionsAndCapacity', enrolled: 3 }),
  planned('x', { status: 'cancelled', statusName: '已取消', editable: 'none', cancel: { at: '2026-11-20T01:00:00.000Z', reason: '报名人数不足' } }),
];

function onClassesPage(params: Record<string, string> = {}) {
  __resetTaroMock();
  setBrowserOnline(true);
  getCurrentInstance.mockReturnValue({ router: { params, path: '/packages/trainer/pages/classes/index' }, page: {} });
  resetStores(useSessionStore, useTrainerStore, useScanQueue, usePlanStore);
}

type Handlers = Record<string, (p: unknown) => ReturnType<typeof ok>>;
const api = (extra: Handlers = {}) =>
  installApi({ whoami: () => ok(twoSchools()), myClasses: () => ok(CLASSES), get: () => ok(anInstitution({ evaluationBody: true })), ...extra });

const card = (c: HTMLElement, id: string) => c.querySelector<HTMLElement>(`.trainer-class[data-class-id="${id}"]`)!;

async function openPage(params: Record<string, string> = {}) {
  onClassesPage(params);
  const view = render(<TrainerClassesPage />);
  await screen.findByText('班级d');
  return view.container;
}

describe('我的班级: review states and actions (R11.3)', () => {
  it('shows each class’s state, the reason it was sent back or cancelled, and only the actions it allows', async () => {
    api();
    const c = await openPage();
    expect(['d', 's', 'r', 'a', 'x'].map((id) => card(c, id).querySelector('.class-state')?.textContent)).toEqual(['草稿', '待审核', '未通过', '已通过', '已取消']);
    expect(card(c, 'r').textContent).toContain('未通过：上课时间与农忙冲突');
    expect(card(c, 'x').textContent).toContain('已取消：报名人数不足');
    expect(card(c, 'd').querySelector('.plan-send')).not.toBeNull();
    expect(card(c, 's').querySelector('.plan-send')).toBeNull();
    expect(card(c, 'a').querySelector('.plan-edit')?.textContent).toBe('改时间或人数');
    expect(card(c, 'x').querySelector('.plan-actions')).toBeNull();
  });

  it('an unapproved class opens its form, an approved one its scan page; 修改 does not open both', async () => {
    api();
    const c = await openPage();
    tap(c, '.trainer-class[data-class-id="d"]');
    expect(navigateTo).toHaveBeenLastCalledWith({ url: '/packages/trainer/pages/class-form/index?classId=d' });
    tap(c, '.trainer-class[data-class-id="a"]');
    expect(navigateTo).toHaveBeenLastCalledWith({ url: '/packages/trainer/pages/class/index?classId=a' });
    navigateTo.mockClear();
    tap(c, '.trainer-class[data-class-id="a"] .plan-edit');
    expect(navigateTo).toHaveBeenCalledTimes(1);
  });

  it('提交审核 from the list asks once more and sends one request', async () => {
    const calls = api({ submitClass: () => ok(planned('d', { status: 'submitted', statusName: '待审核', editable: 'all' })) });
    const c = await openPage();
    tap(c, '.trainer-class[data-class-id="d"] .plan-send');
    tap(c, '#plan-send-confirm');
    await waitFor(() => expect(card(c, 'd').querySelector('.class-state')?.textContent).toBe('待审核'));
    expect(callsOf(calls, 'training', 'submitClass').map((x) => x.payload)).toEqual([{ classId: 'd' }]);
  });

  it('取消开班 needs a reason; a refusal is said and the class stays as it was', async () => {
    const calls = api({ cancelClass: () => refusal('CLASS_NOT_CANCELLABLE') });
    const c = await openPage();
    tap(c, '.trainer-class[data-class-id="a"] .plan-cancel');
    expect(c.textContent).toContain('已报名的 3 人会收到通知');
    tap(c, '#plan-cancel-confirm');
    expect(await screen.findByText(ERROR_MESSAGES.REASON_REQUIRED)).toBeTruthy();
    typeInto(c, 'plan-cancel-reason', '报名人数不足');
    tap(c, '#plan-cancel-confirm');
    expect(await screen.findByText(ERROR_MESSAGES.CLASS_NOT_CANCELLABLE, { selector: '.plan-cancel-notice span' })).toBeTruthy();
    expect(card(c, 'a').querySelector('.class-state')?.textContent).toBe('已通过');
    expect(callsOf(calls, 'training', 'cancelClass').map((x) => x.payload)).toEqual([{ classId: 'a', reason: '报名人数不足' }]);
  });

  it('开班 opens the form for the institution worked for; an evaluation body also offers 评价', async () => {
    api();
    const c = await openPage();
    tap(c, '#plan-new');
    expect(navigateTo).toHaveBeenCalledWith({ url: '/packages/trainer/pages/class-form/index?institutionId=inst-1' });
    await waitFor(() => expect(c.querySelector('#go-assess')).not.toBeNull());
  });
});

describe('我的班级: several institutions (R1.2)', () => {
  it('opens the one named in ?institutionId= and switches to another, asking for its classes', async () => {
    const calls = api();
    const c = await openPage({ institutionId: 'inst-9' });
    expect(c.querySelector('#trainer-institution')?.textContent).toBe('方山县厨师培训学校');
    expect(callsOf(calls, 'training', 'myClasses').map((x) => x.payload)).toEqual([{ institutionId: 'inst-9' }]);
    tap(c, '#workbench-inst-1');
    await waitFor(() => expect(c.querySelector('#trainer-institution')?.textContent).toBe('吕梁山护工培训学校'));
    await waitFor(() => expect(callsOf(calls, 'training', 'myClasses').map((x) => x.payload)).toEqual([{ institutionId: 'inst-9' }, { institutionId: 'inst-1' }]));
  });
});
