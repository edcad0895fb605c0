/**
 * R14.4 exports respect purpose: full ID numbers only in the 补贴发放台账 (the settlement upload
 * the province matches by number), masked in every other ledger, even for officials; every export
 * records who, when, what filter and how many rows; each file's first row names its exporter and
 * the time (a watermark).
 */
import ExcelJS from 'exceljs';
import type { ApplicationView, ExportDownload, ExportJobView, ResultView, VoucherView } from '../../cloudfunctions/contract';
import type { LedgerEntryDoc } from '../../cloudfunctions/services/books/ledger';
import type { SubsidyDoc } from '../../cloudfunctions/services/certificate';
import { where } from '../../cloudfunctions/store/port';
import { type ApiClient, exportFinished, sharedGateway } from '../support/gateway';
import { aLaborer } from '../support/laborers';

const NOW = '2026-05-12T02:00:00.000Z';

const { gw, persona } = sharedGateway(NOW, { timeout: 60_000 });
const county = persona('official-county');

/** One holder of a 技能等级评价券, certified, the subsidy applied for, approved and paid. */
async function paidEntry(): Promise<string> {
  const trainer = await gw.as('trainer');
  const l = await aLaborer(gw, { age: 35 });
  const v = await l.client.ok<VoucherView>('voucher', 'claim', { type: 'evaluation' });
  const r = await trainer.ok<ResultView>('certificate', 'record', { voucherId: v.id, occupationCode: '4-10-01-05', level: 5, passed: true, score: 80 });
  const number = r.certificate!.number;
  const [app] = await trainer.ok<ApplicationView[]>('settlement', 'apply', { certificateNumbers: [number] });
  await county.ok('settlement', 'review', { applicationId: app.id, decisions: [{ certificateNumber: number, decision: 'approve' }] });
  const entry = await gw.runtime.deps.store.get<SubsidyDoc>('subsidies', number);
  await county.ok('settlement', 'pay', { applicationId: app.id, certificateNumbers: [number], amountFen: entry!.amountFen, paidOn: '2026-05-12', transferRef: 'NX2026-0512-009' });
  return number;
}

const finished = exportFinished;

/** The workbook's rows as plain arrays. */
async function rowsOf(client: ApiClient, jobId: string): Promise<unknown[][]> {
  const link = await client.ok<ExportDownload>('official', 'downloadExport', { jobId });
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(await (await client.get(link.url)).arrayBuffer()) as unknown as ArrayBuffer);
  return workbook.worksheets[0]
    .getSheetValues()
    .filter(Boolean)
    .map((r) => (r as unknown[]).slice(1));
}

beforeAll(async () => {
  await paidEntry();
}, 60_000);

describe('R14.4 full ID numbers only where the ledger’s purpose needs them', () => {
  it('R14.4 the 补贴发放台账 export carries them in full, saying why, with the exporter and time in its first row', async () => {
    const job = await county.ok<ExportJobView>('official', 'exportLedger', { ledger: 'payments' });
    expect(job).toMatchObject({ fullIdNumbers: true });
    await finished(county, job.jobId);
    const [watermark, header, first] = await rowsOf(county, job.jobId);
    expect(watermark[0]).toMatch(/^导出人：.+（岚县）$/);
    expect(watermark[1]).toMatch(/^导出时间：2026年5月12日 \d{2}:\d{2}$/);
    expect(watermark[2]).toBe('含完整身份证号码，用途：补贴发放上报：省级系统按身份证号码核对发放对象');
    expect(header.slice(0, 2)).toEqual(['姓名', '身份证号']);
    expect(String(first[1])).toMatch(/^\d{17}[\dX]$/);
  });

  it('R14.4 every other ledger is masked in an official’s export too', async () => {
    for (const ledger of ['vouchers', 'certificates', 'subsidies'] as const) {
      const job = await county.ok<ExportJobView>('official', 'exportLedger', { ledger });
      expect(job).toMatchObject({ ledger, fullIdNumbers: false });
      await finished(county, job.jobId);
      const [watermark, header, ...rows] = await rowsOf(county, job.jobId);
      expect(watermark[2]).toBe('身份证号码已打码');
      const at = header.indexOf('身份证号');
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) expect(String(row[at])).toMatch(/^\d{3}\*{11}[\dX\d]{4}$/);
    }
  });

  it('R14.4 each export is ledgered with who, when, the filter and the rows', async () => {
    const job = await county.ok<ExportJobView>('official', 'exportLedger', { ledger: 'vouchers', band: 'A' });
    await finished(county, job.jobId);
    const entries = await gw.runtime.deps.store.find<LedgerEntryDoc>('ledger', where('type', 'eq', 'ledger.exported'), { limit: 50 });
    const entry = entries.items.find((e) => e.subjects.jobId === job.jobId)!;
    expect(entry).toMatchObject({
      countyCode: '141127',
      actor: { openid: expect.any(String), role: 'official' },
      at: expect.any(String),
      data: { ledger: 'vouchers', filters: { ledger: 'vouchers', band: 'A', regionCode: '141127' }, rows: job.total, fullIdNumbers: false, exporter: expect.stringMatching(/（岚县）$/), requestedAt: job.createdAt },
    });
    expect(String(entry.data.summary)).toContain('岚县');
  });

  it('R14.4 a report written at once (培训机构考核评估) carries the watermark too', async () => {
    const city = await gw.as('official-city');
    const job = await city.ok<ExportJobView>('settlement', 'exportScorecards', { regionCode: '141100', year: 2026 });
    const [watermark] = await rowsOf(city, job.jobId);
    expect(watermark[0]).toMatch(/^导出人：.+（吕梁市）$/);
  });
});
