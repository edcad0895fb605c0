import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import TrainerClassPage from '../../src/packages/trainer/pages/class/index';
import { useScanQueue } from '../../src/packages/trainer/stores/use-scan-queue';
import { cloud, scanCode } from './__mocks__/taro';
import { installApi, ok, refusal, renderShowing } from './api-double';
import { accepted, aCode, aRoster, aRosterPerson, asWeapp, aTrainerClass, duplicate, installClassApi, installCloud, networkDown, onTrainerPage, refused, rosterRow, scansOf, setBrowserOnline, textOf, typeCode } from './trainer-double';

beforeEach(() => {
  onTrainerPage('/packages/trainer/pages/class/index');
});
afterEach(() => {
  cloud.callFunction.mockReset();
});

/** Renders the page and waits for the roster (李*华). */
const openPage = () => renderShowing(<TrainerClassPage />, '李*华');

describe('班级签到 page: roster', () => {
  it('shows each person masked, with sessions attended, status, 时间偏差 and 已到 for the current session', async () => {
    installApi({
      roster: () =>
        ok(
          aRoster({
            people: [
              aRosterPerson({ sessions: [0, 1], skewFlagged: true }),
              aRosterPerson({ personId: 'p-2', name: '李*华', sessions: [0] }),
            ],
          }),
        ),
      myClasses: () => ok([aTrainerClass()]),
    });
    const { container } = render(<TrainerClassPage />);
    await screen.findByText('张*萍');
    const zhang = rosterRow(container, 'p-1');
    expect(zhang.textContent).toContain('出勤 2/3 节 · 已报名');
    expect(zhang.querySelector('.roster-skew')?.textContent).toBe('时间偏差');
    expect(zhang.querySelector('.roster-now')?.textContent).toBe('已到');
    const li = rosterRow(container, 'p-2');
    expect(li.querySelector('.roster-now')?.textContent).toBe('未到');
    expect(li.querySelector('.roster-skew')).toBeNull();
    expect(textOf(container, '#checked-in-count')).toContain('已签到 1 / 报名 2');
    expect(container.querySelector('.session-chip.is-current')?.getAttribute('data-session')).toBe('1');
    expect(textOf(container, '.session-chip.is-current')).toContain('11月25日 09:00–11:30');
    expect(textOf(container, '.class-hero')).toContain('第2节  11月25日 09:00–11:30');
    expect(textOf(container, '.class-hero .class-state')).toBe('上课中');
  });

  it('shows a failed roster load with 重试', async () => {
    installApi({ roster: () => refusal('NOT_YOUR_CLASS'), myClasses: () => ok([]) });
    render(<TrainerClassPage />);
    expect(await screen.findByText('这不是您任教的班级，不能签到')).toBeTruthy();
    expect(screen.getByText('重试')).toBeTruthy();
  });
});

describe('班级签到 page: live scans', () => {
  it('submits a typed code with training.scan, says 签到成功 第2节 and marks the person 已到', async () => {
    const calls = installClassApi(() => ok(accepted(1)));
    const container = await openPage();
    expect(rosterRow(container, 'p-2').querySelector('.roster-now')?.textContent).toBe('未到');
    typeCode(container, aCode());
    await waitFor(() => expect(textOf(container, '#scan-feedback')).toBe('签到成功王*英 · 第2节'));
    expect(container.querySelector('#scan-feedback')?.classList.contains('is-ok')).toBe(true);
    expect(calls.filter((c) => c.action === 'scan').map((c) => c.payload)).toEqual([{ classId: 'c-1', code: aCode() }]);
    await waitFor(() => expect(rosterRow(container, 'p-2').querySelector('.roster-now')?.textContent).toBe('已到'));
    expect(textOf(container, '#checked-in-count')).toContain('已签到 2 / 报名 2');
    expect((container.querySelector('#scan-code-input input') as HTMLInputElement).value).toBe('');
  });

  it('R6.3 says 已签到 for a person already recorded; the last answer goes while the next scan is on its way', async () => {
    let scans = 0;
    installClassApi(() => ok(++scans === 1 ? accepted(1) : duplicate(1)));
    const container = await openPage();
    typeCode(container, aCode());
    await waitFor(() => expect(textOf(container, '#scan-feedback')).toBe('签到成功王*英 · 第2节'));
    typeCode(container, aCode());
    expect(container.querySelector('#scan-feedback')).toBeNull();
    expect(textOf(container, '.scan-feedback')).toBe('正在签到…');
    await waitFor(() => expect(textOf(container, '#scan-feedback')).toBe('已签到王*英 · 第2节，不用再扫'));
    expect(container.querySelector('#scan-feedback')?.classList.contains('is-repeat')).toBe(true);
  });

  it('R6.2 shows the refusal in Chinese', async () => {
    installClassApi(() => ok(refused('ENROLLED_ELSEWHERE')));
    const container = await openPage();
    typeCode(container, aCode());
    await waitFor(() => expect(textOf(container, '#scan-feedback')).toBe('该学员报名的是其他班级，请到所报班级签到'));
    expect(container.querySelector('#scan-feedback')?.classList.contains('is-refused')).toBe(true);
  });

  it('asks for a code when 提交 is tapped with nothing typed', async () => {
    const calls = installClassApi(() => ok(accepted(1)));
    const container = await openPage();
    typeCode(container, '   ');
    expect(await screen.findByText('请输入学员签到码页面上的8位数字')).toBeTruthy();
    expect(calls.some((c) => c.action === 'scan')).toBe(false);
  });

  it('weapp: 扫码签到 opens WeChat’s scanner from the camera only and submits what it read', async () => {
    installClassApi(() => ok(accepted(1)));
    const container = await openPage();
    await asWeapp(async () => {
      const calls = installCloud({ scan: () => accepted(1), roster: () => aRoster() });
      scanCode.mockResolvedValueOnce({ result: aCode('ref0000w'), errMsg: 'scanCode:ok' });
      fireEvent.click(screen.getByText('扫码签到'));
      await waitFor(() => expect(textOf(container, '#scan-feedback')).toBe('签到成功王*英 · 第2节'));
      expect(scanCode).toHaveBeenCalledWith({ onlyFromCamera: true, scanType: ['qrCode'] });
      expect(calls.find((c) => c.action === 'scan')?.payload).toEqual({ classId: 'c-1', code: aCode('ref0000w') });
    });
  });

  it('weapp: a cancelled scanner says nothing', async () => {
    const calls = installClassApi(() => ok(accepted(1)));
    const container = await openPage();
    await asWeapp(async () => {
      fireEvent.click(screen.getByText('扫码签到'));
      await waitFor(() => expect(scanCode).toHaveBeenCalled());
    });
    expect(container.querySelector('.scan-note')).toBeNull();
    expect(calls.some((c) => c.action === 'scan')).toBe(false);
  });
});

