import { render, screen, waitFor } from '@testing-library/react';
import type { ClassPlanInput, VoucherCatalogueItem } from '../../cloudfunctions/contract';
import { ERROR_MESSAGES } from '../../cloudfunctions/core/errors';
import ClassFormPage from '../../src/packages/trainer/pages/class-form/index';
import { usePlanStore } from '../../src/packages/trainer/stores/use-plan-store';
import { useTrainerStore } from '../../src/packages/trainer/stores/use-trainer-store';
import { useSessionStore } from '../../src/stores/use-session-store';
import { __resetTaroMock, getCurrentInstance, navigateBack } from './__mocks__/taro';
import { installApi, ok, refusal, renderUntil, resetStores } from './api-double';
import { aProject, anInstitution, callsOf, tap, typeInto } from './supply-double';
import { aTrainerClass } from './trainer-double';

/** 2 March 2026, 10:00 China time: tomorrow is 3 March. */
const TODAY = new Date('2026-03-02T02:00:00.000Z');

const aFangshanTrainer = () => ({ registered: false, profile: null, roles: [{ role: 'trainer' as const, institutionId: 'inst-9', institutionName: '方山县厨师培训学校' }], now: TODAY.toISOString() });

const TYPES = [
  { code: 'skills', name: '职业技能培训券' },
  { code: 'agri', name: '农业实用技术培训券' },
] as VoucherCatalogueItem[];

const draft = (overrides = {}) =>
  aTrainerClass({ id: 'c-9', name: '中式烹调师（五级）圪洞镇班', status: 'draft', statusName: '草稿', editable: 'all', review: null, state: 'upcoming', stateName: '未开课', enrolled: 0, institution: { id: 'inst-9', name: '方山县厨师培训学校' }, ...overrides });

type Handlers = Record<string, (p: unknown) => ReturnType<typeof ok>>;

const api = (extra: Handlers = {}) =>
  installApi({
    whoami: () => ok(aFangshanTrainer()),
    get: () => ok(anInstitution()),
    projects: () => ok([aProject({ id: 'proj-9', name: '方山厨师', occupations: [{ code: '4-03-02-01', name: '中式烹调师' }] })]),
    regions: () => ok([{ code: '141128100', name: '圪洞镇', level: 'township', parent: '141128' }]),
    catalogue: () => ok(TYPES),
    ...extra,
  });

function onFormPage(params: Record<string, string>) {
  __resetTaroMock();
  jest.useFakeTimers({ now: TODAY, doNotFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'queueMicrotask', 'nextTick', 'setImmediate', 'clearImmediate'] });
  getCurrentInstance.mockReturnValue({ router: { params, path: '/packages/trainer/pages/class-form/index' }, page: {} });
  resetStores(useSessionStore, useTrainerStore, usePlanStore);
}

afterEach(() => jest.useRealTimers());

const openForm = () => renderUntil(<ClassFormPage />, '#plan-occupation-4-03-02-01', '#plan-type-skills');

function fill(c: HTMLElement) {
  tap(c, '#plan-occupation-4-03-02-01');
  tap(c, '#plan-level-5');
  tap(c, '#plan-type-skills');
  tap(c, '#plan-township-141128100');
  tap(c, '#session-add');
}

