/**
 * R9.5 ledger exports as jobs (DESIGN.md "Long work"): a job document, processed in chunks of
 * ≤ 1000 rows (one read each), each chunk saved as a part before the job's cursor moves on, so
 * any run may stop and the next one resumes, and streamed into an .xlsx with exceljs (no shared
 * strings, no styles) as it is read (`export-steps.ts`); then the file is published to its owner.
 * The export is logged in the ledger when it finishes.
 *
 * Whoever calls `advanceExport` moves the job on for a time budget under a lease: the local
 * gateway's runner right after the job is created, and in the cloud each `jobStatus` poll.
 */
import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import type { ExportDownload, ExportJobView, LedgerFilters } from '../../contract';
import { chinaDateOf, formatDate } from '../../core/china-date';
import { type ExportKind, LEDGERS, type LedgerKind, exportTitle } from '../../core/dashboard';
import { DomainError } from '../../core/errors';
import type { ExportStorage } from '../../store/export-storage';
import { where } from '../../store/port';
import { officialRegion } from '../kernel/authz';
import { bindingsOf, requireOpenid } from '../kernel/caller';
import { type Change, recordChange } from '../books/changes';
import type { Caller, Deps } from '../kernel/deps';
import { LEDGER_DEFS } from './ledger-defs';
import { describeQuery, resolveLedgerQuery } from './ledgers';
import { regionPlace } from '../kernel/place';
import { exporterOf, watermarkRow } from './exporter';
import type { ExportJobDoc } from './export-job';
import { completeWorkbook, dropLive, liveExport, writeChunks } from './export-steps';
import type { SheetEngine } from './sheet-sink';

export { type ExportJobDoc, CHUNK_ROWS } from './export-job';

const MAX_ATTEMPTS = 3;

function storageOf(deps: Deps): ExportStorage {
  if (!deps.exports) throw new Error('export storage is not configured');
  return deps.exports;
}

export function jobView(job: ExportJobDoc): ExportJobView {
  const progress = job.status === 'done' ? 100 : job.total === 0 ? 0 : Math.min(99, Math.floor((job.rows / job.total) * 100));
  return {
    jobId: job._id,
    ledger: job.ledger,
    title: exportTitle(job.ledger),
    summary: job.summary,
    status: job.status,
    rows: job.rows,
    total: job.total,
    progress,
    fileName: job.fileName,
    downloadable: job.status === 'done' && Boolean(job.fileRef),
    fullIdNumbers: job.fullIdNumbers,
    createdAt: job.createdAt,
    finishedAt: job.finishedAt,
    error: job.error,
  };
}

/** Starts an export of a ledger query; an official of the region only (R1.2). */
export async function startExport(deps: Deps, caller: Caller, filters: LedgerFilters): Promise<ExportJobView> {
  const { region } = await officialRegion(deps, caller, filters.regionCode);
  const now = deps.clock.now();
  const today = chinaDateOf(now);
  const query = resolveLedgerQuery(region, filters, today);
  // R14.4 full ID numbers only where the ledger's purpose needs them (the 补贴发放台账), and only for
  // officials (admins without an official binding get the masked ones).
  const fullIdNumbers = LEDGER_DEFS[filters.ledger].fullIdPurpose !== undefined && (await bindingsOf(deps, caller)).some((b) => b.role === 'official');
  const exporter = await exporterOf(deps, caller, region.code);
  const total = await deps.store.count(LEDGER_DEFS[filters.ledger].collection, query.filter);
  const id = `x${randomUUID().replace(/-/g, '')}`;
  const job: ExportJobDoc = {
    _id: id,
    ownerOpenid: caller.openid!,
    ledger: filters.ledger,
    filters: { ...filters, regionCode: region.code },
    regionCode: region.code,
    today: formatDate(today),
    summary: describeQuery(query, filters, deps.regions),
    fileName: `${region.name}${LEDGERS[filters.ledger].title}-${formatDate(today).replaceAll('-', '')}-${id.slice(1, 7)}.xlsx`,
    fullIdNumbers,
    exporter,
    status: 'queued',
    total,
    rows: 0,
    parts: 0,
    after: null,
    rowsDone: false,
    fileRef: null,
    leaseUntil: null,
    attempts: 0,
    error: null,
    createdAt: now.toISOString(),
    finishedAt: null,
  };
  const { _id, ...data } = job;
  await deps.store.transaction((tx) => tx.create<ExportJobDoc>('exportJobs', id, data));
  return jobView(job);
}