describe('班级签到 page: R6.4 offline queue', () => {
  it('queues a scan whose call fails with NETWORK and says it was kept on the phone', async () => {
    installClassApi(networkDown);
    const container = await openPage();
    expect(textOf(container, '#pending-count')).toBe('待上传 0 条');
    typeCode(container, aCode());
    await waitFor(() => expect(textOf(container, '#scan-feedback')).toBe('已离线保存，联网后自动上传'));
    expect(textOf(container, '#pending-count')).toBe('待上传 1 条');
    expect(container.querySelectorAll('.pending-scan')).toHaveLength(1);
    expect(useScanQueue.getState().pending[0]).toMatchObject({ classId: 'c-1', code: aCode() });
  });

  it('uploads the queue once when the network comes back, then refreshes the roster', async () => {
    let uploaded = false;
    const calls = installApi({
      roster: () =>
        ok(aRoster({ people: [aRosterPerson({ sessions: [0, 1] }), aRosterPerson({ personId: 'p-2', name: '李*华', sessions: uploaded ? [1] : [] })] })),
      myClasses: () => ok([aTrainerClass()]),
      uploadOfflineScans: (p) => {
        uploaded = true;
        return ok(scansOf(p).map((s) => ({ scanId: s.scanId, result: accepted(1) })));
      },
    });
    const container = await openPage();
    setBrowserOnline(false);
    typeCode(container, aCode());
    await waitFor(() => expect(textOf(container, '#pending-count')).toBe('待上传 1 条'));
    expect(calls.some((c) => c.action === 'scan')).toBe(false);
    const queued = useScanQueue.getState().pending;

    setBrowserOnline(true);
    act(() => {
      window.dispatchEvent(new Event('online'));
    });
    await waitFor(() => expect(textOf(container, '#pending-count')).toBe('待上传 0 条'));
    expect(textOf(container, '#scan-feedback')).toBe('离线签到已上传');
    await waitFor(() => expect(rosterRow(container, 'p-2').querySelector('.roster-now')?.textContent).toBe('已到'));
    const uploads = calls.filter((c) => c.action === 'uploadOfflineScans');
    expect(uploads).toHaveLength(1);
    expect(scansOf(uploads[0].payload)).toEqual(queued);
  });

  it('立即上传 shows refused scans with their reason', async () => {
    setBrowserOnline(false);
    installApi({});
    await useScanQueue.getState().submit('c-1', aCode());
    setBrowserOnline(true);
    let answer = false;
    installApi({
      roster: () => ok(aRoster()),
      myClasses: () => ok([aTrainerClass()]),
      uploadOfflineScans: (p) => (answer ? ok(scansOf(p).map((s) => ({ scanId: s.scanId, result: refused('SCAN_TOO_EARLY') }))) : networkDown()),
    });
    const container = await openPage();
    // The upload on opening found no network.
    await waitFor(() => expect(screen.getByText('网络不通，联网后自动上传')).toBeTruthy());
    expect(textOf(container, '#pending-count')).toBe('待上传 1 条');
    answer = true;
    fireEvent.click(container.querySelector('#upload-now')!);
    await waitFor(() => expect(textOf(container, '#pending-count')).toBe('待上传 0 条'));
    expect(textOf(container, '.scan-refusals')).toContain('未通过 1 条');
    expect(textOf(container, '.refused-scan-reason')).toBe('还没到签到时间，上课前30分钟开始签到');
    fireEvent.click(container.querySelector('#refusals-clear')!);
    expect(container.querySelector('.scan-refusals')).toBeNull();
  });
});

