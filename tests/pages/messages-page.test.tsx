/** 消息 (R10): the message centre, and the 消息 entries with the unread badge. */
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { MessageList, MessageView } from '../../cloudfunctions/contract';
import OfficialDashboardPage from '../../src/packages/official/pages/dashboard/index';
import { useOfficialStore } from '../../src/packages/official/stores/use-official-store';
import { thisYear } from '../../src/packages/official/utils/format';
import ClassesPage from '../../src/pages/classes/index';
import IndexPage from '../../src/pages/index/index';
import MePage from '../../src/pages/me/index';
import MessagesPage from '../../src/pages/messages/index';
import VouchersPage from '../../src/pages/vouchers/index';
import { useClassStore } from '../../src/stores/use-class-store';
import { useMessageStore } from '../../src/stores/use-message-store';
import { useVoucherStore } from '../../src/stores/use-voucher-store';
import { resetSubscribeCache } from '../../src/utils/subscribe';
import { cloud, navigateTo, requestSubscribeMessage, switchTab } from './__mocks__/taro';
import { aNewcomer, aRegisteredLaborer, freshLaborerPage, installApi, installLaborerApi, ok, retryWhenOnline } from './api-double';
import { aClass, anEnrollment } from './class-double';
import { aDashboard, anOfficial } from './official-double';
import { asWeapp, installCloud } from './trainer-double';
import { SKILLS, aVoucher } from './voucher-double';

beforeEach(() => {
  freshLaborerPage(useMessageStore, useVoucherStore, useOfficialStore, useClassStore);
  resetSubscribeCache();
});
afterEach(() => {
  cloud.callFunction.mockReset();
});

function aMessage(overrides: Partial<MessageView> = {}): MessageView {
  return {
    id: 'm-1',
    kind: 'voucherExpiry',
    title: '培训券快到期了',
    text: '您的职业技能培训券还有3天到期，请尽快报名',
    page: 'pages/my-vouchers/index',
    read: false,
    createdAt: '2026-11-23T00:05:00.000Z',
    delivery: 'sent',
    ...overrides,
  };
}

const EXPIRY = aMessage();
const CERT = aMessage({
  id: 'm-2',
  kind: 'certificateIssued',
  title: '证书已发放',
  text: '您的中式烹调师证书已发放',
  page: 'pages/certificates/index',
  read: true,
  createdAt: '2026-11-20T02:00:00.000Z',
});
const SESSION = aMessage({
  id: 'm-3',
  kind: 'sessionTomorrow',
  title: '明天上课',
  text: '明天8:30在岚城镇上课，记得带身份证',
  page: 'pages/my-classes/index',
  read: false,
  createdAt: '2026-11-19T02:00:00.000Z',
});

const page = (items: MessageView[], unread: number, next?: string): MessageList => (next ? { items, unread, next } : { items, unread });
const item = (c: HTMLElement, id: string) => c.querySelector<HTMLElement>(`.message-item[data-id="${id}"]`)!;
const actions = (calls: { action: string; payload: unknown }[], action: string) => calls.filter((c) => c.action === action).map((c) => c.payload);

