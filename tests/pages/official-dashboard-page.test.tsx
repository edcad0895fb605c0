import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { DashboardInput } from '../../cloudfunctions/contract';
import OfficialDashboardPage from '../../src/packages/official/pages/dashboard/index';
import { useOfficialStore } from '../../src/packages/official/stores/use-official-store';
import { thisYear } from '../../src/packages/official/utils/format';
import { useSessionStore } from '../../src/stores/use-session-store';
import { __resetTaroMock, navigateTo } from './__mocks__/taro';
import { installApi, installLaborerApi, ok, refusal, resetStores } from './api-double';
import { aChild, aDashboard, anOfficial, pick, texts } from './official-double';

beforeEach(() => {
  __resetTaroMock();
  resetStores(useSessionStore, useOfficialStore);
});

const dashboardCalls = (calls: { action: string; payload: unknown }[]) =>
  calls.filter((c) => c.action === 'dashboard').map((c) => c.payload as DashboardInput);

/** The dashboard answers for the year asked (the page shows only the year it asked for). */
function installDashboard(build = (input: DashboardInput) => aDashboard({ year: input.year ?? thisYear() })) {
  return installApi({ whoami: () => ok(anOfficial()), dashboard: (p) => ok(build(p as DashboardInput)) });
}

async function openPage() {
  const view = render(<OfficialDashboardPage />);
  await waitFor(() => expect(view.container.querySelector('#dashboard-metrics')).not.toBeNull());
  return view;
}

const card = (container: HTMLElement, metric: string) => container.querySelector(`.metric-card[data-metric=${metric}]`) as HTMLElement;

