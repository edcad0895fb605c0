import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import MyClassesPage from '../../src/pages/my-classes/index';
import { useAttendanceKeyStore } from '../../src/stores/use-attendance-key-store';
import { useClassStore } from '../../src/stores/use-class-store';
import { navigateTo, switchTab } from './__mocks__/taro';
import { aRegisteredLaborer, freshLaborerPage, installApi, installLaborerApi, ok, refusal, renderShowing } from './api-double';
import { aClass, anAttendanceKey, anEnrollment, aVillageClass } from './class-double';

/** The phone's clock: 23 November 2026, 17:00 China time (before every class in class-double). */
const BEFORE_CLASSES = Date.parse('2026-11-23T09:00:00.000Z');

beforeEach(() => {
  freshLaborerPage(useClassStore, useAttendanceKeyStore);
  jest.spyOn(Date, 'now').mockReturnValue(BEFORE_CLASSES);
});

afterEach(() => jest.restoreAllMocks());

const row = (container: HTMLElement, classId: string) => container.querySelector<HTMLElement>(`.my-class[data-id="${classId}"]`);

/** Renders the page and waits for the class 吕梁山护工·养老护理员（五级）. */
const openPage = () => renderShowing(<MyClassesPage />, '吕梁山护工·养老护理员（五级）');

