import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import ClassesPage from '../../src/pages/classes/index';
import { useAttendanceKeyStore } from '../../src/stores/use-attendance-key-store';
import { useClassStore } from '../../src/stores/use-class-store';
import { useVoucherStore } from '../../src/stores/use-voucher-store';
import { navigateTo, showToast } from './__mocks__/taro';
import { aNewcomer, aRegisteredLaborer, firstThen, freshLaborerPage, installApi, installLaborerApi, ok, refusal, renderShowing, retryWhenOnline } from './api-double';
import { aClass, alreadyEnrolled, anAttendanceKey, anEnrollment, aVillageClass, refusedBecause } from './class-double';
import { AGRI, SKILLS, VILLAGE, aVoucherType } from './voucher-double';

const ENTERPRISE = aVoucherType({ code: 'enterprise', name: '企业职工培训券', alias: null });
const GUOSHU = aClass({
  id: 'class-guoshu-runcheng',
  name: '果树修剪与嫁接',
  occupation: { code: 'A-GUOSHU', name: '果树修剪与嫁接' },
  level: 0,
  mode: 'parttime',
  modeName: '业余',
  acceptedTypes: ['agri'],
  forMe: refusedBecause('您没有可用于这个班的培训券，请先领取'),
});

beforeEach(() => {
  freshLaborerPage(useVoucherStore, useClassStore, useAttendanceKeyStore);
});

const card = (container: HTMLElement, id: string) => container.querySelector<HTMLElement>(`.class-card[data-id="${id}"]`);
const listCalls = (calls: { action: string; payload: unknown }[]) => calls.filter((c) => c.action === 'listClasses').map((c) => c.payload);

/** Renders the page and waits for the class 吕梁山护工·养老护理员（五级）. */
const openPage = () => renderShowing(<ClassesPage />, '吕梁山护工·养老护理员（五级）');

describe('课程 page — cards', () => {
  it('R5.1 shows each class with institution, occupation and level, mode, place, first session, seats and vouchers', async () => {
    installLaborerApi({
      listClasses: () => ok([aClass()]),
      listTypes: () => ok([SKILLS, ENTERPRISE]),
    });
    const container = await openPage();
    const c = card(container, 'class-hugong-lishi')!;
    expect(c.querySelector('.class-institution')?.textContent).toBe('吕梁山护工培训学校');
    expect(c.querySelector('.class-occupation')?.textContent).toBe('工种：养老护理员 · 五级/初级工');
    expect(c.querySelector('.class-mode-name')?.textContent).toBe('形式：全脱产');
    expect(c.querySelector('.class-place')?.textContent).toBe('地点：离石区');
    // 2026-12-01 is a Tuesday.
    expect(c.querySelector('.class-start')?.textContent).toBe('12月1日 周二 09:00开课，共10节');
    expect(c.querySelector('.class-seats')?.textContent).toBe('剩余名额 38');
    await waitFor(() => expect(c.querySelector('.class-vouchers')?.textContent).toBe('可用：职业技能培训券、企业职工培训券'));
    expect(c.querySelector('.class-enroll')).not.toBeNull();
  });

  it('says why a class cannot be taken (forMe.reason), shows 已报名 for an enrolled one, and no level when there is none', async () => {
    installLaborerApi({
      listClasses: () => ok([aClass({ forMe: alreadyEnrolled() }), GUOSHU, aClass({ id: 'full', seatsLeft: 0, forMe: refusedBecause('这个班已报满', 'CLASS_FULL') })]),
      listTypes: () => ok([SKILLS]),
    });
    const { container } = render(<ClassesPage />);
    await screen.findByText('果树修剪与嫁接', { selector: '.class-name' });
    const enrolled = card(container, 'class-hugong-lishi')!;
    expect(enrolled.querySelector('.class-enrolled-badge')?.textContent).toBe('已报名');
    expect(enrolled.querySelector('.class-enroll')).toBeNull();
    fireEvent.click(enrolled.querySelector('.class-enrolled-link')!);
    expect(navigateTo).toHaveBeenCalledWith({ url: '/pages/my-classes/index' });
    const refused = card(container, 'class-guoshu-runcheng')!;
    expect(refused.querySelector('.class-reason')?.textContent).toBe('您没有可用于这个班的培训券，请先领取');
    expect(refused.querySelector('.class-enroll')).toBeNull();
    expect(refused.querySelector('.class-occupation')?.textContent).toBe('工种：果树修剪与嫁接');
    expect(card(container, 'full')!.querySelector('.class-seats')?.textContent).toBe('已报满');
  });

  it('names no voucher type when the catalogue cannot be loaded', async () => {
    installLaborerApi({
      listClasses: () => ok([aClass()]),
      listTypes: () => refusal('NETWORK'),
    });
    const container = await openPage();
    await waitFor(() => expect(useVoucherStore.getState().status).toBe('error'));
    expect(card(container, 'class-hugong-lishi')!.querySelector('.class-vouchers')?.textContent).toBe('可用2种培训券报名');
    fireEvent.click(container.querySelector('.class-enroll')!);
    expect(container.querySelector('.class-confirm-voucher')?.textContent).toBe('使用：您的一张培训券');
  });

  it('asks a newcomer to register before listing classes', async () => {
    const calls = installApi({ whoami: () => ok(aNewcomer()) });
    render(<ClassesPage />);
    fireEvent.click(await screen.findByText('立即登记'));
    expect(navigateTo).toHaveBeenCalledWith({ url: '/pages/register/index' });
    expect(listCalls(calls)).toHaveLength(0);
  });

  it('shows the offline state with 重试 when the classes cannot be loaded', async () => {
    let offline = true;
    installLaborerApi({
      listClasses: () => (offline ? refusal('NETWORK') : ok([aClass()])),
      listTypes: () => ok([SKILLS]),
    });
    const { container } = render(<ClassesPage />);
    await retryWhenOnline(() => (offline = false));
    await waitFor(() => expect(card(container, 'class-hugong-lishi')).not.toBeNull());
  });
});

