import { render, screen, waitFor } from '@testing-library/react';
import { ERROR_MESSAGES } from '../../cloudfunctions/core/errors';
import DashboardPage from '../../src/packages/official/pages/dashboard/index';
import ReviewsPage from '../../src/packages/official/pages/reviews/index';
import { installApi, ok, refusal } from './api-double';
import { aDashboard } from './official-double';
import { aCountyOfficial, callsOf, expectReasonRequired, onSupplyPage, tap, typeInto } from './supply-double';
import { aTrainerClass } from './trainer-double';

const pendingClass = () =>
  aTrainerClass({
    id: 'c-9',
    name: '中式烹调师（五级）圪洞镇班',
    institution: { id: 'inst-9', name: '方山县厨师培训学校' },
    occupation: { code: '4-03-02-01', name: '中式烹调师' },
    county: { code: '141128', name: '方山县' },
    township: { code: '141128100', name: '圪洞镇' },
    acceptedTypes: ['skills'],
    status: 'submitted',
    statusName: '待审核',
    review: null,
    state: 'upcoming',
    stateName: '未开课',
    enrolled: 0,
  });

type Handlers = Record<string, (p: unknown) => ReturnType<typeof ok>>;

const api = (extra: Handlers = {}) => installApi({ whoami: () => ok(aCountyOfficial()), dashboard: () => ok(aDashboard()), pendingClasses: () => ok([pendingClass()]), ...extra });

async function openClass() {
  const view = render(<ReviewsPage />);
  await waitFor(() => expect(view.container.querySelector('.review-card[data-class-id="c-9"]')).not.toBeNull());
  tap(view.container, '.review-card[data-class-id="c-9"]');
  await waitFor(() => expect(view.container.querySelector('#review-open')).not.toBeNull());
  return view.container;
}

describe('开班审核 (R11.3)', () => {
  beforeEach(() => onSupplyPage());

  it('the dashboard shows how many classes wait, on the entry', async () => {
    api();
    const { container: c } = render(<DashboardPage />);
    await waitFor(() => expect(c.querySelector('#go-reviews .unread-badge')?.textContent).toBe('1'));
    expect(c.querySelector('#go-reviews')?.textContent).toContain('1 个班等您审核');
  });

  it('opens a class with everything to check: institution, level, place, vouchers by name, every session', async () => {
    api();
    const c = await openClass();
    const text = c.querySelector('#review-open')?.textContent ?? '';
    expect(text).toContain('培训机构：方山县厨师培训学校');
    expect(text).toContain('职业等级：中式烹调师 · 五级/初级工');
    expect(text).toContain('上课地点：方山县 圪洞镇');
    expect(text).toContain('培训券：可用：职业技能培训券');
    expect(c.querySelectorAll('.review-session')).toHaveLength(3);
  });

  it('通过 asks once more, then sends one request and the class leaves the queue', async () => {
    let reviewed = false;
    const calls = api({
      pendingClasses: () => ok(reviewed ? [] : [pendingClass()]),
      reviewClass: () => {
        reviewed = true;
        return ok(pendingClass());
      },
    });
    const c = await openClass();
    tap(c, '#review-approve');
    expect(callsOf(calls, 'training', 'reviewClass')).toHaveLength(0);
    tap(c, '#review-approve-confirm');
    await waitFor(() => expect(c.querySelector('#reviews-count')?.textContent).toBe('没有待审核的班级'));
    const sent = callsOf(calls, 'training', 'reviewClass');
    expect(sent.map((x) => x.payload)).toEqual([{ classId: 'c-9', approve: true }]);
    expect(sent[0].requestId).toMatch(/\S+/);
  });

  it('不通过 needs a reason, which is sent with it', async () => {
    const calls = api({ reviewClass: () => ok(pendingClass()) });
    const c = await openClass();
    tap(c, '#review-reject');
    await expectReasonRequired(c, '#review-reject-confirm', calls, 'training', 'reviewClass');
    typeInto(c, 'review-reject-reason', '上课时间与农忙冲突');
    tap(c, '#review-reject-confirm');
    await waitFor(() => expect(callsOf(calls, 'training', 'reviewClass').map((x) => x.payload)).toEqual([{ classId: 'c-9', approve: false, reason: '上课时间与农忙冲突' }]));
  });

  it('a refusal is said in the server’s words; the class stays open for review', async () => {
    const calls = api({ reviewClass: () => refusal('INSTITUTION_SUSPENDED') });
    const c = await openClass();
    tap(c, '#review-approve');
    tap(c, '#review-approve-confirm');
    expect(await screen.findByText(ERROR_MESSAGES.INSTITUTION_SUSPENDED, { selector: '.review-notice span' })).toBeTruthy();
    expect(c.querySelector('#review-open')).not.toBeNull();
    expect(c.querySelector('#reviews-count')?.textContent).toBe('1 个班等您审核');
    // Tried again, it is the same request.
    tap(c, '#review-approve-confirm');
    await waitFor(() => expect(callsOf(calls, 'training', 'reviewClass')).toHaveLength(2));
    const [a, b] = callsOf(calls, 'training', 'reviewClass');
    expect(b.requestId).toBe(a.requestId);
  });
});
