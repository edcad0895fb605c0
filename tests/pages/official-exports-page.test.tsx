import { act, fireEvent, render, screen } from '@testing-library/react';
import type { ExportJobView } from '../../cloudfunctions/contract';
import OfficialExportsPage, { POLL_MS } from '../../src/packages/official/pages/exports/index';
import { useOfficialStore } from '../../src/packages/official/stores/use-official-store';
import { useSessionStore } from '../../src/stores/use-session-store';
import { __resetTaroMock, showToast } from './__mocks__/taro';
import { installApi, ok, refusal, resetStores } from './api-double';
import { anExportJob, anOfficial, texts } from './official-double';

beforeEach(() => {
  __resetTaroMock();
  resetStores(useSessionStore, useOfficialStore);
  jest.useFakeTimers();
});

afterEach(() => {
  jest.useRealTimers();
  jest.restoreAllMocks();
});

const statusCalls = (calls: { action: string }[]) => calls.filter((c) => c.action === 'jobStatus').length;

/** Lets the fetch double's promises settle, then moves the clock on by `ms`. */
async function advance(ms: number) {
  await act(async () => {
    await jest.advanceTimersByTimeAsync(ms);
  });
}

/** job-1 goes queued → running 40% → running 80% → done, one step per jobStatus call. */
const STEPS: ExportJobView[] = [
  anExportJob({ status: 'running', rows: 120, progress: 40 }),
  anExportJob({ status: 'running', rows: 240, progress: 80 }),
  anExportJob({ status: 'done', rows: 300, progress: 100, downloadable: true, finishedAt: '2026-11-23T09:01:00.000Z' }),
];

function installExportsApi() {
  let step = 0;
  return installApi({
    whoami: () => ok(anOfficial()),
    myExports: () =>
      ok([
        anExportJob(),
        anExportJob({ jobId: 'job-0', title: '补贴台账', ledger: 'subsidies', status: 'failed', rows: 10, total: 50, progress: 20, error: '导出失败，请重新导出' }),
      ]),
    jobStatus: () => ok(STEPS[Math.min(step++, STEPS.length - 1)]),
    downloadExport: (payload) => ok({ jobId: (payload as { jobId: string }).jobId, fileName: 'a.xlsx', url: '/exports/job-1', expiresAt: '2026-11-23T09:06:00.000Z' }),
  });
}

describe('导出记录 exports', () => {
  it('polls every 1.5 s while a job is unfinished, shows its progress, then 下载 when done, and stops', async () => {
    const calls = installExportsApi();
    const { container } = render(<OfficialExportsPage />);
    await advance(0);
    const job = () => container.querySelector('.export-job[data-job-id="job-1"]') as HTMLElement;
    expect(container.querySelectorAll('#export-list .export-job')).toHaveLength(2);
    expect(job().querySelector('.export-status')?.textContent).toBe('排队中');
    expect(job().querySelector('.export-title')?.textContent).toBe('培训券台账');
    expect(job().querySelector('.export-summary')?.textContent).toBe('吕梁市 · 2026-01-01 至 2026-12-31');
    expect(container.querySelector('.export-job[data-job-id="job-0"] .export-status')?.textContent).toBe('失败');
    expect(statusCalls(calls)).toBe(0);

    await advance(POLL_MS - 1);
    expect(statusCalls(calls)).toBe(0);
    await advance(1);
    expect(statusCalls(calls)).toBe(1);
    expect(job().getAttribute('data-status')).toBe('running');
    expect(job().querySelector('.export-status')?.textContent).toBe('导出中');
    expect(job().querySelector('.export-count')?.textContent).toBe('120/300 条');
    expect((job().querySelector('.export-progress .export-progress-fill') as HTMLElement).style.width).toBe('40%');
    expect(job().querySelector('.export-download')).toBeNull();

    await advance(POLL_MS);
    expect(job().querySelector('.export-count')?.textContent).toBe('240/300 条');
    await advance(POLL_MS);
    expect(statusCalls(calls)).toBe(3);
    expect(container.querySelector('.export-job[data-status=done]')).toBe(job());
    expect(job().querySelector('.export-status')?.textContent).toBe('已完成');
    expect(job().querySelector('.export-count')?.textContent).toBe('300/300 条');
    expect(texts(container, '.export-download')).toEqual(['下载']);

    // Nothing left to wait for: no more calls.
    await advance(POLL_MS * 4);
    expect(statusCalls(calls)).toBe(3);

    const open = jest.spyOn(window, 'open').mockImplementation(() => null);
    fireEvent.click(job().querySelector('.export-download')!);
    await advance(0);
    expect(calls.filter((c) => c.action === 'downloadExport')).toHaveLength(1);
    expect(open).toHaveBeenCalledWith('/exports/job-1', '_blank');
  });

  it('stops polling when the page closes', async () => {
    const calls = installExportsApi();
    const view = render(<OfficialExportsPage />);
    await advance(0);
    await advance(POLL_MS);
    expect(statusCalls(calls)).toBe(1);
    view.unmount();
    await advance(POLL_MS * 4);
    expect(statusCalls(calls)).toBe(1);
  });

  it('does not poll when every job is finished', async () => {
    const calls = installApi({ whoami: () => ok(anOfficial()), myExports: () => ok([anExportJob({ status: 'done', progress: 100, rows: 300, downloadable: true })]) });
    const { container } = render(<OfficialExportsPage />);
    await advance(POLL_MS * 3);
    expect(statusCalls(calls)).toBe(0);
    expect(texts(container, '.export-job[data-status=done] .export-download')).toEqual(['下载']);
  });

  it('R9.5 下载 asks for a short-lived link; a refusal is said and nothing opens', async () => {
    const calls = installApi({
      whoami: () => ok(anOfficial()),
      myExports: () => ok([anExportJob({ status: 'done', progress: 100, rows: 300, downloadable: true })]),
      downloadExport: () => refusal('NOT_FOUND', '没有找到这条导出'),
    });
    const open = jest.spyOn(window, 'open').mockImplementation(() => null);
    const { container } = render(<OfficialExportsPage />);
    await advance(0);
    fireEvent.click(container.querySelector('.export-download')!);
    await advance(0);
    expect(calls.filter((c) => c.action === 'downloadExport').map((c) => c.payload)).toEqual([{ jobId: 'job-1' }]);
    expect(showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '没有找到这条导出' }));
    expect(open).not.toHaveBeenCalled();
    expect(texts(container, '.export-download')).toEqual(['下载']);
  });

  it('shows an empty state, and an error with 重试', async () => {
    let fail = true;
    installApi({ whoami: () => ok(anOfficial()), myExports: () => (fail ? refusal('INTERNAL', '导出记录打不开') : ok([])) });
    render(<OfficialExportsPage />);
    await advance(0);
    expect(screen.getByText('导出记录打不开')).toBeTruthy();
    fail = false;
    fireEvent.click(screen.getByText('重试'));
    await advance(0);
    expect(screen.getByText('还没有导出记录')).toBeTruthy();
  });
});