describe('消息 page', () => {
  it('lists the messages newest first, unread ones bold with a dot', async () => {
    const calls = installApi({ list: () => ok(page([EXPIRY, CERT], 1)) });
    const { container } = render(<MessagesPage />);
    await screen.findByText('培训券快到期了');
    const rows = [...container.querySelectorAll('#message-list .message-item')];
    expect(rows.map((r) => r.getAttribute('data-id'))).toEqual(['m-1', 'm-2']);
    const expiry = container.querySelector<HTMLElement>('.message-item[data-kind=voucherExpiry]')!;
    expect(expiry.classList.contains('is-unread')).toBe(true);
    expect(expiry.querySelector('.message-dot')).not.toBeNull();
    expect(expiry.querySelector('.message-title')?.textContent).toBe('培训券快到期了');
    expect(expiry.querySelector('.message-text')?.textContent).toBe('您的职业技能培训券还有3天到期，请尽快报名');
    expect(expiry.textContent).toContain('2026年11月23日 08:05');
    const cert = item(container, 'm-2');
    expect(cert.classList.contains('is-unread')).toBe(false);
    expect(cert.querySelector('.message-dot')).toBeNull();
    expect(container.querySelector('#messages-unread')?.textContent).toBe('1条未读');
    expect(actions(calls, 'list')).toEqual([{ limit: 20 }]);
  });

  it('tapping an unread message marks it read and opens its page', async () => {
    const calls = installApi({ list: () => ok(page([EXPIRY, CERT], 1)), read: () => ok({ unread: 0 }) });
    const { container } = render(<MessagesPage />);
    await screen.findByText('培训券快到期了');
    fireEvent.click(item(container, 'm-1'));
    expect(navigateTo).toHaveBeenCalledWith({ url: '/pages/my-vouchers/index' });
    expect(switchTab).not.toHaveBeenCalled();
    expect(item(container, 'm-1').classList.contains('is-unread')).toBe(false);
    await waitFor(() => expect(actions(calls, 'read')).toEqual([{ id: 'm-1' }]));
    expect(container.querySelector('#messages-unread')?.textContent).toBe('没有未读消息');
  });

  it('opens a tab page with switchTab, without marking a read message again', async () => {
    const calls = installApi({ list: () => ok(page([EXPIRY, CERT], 1)), read: () => ok({ unread: 1 }) });
    const { container } = render(<MessagesPage />);
    await screen.findByText('证书已发放');
    fireEvent.click(item(container, 'm-2'));
    expect(switchTab).toHaveBeenCalledWith({ url: '/pages/certificates/index' });
    expect(navigateTo).not.toHaveBeenCalled();
    expect(actions(calls, 'read')).toEqual([]);
  });

  it('puts the dot back when marking read fails', async () => {
    installApi({ list: () => ok(page([EXPIRY], 1)) }); // read → UNKNOWN_ACTION refusal
    const { container } = render(<MessagesPage />);
    await screen.findByText('培训券快到期了');
    fireEvent.click(item(container, 'm-1'));
    expect(navigateTo).toHaveBeenCalledWith({ url: '/pages/my-vouchers/index' });
    await waitFor(() => expect(item(container, 'm-1').classList.contains('is-unread')).toBe(true));
  });

  it('全部已读 marks every message read', async () => {
    const calls = installApi({ list: () => ok(page([EXPIRY, CERT, SESSION], 2)), read: () => ok({ unread: 0 }) });
    const { container } = render(<MessagesPage />);
    await screen.findByText('明天上课');
    expect(container.querySelectorAll('.message-item.is-unread')).toHaveLength(2);
    fireEvent.click(container.querySelector('#messages-read-all')!);
    await waitFor(() => expect(container.querySelectorAll('.message-item.is-unread')).toHaveLength(0));
    expect(actions(calls, 'read')).toEqual([{}]);
    expect(container.querySelector('#messages-unread')?.textContent).toBe('没有未读消息');
  });

  it('加载更多 asks for the page after the cursor and appends it', async () => {
    const calls = installApi({
      list: (p) => {
        const input = p as { after?: string };
        return ok(input.after === 'c-2' ? page([SESSION], 2) : page([EXPIRY, CERT], 2, 'c-2'));
      },
    });
    const { container } = render(<MessagesPage />);
    await screen.findByText('培训券快到期了');
    expect(container.querySelector('.messages-end')).toBeNull();
    fireEvent.click(screen.getByText('加载更多'));
    await screen.findByText('明天上课');
    expect(actions(calls, 'list')).toEqual([{ limit: 20 }, { after: 'c-2', limit: 20 }]);
    expect([...container.querySelectorAll('.message-item')].map((r) => r.getAttribute('data-id'))).toEqual(['m-1', 'm-2', 'm-3']);
    expect(screen.queryByText('加载更多')).toBeNull();
    expect(screen.getByText('没有更多消息了')).toBeTruthy();
  });

  it('says 暂无消息 when there are none', async () => {
    installApi({ list: () => ok(page([], 0)) });
    const { container } = render(<MessagesPage />);
    expect(await screen.findByText('暂无消息')).toBeTruthy();
    expect(container.querySelector('#messages-empty')).not.toBeNull();
    expect(container.querySelector('#messages-read-all')).toBeNull();
  });

  it('shows the offline state with a retry that reloads', async () => {
    (globalThis as { fetch?: unknown }).fetch = jest.fn(() => Promise.reject(new TypeError('offline')));
    render(<MessagesPage />);
    await retryWhenOnline(() => installApi({ list: () => ok(page([EXPIRY], 1)) }));
    expect(await screen.findByText('培训券快到期了')).toBeTruthy();
  });
});

