import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { LedgerFilters } from '../../cloudfunctions/contract';
import OfficialLedgerPage from '../../src/packages/official/pages/ledger/index';
import { LEDGER_PAGE_SIZE, useOfficialStore } from '../../src/packages/official/stores/use-official-store';
import { thisYear } from '../../src/packages/official/utils/format';
import { useSessionStore } from '../../src/stores/use-session-store';
import { __resetTaroMock, navigateTo, showToast } from './__mocks__/taro';
import { installApi, ok, refusal, REGIONS, resetStores } from './api-double';
import { aDashboard, aLedgerPage, anExportJob, anOfficial, pick, texts } from './official-double';

type LedgerInput = LedgerFilters & { after?: string; limit?: number };

beforeEach(() => {
  __resetTaroMock();
  resetStores(useSessionStore, useOfficialStore);
});

const ledgerCalls = (calls: { action: string; payload: unknown }[]) => calls.filter((c) => c.action === 'ledger').map((c) => c.payload as LedgerInput);

const YEAR = { from: `${thisYear()}-01-01`, to: `${thisYear()}-12-31` };

/** Page 1 (cursor c1) → page 2 (cursor c2) → page 3 (last); every other filter gets one empty page. */
function installLedgerApi(extra: Record<string, (p: unknown) => ReturnType<typeof ok>> = {}) {
  return installApi({
    whoami: () => ok(anOfficial()),
    regions: () => ok(REGIONS),
    dashboard: () => ok(aDashboard()),
    ledger: (p) => {
      const input = p as LedgerInput;
      if (input.after === 'c1') return ok(aLedgerPage('b', 2, 'c2'));
      if (input.after === 'c2') return ok(aLedgerPage('c', 1));
      return ok(aLedgerPage('a', 3, 'c1'));
    },
    ...extra,
  });
}

async function openPage() {
  const view = render(<OfficialLedgerPage />);
  await waitFor(() => expect(view.container.querySelectorAll('.ledger-row')).toHaveLength(3));
  return view;
}

