import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import VouchersPage from '../../src/pages/vouchers/index';
import { useVoucherStore } from '../../src/stores/use-voucher-store';
import { navigateTo } from './__mocks__/taro';
import { aNewcomer, aRegisteredLaborer, firstThen, freshLaborerPage, installApi, installLaborerApi, ok, refusal, retryWhenOnline } from './api-double';
import { aClass, anEnrollment, canEnroll } from './class-double';
import { AGRI, aVoucher, aVoucherType, SKILLS, VILLAGE, refusedForAge } from './voucher-double';

const AGE_52_SKILLS = '该券面向18–45周岁劳动者，您今年52周岁';

beforeEach(() => {
  freshLaborerPage(useVoucherStore);
});

const card = (container: HTMLElement, code: string) => container.querySelector<HTMLElement>(`.voucher-card[data-type="${code}"]`);

describe('培训券 page — cards', () => {
  it('R4.1 shows each ineligible type with its reason in plain Chinese, eligible types with 领取', async () => {
    installApi({
      whoami: () => ok(aRegisteredLaborer({ age: 52, band: 'B', bandName: '中年劳动力' })),
      listTypes: () =>
        ok([AGRI, refusedForAge(SKILLS, AGE_52_SKILLS), refusedForAge(VILLAGE, '该券面向60周岁以上劳动者，您今年52周岁')]),
    });
    const { container } = render(<VouchersPage />);
    await screen.findByText('农业实用技术培训券');
    const skills = card(container, 'skills')!;
    expect(skills.querySelector('.voucher-reason')?.textContent).toBe(AGE_52_SKILLS);
    expect(skills.querySelector('.voucher-claim')).toBeNull();
    const agri = card(container, 'agri')!;
    expect(agri.querySelector('.voucher-claim')).not.toBeNull();
    expect(agri.textContent).toContain('46–60周岁劳动者');
    expect(agri.textContent).toContain('有效期90天');
    expect(agri.textContent).toContain('本县今年剩余名额 3000');
    // Server order is kept: eligible first.
    const order = [...container.querySelectorAll('.voucher-card')].map((c) => c.getAttribute('data-type'));
    expect(order).toEqual(['agri', 'skills', 'village']);
  });

  it('R4.3 a held type says 已领取 and links to 我的培训券', async () => {
    installLaborerApi({
      listTypes: () =>
        ok([{ ...SKILLS, canClaim: false, heldVoucherId: 'v-1', refusalCode: 'VOUCHER_UNUSED_EXISTS', reasons: ['您已有一张未使用的职业技能培训券，用完或退回后才能再领'] }]),
    });
    const { container } = render(<VouchersPage />);
    expect(await screen.findByText('已领取')).toBeTruthy();
    expect(card(container, 'skills')!.querySelector('.voucher-claim')).toBeNull();
    fireEvent.click(container.querySelector('#go-my-vouchers')!);
    expect(navigateTo).toHaveBeenCalledWith({ url: '/pages/my-vouchers/index' });
  });

  it('asks a newcomer to register before claiming', async () => {
    const calls = installApi({ whoami: () => ok(aNewcomer()) });
    render(<VouchersPage />);
    fireEvent.click(await screen.findByText('立即登记'));
    expect(navigateTo).toHaveBeenCalledWith({ url: '/pages/register/index' });
    expect(calls.some((c) => c.action === 'listTypes')).toBe(false);
  });

  it('shows the offline state with 重试 when the types cannot be loaded', async () => {
    let offline = true;
    installLaborerApi({ listTypes: () => (offline ? refusal('NETWORK') : ok([SKILLS])) });
    const { container } = render(<VouchersPage />);
    await retryWhenOnline(() => (offline = false));
    await waitFor(() => expect(card(container, 'skills')).not.toBeNull());
  });
});

