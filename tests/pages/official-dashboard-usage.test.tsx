/**
 * 人社工作台's usage rate and reach (R12.3) and its way into 定向发券 (R12.2), in jsdom.
 */
import { fireEvent, render, waitFor } from '@testing-library/react';
import OfficialDashboardPage from '../../src/packages/official/pages/dashboard/index';
import { useOfficialStore } from '../../src/packages/official/stores/use-official-store';
import { thisYear } from '../../src/packages/official/utils/format';
import { URLS } from '../../src/utils/routes';
import { useSessionStore } from '../../src/stores/use-session-store';
import { __resetTaroMock, navigateTo } from './__mocks__/taro';
import { installApi, ok, resetStores } from './api-double';
import { aDashboard, anOfficial } from './official-double';
import { aUsage } from './usage-double';

beforeEach(() => {
  __resetTaroMock();
  resetStores(useSessionStore, useOfficialStore);
});

async function openWith(usage = aUsage()) {
  installApi({ whoami: () => ok(anOfficial()), dashboard: () => ok(aDashboard({ year: thisYear(), usage })) });
  const view = render(<OfficialDashboardPage />);
  await waitFor(() => expect(view.container.querySelector('#dashboard-usage')).not.toBeNull());
  return view.container;
}

describe('R12.3 usage rate and reach on 人社工作台', () => {
  it('shows the usage rate with issued (claimed + directed), used and expired, per type, and who has no voucher yet per county', async () => {
    const c = await openWith();
    const usage = c.querySelector('#dashboard-usage')!;
    expect(usage.querySelector('.usage-rate')?.textContent).toBe('34.50%');
    expect(usage.querySelector('.usage-issued')?.textContent).toBe('发放 1,200（领取 1,100，定向 100）');
    expect(usage.querySelector('.usage-used')?.textContent).toBe('已使用 414，过期未用 55');
    expect([...usage.querySelectorAll('.usage-type .voucher-stat-name')].map((e) => e.textContent)).toEqual(['农业实用技术培训券 30.00%', '职业技能培训券 36.00%']);
    const reach = c.querySelector('#dashboard-reach')!;
    expect(reach.querySelector('.reach-unreached')?.textContent).toBe('3,850');
    expect([...reach.querySelectorAll('.reach-row')].map((r) => r.textContent)).toEqual(['离石区2,320 人', '岚县1,530 人']);
  });

  it('says — when nothing was issued, and opens 定向发券', async () => {
    const c = await openWith(aUsage({ total: { issued: 0, claimed: 0, directed: 0, used: 0, expired: 0, rate: null }, byType: [] }));
    expect(c.querySelector('.usage-rate')?.textContent).toBe('—');
    fireEvent.click(c.querySelector('#go-directed')!);
    expect(navigateTo).toHaveBeenCalledWith({ url: URLS.officialDirected });
  });
});
