/**
 * States everywhere (R13 issue, item 6): each failure said for what it is, staff landing on their
 * workbench, 我的 with 就业登记 and 亲情代办, a county without 排名, the check-in shares flagged, a
 * ledger card headed by person and thing, dates one way, and a title on every H5 page.
 */
import { render, screen, waitFor } from '@testing-library/react';
import { ApiError, failure } from '../../src/api/client';
import { PageShell } from '../../src/components/page-shell';
import OfficialDashboardPage from '../../src/packages/official/pages/dashboard/index';
import { useOfficialStore } from '../../src/packages/official/stores/use-official-store';
import { thisYear } from '../../src/packages/official/utils/format';
import IndexPage from '../../src/pages/index/index';
import MePage from '../../src/pages/me/index';
import { useFamilyStore } from '../../src/stores/use-family-store';
import { chinaDateWords } from '../../src/utils/dates';
import { cellText, ledgerCard } from '../../src/utils/ledger-text';
import Taro, { reLaunch } from './__mocks__/taro';
import { aRoleHolder, freshLaborerPage, installApi, installLaborerApi, ok } from './api-double';
import { aDashboard } from './official-double';

beforeEach(() => {
  freshLaborerPage(useFamilyStore, useOfficialStore);
});

const countyOfficial = () => aRoleHolder({ role: 'official', regionCode: '141127', regionName: '岚县' }, '2026-11-23T09:00:00.000Z');
const trainer = () => aRoleHolder({ role: 'trainer', institutionId: 'inst-1', institutionName: '岚县农广校' }, '2026-11-23T09:00:00.000Z');

describe('each failure said for what it is', () => {
  it.each([
    ['offline', '没有网络'],
    ['timeout', '服务器没有回应'],
    ['unreachable', '网络连接不上'],
    ['server', '服务器出错了'],
  ] as const)('%s: %s, with 重试', (kind, title) => {
    const retry = jest.fn();
    render(<PageShell error={failure(kind)} onRetry={retry} />);
    expect(screen.getByText(title)).toBeTruthy();
    screen.getByText('重试').click();
    expect(retry).toHaveBeenCalled();
  });

  it('a relative asked for what only the elder may do is told to let the elder do it', () => {
    render(<PageShell error={new ApiError('PROXY_NOT_ALLOWED')} />);
    expect(screen.getByText('需要本人办理')).toBeTruthy();
  });

  it('says so on every page when the phone has no network', async () => {
    const onLine = jest.spyOn(window.navigator, 'onLine', 'get').mockReturnValue(false);
    try {
      render(<PageShell>内容</PageShell>);
      expect(await screen.findByText('手机没有网络，显示的可能不是最新内容')).toBeTruthy();
    } finally {
      onLine.mockRestore();
    }
  });

  it('shows the page’s own title on H5', () => {
    (Taro.getCurrentInstance as jest.Mock).mockReturnValueOnce({ router: { params: {} }, page: { config: { navigationBarTitleText: '培训券' } } });
    const { container } = render(<PageShell>内容</PageShell>);
    expect(container.querySelector('.czt-h5-title')?.textContent).toBe('培训券');
  });
});

describe('staff land on their workbench', () => {
  it('首页 opens the one workbench of someone who only works here, once', async () => {
    installApi({ whoami: () => ok(trainer()) });
    render(<IndexPage />);
    await waitFor(() => expect(reLaunch).toHaveBeenCalledWith({ url: '/packages/trainer/pages/classes/index?institutionId=inst-1' }));
    expect(screen.queryByText('先完成实名登记')).toBeNull();
    expect(screen.getByText('您的工作台')).toBeTruthy();
  });

  it('我的 shows a county official the workbench first, 实名登记 as a row, never 您还没有实名登记', async () => {
    installApi({ whoami: () => ok(countyOfficial()) });
    const { container } = render(<MePage />);
    await screen.findByText('人社部门工作台');
    expect(screen.queryByText('您还没有实名登记')).toBeNull();
    expect(container.querySelector('.me-register')).not.toBeNull();
    expect(container.querySelector('.czt-page > *:nth-child(1)')?.className).not.toContain('czt-state');
  });

  it('我的 has 就业登记 and 亲情代办 for a laborer', async () => {
    installLaborerApi();
    render(<MePage />);
    expect(await screen.findByText('就业登记')).toBeTruthy();
    expect(screen.getAllByText('亲情代办').length).toBeGreaterThan(0);
  });
});