describe('培训券 page — band C', () => {
  it('R3.2 band C sees only the types it can claim, one at a time, in large text', async () => {
    installApi({
      whoami: () => ok(aRegisteredLaborer({ age: 66, band: 'C', bandName: '60周岁以上' })),
      listTypes: () =>
        ok([VILLAGE, refusedForAge(SKILLS, '该券面向18–45周岁劳动者，您今年66周岁'), refusedForAge(AGRI, '该券面向46–60周岁劳动者，您今年66周岁')]),
    });
    const { container } = render(<VouchersPage />);
    await screen.findByText('送培训下乡券');
    const cards = [...container.querySelectorAll('.voucher-card')].map((c) => c.getAttribute('data-type'));
    expect(cards).toEqual(['village']);
    expect(container.querySelector('.voucher-reason')).toBeNull();
    expect(container.querySelectorAll('.voucher-claim')).toHaveLength(1);
    expect(container.querySelector('.czt-page')?.classList.contains('czt-large')).toBe(true);
  });

  it('band C with nothing to claim gets a plain message', async () => {
    installApi({
      whoami: () => ok(aRegisteredLaborer({ age: 66, band: 'C', bandName: '60周岁以上' })),
      listTypes: () => ok([refusedForAge(SKILLS, '该券面向18–45周岁劳动者，您今年66周岁')]),
    });
    const { container } = render(<VouchersPage />);
    expect(await screen.findByText('现在没有您能领的培训券')).toBeTruthy();
    expect(container.querySelector('.voucher-card')).toBeNull();
  });
});

describe('培训券 page — claiming', () => {
  async function openConfirm(claim: () => ReturnType<typeof ok>) {
    const calls = installLaborerApi({ listTypes: () => ok([SKILLS, refusedForAge(AGRI, 'x')]), claim });
    const view = render(<VouchersPage />);
    await screen.findByText('职业技能培训券');
    fireEvent.click(card(view.container, 'skills')!.querySelector('.voucher-claim')!);
    await screen.findByText('确认领取', { selector: '.czt-card-title' });
    return { ...view, calls };
  }

  it('R4.6 confirming claims once with a requestId and names the voucher and its last day', async () => {
    const { container, calls } = await openConfirm(() => ok(aVoucher()));
    expect(calls.some((c) => c.action === 'claim')).toBe(false);
    expect(container.textContent).toContain('90天内有效');
    fireEvent.click(container.querySelector('#voucher-confirm')!);
    const done = await waitFor(() => {
      const el = container.querySelector('.voucher-claimed');
      expect(el).not.toBeNull();
      return el!;
    });
    expect(done.textContent).toBe('已领取职业技能培训券');
    // expiresAt 2027-02-21 00:00 China time → the last valid day is 20 February.
    expect(container.textContent).toContain('有效期至2027年2月20日');
    const claims = calls.filter((c) => c.action === 'claim');
    expect(claims).toHaveLength(1);
    expect(claims[0].payload).toEqual({ type: 'skills' });
    expect(claims[0].requestId).toMatch(/\S{8,}/);
  });

  it('R4.6 retries after a network failure with the same requestId', async () => {
    const { container, calls } = await openConfirm(firstThen(refusal('NETWORK'), ok(aVoucher())));
    fireEvent.click(container.querySelector('#voucher-confirm')!);
    await waitFor(() => expect(container.querySelector('.voucher-confirm-error')).not.toBeNull());
    fireEvent.click(container.querySelector('#voucher-confirm')!);
    await waitFor(() => expect(container.querySelector('.voucher-claimed')).not.toBeNull());
    const ids = calls.filter((c) => c.action === 'claim').map((c) => c.requestId);
    expect(ids).toHaveLength(2);
    expect(ids[0]).toBe(ids[1]);
  });

  it('a new confirmation after a refusal gets a new requestId', async () => {
    const { container, calls } = await openConfirm(firstThen(refusal('QUOTA_EXHAUSTED'), ok(aVoucher())));
    fireEvent.click(container.querySelector('#voucher-confirm')!);
    expect(await screen.findByText('本年度名额已领完')).toBeTruthy();
    fireEvent.click(card(container, 'skills')!.querySelector('.voucher-claim')!);
    fireEvent.click(container.querySelector('#voucher-confirm')!);
    await waitFor(() => expect(container.querySelector('.voucher-claimed')).not.toBeNull());
    const ids = calls.filter((c) => c.action === 'claim').map((c) => c.requestId);
    expect(ids).toHaveLength(2);
    expect(ids[0]).not.toBe(ids[1]);
  });

  it('取消 closes the confirmation without claiming', async () => {
    const { container, calls } = await openConfirm(() => ok(aVoucher()));
    fireEvent.click(screen.getByText('取消'));
    expect(container.querySelector('#voucher-confirm')).toBeNull();
    expect(card(container, 'skills')).not.toBeNull();
    expect(calls.some((c) => c.action === 'claim')).toBe(false);
  });
});

