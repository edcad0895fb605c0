/**
 * R12.1 through the gateway over HTTP: an institution applies for its subsidy entries, the county
 * reviews them one by one and records the transfer; an entry is paid once under 200 concurrent
 * payments; revocation withdraws or opens a recovery; the 补贴发放台账 lists what was paid; the
 * books balance afterwards.
 */
import type { ApplicationView, DashboardView, ExportDownload, ExportJobView, LedgerPage, ResultView, ScorecardView, SubsidyEntryView, VoucherView } from '../../cloudfunctions/contract';
import { reconcile } from '../../cloudfunctions/services/audit';
import { verifyAllChains } from '../../cloudfunctions/services/books/ledger';
import type { SubsidyDoc } from '../../cloudfunctions/services/certificate';
import { where } from '../../cloudfunctions/store/port';
import { sharedGateway } from '../support/gateway';
import { aLaborer } from '../support/laborers';

const NOW = '2026-05-12T02:00:00.000Z';
const TODAY = '2026-05-12';
const LISHI_TOWNSHIP = '141102001'; // 离石区: another county than the laborers' default 岚县

const { gw, persona } = sharedGateway(NOW, { timeout: 60_000 });
const trainer = persona('trainer');
const otherTrainer = persona('trainer-huoze');
const county = persona('official-county');
const city = persona('official-city');

/** `n` holders of a 技能等级评价券 assessed and passed by 吕梁山护工培训学校: their certificate numbers. */
async function certified(n: number, townshipCode?: string): Promise<string[]> {
  const holders = await Promise.all(
    Array.from({ length: n }, async () => {
      const l = await aLaborer(gw, { age: 35, townshipCode });
      return l.client.ok<VoucherView>('voucher', 'claim', { type: 'evaluation' });
    }),
  );
  const results = await Promise.all(
    holders.map((v) => trainer.ok<ResultView>('certificate', 'record', { voucherId: v.id, occupationCode: '4-10-01-05', level: 5, passed: true, score: 80 })),
  );
  return results.map((r) => r.certificate!.number);
}

const entry = (number: string) => gw.runtime.deps.store.get<SubsidyDoc>('subsidies', number);
const apply = (numbers: string[], client = trainer) => client.call<ApplicationView[]>('settlement', 'apply', { certificateNumbers: numbers });
const amountOf = async (numbers: string[]) => (await Promise.all(numbers.map(entry))).reduce((sum, s) => sum + s!.amountFen, 0);
const pay = (applicationId: string, numbers: string[], amountFen: number, requestId?: string, over: object = {}) =>
  county.call<ApplicationView>('settlement', 'pay', { applicationId, certificateNumbers: numbers, amountFen, paidOn: TODAY, transferRef: 'NX2026-0512-001', ...over }, requestId);