describe('我的课程 page', () => {
  it('R6.5 shows status, sessions with dates, and attendance so far against what is needed', async () => {
    installLaborerApi({
      mine: () => ok([anEnrollment({ attendedSessions: [0, 2], requiredSessions: 8 })]),
      attendanceKey: () => ok(anAttendanceKey()),
    });
    const container = await openPage();
    const r = row(container, 'class-hugong-lishi')!;
    expect(r.querySelector('.my-class-status')?.textContent).toBe('已报名');
    expect(r.querySelector('.my-class-progress')?.textContent).toBe('已签到 2/10节（需8节）');
    const sessions = [...r.querySelectorAll('.my-class-session')];
    expect(sessions).toHaveLength(10);
    expect(sessions[0].textContent).toBe('第1节 12月1日 周二 09:00–17:00已签到');
    expect(sessions[1].classList.contains('is-attended')).toBe(false);
    expect(sessions[2].classList.contains('is-attended')).toBe(true);
  });

  it('R6.1 出示签到码 opens the code page, and the key is fetched while there is a network', async () => {
    installLaborerApi({
      mine: () => ok([anEnrollment()]),
      attendanceKey: () => ok(anAttendanceKey()),
    });
    const container = await openPage();
    fireEvent.click(container.querySelector('#my-classes-show-code')!);
    expect(navigateTo).toHaveBeenCalledWith({ url: '/pages/attendance-code/index' });
    await waitFor(() => expect(useAttendanceKeyStore.getState().key?.personRef).toBe('Rk9vQmFyQmF6'));
    // The schedule is kept for the code page to name today's class offline.
    expect(useAttendanceKeyStore.getState().schedule?.map((c) => c.classId)).toEqual(['class-hugong-lishi']);
  });

  it('has no code button when nothing is enrolled, and no progress for a withdrawn class', async () => {
    installLaborerApi({ mine: () => ok([anEnrollment({ status: 'withdrawn', statusName: '已退出' })]) });
    const { container } = render(<MyClassesPage />);
    await screen.findByText('已退出');
    expect(container.querySelector('#my-classes-show-code')).toBeNull();
    expect(container.querySelector('.my-class-progress')).toBeNull();
    expect(container.querySelector('.my-class-withdraw')).toBeNull();
  });

  it('R5.3 退出 asks first, then withdraws once and shows the class as 已退出', async () => {
    let withdrawn = false;
    const calls = installLaborerApi({
      mine: () => ok([withdrawn ? anEnrollment({ status: 'withdrawn', statusName: '已退出' }) : anEnrollment()]),
      withdraw: () => {
        withdrawn = true;
        return ok(anEnrollment({ status: 'withdrawn', statusName: '已退出' }));
      },
      attendanceKey: () => ok(anAttendanceKey()),
    });
    const container = await openPage();
    fireEvent.click(row(container, 'class-hugong-lishi')!.querySelector('.my-class-withdraw')!);
    expect(screen.getByText('退出后培训券退回，可以再报别的班。确定退出吗？')).toBeTruthy();
    expect(calls.some((c) => c.action === 'withdraw')).toBe(false);
    fireEvent.click(container.querySelector('#my-class-withdraw-confirm')!);
    await waitFor(() => expect(row(container, 'class-hugong-lishi')!.querySelector('.my-class-status')?.textContent).toBe('已退出'));
    const withdraws = calls.filter((c) => c.action === 'withdraw');
    expect(withdraws).toHaveLength(1);
    expect(withdraws[0].payload).toEqual({ classId: 'class-hugong-lishi' });
  });

  it('不退出 keeps the enrollment', async () => {
    const calls = installLaborerApi({ mine: () => ok([anEnrollment()]), attendanceKey: () => ok(anAttendanceKey()) });
    const container = await openPage();
    fireEvent.click(container.querySelector('.my-class-withdraw')!);
    fireEvent.click(screen.getByText('不退出'));
    expect(container.querySelector('#my-class-withdraw-confirm')).toBeNull();
    expect(calls.some((c) => c.action === 'withdraw')).toBe(false);
  });

  it('R5.3 offers no 退出 once the first session has started', async () => {
    // 24 November 2026, 10:00 China time: the village class started at 09:00, the other has not.
    const now = '2026-11-24T02:00:00.000Z';
    jest.spyOn(Date, 'now').mockReturnValue(Date.parse(now));
    installLaborerApi({
      mine: () => ok([anEnrollment({ class: aVillageClass({ forMe: undefined }) }), anEnrollment()]),
      attendanceKey: () => ok(anAttendanceKey({ serverNow: now })),
    });
    const { container } = render(<MyClassesPage />);
    await screen.findByText('送培训下乡·手工编织');
    expect(row(container, 'class-bianzhi-dongcun')!.querySelector('.my-class-withdraw')).toBeNull();
    expect(row(container, 'class-hugong-lishi')!.querySelector('.my-class-withdraw')).not.toBeNull();
  });

  it("shows the server's refusal when it is too late to withdraw", async () => {
    installLaborerApi({
      mine: () => ok([anEnrollment()]),
      withdraw: () => refusal('WITHDRAW_TOO_LATE'),
      attendanceKey: () => ok(anAttendanceKey()),
    });
    const container = await openPage();
    fireEvent.click(container.querySelector('.my-class-withdraw')!);
    fireEvent.click(container.querySelector('#my-class-withdraw-confirm')!);
    expect(await screen.findByText('已经开课，不能退出')).toBeTruthy();
  });

  it('has an empty state with a button to the 课程 tab', async () => {
    installLaborerApi({ mine: () => ok([]) });
    render(<MyClassesPage />);
    expect(await screen.findByText('还没有报名课程')).toBeTruthy();
    fireEvent.click(screen.getByText('去看看课程'));
    expect(switchTab).toHaveBeenCalledWith({ url: '/pages/classes/index' });
  });

  it('band C sees one button (出示签到码); 退出 is a plain link', async () => {
    installApi({
      whoami: () => ok(aRegisteredLaborer({ age: 66, band: 'C', bandName: '60周岁以上' })),
      mine: () => ok([anEnrollment({ class: aClass({ id: 'class-a', forMe: undefined }) }), anEnrollment({ class: aClass({ id: 'class-b', forMe: undefined }) })]),
      attendanceKey: () => ok(anAttendanceKey()),
    });
    const { container } = render(<MyClassesPage />);
    await waitFor(() => expect(container.querySelectorAll('.my-class')).toHaveLength(2));
    expect(container.querySelectorAll('button')).toHaveLength(1);
    expect(container.querySelector('button')?.textContent).toContain('出示签到码');
    expect(container.querySelectorAll('.my-class-withdraw-link')).toHaveLength(2);
    expect(container.querySelector('.czt-page')?.classList.contains('czt-large')).toBe(true);
  });
});
