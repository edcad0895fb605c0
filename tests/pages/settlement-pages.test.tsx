/**
 * R12.1 the settlement pages: the trainer's 补贴申领 applies for a class's entries with one
 * confirmation; the official's 审核申领 checks reasons and the payment amount on the phone as the
 * server does, sends the decisions together and then the payment, each with one request id.
 */
import { render, waitFor } from '@testing-library/react';
import type { ApplicationView, SubsidyEntryView } from '../../cloudfunctions/contract';
import ApplicationPage from '../../src/packages/official/pages/application/index';
import SubsidiesPage from '../../src/packages/trainer/pages/subsidies/index';
import { useSettlementStore } from '../../src/stores/use-settlement-store';
import { aRoleHolder, installApi, ok, refusal, resetStores } from './api-double';
import { NOW, aCountyOfficial, callsOf, onSupplyPage, tap, typeInto } from './supply-double';

const anEntry = (n: number, over: Partial<SubsidyEntryView> = {}): SubsidyEntryView => ({
  certificateNumber: `202614112700000${n}`,
  personName: ['郭春梅', '白金花', '任丽萍'][n - 1] ?? '王秀英',
  idNumber: '141***********0033',
  occupation: '养老护理员',
  levelName: '五级/初级工',
  amountFen: 120_000,
  status: 'applied',
  statusName: '已申领',
  applicationId: 'a_0123456789abcdef01234567',
  reviewReason: null,
  approvedAt: null,
  paidAt: null,
  evidence: { classId: 'c-1', className: '养老护理员（五级）', attended: 9, sessions: 10, attendancePercent: 90, score: 85, passed: true, assessedOn: '2026-03-13', voucherType: '职业技能培训券' },
  ...over,
});

const anApplication = (entries: SubsidyEntryView[]): ApplicationView => ({
  id: 'a_0123456789abcdef01234567',
  institution: { id: 'inst-9', name: '吕梁山护工培训学校' },
  county: { code: '141128', name: '方山县' },
  className: '养老护理员（五级）',
  appliedAt: NOW,
  submitted: entries.length,
  amountFen: entries.reduce((s, e) => s + e.amountFen, 0),
  counts: { applied: entries.filter((e) => e.status === 'applied').length },
  approvedFen: 0,
  paidFen: 0,
  settled: false,
  entries,
  payments: [],
});

beforeEach(() => resetStores(useSettlementStore));

describe('补贴申领 (trainer)', () => {
  beforeEach(() => onSupplyPage());

  it('R12.1 shows the payable entries by class with their evidence and applies for the class once', async () => {
    const calls = installApi({
      whoami: () => ok(aRoleHolder({ role: 'trainer', institutionId: 'inst-9', institutionName: '吕梁山护工培训学校' }, NOW)),
      entries: () => ok([1, 2].map((n) => anEntry(n, { status: 'payable', statusName: '待申领', applicationId: null }))),
      applications: () => ok([]),
      apply: () => ok([anApplication([anEntry(1), anEntry(2)])]),
    });
    const { container: c } = render(<SubsidiesPage />);
    await waitFor(() => expect(c.querySelector('.subsidy-batch[data-key="c-1"]')).not.toBeNull());
    expect(c.querySelector('.subsidy-entry-evidence')?.textContent).toContain('出勤 9/10 节（90%），成绩 85 分');
    tap(c, '#apply-c-1');
    expect(c.querySelector('.apply-confirm')?.textContent).toContain('共 2 人，合计 ¥2,400.00');
    tap(c, '#apply-confirm');
    await waitFor(() => expect(callsOf(calls, 'settlement', 'apply')).toHaveLength(1));
    expect(callsOf(calls, 'settlement', 'apply')[0].payload).toEqual({ classId: 'c-1' });
  });
});

describe('审核申领 (official)', () => {
  beforeEach(() => onSupplyPage({ id: 'a_0123456789abcdef01234567' }));

  const officialApi = (extra: Record<string, (p: unknown) => ReturnType<typeof ok>> = {}) =>
    installApi({ whoami: () => ok(aCountyOfficial()), application: () => ok(anApplication([anEntry(1), anEntry(2), anEntry(3)])), ...extra });

  it('R12.1 a rejection needs a reason before anything is sent; the decisions go together', async () => {
    const reviewed = anApplication([
      anEntry(1, { status: 'approved', statusName: '已审核' }),
      anEntry(2, { status: 'approved', statusName: '已审核' }),
      anEntry(3, { status: 'rejected', statusName: '未通过', reviewReason: '签到记录不全' }),
    ]);
    const calls = officialApi({ review: () => ok(reviewed) });
    const { container: c } = render(<ApplicationPage />);
    await waitFor(() => expect(c.querySelectorAll('.subsidy-entry[data-status=applied]')).toHaveLength(3));
    tap(c, '#decide-2026141127000001-approve');
    tap(c, '#decide-2026141127000002-approve');
    tap(c, '#decide-2026141127000003-reject');
    tap(c, '#review-submit');
    expect(c.textContent).toContain('请填写原因（2–200字）');
    expect(callsOf(calls, 'settlement', 'review')).toHaveLength(0);
    typeInto(c, 'reason-2026141127000003', '签到记录不全');
    tap(c, '#review-submit');
    await waitFor(() => expect(callsOf(calls, 'settlement', 'review')).toHaveLength(1));
    expect(callsOf(calls, 'settlement', 'review')[0].payload).toEqual({
      applicationId: 'a_0123456789abcdef01234567',
      decisions: [
        { certificateNumber: '2026141127000001', decision: 'approve' },
        { certificateNumber: '2026141127000002', decision: 'approve' },
        { certificateNumber: '2026141127000003', decision: 'reject', reason: '签到记录不全' },
      ],
    });
    await waitFor(() => expect(c.querySelector('#payment-form')).not.toBeNull());
  });

  it('R12.1 the payment is prefilled with the approved amount; another amount is refused on the phone; a server refusal is shown', async () => {
    const approved = anApplication([anEntry(1, { status: 'approved', statusName: '已审核' }), anEntry(2, { status: 'approved', statusName: '已审核' })]);
    const calls = officialApi({ application: () => ok(approved), pay: () => refusal('ENTRY_ALREADY_PAID') });
    const { container: c } = render(<ApplicationPage />);
    await waitFor(() => expect(c.querySelector('#payment-form')).not.toBeNull());
    expect((c.querySelector('#payment-amount') as HTMLInputElement).value).toBe('2400.00');
    typeInto(c, 'payment-amount', '2500');
    typeInto(c, 'payment-ref', 'LX2026031300018');
    tap(c, '#payment-confirm');
    expect(c.textContent).toContain('拨付金额大于审核通过的金额');
    expect(callsOf(calls, 'settlement', 'pay')).toHaveLength(0);
    typeInto(c, 'payment-amount', '2,400.00');
    tap(c, '#payment-confirm');
    await waitFor(() => expect(callsOf(calls, 'settlement', 'pay')).toHaveLength(1));
    expect(callsOf(calls, 'settlement', 'pay')[0].payload).toMatchObject({ amountFen: 240_000, transferRef: 'LX2026031300018', certificateNumbers: ['2026141127000001', '2026141127000002'] });
    await waitFor(() => expect(c.querySelector('.payment-notice')?.textContent).toContain('这条补贴已经拨付，不能重复拨付'));
  });
});
