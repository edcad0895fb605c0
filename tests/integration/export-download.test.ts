/**
 * R9.5 a finished export is downloaded through `official.downloadExport`: a short-lived link for
 * the job's owner only; anyone else, or an unfinished job, hears NOT_FOUND. In the cloud the link
 * is a temporary URL from cloud storage (files the server uploads belong to no user, so storage
 * rules cannot guard them): tested through the real SDK with only its network replaced.
 */
import { writeFileSync } from 'node:fs';
import type { ExportDownload, ExportJobView } from '../../cloudfunctions/contract';
import { CloudbaseExportStorage } from '../../cloudfunctions/store/cloudbase-export-storage';
import { CloudbaseDouble } from '../support/cloudbase-double';
import { exportFinished, sharedGateway } from '../support/gateway';

const { gw, persona } = sharedGateway('2026-05-20T02:00:00.000Z');
const city = persona('official-city');

const finished = (jobId: string) => exportFinished(city, jobId);

describe('R9.5 downloading an export', () => {
  it('gives its owner a link that downloads the file, and nobody else anything', async () => {
    const started = await city.ok<ExportJobView>('official', 'exportLedger', { ledger: 'vouchers' });
    const early = await city.call('official', 'downloadExport', { jobId: started.jobId });
    if (!early.ok) expect(early.code).toBe('NOT_FOUND'); // not finished yet (or already finished)
    await finished(started.jobId);
    const link = await city.ok<ExportDownload>('official', 'downloadExport', { jobId: started.jobId });
    expect(link).toMatchObject({ jobId: started.jobId, url: `/exports/${started.jobId}` });
    expect(link.fileName).toMatch(/\.xlsx$/);
    expect(Date.parse(link.expiresAt)).toBeGreaterThan(gw.runtime.clock.now().getTime());
    const file = await city.get(link.url);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toContain('spreadsheetml');

    const notFound = { ok: false, code: 'NOT_FOUND' };
    expect(await (await gw.as('official-county')).call('official', 'downloadExport', { jobId: started.jobId })).toMatchObject(notFound);
    expect(await (await gw.as('laborer-52')).call('official', 'downloadExport', { jobId: started.jobId })).toMatchObject(notFound);
    expect(await gw.anonymous().call('official', 'downloadExport', { jobId: started.jobId })).toMatchObject({ ok: false });
    expect(await city.call('official', 'downloadExport', { jobId: `x${'0'.repeat(32)}` })).toMatchObject(notFound);
    expect(await city.call('official', 'downloadExport', { jobId: '../keys.json' })).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
  });
});

describe('R9.5 the cloud export storage (real SDK, network replaced)', () => {
  const double = new CloudbaseDouble();
  let storage: CloudbaseExportStorage;
  beforeAll(async () => {
    process.env.TENCENTCLOUD = 'true';
    process.env.SILENCE = 'true';
    const serviceUrl = await double.start();
    storage = new CloudbaseExportStorage({ env: 'double-env', secretId: 'id', secretKey: 'key', serviceUrl });
  });
  afterAll(() => double.stop());

  it('uploads parts and the workbook, reads parts back, and hands out a temporary URL for the file', async () => {
    await storage.writePart('xjob', 0, '["a",1]');
    await storage.writePart('xjob', 1, '["b",2]');
    expect(await storage.readPart('xjob', 1)).toBe('["b",2]');
    const out = storage.outputPath('xjob', '台账.xlsx');
    writeFileSync(out, 'workbook bytes');
    const ref = await storage.publish('xjob', '台账.xlsx');
    expect(ref).toMatch(/^cloud:\/\/.+\/exports\/xjob\//);
    const url = await storage.downloadUrl('xjob', ref, 300);
    const res = await fetch(url);
    expect(await res.text()).toBe('workbook bytes');
    await storage.removeParts('xjob', 2);
    await expect(storage.readPart('xjob', 0)).rejects.toThrow();
    await expect(storage.downloadUrl('xjob', `${ref}-missing`, 300)).rejects.toThrow(/no temporary URL/);
  });
});