describe('消息 entries', () => {
  it('我的 shows 消息 with the unread count for every role and opens the message centre', async () => {
    const calls = installApi({ whoami: () => ok(aNewcomer()), list: () => ok(page([EXPIRY], 3)) });
    const { container } = render(<MePage />);
    await waitFor(() => expect(container.querySelector('#go-messages .unread-badge')?.textContent).toBe('3'));
    expect(actions(calls, 'list')).toContainEqual({ limit: 1 });
    fireEvent.click(container.querySelector('#go-messages')!);
    expect(navigateTo).toHaveBeenCalledWith({ url: '/pages/messages/index' });
  });

  it('我的 shows no badge when everything is read, and keeps working when the count fails', async () => {
    installLaborerApi(); // list → refusal
    const { container } = render(<MePage />);
    await screen.findByText('张秀萍');
    expect(container.querySelector('#go-messages')).not.toBeNull();
    expect(container.querySelector('#go-messages .unread-badge')).toBeNull();
  });

  it('首页 shows 消息 with the badge to a registered laborer', async () => {
    installLaborerApi({ list: () => ok(page([EXPIRY], 120)), followUps: () => ok([]) });
    const { container } = render(<IndexPage />);
    await waitFor(() => expect(container.querySelector('#home-messages .unread-badge')?.textContent).toBe('99+'));
    fireEvent.click(container.querySelector('#home-messages')!);
    expect(navigateTo).toHaveBeenCalledWith({ url: '/pages/messages/index' });
  });
});

