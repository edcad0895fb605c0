/**
 * 定向发券 (R12.2) in jsdom: the form sends the county, type and list (pasted, or an .xlsx read in
 * H5), says what is wrong before sending, shows the report with its reasons, asks again while a
 * list is running, and closes an issue after asking.
 */
import { act, fireEvent, render, waitFor } from '@testing-library/react';
import type { DirectedJobView, VoucherCatalogueItem } from '../../cloudfunctions/contract';
import { ERROR_MESSAGES } from '../../cloudfunctions/core/errors';
import OfficialDirectedPage, { POLL_MS } from '../../src/packages/official/pages/directed/index';
import { ROWS_SHOWN } from '../../src/packages/official/pages/directed/directed-report';
import { useDirectedStore } from '../../src/packages/official/stores/use-directed-store';
import { installApi, ok, refusal, resetStores } from './api-double';
import { SUPPLY_REGIONS, aCityAdmin, aCountyOfficial, callsOf, onSupplyPage, tap, typeInto } from './supply-double';
import { aDirectedJob, aDirectedReport } from './usage-double';

const TYPES = [
  { code: 'skills', name: '职业技能培训券' },
  { code: 'agri', name: '农业实用技术培训券' },
] as VoucherCatalogueItem[];
const TEXT = '141127199001011234\n141127199001011235';

type Handlers = Record<string, (p: unknown) => ReturnType<typeof ok>>;
const api = (extra: Handlers = {}, whoami = aCountyOfficial) =>
  installApi({ whoami: () => ok(whoami()), regions: () => ok(SUPPLY_REGIONS), catalogue: () => ok(TYPES), directedJobs: () => ok([]), ...extra });

beforeEach(() => {
  onSupplyPage();
  resetStores(useDirectedStore);
});
afterEach(() => jest.useRealTimers());

async function ready(c: HTMLElement) {
  await waitFor(() => expect(c.querySelector('#directed-issue')).not.toBeNull());
}