describe('开班 (R11.3)', () => {
  it('offers only what the institution may train, names the class, and saves one draft', async () => {
    onFormPage({ institutionId: 'inst-9' });
    const calls = api({ createClass: () => ok(draft()) });
    const c = await openForm();
    expect(Array.from(c.querySelectorAll('[id^="plan-occupation-"]')).map((e) => e.id)).toEqual(['plan-occupation-4-03-02-01']);
    tap(c, '#plan-occupation-4-03-02-01');
    expect(Array.from(c.querySelectorAll('[id^="plan-level-"]')).map((e) => e.textContent)).toEqual(['五级/初级工', '四级/中级工']);
    fill(c);
    expect((c.querySelector('#plan-name') as HTMLInputElement).value).toBe('中式烹调师（五级）圪洞镇班');
    tap(c, '#plan-save');
    await waitFor(() => expect(c.querySelector('#plan-submit-card')).not.toBeNull());
    const [sent] = callsOf(calls, 'training', 'createClass').map((x) => x.payload as ClassPlanInput);
    expect(sent).toEqual({
      institutionId: 'inst-9',
      name: '中式烹调师（五级）圪洞镇班',
      occupationCode: '4-03-02-01',
      level: 5,
      projectId: null,
      acceptedTypes: ['skills'],
      selfFunded: false,
      townshipCode: '141128100',
      mode: 'parttime',
      capacity: 30,
      sessions: [
        { date: '2026-03-03', start: '09:00', end: '11:00' },
        { date: '2026-03-04', start: '09:00', end: '11:00' },
      ],
      minAttendanceRatio: 0.8,
    });
  });

  it('提交审核 asks once more and sends the saved class once', async () => {
    onFormPage({ classId: 'c-9' });
    const calls = api({ classDetail: () => ok(draft()), submitClass: () => ok(draft({ status: 'submitted', statusName: '待审核' })) });
    const c = await openForm();
    tap(c, '#plan-submit');
    expect(callsOf(calls, 'training', 'submitClass')).toHaveLength(0);
    tap(c, '#plan-submit-confirm');
    await waitFor(() => expect(navigateBack).toHaveBeenCalled());
    const sent = callsOf(calls, 'training', 'submitClass');
    expect(sent.map((x) => x.payload)).toEqual([{ classId: 'c-9' }]);
  });

  it('says each mistake under its field (past session, no township) and sends nothing', async () => {
    onFormPage({ institutionId: 'inst-9' });
    const calls = api();
    const c = await openForm();
    tap(c, '#plan-occupation-4-03-02-01');
    tap(c, '#plan-level-5');
    tap(c, '#plan-type-skills');
    typeInto(c, 'plan-capacity', '600');
    tap(c, '#plan-save');
    expect(await screen.findByText(ERROR_MESSAGES.CAPACITY_INVALID)).toBeTruthy();
    expect(screen.getByText(ERROR_MESSAGES.TOWNSHIP_NOT_IN_COUNTY)).toBeTruthy();
    expect(callsOf(calls, 'training', 'createClass')).toHaveLength(0);
  });

  it('a refusal is said under its field; the form stays; a retry is the same request', async () => {
    onFormPage({ institutionId: 'inst-9' });
    let refuse = true;
    const calls = api({ createClass: () => (refuse ? refusal('SESSIONS_OVERLAP') : ok(draft())) });
    const c = await openForm();
    fill(c);
    tap(c, '#plan-save');
    expect(await screen.findByText(ERROR_MESSAGES.SESSIONS_OVERLAP, { selector: '.sessions-error' })).toBeTruthy();
    expect(c.querySelector('#plan-submit-card')).toBeNull();
    expect((c.querySelector('#plan-name') as HTMLInputElement).value).toBe('中式烹调师（五级）圪洞镇班');
    refuse = false;
    tap(c, '#plan-save');
    await waitFor(() => expect(c.querySelector('#plan-submit-card')).not.toBeNull());
    const [a, b] = callsOf(calls, 'training', 'createClass');
    expect(b.requestId).toBe(a.requestId);
  });

  it('an approved class changes only seats and sessions', async () => {
    onFormPage({ classId: 'c-9' });
    const approved = draft({ status: 'approved', statusName: '已通过', editable: 'sessionsAndCapacity', enrolled: 3, sessions: [{ date: '2026-03-05', start: '09:00', end: '11:00' }] });
    const calls = api({ classDetail: () => ok(approved), updateClass: () => ok(approved) });
    const { container: c } = render(<ClassFormPage />);
    await waitFor(() => expect(c.querySelector('#plan-capacity')).not.toBeNull());
    expect(c.querySelector('#plan-occupation-4-03-02-01')).toBeNull();
    expect(c.querySelector('#plan-submit')).toBeNull();
    typeInto(c, 'plan-capacity', '2');
    tap(c, '#plan-save');
    expect(await screen.findByText(ERROR_MESSAGES.CAPACITY_BELOW_ENROLLED)).toBeTruthy();
    typeInto(c, 'plan-capacity', '40');
    tap(c, '#plan-save');
    await waitFor(() => expect(callsOf(calls, 'training', 'updateClass')).toHaveLength(1));
    expect(callsOf(calls, 'training', 'updateClass')[0].payload).toEqual({ classId: 'c-9', capacity: 40, sessions: [{ date: '2026-03-05', start: '09:00', end: '11:00' }] });
  });

  it('without the voucher catalogue it says why and offers 重试; a self-funded class can still be saved', async () => {
    onFormPage({ institutionId: 'inst-9' });
    const calls = api({ catalogue: () => refusal('NETWORK'), createClass: () => ok(draft()) });
    const { container: c } = render(<ClassFormPage />);
    expect(await screen.findByText(`培训券种类没有加载：${ERROR_MESSAGES.NETWORK}（点此重试）`)).toBeTruthy();
    tap(c, '#plan-occupation-4-03-02-01');
    tap(c, '#plan-level-5');
    tap(c, '#plan-self-yes');
    tap(c, '#plan-township-141128100');
    tap(c, '#plan-save');
    await waitFor(() => expect(callsOf(calls, 'training', 'createClass')).toHaveLength(1));
    expect(callsOf(calls, 'training', 'createClass')[0].payload).toMatchObject({ acceptedTypes: [], selfFunded: true });
  });
});