describe('consent prompts at their moments (R10.2)', () => {
  const TEMPLATES = [
    { key: 'TPL_VOUCHER_EXPIRY', templateId: 't-expiry', title: '培训券到期提醒' },
    { key: 'TPL_UNSET', templateId: '', title: '未配置' },
  ];

  it('weapp: the 确认领取 tap opens the consent sheet at once, then claims as before', async () => {
    await asWeapp(async () => {
      const calls = installCloud({
        whoami: () => aRegisteredLaborer(),
        listTypes: () => [SKILLS],
        templates: () => TEMPLATES,
        claim: () => aVoucher(),
        consent: () => ({ recorded: 1 }),
      });
      const { container } = render(<VouchersPage />);
      await screen.findByText('职业技能培训券');
      // 培训券 also offers the class a claimed voucher pays for (R13), so the class reminders are ready too.
      await waitFor(() => expect(actions(calls, 'templates')).toEqual([{ moment: 'voucherClaimed' }, { moment: 'enrolled' }]));
      fireEvent.click(container.querySelector('.voucher-claim')!);
      await screen.findByText('确认领取', { selector: '.czt-card-title' });
      expect(requestSubscribeMessage).not.toHaveBeenCalled();
      fireEvent.click(container.querySelector('#voucher-confirm')!);
      expect(requestSubscribeMessage).toHaveBeenCalledWith({ tmplIds: ['t-expiry'] });
      await waitFor(() => expect(container.querySelector('.voucher-claimed')).not.toBeNull());
      expect(actions(calls, 'claim')).toEqual([{ type: 'skills' }]);
      await waitFor(() => expect(actions(calls, 'consent')).toEqual([{ answers: [{ templateId: 't-expiry', answer: 'accept' }] }]));
    });
  });

  it('weapp: a refused consent sheet does not stop the claim', async () => {
    await asWeapp(async () => {
      const calls = installCloud({ whoami: () => aRegisteredLaborer(), listTypes: () => [SKILLS], templates: () => TEMPLATES, claim: () => aVoucher() });
      requestSubscribeMessage.mockRejectedValueOnce({ errMsg: 'requestSubscribeMessage:fail cancel' });
      const { container } = render(<VouchersPage />);
      await screen.findByText('职业技能培训券');
      await waitFor(() => expect(actions(calls, 'templates')).toHaveLength(2));
      fireEvent.click(container.querySelector('.voucher-claim')!);
      fireEvent.click(await waitFor(() => container.querySelector('#voucher-confirm')!));
      await waitFor(() => expect(container.querySelector('.voucher-claimed')).not.toBeNull());
      expect(actions(calls, 'consent')).toEqual([]);
    });
  });

  it('weapp: the 确认报名 tap asks consent for the class reminders, then enrolls as before', async () => {
    await asWeapp(async () => {
      const calls = installCloud({
        whoami: () => aRegisteredLaborer(),
        listClasses: () => [aClass()],
        listTypes: () => [SKILLS],
        templates: () => [{ key: 'TPL_SESSION', templateId: 't-session', title: '上课提醒' }],
        enroll: () => anEnrollment(),
        consent: () => ({ recorded: 1 }),
      });
      const { container } = render(<ClassesPage />);
      await waitFor(() => expect(container.querySelector('.class-enroll')).not.toBeNull());
      await waitFor(() => expect(actions(calls, 'templates')).toEqual([{ moment: 'enrolled' }]));
      fireEvent.click(container.querySelector('.class-enroll')!);
      await screen.findByText('确认报名', { selector: '.czt-card-title' });
      fireEvent.click(container.querySelector('#class-confirm')!);
      expect(requestSubscribeMessage).toHaveBeenCalledWith({ tmplIds: ['t-session'] });
      await screen.findByText('报名成功', { selector: '.czt-card-title' });
      expect(actions(calls, 'enroll')).toHaveLength(1);
      await waitFor(() => expect(actions(calls, 'consent')).toEqual([{ answers: [{ templateId: 't-session', answer: 'accept' }] }]));
    });
  });

  it('H5: the dashboard has 消息 but no 订阅提醒', async () => {
    installApi({ whoami: () => ok(anOfficial()), dashboard: () => ok(aDashboard({ year: thisYear() })) });
    const { container } = render(<OfficialDashboardPage />);
    await waitFor(() => expect(container.querySelector('#official-messages')).not.toBeNull());
    expect(container.querySelector('#official-subscribe')).toBeNull();
    fireEvent.click(container.querySelector('#official-messages')!);
    expect(navigateTo).toHaveBeenCalledWith({ url: '/pages/messages/index' });
  });

  it('weapp: 订阅提醒 on the dashboard asks for the dashboard templates', async () => {
    await asWeapp(async () => {
      const calls = installCloud({
        whoami: () => anOfficial(),
        dashboard: () => aDashboard({ year: thisYear() }),
        templates: () => [{ key: 'TPL_DIGEST', templateId: 't-digest', title: '工作提醒' }],
        consent: () => ({ recorded: 1 }),
      });
      const { container } = render(<OfficialDashboardPage />);
      await waitFor(() => expect(container.querySelector('#official-subscribe')).not.toBeNull());
      await waitFor(() => expect(actions(calls, 'templates')).toEqual([{ moment: 'dashboard' }]));
      fireEvent.click(container.querySelector('#official-subscribe')!);
      expect(requestSubscribeMessage).toHaveBeenCalledWith({ tmplIds: ['t-digest'] });
      await waitFor(() => expect(actions(calls, 'consent')).toEqual([{ answers: [{ templateId: 't-digest', answer: 'accept' }] }]));
    });
  });
});
