import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import CertificateDetailPage from '../../src/pages/certificate-detail/index';
import CertificatesPage from '../../src/pages/certificates/index';
import { useCertificateStore } from '../../src/stores/use-certificate-store';
import { useEmploymentStore } from '../../src/stores/use-employment-store';
import { useSessionStore } from '../../src/stores/use-session-store';
import { getCurrentInstance, navigateTo } from './__mocks__/taro';
import { aNewcomer, freshLaborerPage, installApi, installLaborerApi, ok } from './api-double';
import { aCertificate, aFollowUp, CODE, NUMBER, revoked } from './certificate-double';

beforeEach(() => {
  freshLaborerPage(useCertificateStore, useEmploymentStore);
  getCurrentInstance.mockReturnValue({ router: { params: {}, path: '/pages/certificates/index' }, page: {} });
});

const card = (container: HTMLElement, number: string) => container.querySelector<HTMLElement>(`.cert-card[data-number="${number}"]`);

describe('证书 page', () => {
  it('R7.2 shows each certificate: kind, occupation and level, issuer, date in Chinese, number, 有效', async () => {
    installLaborerApi({ mine: () => ok([aCertificate()]) });
    const { container } = render(<CertificatesPage />);
    await screen.findByText('职业技能等级证书');
    const c = card(container, NUMBER)!;
    expect(c.querySelector('.cert-occupation')?.textContent).toBe('养老护理员（五级/初级工）');
    expect(c.textContent).toContain('发证机构：吕梁山护工培训学校');
    expect(c.querySelector('.cert-date')?.textContent).toBe('发证日期：2026年3月12日');
    expect(c.querySelector('.cert-number')?.textContent).toBe(`证书编号：${NUMBER}`);
    expect(c.querySelector('.cert-status')?.textContent).toBe('有效');
    expect(c.querySelector('.cert-revoked-reason')).toBeNull();
  });

  it('a revoked certificate says 已撤销 and why', async () => {
    installLaborerApi({ mine: () => ok([aCertificate(revoked('考核材料不实'))]) });
    const { container } = render(<CertificatesPage />);
    await screen.findByText('已撤销');
    expect(card(container, NUMBER)!.querySelector('.cert-revoked-reason')?.textContent).toBe('撤销原因：考核材料不实');
  });

  it('tapping a certificate opens its page', async () => {
    installLaborerApi({ mine: () => ok([aCertificate()]) });
    const { container } = render(<CertificatesPage />);
    await screen.findByText('职业技能等级证书');
    fireEvent.click(card(container, NUMBER)!);
    expect(navigateTo).toHaveBeenCalledWith({ url: `/pages/certificate-detail/index?number=${NUMBER}` });
  });

  it('has an empty state, and asks a newcomer to register', async () => {
    installLaborerApi({ mine: () => ok([]) });
    const { unmount } = render(<CertificatesPage />);
    expect(await screen.findByText('暂无证书')).toBeTruthy();
    unmount();
    useSessionStore.setState(useSessionStore.getInitialState(), true);
    const calls = installApi({ whoami: () => ok(aNewcomer()) });
    render(<CertificatesPage />);
    expect(await screen.findByText('查看证书前，请先完成实名登记')).toBeTruthy();
    expect(calls.some((c) => c.fn === 'certificate')).toBe(false);
  });
});

describe('证书详情 page', () => {
  beforeEach(() => {
    getCurrentInstance.mockReturnValue({ router: { params: { number: NUMBER }, path: '/pages/certificate-detail/index' }, page: {} });
  });

  it('R7.2 shows the verification code and a QR code; R8.3 lists follow-ups with a way to 就业登记', async () => {
    installLaborerApi({
      mine: () => ok([aCertificate()]),
      followUps: () => ok([aFollowUp(), aFollowUp({ months: 6, dueOn: '2026-09-12', status: 'upcoming' })]),
    });
    const { container } = render(<CertificateDetailPage />);
    expect((await screen.findByText(`验证码：${CODE}`)).id).toBe('cert-verify-code');
    const qr = container.querySelector<HTMLImageElement>('#cert-qr')!;
    expect(qr.getAttribute('src')).toMatch(/^data:image\/svg\+xml;base64,/);
    await waitFor(() => expect(container.querySelector('.cert-follow-up.is-due')?.textContent).toBe('取证满3个月：2026年6月12日请更新'));
    fireEvent.click(container.querySelector('#cert-go-employment')!);
    expect(navigateTo).toHaveBeenCalledWith({ url: '/pages/employment/index' });
  });

  it('says so for a number that is not among mine', async () => {
    getCurrentInstance.mockReturnValue({ router: { params: { number: '2026000000000000' }, path: '' }, page: {} });
    installLaborerApi({ mine: () => ok([aCertificate()]), followUps: () => ok([]) });
    render(<CertificateDetailPage />);
    expect(await screen.findByText('没有找到这本证书')).toBeTruthy();
  });
});
