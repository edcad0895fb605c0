import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { composeIdNumber } from '../../cloudfunctions/core/id-number';
import RegisterPage from '../../src/pages/register/index';
import { useSessionStore } from '../../src/stores/use-session-store';
import { __resetTaroMock, showToast, switchTab } from './__mocks__/taro';
import { aNewcomer, aRegisteredLaborer, firstThen, installApi, ok, refusal, REGIONS, resetStores } from './api-double';

const VALID_ID = composeIdNumber('141127', { year: 1990, month: 3, day: 7 }, 123);
/** Same number with its check character changed. */
const BAD_CHECKSUM_ID = VALID_ID.slice(0, 17) + (VALID_ID[17] === '0' ? '1' : '0');

beforeEach(() => {
  __resetTaroMock();
  resetStores(useSessionStore);
});

async function renderForm(register = () => ok(aRegisteredLaborer())) {
  const calls = installApi({ whoami: () => ok(aNewcomer()), regions: () => ok(REGIONS), register });
  const view = render(<RegisterPage />);
  await screen.findByText('请选择县（市、区）');
  const input = (id: string) => view.container.querySelector<HTMLInputElement>(`#${id}`)!;
  const type = (id: string, value: string) => fireEvent.change(input(id), { target: { value } });
  const hint = () => view.container.querySelector('.reg-id-hint')?.textContent;
  return { ...view, calls, input, type, hint };
}

async function chooseTownship(county: string, township: string) {
  fireEvent.click(document.querySelector('#reg-county')!);
  fireEvent.click(screen.getByText(county));
  fireEvent.click(screen.getByText(township));
}

describe('实名登记 page — R2 instant ID hints', () => {
  it('asks for an 18-digit number when a 15-digit one is entered and the field is left', async () => {
    const form = await renderForm();
    form.type('reg-id', '141127900307123');
    fireEvent.blur(form.input('reg-id'));
    expect(form.hint()).toBe('请使用18位身份证号码');
  });

  it('does not scold while the number is still being typed', async () => {
    const form = await renderForm();
    form.type('reg-id', '1411271990');
    expect(form.hint()).toBe('18位，最后一位可能是X');
  });

  it('flags a wrong check character as soon as 18 characters are typed', async () => {
    const form = await renderForm();
    form.type('reg-id', BAD_CHECKSUM_ID);
    expect(form.hint()).toBe('身份证号码校验位不正确，请核对后重新输入');
  });

  it('shows the birth date and age read from a valid number', async () => {
    const form = await renderForm();
    form.type('reg-id', VALID_ID);
    expect(form.hint()).toMatch(/^出生日期：1990-03-07　年龄：\d+周岁$/);
  });
});

describe('实名登记 page — submitting', () => {
  it('registers with the chosen township and says what to do next: classes first, then vouchers, then 我的', async () => {
    const form = await renderForm();
    form.type('reg-name', '王建国');
    form.type('reg-id', VALID_ID);
    form.type('reg-phone', '13800001234');
    await chooseTownship('岚县', '岚城镇');
    fireEvent.click(screen.getByText('提交登记'));
    await screen.findByText('登记成功', { selector: '.czt-state-title' });
    expect(screen.getByText('下一步：报名参加培训。报名时会自动领取需要的培训券')).toBeTruthy();
    fireEvent.click(screen.getByText('去报名课程'));
    expect(switchTab).toHaveBeenCalledWith({ url: '/pages/classes/index' });
    fireEvent.click(screen.getByText('查看我的信息'));
    expect(switchTab).toHaveBeenCalledWith({ url: '/pages/me/index' });
    const register = form.calls.find((c) => c.action === 'register');
    expect(register?.payload).toEqual({
      name: '王建国',
      idNumber: VALID_ID,
      phone: '13800001234',
      townshipCode: '141127101',
    });
    expect(useSessionStore.getState().me?.registered).toBe(true);
  });

  it('does not send a number the checker refuses', async () => {
    const form = await renderForm();
    form.type('reg-name', '王建国');
    form.type('reg-id', BAD_CHECKSUM_ID);
    await chooseTownship('岚县', '岚城镇');
    fireEvent.click(screen.getByText('提交登记'));
    expect(form.calls.some((c) => c.action === 'register')).toBe(false);
    expect(showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '身份证号码校验位不正确，请核对后重新输入' }));
  });

  it('asks for the township before sending', async () => {
    const form = await renderForm();
    form.type('reg-name', '王建国');
    form.type('reg-id', VALID_ID);
    fireEvent.click(screen.getByText('提交登记'));
    expect(await screen.findByText('请选择户籍所在乡镇')).toBeTruthy();
    expect(form.calls.some((c) => c.action === 'register')).toBe(false);
  });

  it("shows the server's Chinese refusal under the ID field and as a toast", async () => {
    const form = await renderForm(() => refusal('ID_NUMBER_TAKEN'));
    form.type('reg-name', '王建国');
    form.type('reg-id', VALID_ID);
    await chooseTownship('岚县', '东村镇');
    fireEvent.click(screen.getByText('提交登记'));
    const message = '该身份证号码已被其他微信账号登记。如有疑问，请携带身份证到乡镇人社所办理';
    await waitFor(() => expect(form.hint()).toBe(message));
    expect(showToast).toHaveBeenCalledWith(expect.objectContaining({ title: message, icon: 'none' }));
    expect(switchTab).not.toHaveBeenCalled();
  });

  it('retries after a network failure with the same requestId', async () => {
    const form = await renderForm(firstThen(refusal('NETWORK'), ok(aRegisteredLaborer())));
    form.type('reg-name', '王建国');
    form.type('reg-id', VALID_ID);
    await chooseTownship('岚县', '岚城镇');
    fireEvent.click(screen.getByText('提交登记'));
    await screen.findByText('网络不给力，请检查网络后重试');
    fireEvent.click(screen.getByText('提交登记'));
    await screen.findByText('登记成功', { selector: '.czt-state-title' });
    const ids = form.calls.filter((c) => c.action === 'register').map((c) => c.requestId);
    expect(ids).toHaveLength(2);
    expect(ids[0]).toBe(ids[1]);
  });
});
