import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import TrainerHomePage from '../../src/packages/trainer/pages/classes/index';
import { useScanQueue } from '../../src/packages/trainer/stores/use-scan-queue';
import { useTrainerStore } from '../../src/packages/trainer/stores/use-trainer-store';
import { useSessionStore } from '../../src/stores/use-session-store';
import { __resetTaroMock, navigateTo } from './__mocks__/taro';
import { installApi, installLaborerApi, ok, refusal, resetStores } from './api-double';
import { aCode, aTrainer, aTrainerClass, networkDown, scansOf, setBrowserOnline } from './trainer-double';

beforeEach(() => {
  __resetTaroMock();
  setBrowserOnline(true);
  resetStores(useSessionStore, useTrainerStore, useScanQueue);
});

const card = (container: HTMLElement, id: string) => container.querySelector<HTMLElement>(`.trainer-class[data-class-id="${id}"]`)!;

describe('我的班级 page', () => {
  it("lists the institution's classes: name, state, sessions, the current session and enrollment", async () => {
    installApi({
      whoami: () => ok(aTrainer()),
      myClasses: () =>
        ok([
          aTrainerClass(),
          aTrainerClass({ id: 'c-2', name: '中式烹调师（五级）', state: 'ended', stateName: '已结课，待结业', currentSession: null, enrolled: 30 }),
        ]),
    });
    const { container } = render(<TrainerHomePage />);
    await screen.findByText('养老护理员（五级）岚县班');
    expect(container.querySelector('#trainer-institution')?.textContent).toBe('吕梁山护工培训学校');
    const running = card(container, 'c-1');
    expect(running.querySelector('.class-state')?.textContent).toBe('上课中');
    expect(running.textContent).toContain('第2节（共 3 节）  11月25日 09:00–11:30');
    expect(running.textContent).toContain('报名 2/30 人');
    const ended = card(container, 'c-2');
    expect(ended.querySelector('.class-state')?.textContent).toBe('已结课，待结业');
    expect(ended.textContent).toContain('共 3 节，已全部上完');
    expect(ended.textContent).toContain('报名 30/30 人');
  });

  it('opens the class page on a tap', async () => {
    installApi({ whoami: () => ok(aTrainer()), myClasses: () => ok([aTrainerClass({ id: 'c 7' })]) });
    const { container } = render(<TrainerHomePage />);
    await screen.findByText('养老护理员（五级）岚县班');
    fireEvent.click(card(container, 'c 7'));
    expect(navigateTo).toHaveBeenCalledWith({ url: '/packages/trainer/pages/class/index?classId=c%207' });
  });

  it('says so when the institution has no class yet', async () => {
    installApi({ whoami: () => ok(aTrainer()), myClasses: () => ok([]) });
    render(<TrainerHomePage />);
    expect(await screen.findByText('还没有班级')).toBeTruthy();
  });

  it('does not ask for classes when the caller is not a trainer', async () => {
    const calls = installLaborerApi();
    render(<TrainerHomePage />);
    expect(await screen.findByText('您还不是培训机构人员')).toBeTruthy();
    expect(calls.some((c) => c.action === 'myClasses')).toBe(false);
  });

  it('shows a failed load with 重试, which asks again', async () => {
    let fail = true;
    installApi({ whoami: () => ok(aTrainer()), myClasses: () => (fail ? refusal('INTERNAL') : ok([aTrainerClass()])) });
    render(<TrainerHomePage />);
    expect(await screen.findByText('出了点问题')).toBeTruthy();
    fail = false;
    fireEvent.click(screen.getByText('重试'));
    expect(await screen.findByText('养老护理员（五级）岚县班')).toBeTruthy();
  });

  it('R6.4 shows scans still waiting on the phone, per class, and uploads them on opening', async () => {
    // Two scans queued while offline.
    setBrowserOnline(false);
    installApi({});
    await useScanQueue.getState().submit('c-1', aCode('ref0000a'));
    await useScanQueue.getState().submit('c-1', aCode('ref0000b'));
    setBrowserOnline(true);
    const calls = installApi({
      whoami: () => ok(aTrainer()),
      myClasses: () => ok([aTrainerClass()]),
      uploadOfflineScans: networkDown,
    });
    const { container } = render(<TrainerHomePage />);
    await screen.findByText('养老护理员（五级）岚县班');
    expect(container.querySelector('#trainer-pending')?.textContent).toContain('有 2 条离线签到待上传');
    expect(card(container, 'c-1').querySelector('.trainer-class-waiting')?.textContent).toBe('2 条签到待上传');
    await waitFor(() => expect(calls.filter((c) => c.action === 'uploadOfflineScans')).toHaveLength(1));
    expect(scansOf(calls.find((c) => c.action === 'uploadOfflineScans')!.payload)).toHaveLength(2);
  });
});