describe('课程 page — filters', () => {
  it('asks the server for the chosen mode and the home township; 只看我能报的 keeps what can be taken, a claim on the way included', async () => {
    const claimable = aClass({ id: 'class-claim', name: '领券就能报的班', forMe: { ...refusedBecause('您没有可用于这个班的培训券，请先领取'), claimable: 'skills' } });
    const calls = installLaborerApi({
      listClasses: (p) => ok((p as { mode?: string }).mode === 'village' ? [aVillageClass()] : [aClass(), GUOSHU, claimable]),
      listTypes: () => ok([SKILLS]),
    });
    const container = await openPage();
    expect(listCalls(calls)[0]).toEqual({});
    fireEvent.click(container.querySelector('#class-eligible-only')!);
    // R13 the server's eligibleOnly would drop the class joined by claiming its voucher: the phone filters.
    await waitFor(() => expect(card(container, 'class-guoshu-runcheng')).toBeNull());
    expect(card(container, 'class-claim')).not.toBeNull();
    expect(listCalls(calls)).toEqual([{}]);
    fireEvent.click(container.querySelector('.class-mode[data-mode="village"]')!);
    await waitFor(() => expect(card(container, 'class-bianzhi-dongcun')).not.toBeNull());
    expect(card(container, 'class-hugong-lishi')).toBeNull();
    expect(container.querySelector('.class-mode[data-mode="village"]')?.classList.contains('is-selected')).toBe(true);
    fireEvent.click(container.querySelector('#class-township-only')!);
    await waitFor(() => expect(listCalls(calls).at(-1)).toEqual({ mode: 'village', townshipCode: '141127101' }));
    expect(container.querySelector('#class-eligible-only')?.getAttribute('aria-checked')).toBe('true');
    fireEvent.click(container.querySelector('.class-mode[data-mode="all"]')!);
    await waitFor(() => expect(listCalls(calls).at(-1)).toEqual({ townshipCode: '141127101' }));
  });
});

