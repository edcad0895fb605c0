/**
 * `npm run bench -- export` (issues 6, 17): the city official exports the trainee ledger
 * (培训学员台账) of 吕梁市 2021 — 231,679 rows — as a job, chunk by chunk, exactly as the app does.
 * Then, in the same run, the same query read into memory (`querySeconds`: what reading alone
 * costs) and a bare exceljs streaming write of those rows: `exportRatio` = seconds ÷ bareSeconds
 * (goal ≤ 1.5) and `peakRssMb` of the export (goal ≤ 300 MB). The bare write is the export's
 * sheet exactly (watermark, titles, rows), so the two sheets' XML must be the same (`fileMatches`):
 * the file holds the query's rows, in order.
 */
import { rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { chinaDateOf } from '../cloudfunctions/core/china-date';
import { openLocalRuntime } from '../cloudfunctions/gateway/local-runtime';
import { type ExportJobDoc, advanceExport, startExport } from '../cloudfunctions/services/official';
import { LEDGER_DEFS, loadNames, readLedgerPage, resolveLedgerQuery } from '../cloudfunctions/services/official';
import type { Deps } from '../cloudfunctions/services/kernel/deps';
import { watermarkRow } from '../cloudfunctions/services/official/exporter';
import { lvliangDataset } from './lvliang-data';
import type { BenchResult } from './result';
import { sheetDigest } from './xlsx-sheet';

const OFFICIAL = 'dev-openid-official-lvliang';
const FILTERS = { ledger: 'trainees', regionCode: '141100', from: '2021-01-01', to: '2021-12-31' } as const;
const EXPECTED_ROWS = 231_679;
const COLUMNS = LEDGER_DEFS.trainees.columns;

/** The query's rows as the file's cells, read page by page like the export. */
async function queryRows(deps: Deps, fullIdNumbers: boolean): Promise<unknown[][]> {
  const region = deps.regions.get(FILTERS.regionCode)!;
  const query = resolveLedgerQuery(region, { ...FILTERS }, chinaDateOf(deps.clock.now()));
  const names = await loadNames(deps.store);
  const rows: unknown[][] = [];
  let after: string | undefined;
  do {
    const page = await readLedgerPage(deps, query, { after, limit: 1000, fullIdNumbers, names });
    for (const r of page.rows) rows.push(COLUMNS.map((c) => r[c.key] ?? null));
    after = page.next;
  } while (after);
  return rows;
}

/** The rows as the export writes them (its watermark and the titles first), with nothing else to do. */
async function bareWrite(filename: string, watermark: string[], rows: unknown[][]): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename, useStyles: false, useSharedStrings: false });
  const sheet = workbook.addWorksheet('bare');
  sheet.addRow(watermark).commit();
  sheet.addRow(COLUMNS.map((c) => c.title)).commit();
  for (const r of rows) sheet.addRow(r).commit();
  sheet.commit();
  await workbook.commit();
}

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
  const file = join(dataDir, 'exports', job.jobId, done.fileName);
  const fileBytes = statSync(file).size;

  // The same rows (ID numbers as the file has them), in memory, then a bare streaming write of them.
  const queryStarted = performance.now();
  const rows = await queryRows(deps, done.fullIdNumbers);
  const querySeconds = (performance.now() - queryStarted) / 1000;
  const bare = join(dataDir, 'exports', 'bare.xlsx');
  const bareStarted = performance.now();
  await bareWrite(bare, watermarkRow(done.exporter ?? '—', done.createdAt), rows);
  const bareSeconds = (performance.now() - bareStarted) / 1000;
  // Same rows, same order, same cells: the two sheets' XML is the same, byte for byte.
  const matches = (await sheetDigest(file)) === (await sheetDigest(bare));
  await runtime.close();
  // Each run would leave 20 MB behind; the job's document and ledger entry stay.
  rmSync(join(dataDir, 'exports', job.jobId), { recursive: true, force: true });

  const round = (n: number, d = 2) => Math.round(n * 10 ** d) / 10 ** d;
  const exportRatio = round(seconds / bareSeconds);
  return {
    name: 'export',
    ok: done.status === 'done' && done.rows === EXPECTED_ROWS && rows.length === EXPECTED_ROWS && matches,
    ledger: '培训学员台账 吕梁市 2021',
    rows: done.rows,
    chunks: Math.ceil(done.rows / 1000),
    steps: steps + 1,
    seconds: round(seconds),
    querySeconds: round(querySeconds),
    bareSeconds: round(bareSeconds),
    exportRatio,
    peakRssMb: round(peakRssMb, 0),
    rssBeforeMb: round(rssBefore / 2 ** 20, 0),
    fileMb: round(fileBytes / 2 ** 20, 1),
    fileMatches: matches,
    goals: { exportRatio: 1.5, peakRssMb: 300 },
    met: exportRatio <= 1.5 && peakRssMb <= 300,
    datasetSeconds: generatedSeconds,
  };
}