describe('台账 ledgers (R9.5)', () => {
  it('loads the vouchers ledger for this year and shows the rows with the columns the server names', async () => {
    const calls = installLedgerApi();
    const { container } = await openPage();
    expect(ledgerCalls(calls)).toEqual([{ ledger: 'vouchers', ...YEAR, limit: LEDGER_PAGE_SIZE }]);
    expect(container.querySelector('#ledger-title')?.textContent).toBe('培训券台账');
    // Seven ledgers: the six of R9.5 and the 补贴发放台账 (R12.1).
    expect(container.querySelectorAll('#ledger-tabs .ledger-tab')).toHaveLength(7);
    expect(container.querySelector('.ledger-tab[data-ledger=payments]')?.textContent).toBe('补贴发放');
    const first = container.querySelector('.ledger-row[data-id="a-1"]')!;
    expect(first.querySelector('.ledger-row-title')?.textContent).toBe('a持券人1');
    expect(texts(first as HTMLElement, '.ledger-cell-title')).toEqual(['县', '券种', '状态']);
    expect(texts(first as HTMLElement, '.ledger-cell-value')).toEqual(['岚县', '职业技能培训券', '已使用']);
    expect(container.querySelector('.ledger-row[data-id="a-2"] [data-key=statusName] .ledger-cell-value')?.textContent).toBe('—');
  });

  it('加载更多 follows the next cursor with the same filters and appends until the last page', async () => {
    const calls = installLedgerApi();
    const { container } = await openPage();
    fireEvent.click(container.querySelector('#ledger-more')!);
    await waitFor(() => expect(container.querySelectorAll('.ledger-row')).toHaveLength(5));
    expect(ledgerCalls(calls)[1]).toEqual({ ledger: 'vouchers', ...YEAR, after: 'c1', limit: LEDGER_PAGE_SIZE });
    fireEvent.click(container.querySelector('#ledger-more')!);
    await waitFor(() => expect(container.querySelectorAll('.ledger-row')).toHaveLength(6));
    expect(ledgerCalls(calls)[2].after).toBe('c2');
    expect(texts(container, '.ledger-row .ledger-row-title')).toEqual(['a持券人1', 'a持券人2', 'a持券人3', 'b持券人1', 'b持券人2', 'c持券人1']);
    expect(container.querySelector('#ledger-more')).toBeNull();
    expect(container.querySelector('#ledger-end')?.textContent).toBe('已全部显示');
  });

  it('passes region, period, type, status, band and occupation to the server, and the cursor keeps them', async () => {
    const calls = installLedgerApi();
    const { container } = await openPage();
    fireEvent.click(container.querySelector('.ledger-tab[data-ledger=certificates]')!);
    await waitFor(() => expect(container.querySelector('#ledger-title')?.textContent).toBe('取证人员台账'));
    // 地区, in code order: 吕梁市（全部）, 离石区 (141102), 岚县 (141127) → index 2 is 岚县.
    await waitFor(() => expect(container.querySelector('#filter-region')).not.toBeNull());
    await waitFor(() => expect(useOfficialStore.getState().regions).not.toBeNull());
    pick(container, '#filter-region', 2);
    fireEvent.change(container.querySelector('#filter-from')!.closest('.czt-picker')!.querySelector('.picker-value')!, {
      target: { value: `${thisYear()}-03-01` },
    });
    pick(container, '#filter-type', 1); // 职业技能等级证书
    pick(container, '#filter-status', 2); // 已撤销
    pick(container, '#filter-band', 3); // C
    fireEvent.change(container.querySelector('#filter-occupation')!, { target: { value: ' 4-10-01-05 ' } });
    fireEvent.click(container.querySelector('#ledger-search')!);
    const expected = {
      ledger: 'certificates',
      regionCode: '141127',
      from: `${thisYear()}-03-01`,
      to: `${thisYear()}-12-31`,
      type: 'skill_level',
      status: 'revoked',
      band: 'C',
      occupation: '4-10-01-05',
      limit: LEDGER_PAGE_SIZE,
    };
    await waitFor(() => expect(ledgerCalls(calls).at(-1)).toEqual(expected));
    await waitFor(() => expect(container.querySelector('#ledger-more')).not.toBeNull());
    fireEvent.click(container.querySelector('#ledger-more')!);
    await waitFor(() => expect(ledgerCalls(calls).at(-1)).toEqual({ ...expected, after: 'c1' }));
  });

  it('the voucher-type filter offers the types found on the dashboard', async () => {
    const calls = installLedgerApi();
    const { container } = await openPage();
    await waitFor(() => expect(useOfficialStore.getState().voucherTypes).not.toBeNull());
    pick(container, '#filter-type', 2);
    await waitFor(() => expect(ledgerCalls(calls).at(-1)?.type).toBe('agri'));
    expect(container.querySelector('#filter-type .czt-picker-value')?.textContent).toBe('农业实用技术培训券');
  });

  it('导出Excel starts an export with the same filters and opens 导出记录', async () => {
    const calls = installLedgerApi({ exportLedger: () => ok(anExportJob()) });
    const { container } = await openPage();
    pick(container, '#filter-status', 3); // 已使用
    await waitFor(() => expect(ledgerCalls(calls).at(-1)?.status).toBe('redeemed'));
    fireEvent.click(container.querySelector('#ledger-export')!);
    await waitFor(() => expect(navigateTo).toHaveBeenCalledWith({ url: '/packages/official/pages/exports/index' }));
    expect(calls.filter((c) => c.action === 'exportLedger').map((c) => c.payload)).toEqual([{ ledger: 'vouchers', ...YEAR, status: 'redeemed' }]);
    expect(useOfficialStore.getState().exports?.[0].jobId).toBe('job-1');
  });

  it('a refused export says why and stays on the page', async () => {
    installLedgerApi({ exportLedger: () => refusal('FORBIDDEN', '没有导出权限') });
    const { container } = await openPage();
    fireEvent.click(container.querySelector('#ledger-export')!);
    await waitFor(() => expect(showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '没有导出权限' })));
    expect(navigateTo).not.toHaveBeenCalled();
  });

  it('an error keeps the filters and offers 重试; an empty ledger says so', async () => {
    let fail = true;
    const calls = installApi({
      whoami: () => ok(anOfficial()),
      regions: () => ok(REGIONS),
      dashboard: () => ok(aDashboard()),
      ledger: () => (fail ? refusal('INTERNAL', '台账暂时打不开') : ok({ ...aLedgerPage('a', 0) })),
    });
    const { container } = render(<OfficialLedgerPage />);
    await screen.findByText('台账暂时打不开');
    expect(container.querySelector('#ledger-filters')).not.toBeNull();
    fail = false;
    fireEvent.click(container.querySelector('#ledger-retry')!);
    await screen.findByText('没有符合条件的记录');
    expect(ledgerCalls(calls)).toHaveLength(2);
  });
});
