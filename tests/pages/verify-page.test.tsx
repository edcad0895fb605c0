import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import VerifyPage from '../../src/packages/verify/pages/verify/index';
import { useUiStore } from '../../src/stores/use-ui-store';
import { __resetTaroMock, getCurrentInstance } from './__mocks__/taro';
import { installApi, ok, refusal } from './api-double';
import { aVerifyView, CODE, NUMBER } from './certificate-double';

const withParams = (params: Record<string, string>) =>
  getCurrentInstance.mockReturnValue({ router: { params, path: '/packages/verify/pages/verify/index' }, page: {} });

beforeEach(() => {
  __resetTaroMock();
  withParams({});
  useUiStore.setState({ largeTextPreference: null });
});

const type = (container: HTMLElement, id: string, value: string) =>
  fireEvent.change(container.querySelector(`#${id}`)!, { target: { value } });

describe('证书查验 page', () => {
  it('R7.2 from a QR code: prefilled from the address and checked once with those values, no login', async () => {
    withParams({ number: NUMBER, code: CODE });
    const calls = installApi({ verify: () => ok(aVerifyView()) });
    const { container } = render(<VerifyPage />);
    expect(container.querySelector<HTMLInputElement>('#verify-number')!.value).toBe(NUMBER);
    expect(container.querySelector<HTMLInputElement>('#verify-code')!.value).toBe(CODE);
    const status = await screen.findByText('有效');
    expect(status.id).toBe('verify-status');
    const result = container.querySelector('#verify-result')!;
    expect(result.textContent).toContain('持证人：张*萍');
    expect(result.textContent).toContain('工种：养老护理员（五级/初级工）');
    expect(result.textContent).toContain('发证机构：吕梁山护工培训学校');
    expect(result.textContent).toContain('发证日期：2026年3月12日');
    await new Promise((r) => setTimeout(r, 20));
    expect(calls.map((c) => [c.fn, c.action, c.payload])).toEqual([['certificate', 'verify', { number: NUMBER, code: CODE }]]);
  });

  it('a revoked certificate says 已撤销 in red, with the reason', async () => {
    withParams({ number: NUMBER, code: CODE });
    installApi({ verify: () => ok(aVerifyView({ status: 'revoked', statusName: '已撤销', revokedReason: '考核材料不实' })) });
    const { container } = render(<VerifyPage />);
    const status = await screen.findByText('已撤销');
    expect(status.className).toContain('is-revoked');
    expect(container.querySelector('.verify-reason')?.textContent).toBe('撤销原因：考核材料不实');
  });

  it('typed by hand: checks the format first, then shows the server answer in Chinese', async () => {
    const calls = installApi({ verify: () => refusal('CERTIFICATE_NOT_FOUND') });
    const { container } = render(<VerifyPage />);
    expect(calls).toHaveLength(0);
    type(container, 'verify-number', '2026141127');
    type(container, 'verify-code', 'k7m2q9xh');
    fireEvent.click(container.querySelector('#verify-submit')!);
    expect(await screen.findByText('证书编号是16位数字，请核对')).toBeTruthy();
    expect(calls).toHaveLength(0);
    type(container, 'verify-number', NUMBER);
    fireEvent.click(container.querySelector('#verify-submit')!);
    expect(await screen.findByText('没有找到这本证书，请核对证书编号和验证码')).toBeTruthy();
    expect(calls).toHaveLength(1);
    // Lower case is read as upper case.
    expect(calls[0].payload).toEqual({ number: NUMBER, code: CODE });
    expect(container.querySelector('#verify-result')).toBeNull();
  });

  it('does not check by itself when the address has only the number', async () => {
    withParams({ number: NUMBER });
    const calls = installApi({ verify: () => ok(aVerifyView()) });
    const { container } = render(<VerifyPage />);
    await waitFor(() => expect(container.querySelector<HTMLInputElement>('#verify-number')!.value).toBe(NUMBER));
    await new Promise((r) => setTimeout(r, 20));
    expect(calls).toHaveLength(0);
  });
});
