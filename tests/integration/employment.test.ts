/**
 * R8 through the gateway over HTTP: reports and their checks, transfers, follow-ups after a
 * certificate, and the 企业职工培训券 reading the current employer.
 */
import type { EmploymentView, FollowUpView, VoucherTypeView, VoucherView } from '../../cloudfunctions/contract';
import { verifyAllChains } from '../../cloudfunctions/services/books/ledger';
import { reconcile } from '../../cloudfunctions/services/audit';
import { sharedGateway } from '../support/gateway';
import { aLaborer } from '../support/laborers';
import { counterTotal } from '../support/books';

const NOW = '2026-03-02T02:00:00.000Z';
const { gw } = sharedGateway(NOW);

const employed = { status: 'employed', employer: '太原市康养中心', occupation: '养老护理员', place: 'province', placeName: '太原市小店区', startDate: '2026-02-01', monthlyIncomeYuan: 4200 };
const counter = (metric: string) => counterTotal(gw.runtime.deps.store, metric);

describe('R8.1 reports', () => {
  it('R8.1 bad reports get a clear message and change nothing', async () => {
    const l = await aLaborer(gw);
    const ledger = await gw.runtime.deps.store.count('ledger');
    const cases: [object, string, string][] = [
      [{ ...employed, employer: '' }, 'EMPLOYER_REQUIRED', '请填写工作单位'],
      [{ ...employed, startDate: '2026-03-03' }, 'START_DATE_FUTURE', '开始工作日期不能晚于今天'],
      [{ ...employed, monthlyIncomeYuan: 100_001 }, 'INCOME_INVALID', '月收入应为0–100000元的整数'],
      [{ ...employed, monthlyIncomeYuan: 12.5 }, 'INCOME_INVALID', '月收入应为0–100000元的整数'],
      [{ ...employed, place: undefined }, 'PLACE_REQUIRED', '请选择工作地点'],
      [{ ...employed, regionCode: '999999' }, 'WORK_REGION_UNKNOWN', '没有这个地区，请重新选择工作所在地'],
      [{ ...employed, placeName: ' ' }, 'REGION_REQUIRED', '请选择或填写工作所在地'],
    ];
    for (const [input, code, message] of cases) {
      expect(await l.client.call('employment', 'report', input)).toMatchObject({ ok: false, code, message });
    }
    expect(await gw.runtime.deps.store.count('ledger')).toBe(ledger);
    expect(await l.client.ok<EmploymentView[]>('employment', 'mine', {})).toEqual([]);
  });

  it('R8.2 work in another province is a transfer, counted once a year; income stored in fen', async () => {
    const l = await aLaborer(gw);
    const before = await counter('transferPeople');
    const first = await l.client.ok<EmploymentView>('employment', 'report', { ...employed, place: 'country', placeName: '北京市朝阳区' });
    expect(first).toMatchObject({ placeName: '省外', transfer: true, monthlyIncomeFen: 420_000, statusName: '单位就业' });
    await l.client.ok('employment', 'report', { ...employed, place: 'country', placeName: '北京市朝阳区', monthlyIncomeYuan: 5000 });
    expect(await counter('transferPeople')).toBe(before + 1);
    const mine = await l.client.ok<EmploymentView[]>('employment', 'mine', {});
    expect(mine.map((r) => r.monthlyIncomeFen)).toEqual([500_000, 420_000]); // newest first, history kept
    const home = await l.client.ok<EmploymentView>('employment', 'report', { ...employed, place: 'county', placeName: undefined });
    expect(home.transfer).toBe(false);
  });

  it('R4 the 企业职工培训券 opens once the latest report names an employer', async () => {
    const l = await aLaborer(gw, { age: 35 });
    const types = async () => (await l.client.ok<VoucherTypeView[]>('voucher', 'listTypes', {})).find((t) => t.code === 'enterprise')!;
    expect((await types()).eligible).toBe(false);
    await l.client.ok('employment', 'report', employed);
    expect((await types()).eligible).toBe(true);
    await l.client.ok<VoucherView>('voucher', 'claim', { type: 'enterprise' });
    await l.client.ok('employment', 'report', { status: 'seeking' });
    expect((await types()).eligible).toBe(false);
    expect((await verifyAllChains(gw.runtime.deps.store)).filter((r) => r.broken)).toEqual([]);
  });
});

describe('R8.3 follow-ups', () => {
  it('R8.3 fall due 3 and 6 months after a certificate and are done by a later report', async () => {
    const l = await aLaborer(gw, { age: 35 });
    const v = await l.client.ok<VoucherView>('voucher', 'claim', { type: 'evaluation' });
    const trainer = await gw.as('trainer');
    await trainer.ok('certificate', 'record', { voucherId: v.id, occupationCode: '4-10-01-05', level: 5, passed: true, score: 80 });
    const upcoming = await l.client.ok<FollowUpView[]>('employment', 'followUps', {});
    expect(upcoming.map((f) => [f.months, f.dueOn, f.status])).toEqual([
      [3, '2026-06-02', 'upcoming'],
      [6, '2026-09-02', 'upcoming'],
    ]);
    await gw.setNow('2026-06-03T02:00:00.000Z');
    expect((await l.client.ok<FollowUpView[]>('employment', 'followUps', {})).map((f) => f.status)).toEqual(['due', 'upcoming']);
    await l.client.ok('employment', 'report', { ...employed, place: 'country', placeName: '北京市朝阳区' });
    expect((await l.client.ok<FollowUpView[]>('employment', 'followUps', {})).map((f) => f.status)).toEqual(['done', 'upcoming']);
    await gw.setNow(NOW);
    expect((await reconcile(gw.runtime.deps.store)).differences).toEqual([]);
  });
});