describe('课程 page — R13 near home and in one step', () => {
  const far = aClass({
    forMe: { ...refusedBecause('您没有可用于这个班的培训券，请先领取'), claimable: 'skills', distance: 'city', distanceText: '另一个县' },
  });

  it('says how far a class is on the card and again on the confirm step', async () => {
    installLaborerApi({ listClasses: () => ok([far]), listTypes: () => ok([SKILLS]) });
    const container = await openPage();
    const c = card(container, 'class-hugong-lishi')!;
    expect(c.querySelector('.class-distance')?.textContent).toBe('在另一个县（离石区），离家远，要自己去上课');
    expect(c.querySelector('.class-distance')?.classList.contains('is-far')).toBe(true);
    fireEvent.click(c.querySelector('.class-enroll')!);
    await screen.findByText('确认领券并报名', { selector: '.czt-card-title' });
    expect(container.querySelector('.class-confirm-distance')?.textContent).toBe('在另一个县（离石区），离家远，要自己去上课');
  });

  it('领券并报名: a class the caller has no voucher for claims it in the same confirmation (enroll {claim})', async () => {
    const calls = installLaborerApi({
      listClasses: () => ok([far]),
      listTypes: () => ok([SKILLS]),
      enroll: () => ok(anEnrollment()),
    });
    const container = await openPage();
    const c = card(container, 'class-hugong-lishi')!;
    expect(c.querySelector('.class-enroll')?.textContent).toBe('领券并报名');
    expect(c.querySelector('.class-claim-note')?.textContent).toBe('报名时自动为您领取职业技能培训券');
    fireEvent.click(c.querySelector('.class-enroll')!);
    await screen.findByText('确认领券并报名', { selector: '.czt-card-title' });
    expect(container.querySelector('.class-confirm-claim')?.textContent).toBe('同时领取职业技能培训券，90天内有效');
    fireEvent.click(container.querySelector('#class-confirm')!);
    await screen.findByText('报名成功', { selector: '.czt-card-title' });
    expect(calls.filter((x) => x.action === 'enroll').map((x) => x.payload)).toEqual([{ classId: 'class-hugong-lishi', claim: 'skills' }]);
  });
});

