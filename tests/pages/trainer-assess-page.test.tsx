import { render, screen, waitFor } from '@testing-library/react';
import type { EvaluationVoucherView, ResultView } from '../../cloudfunctions/contract';
import { ERROR_MESSAGES } from '../../cloudfunctions/core/errors';
import AssessPage from '../../src/packages/trainer/pages/assess/index';
import { usePlanStore } from '../../src/packages/trainer/stores/use-plan-store';
import { useSessionStore } from '../../src/stores/use-session-store';
import { __resetTaroMock, getCurrentInstance } from './__mocks__/taro';
import { installApi, ok, refusal, resetStores } from './api-double';
import { idNumberAged } from '../support/id-numbers';
import { aRegistration, anInstitution, callsOf, tap, typeInto } from './supply-double';

const ID_NUMBER = idNumberAged(40, new Date(), { region: '141128' });

const trainer = () => ({ registered: false, profile: null, roles: [{ role: 'trainer' as const, institutionId: 'inst-9', institutionName: '方山县厨师培训学校' }], now: new Date().toISOString() });

const found = (): EvaluationVoucherView => ({
  voucherId: 'v-1',
  holderName: '刘*军',
  idNumberMasked: '141***********1234',
  band: 'A',
  expiresAt: '2026-08-29T16:00:00.000Z',
  assessable: [{ occupationCode: '4-03-02-01', levels: [5, 4] }],
});

const passed = (): ResultView => ({
  id: 'res-1',
  personId: 'p-1',
  passed: true,
  score: 86,
  assessedOn: '2026-03-02',
  certificate: { number: '2026141128000001', kindName: '职业技能等级证书', levelName: '五级/初级工' },
  subsidy: null,
});

type Handlers = Record<string, (p: unknown) => ReturnType<typeof ok>>;
const api = (extra: Handlers = {}) =>
  installApi({ whoami: () => ok(trainer()), get: () => ok(anInstitution({ registrations: [aRegistration()], evaluationBody: true })), findEvaluationVoucher: () => ok(found()), ...extra });

async function openAndFind() {
  __resetTaroMock();
  getCurrentInstance.mockReturnValue({ router: { params: { institutionId: 'inst-9' }, path: '/packages/trainer/pages/assess/index' }, page: {} });
  resetStores(useSessionStore, usePlanStore);
  const view = render(<AssessPage />);
  await waitFor(() => expect(view.container.querySelector('#assess-id')).not.toBeNull());
  typeInto(view.container, 'assess-id', ID_NUMBER);
  tap(view.container, '#assess-find');
  await screen.findByText('刘*军');
  return view.container;
}

describe('评价 without a class (R7.1)', () => {
  it('finds the voucher by ID number, records a pass once and shows the certificate number', async () => {
    const calls = api({ record: () => ok(passed()) });
    const c = await openAndFind();
    expect(callsOf(calls, 'certificate', 'findEvaluationVoucher').map((x) => x.payload)).toEqual([{ idNumber: ID_NUMBER, institutionId: 'inst-9' }]);
    // The only registered occupation is chosen already; its levels are offered.
    expect(c.querySelector('#assess-occupation-4-03-02-01')?.className).toContain('is-selected');
    tap(c, '#assess-level-5');
    typeInto(c, 'assess-score', '86');
    expect(c.querySelector('#assess-verdict-pass')?.className).toContain('is-selected');
    tap(c, '#assess-record');
    expect(c.querySelector('.assess-confirm')?.textContent).toContain('合格，86分');
    expect(callsOf(calls, 'certificate', 'record')).toHaveLength(0);
    tap(c, '#assess-confirm');
    expect((await screen.findByText('2026141128000001')).id).toBe('assess-cert-number');
    const [sent] = callsOf(calls, 'certificate', 'record');
    expect(sent.payload).toEqual({ institutionId: 'inst-9', voucherId: 'v-1', occupationCode: '4-03-02-01', level: 5, passed: true, score: 86 });
  });

  it('a score that disagrees with 合格 is said on the phone and nothing is sent', async () => {
    const calls = api();
    const c = await openAndFind();
    tap(c, '#assess-level-4');
    typeInto(c, 'assess-score', '52');
    tap(c, '#assess-verdict-pass');
    tap(c, '#assess-record');
    expect(await screen.findByText('合格与否与成绩不一致（60分及以上为合格）')).toBeTruthy();
    expect(callsOf(calls, 'certificate', 'record')).toHaveLength(0);
  });

  it('a refusal is said in the server’s words; the answers stay and a retry is the same request', async () => {
    let refuse = true;
    const calls = api({ record: () => (refuse ? refusal('OCCUPATION_NOT_ASSESSED') : ok(passed())) });
    const c = await openAndFind();
    tap(c, '#assess-level-5');
    typeInto(c, 'assess-score', '86');
    tap(c, '#assess-record');
    tap(c, '#assess-confirm');
    expect(await screen.findByText(ERROR_MESSAGES.OCCUPATION_NOT_ASSESSED, { selector: '.assess-confirm-error span' })).toBeTruthy();
    expect(c.querySelector('#assess-result')).toBeNull();
    refuse = false;
    tap(c, '#assess-confirm');
    await screen.findByText('2026141128000001');
    const [a, b] = callsOf(calls, 'certificate', 'record');
    expect(b.requestId).toBe(a.requestId);
  });

  it('a person without a usable voucher is told in the server’s words, under the ID number', async () => {
    __resetTaroMock();
    getCurrentInstance.mockReturnValue({ router: { params: {}, path: '/packages/trainer/pages/assess/index' }, page: {} });
    resetStores(useSessionStore, usePlanStore);
    api({ findEvaluationVoucher: () => refusal('VOUCHER_NOT_EVALUATION', '此人没有可用的技能等级评价券，请让本人先领取') });
    const { container: c } = render(<AssessPage />);
    await waitFor(() => expect(c.querySelector('#assess-id')).not.toBeNull());
    typeInto(c, 'assess-id', ID_NUMBER);
    tap(c, '#assess-find');
    expect(await screen.findByText('此人没有可用的技能等级评价券，请让本人先领取', { selector: '.assess-find-notice span' })).toBeTruthy();
    expect(c.querySelector('#assess-holder')).toBeNull();
  });
});