/** Starts an export and, where a background runner exists (the local host), hands it the job. */
export async function exportLedger(deps: Deps, caller: Caller, filters: LedgerFilters): Promise<ExportJobView> {
  const job = await startExport(deps, caller, filters);
  deps.exportRunner?.kick(job.jobId);
  return job;
}

async function ownJob(deps: Deps, caller: Caller, jobId: string): Promise<ExportJobDoc> {
  const job = await deps.store.get<ExportJobDoc>('exportJobs', jobId);
  // Someone else's job answers exactly like a missing one.
  if (!job || job.ownerOpenid !== caller.openid) throw new DomainError('NOT_FOUND');
  return job;
}

export async function jobStatus(deps: Deps, caller: Caller, jobId: string, budgetMs: number): Promise<ExportJobView> {
  const job = await ownJob(deps, caller, jobId);
  if (budgetMs > 0 && (job.status === 'queued' || job.status === 'running')) await advanceExport(deps, jobId, budgetMs);
  return jobView((await deps.store.get<ExportJobDoc>('exportJobs', jobId))!);
}

export async function myExports(deps: Deps, caller: Caller): Promise<ExportJobView[]> {
  if (!caller.openid) throw new DomainError('UNAUTHENTICATED');
  const page = await deps.store.find<ExportJobDoc>('exportJobs', where('ownerOpenid', 'eq', caller.openid), {
    orderBy: { field: 'createdAt', direction: 'desc' },
    limit: 50,
  });
  return page.items.map(jobView);
}

/** How long a download link lives: long enough to start the download, short enough not to be passed around. */
export const DOWNLOAD_URL_SECONDS = 300;

/** R9.5 a finished export's download link, for its owner only (anyone else: NOT_FOUND). */
export async function exportDownload(deps: Deps, caller: Caller, jobId: string): Promise<ExportDownload> {
  const { job, ref } = await exportFile(deps, caller, jobId);
  const url = await storageOf(deps).downloadUrl(job._id, ref, DOWNLOAD_URL_SECONDS);
  return { jobId: job._id, fileName: job.fileName, url, expiresAt: new Date(deps.clock.now().getTime() + DOWNLOAD_URL_SECONDS * 1000).toISOString() };
}

/** The file of a finished job, for its owner only (the gateway streams it). */
export async function exportFile(deps: Deps, caller: Caller, jobId: string): Promise<{ job: ExportJobDoc; ref: string }> {
  const job = await ownJob(deps, caller, jobId);
  if (job.status !== 'done' || !job.fileRef) throw new DomainError('NOT_FOUND');
  return { job, ref: job.fileRef };
}

/** Takes the job's lease; null when it is finished or someone else holds it. */
async function takeLease(deps: Deps, jobId: string, ms: number): Promise<ExportJobDoc | null> {
  return deps.store.transaction(async (tx) => {
    const job = await tx.get<ExportJobDoc>('exportJobs', jobId);
    if (!job || job.status === 'done' || job.status === 'failed') return null;
    const now = deps.clock.now();
    if (job.leaseUntil && job.leaseUntil > now.toISOString()) return null;
    const leaseUntil = new Date(now.getTime() + ms).toISOString();
    await tx.update('exportJobs', jobId, { set: { status: 'running', leaseUntil } });
    return { ...job, status: 'running', leaseUntil };
  });
}

/**
 * Moves a job on for about `budgetMs`: chunks of rows into parts and into the workbook, then the
 * file. Answers true when the job is finished (done or failed). `engine` chooses how the workbook
 * is written (tests); by default a worker thread for large exports where one can run.
 */
export async function advanceExport(deps: Deps, jobId: string, budgetMs: number, options: { engine?: SheetEngine } = {}): Promise<boolean> {
  const started = deps.clock.now().getTime();
  const job = await takeLease(deps, jobId, budgetMs + 60_000);
  if (!job) return true;
  const storage = storageOf(deps);
  try {
    const run = await liveExport(deps, storage, job, options.engine);
    const state = await writeChunks(deps, storage, job, run, started + budgetMs);
    if (state.rowsDone) {
      await completeWorkbook(storage, state, run);
      const fileRef = await storage.publish(state._id, state.fileName);
      await finish(deps, state, fileRef);
      await storage.removeParts(state._id, state.parts);
      return true;
    }
    await deps.store.transaction((tx) => tx.update('exportJobs', state._id, { set: { leaseUntil: null } }));
    return false;
  } catch (error) {
    // The next step starts this process's workbook again from the saved parts.
    await dropLive(jobId, true);
    const attempts = job.attempts + 1;
    deps.log.error('export step failed', { jobId, attempts, error: error instanceof Error ? error.message : String(error) });
    const failed = attempts >= MAX_ATTEMPTS;
    await deps.store.transaction((tx) =>
      tx.update('exportJobs', jobId, {
        set: { attempts, leaseUntil: null, ...(failed ? { status: 'failed', error: '导出失败，请重新导出', finishedAt: deps.clock.now().toISOString() } : {}) },
      }),
    );
    return failed;
  }
}