describe('人社工作台 dashboard (R9.4)', () => {
  it('shows the region, the registered laborers and the five metrics with actual / target, completion and pace', async () => {
    const calls = installDashboard();
    const { container } = await openPage();
    expect(dashboardCalls(calls)).toEqual([{ year: thisYear() }]);
    expect(container.querySelector('#official-region')?.textContent).toBe('吕梁市');
    expect(container.querySelector('#registered-laborers')?.textContent).toBe('12,345');
    expect(container.querySelector('#dashboard-pace')?.textContent).toBe('89.86%');
    expect(container.querySelectorAll('#dashboard-metrics .metric-card')).toHaveLength(5);
    expect(texts(container, '.metric-card .metric-completion')).toEqual(['115.83%', '60.00%', '75.00%', '90.00%', '—']);

    const trainings = card(container, 'trainings');
    expect(trainings.querySelector('.metric-name')?.textContent).toBe('职业技能提升培训(人次)');
    expect(trainings.querySelector('.metric-actual')?.textContent).toBe('1,390');
    expect(trainings.querySelector('.metric-target')?.textContent).toBe(' / 1,200');
    expect(trainings.querySelector('.metric-pace')?.textContent).toBe('达到进度');
    // The fill stops at the bar's end; the pace line sits at the share of the year gone.
    expect((trainings.querySelector('.metric-bar-fill') as HTMLElement).style.width).toBe('100%');
    expect((trainings.querySelector('.metric-pace-marker') as HTMLElement).style.left).toBe('89.86%');
    expect(trainings.querySelector('.metric-bar')?.classList.contains('is-behind')).toBe(false);

    const certificates = card(container, 'certificates');
    expect(certificates.querySelector('.metric-pace')?.textContent).toBe('落后于进度');
    expect(certificates.querySelector('.metric-bar')?.classList.contains('is-behind')).toBe(true);
    expect((certificates.querySelector('.metric-bar-fill') as HTMLElement).style.width).toBe('60%');
    expect(certificates.textContent).toContain('按进度应完成 899');

    const transfers = card(container, 'transfers');
    expect(transfers.querySelector('.metric-target')?.textContent).toBe(' / 未设目标');
    expect(transfers.querySelector('.metric-bar')).toBeNull();
  });

  it('shows vouchers per type, the employment rate, subsidies in yuan and the month chart', async () => {
    installDashboard();
    const { container } = await openPage();
    expect(texts(container, '#dashboard-vouchers .voucher-stat-line')).toEqual(['领取 900  使用 700', '领取 300  使用 120']);
    expect(container.querySelector('#dashboard-employment .employment-rate')?.textContent).toBe('75.00%');
    expect(container.querySelector('#dashboard-employment')?.textContent).toContain('今年取证 600 人，已就业 450 人');
    expect(container.querySelector('#dashboard-subsidies .subsidy-amount')?.textContent).toBe('¥1,234,567.89');
    expect(container.querySelectorAll('#month-chart .month-col')).toHaveLength(12);
    const height = (m: number) => (container.querySelector(`.month-col[data-month="${m}"] .month-bar`) as HTMLElement).style.height;
    expect([height(1), height(2), height(3), height(11)]).toEqual(['5%', '0%', '100%', '25%']);
    expect(container.querySelectorAll('#band-chart .band-group')).toHaveLength(5);
    const band = (b: string) => (container.querySelector(`.band-group[data-metric=trainings] .band-row[data-band=${b}] .band-bar`) as HTMLElement).style.width;
    expect([band('A'), band('B')]).toEqual(['100%', '50%']);
  });

  it('sorts the county table by completion, both ways, with regions without a target last', async () => {
    installDashboard();
    const { container } = await openPage();
    const order = () => texts(container, '#county-table .county-row .county-name');
    const completions = () => texts(container, '#county-table .county-row .county-completion');
    expect(order()).toEqual(['离石区 ›', '兴县 ›', '临县 ›', '岚县 ›']);

    fireEvent.click(container.querySelector('#sort-completion')!);
    expect(completions()).toEqual(['120.50%', '95.10%', '80.00%', '—']);
    expect(order()).toEqual(['离石区 ›', '临县 ›', '岚县 ›', '兴县 ›']);

    fireEvent.click(container.querySelector('#sort-completion')!);
    expect(completions()).toEqual(['80.00%', '95.10%', '120.50%', '—']);

    pick(container, '#county-sort', 2);
    expect(order()).toEqual(['离石区 ›', '兴县 ›', '临县 ›', '岚县 ›']);

    // Another metric: every county has 50.00% certificates, so the order falls back to the code.
    pick(container, '#county-sort', 0);
    pick(container, '#county-metric', 1);
    expect(completions()).toEqual(['50.00%', '50.00%', '50.00%', '50.00%']);
  });

  it('drills down into a county on tap and back up; the year picker asks for that year', async () => {
    const calls = installDashboard((input) =>
      input.regionCode === '141127'
        ? aDashboard({ region: { code: '141127', name: '岚县', level: 'county' }, year: input.year ?? thisYear(), children: [] })
        : aDashboard({ year: input.year ?? thisYear(), children: [aChild('141127', '岚县', [400, 500, '80.00'])] }),
    );
    const { container } = await openPage();
    fireEvent.click(container.querySelector('.county-row[data-region="141127"]')!);
    await waitFor(() => expect(container.querySelector('#official-region')?.textContent).toBe('岚县'));
    expect(dashboardCalls(calls).at(-1)).toEqual({ regionCode: '141127', year: thisYear() });
    expect(container.querySelector('#county-table')).toBeNull();

    fireEvent.click(container.querySelector('#region-up')!);
    await waitFor(() => expect(container.querySelector('#official-region')?.textContent).toBe('吕梁市'));
    expect(container.querySelector('#region-up')).toBeNull();

    pick(container, '#dashboard-year', 2);
    await waitFor(() => expect(dashboardCalls(calls).at(-1)).toEqual({ year: thisYear() - 2 }));
    await screen.findByText(`人社工作台 · ${thisYear() - 2}年`);
  });

  it('opens 排名, 台账 and 导出记录', async () => {
    installDashboard();
    const { container } = await openPage();
    fireEvent.click(container.querySelector('#go-ranking')!);
    expect(navigateTo).toHaveBeenLastCalledWith({ url: `/packages/official/pages/ranking/index?regionCode=141100&year=${thisYear()}` });
    fireEvent.click(container.querySelector('#go-ledger')!);
    expect(navigateTo).toHaveBeenLastCalledWith({ url: '/packages/official/pages/ledger/index' });
    fireEvent.click(container.querySelector('#go-exports')!);
    expect(navigateTo).toHaveBeenLastCalledWith({ url: '/packages/official/pages/exports/index' });
  });

  it('an error shows the message and 重试, which loads again', async () => {
    let fail = true;
    const calls = installApi({
      whoami: () => ok(anOfficial()),
      dashboard: () => (fail ? refusal('INTERNAL', '服务暂时不可用') : ok(aDashboard({ year: thisYear() }))),
    });
    const { container } = render(<OfficialDashboardPage />);
    await screen.findByText('服务暂时不可用');
    expect(container.querySelector('#dashboard-metrics')).toBeNull();
    fail = false;
    fireEvent.click(screen.getByText('重试'));
    await waitFor(() => expect(container.querySelector('#dashboard-metrics')).not.toBeNull());
    expect(dashboardCalls(calls)).toHaveLength(2);
  });

  it('offline shows the offline state', async () => {
    installApi({ whoami: () => ok(anOfficial()) });
    (globalThis as { fetch?: unknown }).fetch = jest.fn(async (_url: string, init: { body: string }) => {
      const body = JSON.parse(init.body) as { action: string };
      if (body.action === 'dashboard') throw new TypeError('Failed to fetch');
      return { ok: true, json: async () => ok(anOfficial()) };
    });
    const { container } = render(<OfficialDashboardPage />);
    await screen.findByText('网络连接不上');
    expect(container.querySelector('.czt-state-offline')).not.toBeNull();
  });

  it('is refused to people who are not officials, without asking for the dashboard', async () => {
    const calls = installLaborerApi();
    render(<OfficialDashboardPage />);
    await screen.findByText('无权限');
    expect(dashboardCalls(calls)).toHaveLength(0);
  });
});