describe('R12.1 申领', () => {
  it('R12.1 the institution applies for payable entries; the application lists each with its evidence', async () => {
    const numbers = await certified(3);
    const payable = await trainer.ok<SubsidyEntryView[]>('settlement', 'entries', {});
    expect(payable.map((e) => e.certificateNumber)).toEqual(expect.arrayContaining(numbers));
    expect(payable[0]).toMatchObject({ status: 'payable', statusName: '待申领' });
    const [app] = await trainer.ok<ApplicationView[]>('settlement', 'apply', { certificateNumbers: numbers });
    expect((await trainer.ok<ApplicationView[]>('settlement', 'applications', {})).map((a) => a.id)).toEqual([app.id]);
    expect(app).toMatchObject({ submitted: 3, counts: { applied: 3 }, settled: false, institution: { name: '吕梁山护工培训学校' }, county: { code: '141127' } });
    const detail = await county.ok<ApplicationView>('settlement', 'application', { applicationId: app.id });
    expect(detail.entries).toHaveLength(3);
    expect(detail.entries![0]).toMatchObject({ status: 'applied', evidence: { passed: true, score: 80, voucherType: '技能等级评价券', attended: null } });
    expect(detail.entries![0].idNumber).toMatch(/\*/);
    expect(detail.amountFen).toBe(await amountOf(numbers));
    // No longer payable, so not offered again.
    const still = await trainer.ok<SubsidyEntryView[]>('settlement', 'entries', {});
    expect(still.map((e) => e.certificateNumber)).not.toEqual(expect.arrayContaining([numbers[0]]));
  }, 60_000);

  it('R12.1 entries of two counties make two applications, each reviewed by its own county', async () => {
    const lanxian = await certified(1);
    const lishi = await certified(1, LISHI_TOWNSHIP);
    const apps = await trainer.ok<ApplicationView[]>('settlement', 'apply', { certificateNumbers: [...lanxian, ...lishi] });
    expect(apps.map((a) => a.county.code).sort()).toEqual(['141102', '141127']);
    const lishiApp = apps.find((a) => a.county.code === '141102')!;
    // 岚县's official cannot review 离石区's application; the city's can.
    expect(await county.call('settlement', 'application', { applicationId: lishiApp.id })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect((await city.ok<ApplicationView>('settlement', 'application', { applicationId: lishiApp.id })).entries).toHaveLength(1);
  }, 60_000);

  it('R12.1 bad applications get their own message and change nothing', async () => {
    const [mine, other] = await certified(2);
    const before = await gw.runtime.deps.store.count('ledger');
    expect(await apply([mine], otherTrainer)).toMatchObject({ ok: false, code: 'ENTRY_NOT_YOURS', message: '这条补贴不属于本机构' });
    expect(await apply(['1411272026999999'])).toMatchObject({ ok: false, code: 'ENTRY_NOT_FOUND' });
    expect(await apply(['123'])).toMatchObject({ ok: false, code: 'INVALID_INPUT', message: '证书编号应为16位数字' });
    expect(await trainer.call('settlement', 'apply', {})).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect((await apply([other])).ok).toBe(true);
    // Applied once: a second application naming it (with a good one) is refused whole.
    expect(await apply([mine, other])).toMatchObject({ ok: false, code: 'ENTRY_ALREADY_APPLIED', message: '这条补贴已经申领过了' });
    expect((await entry(mine))!.status).toBe('payable');
    expect(await gw.runtime.deps.store.count('ledger')).toBe(before + 1); // the one good application's entry
    expect(await county.call('settlement', 'apply', { certificateNumbers: [mine] })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  }, 60_000);

  it('R4.6 the same application request twice applies once', async () => {
    const numbers = await certified(2);
    const first = await trainer.call<ApplicationView[]>('settlement', 'apply', { certificateNumbers: numbers }, 'same-apply');
    const again = await trainer.call<ApplicationView[]>('settlement', 'apply', { certificateNumbers: numbers }, 'same-apply');
    expect(first.ok && again.ok).toBe(true);
    if (first.ok && again.ok) expect(again.data.map((a) => a.id)).toEqual(first.data.map((a) => a.id));
  }, 60_000);
});

describe('R12.1 审核 and 拨付', () => {
  let app: ApplicationView;
  let numbers: string[];

  beforeAll(async () => {
    numbers = await certified(5);
    [app] = await trainer.ok<ApplicationView[]>('settlement', 'apply', { certificateNumbers: numbers });
  }, 60_000);

  it('R12.1 the county approves two, rejects one with a reason, returns one for correction', async () => {
    const [a, b, c, d] = numbers;
    expect(await county.call('settlement', 'review', { applicationId: app.id, decisions: [{ certificateNumber: c, decision: 'reject' }] })).toMatchObject({
      ok: false,
      code: 'REASON_REQUIRED',
    });
    expect(await trainer.call('settlement', 'review', { applicationId: app.id, decisions: [{ certificateNumber: a, decision: 'approve' }] })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
    const reviewed = await county.ok<ApplicationView>('settlement', 'review', {
      applicationId: app.id,
      decisions: [
        { certificateNumber: a, decision: 'approve' },
        { certificateNumber: b, decision: 'approve' },
        { certificateNumber: c, decision: 'reject', reason: '考核记录不全' },
        { certificateNumber: d, decision: 'return', reason: '请补充身份证复印件' },
      ],
    });
    expect(reviewed.counts).toEqual({ approved: 2, rejected: 1, applied: 1 });
    expect(reviewed.entries!.find((e) => e.certificateNumber === c)).toMatchObject({ statusName: '未通过', reviewReason: '考核记录不全' });
    // Returned: out of the application, payable again, with the reason for the institution.
    expect((await entry(d))!).toMatchObject({ status: 'payable', applicationId: null, reviewReason: '请补充身份证复印件' });
    // Decided once: deciding again is refused.
    expect(await county.call('settlement', 'review', { applicationId: app.id, decisions: [{ certificateNumber: a, decision: 'reject', reason: '重复审核' }] })).toMatchObject({
      ok: false,
      code: 'ENTRY_NOT_APPLIED',
    });
  });

  it('R12.1 a payment is exactly the approved amount; a rejected entry cannot be paid; bad input changes nothing', async () => {
    const [a, b, c] = numbers;
    const approved = await amountOf([a, b]);
    const before = await gw.runtime.deps.store.count('ledger');
    expect(await pay(app.id, [a, b], approved + 1)).toMatchObject({ ok: false, code: 'PAYMENT_EXCEEDS_APPROVED' });
    expect(await pay(app.id, [a, b], approved - 1)).toMatchObject({ ok: false, code: 'PAYMENT_BELOW_APPROVED' });
    expect(await pay(app.id, [c], await amountOf([c]))).toMatchObject({ ok: false, code: 'ENTRY_NOT_APPROVED', message: '只有审核通过的补贴才能拨付' });
    expect(await pay(app.id, [a, b], approved, undefined, { paidOn: '2026-05-13' })).toMatchObject({ ok: false, code: 'PAID_ON_INVALID' });
    expect(await pay(app.id, [a, b], approved, undefined, { transferRef: '转账' })).toMatchObject({ ok: false, code: 'TRANSFER_REF_INVALID' });
    expect(await pay(app.id, [a, b], approved, undefined, { applicationId: 'a_000000000000000000000000' })).toMatchObject({ ok: false, code: 'APPLICATION_NOT_FOUND' });
    expect(await trainer.call('settlement', 'pay', { applicationId: app.id, amountFen: approved, paidOn: TODAY, transferRef: 'NX-1' })).toMatchObject({ ok: false });
    expect(await gw.runtime.deps.store.count('ledger')).toBe(before);

    const paid = await pay(app.id, [a, b], approved, 'pay-once');
    expect(paid.ok).toBe(true);
    expect((await pay(app.id, [a, b], approved, 'pay-once')).ok).toBe(true); // the same request: answered, not paid again
    expect(await pay(app.id, [a], await amountOf([a]))).toMatchObject({ ok: false, code: 'ENTRY_ALREADY_PAID', message: '这条补贴已经拨付，不能重复拨付' });
    const view = await county.ok<ApplicationView>('settlement', 'application', { applicationId: app.id });
    expect(view.payments).toHaveLength(1);
    expect(view).toMatchObject({ paidFen: approved, approvedFen: approved, counts: { paid: 2, rejected: 1, applied: 1 } });
    expect((await entry(a))!).toMatchObject({ status: 'paid', paidOn: TODAY, transferRef: 'NX2026-0512-001' });
  });

  it('R12.1 a rejected entry goes back only by a ledgered correction; a paid one never', async () => {
    const [a, , c] = numbers;
    expect(await county.call('settlement', 'correct', { certificateNumber: a, reason: '误操作' })).toMatchObject({ ok: false, code: 'CORRECTION_NOT_ALLOWED' });
    const corrected = await county.ok<SubsidyEntryView>('settlement', 'correct', { certificateNumber: c, reason: '已补齐考核记录' });
    expect(corrected).toMatchObject({ status: 'applied', statusName: '已申领' });
    const ledger = await gw.runtime.deps.store.find<{ _id: string; type: string; subjects: Record<string, string> }>('ledger', undefined, { limit: 1000, orderBy: { field: 'at', direction: 'desc' } });
    expect(ledger.items.find((e) => e.subjects.certificateNumber === c && e.type === 'subsidy.corrected')).toBeDefined();
    const reviewed = await county.ok<ApplicationView>('settlement', 'review', { applicationId: app.id, decisions: [{ certificateNumber: c, decision: 'approve' }] });
    expect(reviewed.counts.approved).toBe(1);
  });

  it('R12.1 revoking a paid certificate opens one recovery; revoking an applied one withdraws it', async () => {
    const [a, , , , e] = numbers;
    await county.ok('certificate', 'revoke', { number: a, reason: '证书信息造假' });
    expect(await gw.runtime.deps.store.get('recoveries', a)).toMatchObject({ status: 'open', amountFen: (await entry(a))!.amountFen });
    expect(await gw.runtime.deps.store.count('recoveries')).toBe(1);
    expect((await entry(a))!.status).toBe('paid');
    await county.ok('certificate', 'revoke', { number: e, reason: '证书信息造假' });
    expect((await entry(e))!.status).toBe('withdrawn');
    const d = await county.ok<DashboardView>('official', 'dashboard', {});
    expect(d.subsidies.recoveredFen).toBe((await entry(a))!.amountFen);
  });
});

describe('R12.1 under concurrency', () => {
  it('R12.1 200 concurrent payments for the same 50 entries: each paid exactly once, counters equal the sum', async () => {
    const numbers = await certified(50);
    const [app] = await trainer.ok<ApplicationView[]>('settlement', 'apply', { certificateNumbers: numbers });
    await county.ok('settlement', 'review', { applicationId: app.id, decisions: numbers.map((n) => ({ certificateNumber: n, decision: 'approve' })) });
    const before = (await county.ok<DashboardView>('official', 'dashboard', {})).subsidies;
    const amounts = new Map(await Promise.all(numbers.map(async (n) => [n, (await entry(n))!.amountFen] as const)));
    const calls = Array.from({ length: 200 }, (_, i) => numbers[i % 50]);
    const answers = await Promise.all(calls.map((n, i) => pay(app.id, [n], amounts.get(n)!, `storm-${i}`)));
    const ok = answers.filter((r) => r.ok).length;
    expect(ok).toBe(50);
    expect(answers.filter((r) => !r.ok && r.code === 'ENTRY_ALREADY_PAID')).toHaveLength(150);
    const docs = await Promise.all(numbers.map(entry));
    expect(docs.every((s) => s!.status === 'paid')).toBe(true);
    expect(new Set(docs.map((s) => s!.paymentId)).size).toBe(50);
    const sum = [...amounts.values()].reduce((x, y) => x + y, 0);
    const after = (await county.ok<DashboardView>('official', 'dashboard', {})).subsidies;
    expect(after.paidFen - before.paidFen).toBe(sum);
    expect(after.paid - before.paid).toBe(50);
    const view = await county.ok<ApplicationView>('settlement', 'application', { applicationId: app.id });
    expect(view).toMatchObject({ paidFen: sum, settled: true });
    expect(view.payments).toHaveLength(50);
  }, 120_000);
});

describe('培训质量考核评估', () => {
  it('R12 the scorecards rank a region’s institutions with the subsidies paid to each, and export', async () => {
    const paid = (await gw.runtime.deps.store.find<SubsidyDoc>('subsidies', where('status', 'eq', 'paid'), { limit: 1000 })).items;
    const hugong = paid.filter((s) => s.year === 2026).reduce((sum, s) => sum + s.amountFen, 0);
    const view = await city.ok<ScorecardView>('settlement', 'scorecards', { regionCode: '141102' });
    expect(view).toMatchObject({ region: { code: '141102' }, year: 2026 });
    const row = view.rows.find((r) => r.institution.name === '吕梁山护工培训学校')!;
    expect(row).toMatchObject({ paidFen: hugong, rejected: 0, completionRate: null });
    expect(view.rows.map((r) => r.rank)[0]).toBe(1);
    expect(await county.call('settlement', 'scorecards', { regionCode: '141102' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    const job = await city.ok<ExportJobView>('settlement', 'exportScorecards', { regionCode: '141102' });
    expect(job).toMatchObject({ status: 'done', downloadable: true, title: '培训机构考核评估', rows: view.rows.length });
    expect((await city.ok<ExportJobView[]>('official', 'myExports', {})).map((j) => j.jobId)).toContain(job.jobId);
    const link = await city.ok<ExportDownload>('official', 'downloadExport', { jobId: job.jobId });
    expect((await city.get(link.url)).status).toBe(200);
  });
});

describe('R12.1 the 补贴发放台账 and the books', () => {
  it('R12.1 the settlement ledger lists each paid entry with the columns sent up to the province', async () => {
    const page = await county.ok<LedgerPage>('official', 'ledger', { ledger: 'payments', limit: 100 });
    expect(page.title).toBe('补贴发放台账');
    expect(page.columns.map((c) => c.title)).toEqual(['姓名', '身份证号', '职业(工种)', '等级', '证书编号', '培训机构', '补贴金额(元)', '审核通过日期', '拨付日期', '转账凭证号']);
    expect(page.rows.length).toBeGreaterThanOrEqual(51);
    expect(page.rows[0]).toMatchObject({ institution: '吕梁山护工培训学校', paidOn: TODAY, approvedOn: TODAY });
    const job = await county.call('official', 'exportLedger', { ledger: 'payments' });
    expect(job.ok).toBe(true);
  });

  it('R9 reconcile recounts the settlement counters and is clean; the ledger verifies', async () => {
    const store = gw.runtime.deps.store;
    expect((await verifyAllChains(store)).filter((r) => r.broken)).toEqual([]);
    const clean = await reconcile(store);
    expect(clean.differences).toEqual([]);
    expect(clean.checked.settlementRecords).toBeGreaterThan(60);
    // And it would notice a paid entry put back behind the books' back.
    const [one] = (await store.find<SubsidyDoc>('subsidies', where('status', 'eq', 'paid'), { limit: 1 })).items;
    await store.transaction((tx) => tx.update('subsidies', one._id, { set: { status: 'approved' } }));
    expect((await reconcile(store)).differences.length).toBeGreaterThan(0);
  }, 60_000);
});