describe('课程 page — enrolling', () => {
  async function openConfirm(enroll: () => ReturnType<typeof ok>) {
    let enrolled = false;
    const calls = installLaborerApi({
      listClasses: () => ok([enrolled ? aClass({ forMe: alreadyEnrolled() }) : aClass(), GUOSHU]),
      listTypes: () => ok([SKILLS, ENTERPRISE, AGRI]),
      enroll: () => {
        const answer = enroll();
        if (answer.ok) enrolled = true;
        return answer;
      },
      mine: () => ok([anEnrollment()]),
      attendanceKey: () => ok(anAttendanceKey()),
    });
    const view = render(<ClassesPage />);
    await screen.findByText('吕梁山护工·养老护理员（五级）');
    await waitFor(() => expect(useVoucherStore.getState().types).not.toBeNull());
    fireEvent.click(card(view.container, 'class-hugong-lishi')!.querySelector('.class-enroll')!);
    await screen.findByText('确认报名', { selector: '.czt-card-title' });
    return { ...view, calls };
  }

  it('R5.2 confirming names the voucher that pays, then sends exactly one enroll', async () => {
    const { container, calls } = await openConfirm(() => ok(anEnrollment()));
    expect(container.querySelector('.class-confirm-voucher')?.textContent).toBe('使用：职业技能培训券');
    expect(container.textContent).toContain('开课前可以退出，培训券会退回');
    expect(calls.some((c) => c.action === 'enroll')).toBe(false);
    fireEvent.click(container.querySelector('#class-confirm')!);
    await screen.findByText('报名成功', { selector: '.czt-card-title' });
    const enrolls = calls.filter((c) => c.action === 'enroll');
    expect(enrolls).toHaveLength(1);
    expect(enrolls[0].payload).toEqual({ classId: 'class-hugong-lishi' });
    expect(showToast).toHaveBeenCalledWith({ title: '报名成功', icon: 'success' });
    // The list is asked again and now says 已报名; the attendance key is fetched for offline use.
    await waitFor(() => expect(listCalls(calls).length).toBeGreaterThanOrEqual(2));
    await waitFor(() => expect(useAttendanceKeyStore.getState().key).not.toBeNull());
    fireEvent.click(screen.getByText('返回课程列表'));
    await waitFor(() => expect(card(container, 'class-hugong-lishi')!.querySelector('.class-enrolled-badge')).not.toBeNull());
  });

  it('取消 closes the confirmation without enrolling', async () => {
    const { container, calls } = await openConfirm(() => ok(anEnrollment()));
    fireEvent.click(screen.getByText('取消'));
    expect(container.querySelector('#class-confirm')).toBeNull();
    expect(card(container, 'class-hugong-lishi')).not.toBeNull();
    expect(calls.some((c) => c.action === 'enroll')).toBe(false);
  });

  it("shows the server's refusal in Chinese and goes back to the list", async () => {
    const { container } = await openConfirm(() => refusal('CLASS_FULL'));
    fireEvent.click(container.querySelector('#class-confirm')!);
    expect(await screen.findByText('这个班已报满', { selector: '.class-refusal span' })).toBeTruthy();
    expect(container.querySelector('#class-confirm')).toBeNull();
  });

  it('after a network failure retries with the same requestId, and takes 已报名 as success', async () => {
    const { container, calls } = await openConfirm(firstThen(refusal('NETWORK'), refusal('ALREADY_ENROLLED')));
    fireEvent.click(container.querySelector('#class-confirm')!);
    await waitFor(() => expect(container.querySelector('.class-confirm-error')).not.toBeNull());
    expect(container.querySelector('.class-confirm-error')?.textContent).toContain('不会重复报名');
    fireEvent.click(container.querySelector('#class-confirm')!);
    await screen.findByText('报名成功', { selector: '.czt-card-title' });
    const ids = calls.filter((c) => c.action === 'enroll').map((c) => c.requestId);
    expect(ids).toHaveLength(2);
    expect(ids[0]).toBe(ids[1]);
  });
});

describe('课程 page — band C', () => {
  it('R3.2 band C sees only classes it can take, one at a time, one button, no filters, in large text', async () => {
    const calls = installApi({
      whoami: () => ok(aRegisteredLaborer({ age: 66, band: 'C', bandName: '60周岁以上', township: { code: '141127100', name: '东村镇' } })),
      listClasses: () => ok([aVillageClass(), aVillageClass({ id: 'class-2', name: '送培训下乡·庭院种植' }), GUOSHU]),
      listTypes: () => ok([VILLAGE]),
    });
    const { container } = render(<ClassesPage />);
    await screen.findByText('送培训下乡·手工编织');
    expect(listCalls(calls).at(-1)).toEqual({});
    expect(container.querySelectorAll('.class-card')).toHaveLength(1);
    expect(container.querySelectorAll('.class-enroll')).toHaveLength(1);
    expect(container.querySelector('.class-reason')).toBeNull();
    expect(container.querySelector('.class-filters')).toBeNull();
    expect(container.querySelector('.czt-page')?.classList.contains('czt-large')).toBe(true);
    fireEvent.click(screen.getByText('还有1个班可以报，看下一个'));
    expect(screen.getByText('送培训下乡·庭院种植')).toBeTruthy();
  });

  it('band C with nothing to take gets a plain message', async () => {
    installApi({
      whoami: () => ok(aRegisteredLaborer({ age: 66, band: 'C', bandName: '60周岁以上' })),
      listClasses: () => ok([]),
      listTypes: () => ok([VILLAGE]),
    });
    const { container } = render(<ClassesPage />);
    expect(await screen.findByText('现在没有您能报的课程')).toBeTruthy();
    expect(container.querySelector('.class-enroll')).toBeNull();
  });
});
