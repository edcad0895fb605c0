/**
 * `npm run bench -- export` (issue 6): the city official exports the trainee ledger (培训学员台账)
 * of 吕梁市 2021 — 231,679 rows — as a job, chunk by chunk, exactly as the app does. Then, in the
 * same run, a bare exceljs streaming write of the same rows already in memory: `exportRatio` =
 * seconds ÷ bareSeconds (goal ≤ 1.5) and `peakRssMb` of the export (goal ≤ 300 MB).
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { chinaDateOf } from '../cloudfunctions/core/china-date';
import { openLocalRuntime } from '../cloudfunctions/gateway/local-runtime';
import { type ExportJobDoc, advanceExport, startExport } from '../cloudfunctions/services/official';
import { LEDGER_DEFS, loadNames, readLedgerPage, resolveLedgerQuery } from '../cloudfunctions/services/official';
import { lvliangDataset } from './lvliang-data';
import type { BenchResult } from './result';

const OFFICIAL = 'dev-openid-official-lvliang';
const FILTERS = { ledger: 'trainees', regionCode: '141100', from: '2021-01-01', to: '2021-12-31' } as const;
const EXPECTED_ROWS = 231_679;

export async function exportBench(): Promise<BenchResult> {
  const { dataDir, generatedSeconds } = await lvliangDataset(1);
  const runtime = await openLocalRuntime({ dataDir, env: process.env });
  // The bench drives the job itself, in steps, like the cloud's status calls do.
  runtime.deps.exportRunner = undefined;
  const deps = runtime.deps;
  const caller = { openid: OFFICIAL, requestId: 'bench-export' };
  const rssBefore = process.memoryUsage().rss;
  const started = performance.now();
  const job = await startExport(deps, caller, { ...FILTERS });
  let steps = 0;
  while (!(await advanceExport(deps, job.jobId, 10_000))) steps++;
  const seconds = (performance.now() - started) / 1000;
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  const done = (await deps.store.get<ExportJobDoc>('exportJobs', job.jobId))!;
  const fileBytes = statSync(join(dataDir, 'exports', job.jobId, done.fileName)).size;

  // The same rows, in memory, then a bare streaming write of them.
  const region = deps.regions.get('141100')!;
  const query = resolveLedgerQuery(region, { ...FILTERS }, chinaDateOf(deps.clock.now()));
  const names = await loadNames(deps.store);
  const columns = LEDGER_DEFS.trainees.columns;
  const rows: unknown[][] = [];
  let after: string | undefined;
  do {
    const page = await readLedgerPage(deps, query, { after, limit: 1000, fullIdNumbers: true, names });
    for (const r of page.rows) rows.push(columns.map((c) => r[c.key] ?? null));
    after = page.next;
  } while (after);
  const bareStarted = performance.now();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: join(dataDir, 'exports', 'bare.xlsx'), useStyles: false, useSharedStrings: false });
  const sheet = workbook.addWorksheet('bare');
  sheet.addRow(columns.map((c) => c.title)).commit();
  for (const r of rows) sheet.addRow(r).commit();
  sheet.commit();
  await workbook.commit();
  const bareSeconds = (performance.now() - bareStarted) / 1000;
  await runtime.close();

  const round = (n: number, d = 2) => Math.round(n * 10 ** d) / 10 ** d;
  const exportRatio = round(seconds / bareSeconds);
  return {
    name: 'export',
    ok: done.status === 'done' && done.rows === EXPECTED_ROWS && rows.length === EXPECTED_ROWS,
    ledger: '培训学员台账 吕梁市 2021',
    rows: done.rows,
    chunks: Math.ceil(done.rows / 1000),
    steps: steps + 1,
    seconds: round(seconds),
    bareSeconds: round(bareSeconds),
    exportRatio,
    peakRssMb: round(peakRssMb, 0),
    rssBeforeMb: round(rssBefore / 2 ** 20, 0),
    fileMb: round(fileBytes / 2 ** 20, 1),
    goals: { exportRatio: 1.5, peakRssMb: 300 },
    met: exportRatio <= 1.5 && peakRssMb <= 300,
    datasetSeconds: generatedSeconds,
  };
}
