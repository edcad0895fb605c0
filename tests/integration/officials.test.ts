/**
 * R9.4, R9.5 and R1.2 through the gateway over HTTP: dashboards and rankings from counters,
 * targets, ledgers with filters and cursor pages, and .xlsx exports that hold exactly the rows of
 * the same ledger query, to their owner only.
 */
import ExcelJS from 'exceljs';
import type { DashboardView, ExportDownload, ExportJobView, LedgerFilters, LedgerPage, LedgerRow, RankingView, TargetView } from '../../cloudfunctions/contract';
import { verifyAllChains } from '../../cloudfunctions/services/books/ledger';
import { reconcile } from '../../cloudfunctions/services/audit';
import { where } from '../../cloudfunctions/store/port';
import type { ApiClient } from '../support/gateway';
import { exportFinished, sharedGateway } from '../support/gateway';
import { aLaborer } from '../support/laborers';

const NOW = '2026-05-20T02:00:00.000Z';
const LINXIAN = '141124';
const LINQUAN = '141124100';
const { gw, persona } = sharedGateway(NOW);
const county = persona('official-county');
const city = persona('official-city');

const metricOf = (d: DashboardView, m: string) => d.metrics.find((x) => x.metric === m)!;

async function allRows(client: ApiClient, filters: LedgerFilters): Promise<{ page: LedgerPage; rows: LedgerRow[] }> {
  const rows: LedgerRow[] = [];
  let after: string | undefined;
  let first: LedgerPage | undefined;
  do {
    const page = await client.ok<LedgerPage>('official', 'ledger', { ...filters, after, limit: 2 });
    first ??= page;
    rows.push(...page.rows);
    after = page.next;
  } while (after);
  return { page: first!, rows };
}

const finished = exportFinished;

describe('R1.2 an official sees only their subtree', () => {
  it('R1.2 a county official of 岚县 reading 临县 gets FORBIDDEN for dashboard, ranking, ledger and export', async () => {
    const forbidden = { ok: false, code: 'FORBIDDEN', message: '您没有权限进行此操作' };
    expect(await county.call('official', 'dashboard', { regionCode: LINXIAN })).toMatchObject(forbidden);
    expect(await county.call('official', 'ranking', { regionCode: '141100', metric: 'trainings' })).toMatchObject(forbidden);
    expect(await county.call('official', 'ledger', { ledger: 'certificates', regionCode: LINXIAN })).toMatchObject(forbidden);
    const jobsBefore = await gw.runtime.deps.store.count('exportJobs');
    expect(await county.call('official', 'exportLedger', { ledger: 'certificates', regionCode: LINXIAN })).toMatchObject(forbidden);
    expect(await gw.runtime.deps.store.count('exportJobs')).toBe(jobsBefore);
    // Their own county works, and a laborer gets nothing.
    expect((await county.ok<DashboardView>('official', 'dashboard', {})).region).toMatchObject({ code: '141127', name: '岚县' });
    const laborer = await gw.as('laborer-52');
    expect(await laborer.call('official', 'dashboard', { regionCode: '141127' })).toMatchObject(forbidden);
  });

  it('R1.2 a city official of 吕梁 sees all 13 counties in the dashboard and the ranking', async () => {
    const d = await city.ok<DashboardView>('official', 'dashboard', {});
    expect(d.region).toMatchObject({ code: '141100', level: 'city' });
    expect(d.children).toHaveLength(13);
    expect(d.children.map((c) => c.region.name)).toContain('临县');
    const r = await city.ok<RankingView>('official', 'ranking', { metric: 'trainings' });
    expect(r.rows).toHaveLength(13);
    expect(r.month).toBe(5);
  });

  it('R9.4 bad input is refused with a clear message', async () => {
    expect(await city.call('official', 'dashboard', { regionCode: '141127101' })).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      message: '请选择县（市、区）及以上的地区',
    });
    expect(await city.call('official', 'ledger', { ledger: 'vouchers', from: '2026-05-01', to: '2026-04-01' })).toMatchObject({
      ok: false,
      code: 'PERIOD_INVALID',
      message: '起止日期不正确，开始日期不能晚于结束日期',
    });
    expect(await city.call('official', 'ledger', { ledger: 'vouchers', status: 'lost' })).toMatchObject({ ok: false, code: 'INVALID_INPUT', message: '状态不正确' });
    expect(await city.call('official', 'ranking', { metric: 'everything' })).toMatchObject({ ok: false, code: 'INVALID_INPUT', message: '指标不正确' });
  });
});

