import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import MyVouchersPage from '../../src/pages/my-vouchers/index';
import { useSessionStore } from '../../src/stores/use-session-store';
import { useVoucherStore } from '../../src/stores/use-voucher-store';
import { __resetTaroMock, switchTab } from './__mocks__/taro';
import { installLaborerApi, ok, refusal, renderShowing, resetStores } from './api-double';
import { aVoucher } from './voucher-double';

beforeEach(() => {
  __resetTaroMock();
  resetStores(useSessionStore, useVoucherStore);
});

const row = (container: HTMLElement, code: string) => container.querySelector<HTMLElement>(`.my-voucher[data-type="${code}"]`);

/** Renders the page and waits for the skills voucher (职业技能培训券). */
const openPage = () => renderShowing(<MyVouchersPage />, '职业技能培训券');

describe('我的培训券 page', () => {
  it('R4.5 shows status, claimed date, last valid day and days left for an unused voucher', async () => {
    installLaborerApi({ mine: () => ok([aVoucher()]) });
    const container = await openPage();
    const r = row(container, 'skills')!;
    expect(r.querySelector('.my-voucher-status')?.textContent).toBe('未使用');
    expect(r.querySelector('.my-voucher-days')?.textContent).toBe('还剩89天');
    expect(r.querySelector('.my-voucher-days')?.classList.contains('is-soon')).toBe(false);
    expect(r.textContent).toContain('领取日期：2026年11月23日');
    expect(r.textContent).toContain('有效期至：2027年2月20日');
  });

  it('R4.5 says 今天到期 on the last day, highlights 7 days or fewer, and no countdown once used', async () => {
    installLaborerApi({
      mine: () =>
        ok([
          aVoucher({ id: 'v-1', type: 'skills', daysLeft: 0 }),
          aVoucher({ id: 'v-2', type: 'evaluation', typeName: '技能等级评价券', daysLeft: 7 }),
          aVoucher({ id: 'v-3', type: 'agri', typeName: '农业实用技术培训券', status: 'redeemed', statusName: '已使用', daysLeft: null }),
        ]),
    });
    const { container } = render(<MyVouchersPage />);
    await screen.findByText('技能等级评价券');
    expect(row(container, 'skills')!.querySelector('.my-voucher-days')?.textContent).toBe('今天到期');
    const seven = row(container, 'evaluation')!.querySelector('.my-voucher-days')!;
    expect(seven.textContent).toBe('还剩7天');
    expect(seven.classList.contains('is-soon')).toBe(true);
    const used = row(container, 'agri')!;
    expect(used.querySelector('.my-voucher-days')).toBeNull();
    expect(used.querySelector('.my-voucher-cancel')).toBeNull();
    expect(used.querySelector('.my-voucher-status')?.textContent).toBe('已使用');
  });

  it('退回 asks first, then cancels once and shows the voucher as 已退回', async () => {
    let cancelled = false;
    const calls = installLaborerApi({
      mine: () => ok([cancelled ? aVoucher({ status: 'cancelled', statusName: '已退回', daysLeft: null }) : aVoucher()]),
      cancel: () => {
        cancelled = true;
        return ok(aVoucher({ status: 'cancelled', statusName: '已退回', daysLeft: null }));
      },
    });
    const container = await openPage();
    fireEvent.click(row(container, 'skills')!.querySelector('.my-voucher-cancel')!);
    expect(screen.getByText(/退回后名额还给本县，可以再领/)).toBeTruthy();
    expect(calls.some((c) => c.action === 'cancel')).toBe(false);
    fireEvent.click(container.querySelector('#voucher-cancel-confirm')!);
    await waitFor(() => expect(row(container, 'skills')!.querySelector('.my-voucher-status')?.textContent).toBe('已退回'));
    const cancels = calls.filter((c) => c.action === 'cancel');
    expect(cancels).toHaveLength(1);
    expect(cancels[0].payload).toEqual({ voucherId: 'v-1' });
    expect(row(container, 'skills')!.querySelector('.my-voucher-cancel')).toBeNull();
  });

  it('不退了 keeps the voucher', async () => {
    const calls = installLaborerApi({ mine: () => ok([aVoucher()]) });
    const container = await openPage();
    fireEvent.click(row(container, 'skills')!.querySelector('.my-voucher-cancel')!);
    fireEvent.click(screen.getByText('不退了'));
    expect(container.querySelector('#voucher-cancel-confirm')).toBeNull();
    expect(calls.some((c) => c.action === 'cancel')).toBe(false);
  });

  it("shows the server's refusal when a voucher can no longer be handed back", async () => {
    installLaborerApi({
      mine: () => ok([aVoucher()]),
      cancel: () => refusal('VOUCHER_NOT_CANCELLABLE'),
    });
    const container = await openPage();
    fireEvent.click(row(container, 'skills')!.querySelector('.my-voucher-cancel')!);
    fireEvent.click(container.querySelector('#voucher-cancel-confirm')!);
    expect(await screen.findByText('这张培训券已使用或已失效，不能退回')).toBeTruthy();
  });

  it('has an empty state with a button to the 培训券 tab', async () => {
    installLaborerApi({ mine: () => ok([]) });
    render(<MyVouchersPage />);
    expect(await screen.findByText('还没有培训券')).toBeTruthy();
    fireEvent.click(screen.getByText('去领培训券'));
    expect(switchTab).toHaveBeenCalledWith({ url: '/pages/vouchers/index' });
  });
});