describe('定向发券 (R12.2)', () => {
  it('a county official pastes a list: county, type and text are sent; the report lists who got nothing and why', async () => {
    const calls = api({ issueDirected: () => ok(aDirectedJob()), directedJob: () => ok(aDirectedReport()) });
    const { container: c } = render(<OfficialDirectedPage />);
    await ready(c);
    expect(c.querySelector('#directed-county')?.textContent).toBe('方山县');
    tap(c, '#directed-type-skills');
    typeInto(c, 'directed-text', TEXT);
    tap(c, '#directed-issue');
    await waitFor(() => expect(c.querySelector('#directed-report')).not.toBeNull());
    expect(callsOf(calls, 'official', 'issueDirected').map((x) => x.payload)).toEqual([{ countyCode: '141128', type: 'skills', text: TEXT }]);
    expect([...c.querySelectorAll('.directed-count')].map((e) => e.textContent)).toEqual(['已发放 2', '待登记 1', '未发放 2']);
    expect([...c.querySelectorAll('.directed-reason')].map((e) => e.textContent)).toEqual(['今年已满3次1 人', '身份证号码有误1 人']);
    const rows = [...c.querySelectorAll('#directed-rows .directed-row')];
    expect(rows.map((r) => r.getAttribute('data-line'))).toEqual(['2', '4', '5']);
    expect(rows[0].textContent).toBe('第2行 141***********123X每人每年最多享受3次补贴性培训，本人今年的次数已用完');
    expect(rows[1].className).toContain('is-pending');
  });

  it('says what is missing before sending anything, and shows the server’s refusal', async () => {
    const calls = api({ issueDirected: () => refusal('LIST_TOO_LONG', '一次最多5000人，这份名单有5001行，请分成几份') });
    const { container: c } = render(<OfficialDirectedPage />);
    await ready(c);
    tap(c, '#directed-issue');
    expect(c.querySelector('.directed-notice')?.textContent).toBe('请选择培训券');
    tap(c, '#directed-type-agri');
    tap(c, '#directed-issue');
    expect(c.querySelector('.directed-notice')?.textContent).toBe('请粘贴身份证号码，每行一个');
    expect(callsOf(calls, 'official', 'issueDirected')).toHaveLength(0);
    typeInto(c, 'directed-text', TEXT);
    tap(c, '#directed-issue');
    await waitFor(() => expect(c.querySelector('.directed-notice')?.textContent).toBe('一次最多5000人，这份名单有5001行，请分成几份'));
    expect(c.querySelector('#directed-report')).toBeNull();
  });

  it('above a county the official picks the county from tiles first', async () => {
    const calls = api({ issueDirected: () => ok(aDirectedJob()), directedJob: () => ok(aDirectedReport()) }, aCityAdmin);
    const { container: c } = render(<OfficialDirectedPage />);
    await ready(c);
    tap(c, '#directed-type-skills');
    typeInto(c, 'directed-text', TEXT);
    tap(c, '#directed-issue');
    expect(c.querySelector('.directed-notice')?.textContent).toBe('请选择一个县（市、区）');
    tap(c, '#directed-county');
    tap(c, '.directed-county-option[data-code="141127"]');
    tap(c, '#directed-issue');
    await waitFor(() => expect(callsOf(calls, 'official', 'issueDirected')).toHaveLength(1));
    expect(callsOf(calls, 'official', 'issueDirected')[0].payload).toMatchObject({ countyCode: '141127' });
  });

  it('H5: an .xlsx is read from the file input and sent as base64; over 10 MB or not .xlsx is refused at once', async () => {
    const calls = api({ issueDirected: () => ok(aDirectedJob({ fileName: '名单.xlsx' })), directedJob: () => ok(aDirectedReport({ fileName: '名单.xlsx' })) });
    const { container: c } = render(<OfficialDirectedPage />);
    await ready(c);
    tap(c, '#directed-type-skills');
    tap(c, '#directed-source-file');
    const pick = async (file: File) => {
      const input = c.querySelector('#directed-file-input') as HTMLInputElement;
      Object.defineProperty(input, 'files', { configurable: true, value: [file] });
      fireEvent.change(input);
      await waitFor(() => expect(c.querySelector('#directed-file-name')?.textContent).toBe(`已选：${file.name}`));
    };
    const big = new File(['x'], '大名单.xlsx');
    Object.defineProperty(big, 'size', { value: 10 * 1024 * 1024 + 1 });
    await pick(big);
    tap(c, '#directed-issue');
    expect(c.querySelector('.directed-notice')?.textContent).toBe(ERROR_MESSAGES.FILE_TOO_LARGE);
    await pick(new File(['a,b'], '名单.csv'));
    tap(c, '#directed-issue');
    expect(c.querySelector('.directed-notice')?.textContent).toBe(ERROR_MESSAGES.FILE_NOT_EXCEL);
    expect(callsOf(calls, 'official', 'issueDirected')).toHaveLength(0);

    await pick(new File([new Uint8Array([0x50, 0x4b, 0x03, 0x04])], '名单.xlsx'));
    tap(c, '#directed-issue');
    await waitFor(() => expect(callsOf(calls, 'official', 'issueDirected')).toHaveLength(1));
    expect(callsOf(calls, 'official', 'issueDirected')[0].payload).toEqual({ countyCode: '141128', type: 'skills', file: { name: '名单.xlsx', base64: 'UEsDBA==' } });
  });

  it('asks again every 1.5 s while the list is still being issued, and stops when it is done', async () => {
    jest.useFakeTimers();
    const running = aDirectedJob({ status: 'running', progress: 40, issued: 100, pending: 0, refused: 0, reasons: [] });
    let asks = 0;
    const calls = api({
      issueDirected: () => ok(running),
      directedJob: () => ok(++asks < 3 ? { job: running, rows: [] } : aDirectedReport()),
    });
    const { container: c } = render(<OfficialDirectedPage />);
    await act(async () => {
      await jest.advanceTimersByTimeAsync(0);
    });
    tap(c, '#directed-type-skills');
    typeInto(c, 'directed-text', TEXT);
    tap(c, '#directed-issue');
    await act(async () => {
      await jest.advanceTimersByTimeAsync(0);
    });
    expect(c.querySelector('.directed-running')?.textContent).toBe('正在发放，已处理 40%，请稍候');
    for (let i = 0; i < 3; i++) {
      await act(async () => {
        await jest.advanceTimersByTimeAsync(POLL_MS);
      });
    }
    expect(c.querySelector('.directed-running')).toBeNull();
    const asked = callsOf(calls, 'official', 'directedJob').length;
    await act(async () => {
      await jest.advanceTimersByTimeAsync(POLL_MS * 3);
    });
    expect(callsOf(calls, 'official', 'directedJob')).toHaveLength(asked);
  });

  it('closes an open issue after asking; a long report shows the first lines, then all', async () => {
    const many = aDirectedReport();
    many.rows = Array.from({ length: ROWS_SHOWN + 5 }, (_, i) => ({ line: i + 1, masked: '141***********0000', status: 'refused' as const, group: 'NOT_ELIGIBLE' as const, reason: '不符合' }));
    const closed: DirectedJobView = aDirectedJob({ open: false, closedAt: '2026-03-02T03:00:00.000Z' });
    const calls = api({ directedJobs: () => ok([aDirectedJob()]), directedJob: () => ok(many), closeDirected: () => ok(closed) });
    const { container: c } = render(<OfficialDirectedPage />);
    await waitFor(() => expect(c.querySelector('.directed-job')).not.toBeNull());
    tap(c, '.directed-job');
    await waitFor(() => expect(c.querySelector('#directed-report')).not.toBeNull());
    expect(c.querySelectorAll('#directed-rows .directed-row')).toHaveLength(ROWS_SHOWN);
    tap(c, '#directed-all-rows');
    expect(c.querySelectorAll('#directed-rows .directed-row')).toHaveLength(ROWS_SHOWN + 5);
    tap(c, '#directed-close');
    expect(c.querySelector('.directed-close-ask')?.textContent).toContain('还没登记的 1 人登记时不再发放');
    tap(c, '#directed-close-confirm');
    await waitFor(() => expect(c.querySelector('.directed-closed')).not.toBeNull());
    expect(callsOf(calls, 'official', 'closeDirected').map((x) => x.payload)).toEqual([{ listId: aDirectedJob().listId }]);
  });
});