describe('R9.4 dashboards read counters', () => {
  it('R9.4 claims and registrations in 临县 move its row, the city totals and the yearly summary together', async () => {
    const before = await city.ok<DashboardView>('official', 'dashboard', {});
    const young = await aLaborer(gw, { age: 30, townshipCode: LINQUAN });
    const older = await aLaborer(gw, { age: 52, townshipCode: LINQUAN });
    await young.client.ok('voucher', 'claim', { type: 'skills' });
    await older.client.ok('voucher', 'claim', { type: 'agri' });
    const after = await city.ok<DashboardView>('official', 'dashboard', {});
    expect(after.registeredLaborers).toBe(before.registeredLaborers + 2);
    const claimed = (d: DashboardView, type: string) => d.vouchers.find((v) => v.type === type)?.claimed ?? 0;
    expect(claimed(after, 'skills')).toBe(claimed(before, 'skills') + 1);
    expect(claimed(after, 'agri')).toBe(claimed(before, 'agri') + 1);
    expect(after.pace).toBe('38.36'); // 20 May = day 140 of 365
    expect((await reconcile(gw.runtime.deps.store)).differences).toEqual([]);
  });

  it('R9.4 an admin sets a county target; the child row and the ranking use it; others may not', async () => {
    expect(await county.call('official', 'setTarget', { regionCode: '141127', year: 2026, metric: 'trainings', target: 10 })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
    const t = await city.ok<TargetView>('official', 'setTarget', { regionCode: LINXIAN, year: 2026, metric: 'transfers', target: 4 });
    expect(t).toMatchObject({ region: { code: LINXIAN, name: '临县' }, target: 4, metricName: '农村劳动力转移就业' });
    const worker = await aLaborer(gw, { age: 35, townshipCode: LINQUAN });
    await worker.client.ok('employment', 'report', {
      status: 'employed',
      employer: '北京某物业公司',
      place: 'country',
      placeName: '北京市朝阳区',
      startDate: '2026-05-01',
      monthlyIncomeYuan: 5200,
    });
    const d = await city.ok<DashboardView>('official', 'dashboard', {});
    const row = d.children.find((c) => c.region.code === LINXIAN)!.metrics.find((m) => m.metric === 'transfers')!;
    expect(row).toEqual({ metric: 'transfers', actual: 1, target: 4, completion: '25.00' });
    const r = await city.ok<RankingView>('official', 'ranking', { metric: 'transfers', month: 5 });
    expect(r.rows[0]).toMatchObject({ rank: 1, region: { code: LINXIAN }, completion: '25.00' });
    // Before May, 临县 had no transfer yet.
    const april = await city.ok<RankingView>('official', 'ranking', { metric: 'transfers', month: 4 });
    expect(april.rows.find((x) => x.region.code === LINXIAN)).toMatchObject({ actual: 0, completion: '0.00' });
    expect(metricOf(d, 'transfers').actual).toBeGreaterThanOrEqual(1);
    const targets = await city.ok<TargetView[]>('official', 'targets', { year: 2026 });
    expect(targets.find((x) => x.region.code === LINXIAN && x.metric === 'transfers')?.target).toBe(4);
  });
});

describe('R9.5 ledgers and exports', () => {
  const filters: LedgerFilters = { ledger: 'vouchers', regionCode: LINXIAN, from: '2026-01-01', to: '2026-12-31', band: 'A' };

  beforeAll(async () => {
    for (let i = 0; i < 5; i++) {
      const l = await aLaborer(gw, { age: 25 + i, townshipCode: LINQUAN });
      await l.client.ok('voucher', 'claim', { type: 'skills' });
    }
    const older = await aLaborer(gw, { age: 50, townshipCode: LINQUAN });
    await older.client.ok('voucher', 'claim', { type: 'agri' });
  });

  it('R9.5 the ledger pages by cursor, newest first, filtered by band', async () => {
    const { page, rows } = await allRows(city, filters);
    expect(page.title).toBe('培训券台账');
    expect(page.columns.map((c) => c.title)).toEqual(['券号', '姓名', '身份证号', '年龄段', '户籍地', '券种', '领取时间', '有效期至', '状态', '使用/失效时间']);
    expect(rows.length).toBeGreaterThanOrEqual(6); // 5 here + 1 from the dashboard test, all band A
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
    expect(rows.every((r) => String(r.band).startsWith('A'))).toBe(true);
    expect(rows.every((r) => /^\d{3}\*+\d{3}[\dX]$/.test(String(r.idNumber)))).toBe(true); // masked on screen
    const times = rows.map((r) => String(r.claimedAt));
    expect([...times].sort().reverse()).toEqual(times);
  });

  it('R9.5 an export of the filtered ledger reopened with exceljs has exactly the rows of the same query', async () => {
    const { rows } = await allRows(city, filters);
    const started = await city.ok<ExportJobView>('official', 'exportLedger', filters);
    // R14.4 the vouchers ledger's purpose does not need full ID numbers: masked even for an official.
    expect(started).toMatchObject({ title: '培训券台账', total: rows.length, fullIdNumbers: false });
    expect(started.summary).toContain('临县');
    const job = await finished(city, started.jobId);
    expect(job).toMatchObject({ status: 'done', rows: rows.length, progress: 100, downloadable: true });
    const link = await city.ok<ExportDownload>('official', 'downloadExport', { jobId: started.jobId });
    expect(link.url).toBe(`/exports/${started.jobId}`);

    const res = await city.get(link.url);
    expect(res.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    // Empty trailing cells are not stored in the sheet: pad each row to the header's width.
    const values = sheet
      .getSheetValues()
      .filter(Boolean)
      .map((r) => Array.from({ length: 10 }, (_, k) => (r as unknown[])[k + 1] ?? null));
    // R14.4 the first row names the exporter and the time; the columns follow.
    expect(String(values[0][0])).toMatch(/^导出人：.+（吕梁市）$/);
    expect(values[1]).toEqual(['券号', '姓名', '身份证号', '年龄段', '户籍地', '券种', '领取时间', '有效期至', '状态', '使用/失效时间']);
    const exported = values.slice(2);
    expect(exported).toHaveLength(rows.length);
    // Same rows in the same order, the ID number masked as on the page.
    exported.forEach((cells, i) => {
      const row = rows[i];
      expect(cells.map((v) => (v === undefined ? null : v))).toEqual([row.id, row.name, row.idNumber, row.band, row.household, row.type, row.claimedAt, row.expiresAt, row.status, row.endedAt]);
    });

    // Listed under 导出记录, logged in the ledger, and nobody else can fetch it.
    const mine = await city.ok<ExportJobView[]>('official', 'myExports', {});
    expect(mine[0]).toMatchObject({ jobId: started.jobId, status: 'done' });
    const logged = await gw.runtime.deps.store.count('ledger', where('type', 'eq', 'ledger.exported'));
    expect(logged).toBeGreaterThanOrEqual(1);
    expect((await county.get(link.url)).status).toBe(404);
    expect((await gw.anonymous().get(link.url)).status).toBe(404);
    expect(await county.call('official', 'jobStatus', { jobId: started.jobId })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect((await verifyAllChains(gw.runtime.deps.store)).every((c) => c.broken === null)).toBe(true);
  });

  it('R9.5 each of the six ledgers answers its own columns for the city', async () => {
    for (const ledger of ['vouchers', 'trainees', 'attendance', 'certificates', 'subsidies', 'transfers'] as const) {
      const page = await city.ok<LedgerPage>('official', 'ledger', { ledger });
      expect(page.columns.length).toBeGreaterThan(4);
      expect(page.columns[0].title.length).toBeGreaterThan(0);
    }
    const transfers = await city.ok<LedgerPage>('official', 'ledger', { ledger: 'transfers', regionCode: LINXIAN });
    expect(transfers.rows[0]).toMatchObject({ place: '省外', where: '北京市朝阳区', incomeYuan: 5200, status: '单位就业' });
  });
});
