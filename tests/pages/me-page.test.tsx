import { fireEvent, render, screen } from '@testing-library/react';
import MePage from '../../src/pages/me/index';
import { navigateTo } from './__mocks__/taro';
import { aNewcomer, aRegisteredLaborer, freshLaborerPage, installApi, installLaborerApi, ok, refusal } from './api-double';

beforeEach(() => {
  freshLaborerPage();
});

describe('我的 page', () => {
  it('shows the masked ID number, age and band letter with its name from whoami', async () => {
    installLaborerApi();
    const { container } = render(<MePage />);
    expect(await screen.findByText('张秀萍')).toBeTruthy();
    expect(screen.getByText('141***********123X')).toBeTruthy();
    expect(screen.getByText('31周岁')).toBeTruthy();
    expect(container.querySelector('.band-value')?.textContent).toBe('A 青壮年（18–45周岁）');
    expect(screen.getByText('岚县 岚城镇')).toBeTruthy();
    expect(screen.getByText('13800001234')).toBeTruthy();
  });

  it('never shows a full ID number', async () => {
    installLaborerApi();
    const { container } = render(<MePage />);
    await screen.findByText('张秀萍');
    expect(container.textContent).not.toMatch(/\d{17}[\dX]/);
  });

  it('offers the trainer workbench only to trainers', async () => {
    installApi({
      whoami: () =>
        ok(aRegisteredLaborer({}, { roles: [{ role: 'laborer' }, { role: 'trainer', institutionId: 'inst-1', institutionName: '岚县职业技能培训学校' }] })),
    });
    render(<MePage />);
    fireEvent.click(await screen.findByText('培训机构工作台'));
    expect(navigateTo).toHaveBeenCalledWith({ url: '/packages/trainer/pages/classes/index?institutionId=inst-1' });
    expect(screen.queryByText('人社部门工作台')).toBeNull();
  });

  it('asks a newcomer to register with one big button', async () => {
    installApi({ whoami: () => ok(aNewcomer()) });
    render(<MePage />);
    fireEvent.click(await screen.findByText('立即登记'));
    expect(navigateTo).toHaveBeenCalledWith({ url: '/pages/register/index' });
  });

  it('asks to sign in with a demo identity when the local host has no session', async () => {
    installApi({ whoami: () => refusal('UNAUTHENTICATED') });
    render(<MePage />);
    expect(await screen.findByText('请先登录')).toBeTruthy();
    expect(screen.getByText('选择演示身份')).toBeTruthy();
  });

  it('shows the offline state with a retry that reloads', async () => {
    (globalThis as { fetch?: unknown }).fetch = jest.fn(() => Promise.reject(new TypeError('offline')));
    render(<MePage />);
    expect(await screen.findByText('网络不给力，请检查网络后重试')).toBeTruthy();
    installLaborerApi();
    fireEvent.click(screen.getByText('重试'));
    expect(await screen.findByText('141***********123X')).toBeTruthy();
  });

  it('turns on large-text mode automatically for band C', async () => {
    installApi({ whoami: () => ok(aRegisteredLaborer({ age: 66, band: 'C', bandName: '60周岁以上' })) });
    const { container } = render(<MePage />);
    await screen.findByText('C 60周岁以上');
    expect(container.querySelector('.czt-page')?.classList.contains('czt-large')).toBe(true);
  });
});