describe('officials', () => {
  const install = (dashboard: ReturnType<typeof aDashboard>, shares: unknown[] = []) =>
    installApi({ whoami: () => ok(countyOfficial()), dashboard: () => ok(dashboard), classCheckIns: () => ok(shares), pending: () => ok([]) });

  it('a county official sees no 排名 (townships keep no counters); a city official does', async () => {
    install(aDashboard({ region: { code: '141127', name: '岚县', level: 'county' }, year: thisYear(), children: [] }));
    const { container, unmount } = render(<OfficialDashboardPage />);
    await waitFor(() => expect(container.querySelector('#dashboard-metrics')).not.toBeNull());
    expect(container.querySelector('#go-ranking')).toBeNull();
    expect(container.querySelector('#go-ledger')).not.toBeNull();
    unmount();
    install(aDashboard({ year: thisYear() }));
    const city = render(<OfficialDashboardPage />);
    await waitFor(() => expect(city.container.querySelector('#go-ranking')).not.toBeNull());
  });

  it('R13.2 each class’s share of card and manual check-ins, flagged above 20 %', async () => {
    const share = (classId: string, card: number, manual: number, total: number, flagged: boolean) => ({
      classId,
      name: `班${classId}`,
      institution: { id: 'i', name: '岚县农广校' },
      county: { code: '141127', name: '岚县' },
      checkIns: { total, card, manual, share: (card + manual) / total, flagged },
    });
    install(aDashboard({ year: thisYear() }), [share('a', 2, 1, 4, true), share('b', 0, 1, 10, false)]);
    const { container } = render(<OfficialDashboardPage />);
    await waitFor(() => expect(container.querySelectorAll('.checkin-share')).toHaveLength(2));
    const flagged = container.querySelector('.checkin-share[data-id="a"]')!;
    expect(flagged.classList.contains('is-flagged')).toBe(true);
    expect(flagged.querySelector('.checkin-share-rate')?.textContent).toBe('75%');
    expect(flagged.textContent).toContain('签到4人次：签到卡2，老师补签1');
    expect(flagged.querySelector('.checkin-share-flag')?.textContent).toBe('超过20%，请核实');
    expect(container.querySelector('.checkin-share[data-id="b"] .checkin-share-flag')).toBeNull();
  });
});

describe('ledger cards and dates', () => {
  it('a ledger card is headed by the person and the thing, the record id a line of it', () => {
    const columns = [
      { key: 'id', title: '券号' },
      { key: 'name', title: '姓名' },
      { key: 'type', title: '券种' },
      { key: 'expiresAt', title: '有效期至' },
    ];
    const card = ledgerCard(columns, { id: 'v_47cab7bd', name: '张秀萍', type: '职业技能培训券', expiresAt: '2027-03-01' });
    expect(card.title).toBe('张秀萍 · 职业技能培训券');
    expect(card.lines.map((c) => c.key)).toEqual(['id', 'expiresAt']);
  });

  it('dates read one way: the China date in words, a time to the minute after it', () => {
    expect(cellText('2027-03-01')).toBe('2027年3月1日');
    expect(chinaDateWords('2021-03-05 14:30')).toBe('2021年3月5日 14:30');
    expect(cellText(null)).toBe('—');
    expect(cellText('CZTK1.ABC')).toBe('CZTK1.ABC');
  });
});
