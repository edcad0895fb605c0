import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { ERROR_MESSAGES } from '../../cloudfunctions/core/errors';
import InstitutionFormPage from '../../src/packages/official/pages/institution-form/index';
import { useSupplyStore } from '../../src/packages/official/stores/use-supply-store';
import { navigateBack, redirectTo } from './__mocks__/taro';
import { installApi, ok, refusal, renderUntil } from './api-double';
import { CREDIT_CODE, OCCUPATIONS, SUPPLY_REGIONS, aCityAdmin, anInstitution, callsOf, onSupplyPage, tap, typeInto } from './supply-double';

const api = (extra: Record<string, (p: unknown) => ReturnType<typeof ok>> = {}) =>
  installApi({ whoami: () => ok(aCityAdmin()), regions: () => ok(SUPPLY_REGIONS), occupations: () => ok(OCCUPATIONS), ...extra });

const openForm = () => renderUntil(<InstitutionFormPage />, '#inst-name', '#train-add');

function fillAll(c: HTMLElement) {
  typeInto(c, 'inst-name', '方山县厨师培训学校');
  typeInto(c, 'inst-credit', CREDIT_CODE);
  tap(c, '#inst-kind-school');
  tap(c, '#inst-county');
  tap(c, '.inst-county-option[data-code="141128"]');
  tap(c, '.inst-township-option[data-code="141128100"]');
  typeInto(c, 'inst-address', '新华街12号');
  typeInto(c, 'inst-contact', '王主任');
  typeInto(c, 'inst-phone', '13800001111');
  tap(c, '#train-add');
  tap(c, '.train-occupation[data-code="4-03-02-01"]');
  tap(c, '#train-level-5');
  tap(c, '#train-level-4');
  tap(c, '#train-add-confirm');
}

const EXPECTED = {
  name: '方山县厨师培训学校',
  creditCode: CREDIT_CODE,
  kind: 'school',
  countyCode: '141128',
  townshipCode: '141128100',
  address: '新华街12号',
  contactName: '王主任',
  contactPhone: '13800001111',
  trains: [{ occupationCode: '4-03-02-01', levels: [5, 4] }],
};

describe('新增机构 (R11.1)', () => {
  beforeEach(() => onSupplyPage());

  it('checks the credit code as it is typed, with core’s rule', async () => {
    api();
    const c = await openForm();
    typeInto(c, 'inst-credit', '52141128MJ00000');
    expect(c.querySelector('.inst-credit-error')).toBeNull();
    typeInto(c, 'inst-credit', `${CREDIT_CODE.slice(0, 17)}${CREDIT_CODE[17] === '0' ? '1' : '0'}`);
    expect(c.querySelector('.inst-credit-error')?.textContent).toBe(ERROR_MESSAGES.CREDIT_CODE_CHECKSUM);
    typeInto(c, 'inst-credit', CREDIT_CODE.toLowerCase());
    expect(c.querySelector('.inst-credit-error')).toBeNull();
  });

  it('sends the institution once, with its township and what it may train, and opens it', async () => {
    const calls = api({ create: () => ok(anInstitution()) });
    const c = await openForm();
    fillAll(c);
    expect(c.querySelector('.train-row')?.textContent).toContain('中式烹调师（五级–四级）');
    tap(c, '#institution-save');
    await waitFor(() => expect(redirectTo).toHaveBeenCalledWith({ url: '/packages/official/pages/institution/index?institutionId=inst-9' }));
    expect(callsOf(calls, 'institution', 'create').map((x) => x.payload)).toEqual([EXPECTED]);
    expect(useSupplyStore.getState().institution['inst-9']?.name).toBe('方山县厨师培训学校');
  });

  it('says what is missing under each field and sends nothing', async () => {
    const calls = api();
    const c = await openForm();
    tap(c, '#institution-save');
    expect(await screen.findByText('请按红字改正后再保存')).toBeTruthy();
    expect(screen.getByText(ERROR_MESSAGES.INSTITUTION_NAME_INVALID)).toBeTruthy();
    expect(screen.getByText('请选择机构类型')).toBeTruthy();
    expect(screen.getByText('请添加至少一个可培训的职业')).toBeTruthy();
    expect(callsOf(calls, 'institution', 'create')).toHaveLength(0);
  });

  it('a refusal is said under its field; the form stays as typed and nothing else changes', async () => {
    const calls = api({ create: () => refusal('CREDIT_CODE_TAKEN') });
    const c = await openForm();
    fillAll(c);
    tap(c, '#institution-save');
    await screen.findByText(ERROR_MESSAGES.CREDIT_CODE_TAKEN, { selector: '.inst-credit-error' });
    expect(redirectTo).not.toHaveBeenCalled();
    expect((c.querySelector('#inst-name') as HTMLInputElement).value).toBe('方山县厨师培训学校');
    expect(useSupplyStore.getState().institution).toEqual({});
    expect(callsOf(calls, 'institution', 'create')).toHaveLength(1);
  });

  it('a retry after a lost answer is the same request; a changed form is a new one', async () => {
    let lose = 1;
    const calls = api({
      create: () => {
        if (lose-- > 0) throw new TypeError('Failed to fetch');
        return ok(anInstitution());
      },
    });
    const c = await openForm();
    fillAll(c);
    tap(c, '#institution-save');
    await screen.findByText(ERROR_MESSAGES.NETWORK);
    tap(c, '#institution-save');
    await waitFor(() => expect(redirectTo).toHaveBeenCalled());
    const [first, second] = callsOf(calls, 'institution', 'create').map((x) => x.requestId);
    expect(second).toBe(first);
  });
});

describe('修改机构 (R11.1)', () => {
  it('sends only what changed, and goes back', async () => {
    onSupplyPage({ institutionId: 'inst-9' });
    const calls = api({ get: () => ok(anInstitution()), update: () => ok(anInstitution({ contactPhone: '0358-1234567' })) });
    render(<InstitutionFormPage />);
    const input = (await screen.findByDisplayValue('13800001111')) as HTMLInputElement;
    fireEvent.change(input, { target: { value: '0358-1234567' } });
    fireEvent.click(document.querySelector('#institution-save')!);
    await waitFor(() => expect(navigateBack).toHaveBeenCalled());
    expect(callsOf(calls, 'institution', 'update').map((x) => x.payload)).toEqual([{ institutionId: 'inst-9', contactPhone: '0358-1234567' }]);
  });
});