describe('培训券 page — R13 how each voucher is used, and straight on to a class after a claim', () => {
  const EVALUATION = aVoucherType({
    code: 'evaluation',
    name: '技能等级评价券',
    alias: null,
    usedAt: 'evaluationBody',
    nearbyClasses: 0,
    howToUse: '不用上课：领取后带身份证到下面的评价机构直接参加技能等级评价，通过后发证书。会占用今年3次补贴中的1次。',
    evaluationBodies: [{ id: 'inst-hugong', name: '吕梁山护工培训学校', county: '离石区', occupations: ['养老护理员（五级–三级）'] }],
  });
  const NONE_NEARBY = { ...AGRI, usedAt: 'class' as const, nearbyClasses: 0, howToUse: '本县暂时没有收这种券的班，领了也要等开班。' };

  it('the 评价券 says it is used at an evaluation body and lists them; a voucher nothing nearby takes says so', async () => {
    installApi({ whoami: () => ok(aRegisteredLaborer({ age: 52, band: 'B', bandName: '中年劳动力' })), listTypes: () => ok([NONE_NEARBY, EVALUATION]) });
    const { container } = render(<VouchersPage />);
    await screen.findByText('技能等级评价券');
    const evaluation = card(container, 'evaluation')!;
    expect(evaluation.querySelector('.voucher-how')?.textContent).toContain('不用上课');
    expect(evaluation.querySelector('.voucher-body-name')?.textContent).toBe('吕梁山护工培训学校（离石区）');
    expect(evaluation.querySelector('.voucher-body-occupations')?.textContent).toBe('养老护理员（五级–三级）');
    const agri = card(container, 'agri')!;
    expect(agri.querySelector('.voucher-how.is-none-nearby')?.textContent).toBe('本县暂时没有收这种券的班，领了也要等开班。');
  });

  it('after 确认领取 the nearest class that takes the voucher is offered with 报名, and 确认报名 enrolls there', async () => {
    const far = aClass({ id: 'class-guoshu', name: '果树修剪与嫁接', acceptedTypes: ['agri'], county: { code: '140522', name: '阳城县' }, forMe: { ...canEnroll('agri'), distance: 'province', distanceText: '另一个市' } });
    const other = aClass({ id: 'class-other', acceptedTypes: ['skills'] });
    const calls = installApi({
      whoami: () => ok(aRegisteredLaborer({ age: 52, band: 'B', bandName: '中年劳动力' })),
      listTypes: () => ok([NONE_NEARBY]),
      claim: () => ok(aVoucher({ type: 'agri', typeName: '农业实用技术培训券' })),
      listClasses: () => ok([far, other]),
      enroll: () => ok(anEnrollment({ class: far })),
    });
    const { container } = render(<VouchersPage />);
    fireEvent.click(await screen.findByText('领取'));
    fireEvent.click(await waitFor(() => container.querySelector('#voucher-confirm')!));
    await screen.findByText('下一步：报名参加培训');
    const next = await waitFor(() => {
      const found = container.querySelector<HTMLElement>('.voucher-next-classes .class-card[data-id="class-guoshu"]');
      if (!found) throw new Error('the next class is not shown yet');
      return found;
    });
    expect(next.querySelector('.class-distance')?.textContent).toBe('在另一个市（阳城县），离家远，要自己去上课');
    expect(container.querySelector('.class-card[data-id="class-other"]')).toBeNull();
    fireEvent.click(next.querySelector('.class-enroll')!);
    await screen.findByText('确认报名', { selector: '.czt-card-title' });
    expect(container.querySelector('.class-confirm-distance')?.textContent).toContain('另一个市');
    fireEvent.click(container.querySelector('#class-confirm')!);
    await screen.findByText('报名成功', { selector: '.czt-card-title' });
    expect(calls.filter((c) => c.action === 'enroll').map((c) => c.payload)).toEqual([{ classId: 'class-guoshu' }]);
  });

  it('a claimed 评价券 goes on to the evaluation bodies, not to classes', async () => {
    const calls = installLaborerApi({
      listTypes: () => ok([EVALUATION]),
      claim: () => ok(aVoucher({ type: 'evaluation', typeName: '技能等级评价券' })),
    });
    const { container } = render(<VouchersPage />);
    fireEvent.click(await screen.findByText('领取'));
    fireEvent.click(container.querySelector('#voucher-confirm')!);
    await screen.findByText('下一步：带身份证去评价机构');
    expect(container.querySelector('.voucher-success .voucher-body-name')?.textContent).toBe('吕梁山护工培训学校（离石区）');
    expect(calls.some((c) => c.action === 'listClasses')).toBe(false);
  });
});