describe('班级签到 page: R6.5 结业', () => {
  /** An ended class that the server closes on closeClass (and then reports as closed). */
  const ended = () => {
    let closedAt: string | null = null;
    return installApi({
      roster: () => ok(aRoster({ currentSession: null, closedAt })),
      myClasses: () =>
        ok([
          closedAt
            ? aTrainerClass({ state: 'closed', stateName: '已结业', currentSession: null, closedAt })
            : aTrainerClass({ state: 'ended', stateName: '已结课，待结业', currentSession: null }),
        ]),
      closeClass: () => {
        closedAt = '2026-11-26T04:00:00.000Z';
        return ok({ classId: 'c-1', closedAt, completed: 1, notCompleted: 1 });
      },
    });
  };

  it('is offered only once the class has ended; asks first, then shows who completed', async () => {
    const calls = ended();
    const container = await openPage();
    // No session left: no scanning.
    expect(container.querySelector('#scan-feedback')).toBeNull();
    await waitFor(() => expect(container.querySelector('#close-class')).not.toBeNull());
    fireEvent.click(container.querySelector('#close-class')!);
    expect(screen.getByText('确定现在结业吗？')).toBeTruthy();
    expect(calls.some((c) => c.action === 'closeClass')).toBe(false);
    fireEvent.click(container.querySelector('#close-class-confirm')!);
    await waitFor(() => expect(container.querySelector('#class-completion')).not.toBeNull());
    expect(textOf(container, '#class-completion')).toContain('完成培训 1 人');
    expect(textOf(container, '#class-completion')).toContain('出勤不够、未完成 1 人');
    expect(calls.filter((c) => c.action === 'closeClass').map((c) => c.payload)).toEqual([{ classId: 'c-1' }]);
    // The class now reads as closed: the outcome stays on screen, 结业 is gone.
    await waitFor(() => expect(textOf(container, '.class-hero .class-state')).toBe('已结业'));
    expect(textOf(container, '#class-completion')).toContain('完成培训 1 人');
    expect(container.querySelector('#close-class')).toBeNull();
  });

  it('先不结业 closes nothing', async () => {
    const calls = ended();
    const { container } = render(<TrainerClassPage />);
    await waitFor(() => expect(container.querySelector('#close-class')).not.toBeNull());
    fireEvent.click(container.querySelector('#close-class')!);
    fireEvent.click(screen.getByText('先不结业'));
    expect(container.querySelector('#close-class-confirm')).toBeNull();
    expect(calls.some((c) => c.action === 'closeClass')).toBe(false);
  });

  it('waits for queued scans of the class before closing it', async () => {
    setBrowserOnline(false);
    installApi({});
    await useScanQueue.getState().submit('c-1', aCode());
    setBrowserOnline(true);
    const calls = installApi({
      roster: () => ok(aRoster({ currentSession: null })),
      myClasses: () => ok([aTrainerClass({ state: 'ended', stateName: '已结课，待结业', currentSession: null })]),
      uploadOfflineScans: networkDown,
      closeClass: () => ok({ classId: 'c-1', closedAt: '2026-11-26T04:00:00.000Z', completed: 2, notCompleted: 0 }),
    });
    const { container } = render(<TrainerClassPage />);
    await waitFor(() => expect(container.querySelector('#close-class')).not.toBeNull());
    fireEvent.click(container.querySelector('#close-class')!);
    fireEvent.click(container.querySelector('#close-class-confirm')!);
    expect(await screen.findByText('还有 1 条离线签到没上传，联网上传后再结业')).toBeTruthy();
    expect(calls.some((c) => c.action === 'closeClass')).toBe(false);
  });

  it('is not offered while the class is running', async () => {
    installClassApi(() => ok(accepted(1)));
    const container = await openPage();
    await waitFor(() => expect(textOf(container, '.class-hero .class-state')).toBe('上课中'));
    expect(container.querySelector('#close-class')).toBeNull();
  });

  it('a closed class shows no scanning', async () => {
    installApi({
      roster: () => ok(aRoster({ currentSession: null, closedAt: '2026-11-26T04:00:00.000Z' })),
      myClasses: () => ok([aTrainerClass({ state: 'closed', stateName: '已结业', currentSession: null, closedAt: '2026-11-26T04:00:00.000Z' })]),
    });
    const { container } = render(<TrainerClassPage />);
    expect(await screen.findByText('这个班已结业，不能再签到')).toBeTruthy();
    expect(container.querySelector('#scan-code-input')).toBeNull();
    expect(container.querySelector('#close-class')).toBeNull();
  });
});