/** The ledger entry of a finished export (D27, R14.4): who exported what filter, when, how many rows. */
const exportedChange = (deps: Deps, job: ExportJobDoc, now: Date): Change => ({
  place: regionPlace(deps.regions, job.regionCode),
  at: now,
  type: 'ledger.exported',
  subjects: { jobId: job._id },
  actor: { openid: job.ownerOpenid, role: 'official' },
  data: { ledger: job.ledger, summary: job.summary, filters: job.filters, rows: job.rows, fullIdNumbers: job.fullIdNumbers, exporter: job.exporter ?? null, requestedAt: job.createdAt },
  counters: [],
});

/** Done, and logged in the region's chain in the same transaction (D27). */
async function finish(deps: Deps, job: ExportJobDoc, fileRef: string): Promise<void> {
  await deps.store.transaction(async (tx) => {
    const now = deps.clock.now();
    await tx.update('exportJobs', job._id, { set: { status: 'done', fileRef, leaseUntil: null, finishedAt: now.toISOString() } });
    await recordChange(tx, exportedChange(deps, job, now));
  });
}

/**
 * A report built at once (培训机构考核评估: a few hundred rows at most) as a finished job of the
 * official's: its file written and published, the job and its ledger entry in one transaction,
 * so it is listed in 导出记录 and downloaded like any export.
 */
export async function recordReport(
  deps: Deps,
  caller: Caller,
  report: { kind: Exclude<ExportKind, LedgerKind>; regionCode: string; summary: string; rows: number; header: string[]; lines: unknown[][] },
): Promise<ExportJobView> {
  const storage = storageOf(deps);
  const region = deps.regions.get(report.regionCode)!;
  const now = deps.clock.now();
  const today = formatDate(chinaDateOf(now));
  const id = `x${randomUUID().replace(/-/g, '')}`;
  const fileName = `${region.name}${exportTitle(report.kind)}-${today.replaceAll('-', '')}-${id.slice(1, 7)}.xlsx`;
  const exporter = await exporterOf(deps, caller, region.code);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: storage.outputPath(id, fileName), useStyles: false, useSharedStrings: false });
  const sheet = workbook.addWorksheet(exportTitle(report.kind));
  sheet.addRow(watermarkRow(exporter, now.toISOString())).commit();
  sheet.addRow(report.header).commit();
  for (const line of report.lines) sheet.addRow(line).commit();
  sheet.commit();
  await workbook.commit();
  const fileRef = await storage.publish(id, fileName);
  const job: ExportJobDoc = {
    _id: id,
    ownerOpenid: requireOpenid(caller),
    ledger: report.kind,
    filters: null,
    regionCode: region.code,
    today,
    summary: report.summary,
    fileName,
    fullIdNumbers: false,
    exporter,
    // Written done: no runner ever advances it.
    status: 'done',
    total: report.rows,
    rows: report.rows,
    parts: 0,
    after: null,
    rowsDone: true,
    fileRef,
    leaseUntil: null,
    attempts: 0,
    error: null,
    createdAt: now.toISOString(),
    finishedAt: now.toISOString(),
  };
  const { _id, ...data } = job;
  await deps.store.transaction(async (tx) => {
    await tx.create<ExportJobDoc>('exportJobs', id, data);
    await recordChange(tx, exportedChange(deps, job, now));
  });
  return jobView(job);
}

/** Unfinished jobs whose lease has lapsed: the local runner picks these up (e.g. after a restart). */
export async function pendingJobs(deps: Deps): Promise<string[]> {
  const out: string[] = [];
  for (const status of ['queued', 'running'] as const) {
    const page = await deps.store.find<ExportJobDoc>('exportJobs', where('status', 'eq', status), { orderBy: { field: 'createdAt' }, limit: 20 });
    const now = deps.clock.now().toISOString();
    for (const j of page.items) if (!j.leaseUntil || j.leaseUntil < now) out.push(j._id);
  }
  return out;
}
