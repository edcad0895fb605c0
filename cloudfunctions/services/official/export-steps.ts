/**
 * The work of an export job's steps (DESIGN "Long work", issue 17): the chunks read, each saved as
 * a part before the job's cursor moves past it, and — in the same pass — written into the
 * workbook. The parts stay the job's durable record; the workbook being written is this
 * process's, kept between steps (`live`) so a job advanced step after step here writes each row
 * once, while the next page is read. A step that finds no workbook of its own for the job (another
 * process advanced it, or this one restarted) starts one and first writes the saved parts into it,
 * so a job cut short anywhere still ends with exactly its rows, in order.
 */
import { randomUUID } from 'node:crypto';
import { readdir, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { parseDate } from '../../core/china-date';
import { LEDGERS, type LedgerKind } from '../../core/dashboard';
import type { ExportStorage } from '../../store/export-storage';
import type { Deps } from '../kernel/deps';
import { watermarkRow } from './exporter';
import { CHUNK_ROWS, type ExportJobDoc } from './export-job';
import { LEDGER_DEFS } from './ledger-defs';
import { type NameCache, loadNames, readLedgerPage, resolveLedgerQuery } from './ledgers';
import { type SheetEngine, type SheetSink, openSheetSink, workerAvailable } from './sheet-sink';

/** From this many rows an export's workbook is written in a worker thread (below, starting one costs more than it saves). */
export const WORKER_MIN_ROWS = 10_000;
/** A workbook no step has touched for this long is dropped (its job went on elsewhere, or was abandoned). */
const IDLE_MS = 10 * 60_000;
/** How the file being written is named, beside the job's file. */
const PARTIAL = '.partial.xlsx';

/** A job's workbook being written in this process, and the names its rows use. */
export interface LiveExport {
  sink: SheetSink;
  /** The file being written; renamed to the job's file when complete. */
  temp: string;
  names: NameCache;
  timer: NodeJS.Timeout | null;
}

const live = new Map<string, LiveExport>();
/** Jobs whose step failed here: their next workbook is written in this thread (a worker may be what failed). */
const failedHere = new Set<string>();

function keepAlive(jobId: string, run: LiveExport): void {
  if (run.timer) clearTimeout(run.timer);
  run.timer = setTimeout(() => void dropLive(jobId), IDLE_MS);
  run.timer.unref();
}

/**
 * Stops and removes this process's workbook of a job, if any: the next step starts again from the
 * parts — after a failed step (`failed`), in this thread.
 */
export async function dropLive(jobId: string, failed = false): Promise<void> {
  if (failed) failedHere.add(jobId);
  const run = live.get(jobId);
  if (!run) return;
  live.delete(jobId);
  if (run.timer) clearTimeout(run.timer);
  await run.sink.abort().catch(() => undefined);
  await rm(run.temp, { force: true }).catch(() => undefined);
}

/** The rows before the parts: R14.4 the watermark (who, when, whether the numbers are in full), then the column titles. */
function headOf(job: ExportJobDoc): unknown[][] {
  // Only ledger jobs are advanced: a report is written done (recordReport).
  const def = LEDGER_DEFS[job.ledger as LedgerKind];
  return [watermarkRow(job.exporter ?? '—', job.createdAt, job.fullIdNumbers ? def.fullIdPurpose : undefined), def.columns.map((c) => c.title)];
}

/**
 * This process's workbook of the job, holding exactly its saved parts: the one of the previous
 * step, or a new one the saved parts are written into first.
 */
export async function liveExport(deps: Deps, storage: ExportStorage, job: ExportJobDoc, engine?: SheetEngine): Promise<LiveExport> {
  let run = live.get(job._id);
  if (run && run.sink.parts > job.parts) await dropLive(job._id);
  run = live.get(job._id);
  if (!run) {
    const names = await loadNames(deps.store);
    const chosen = engine ?? (job.total >= WORKER_MIN_ROWS && !failedHere.has(job._id) && workerAvailable() ? 'worker' : 'inline');
    const temp = storage.outputPath(job._id, `${randomUUID()}${PARTIAL}`);
    const sink = openSheetSink({ filename: temp, sheetName: LEDGERS[job.ledger as LedgerKind].title, head: headOf(job) }, chosen);
    run = { sink, temp, names, timer: null };
    live.set(job._id, run);
  }
  keepAlive(job._id, run);
  for (let i = run.sink.parts; i < job.parts; i++) await run.sink.write(await storage.readPart(job._id, i));
  return run;
}

/**
 * Chunks until the rows are done or the deadline passes: each page read while the one before is
 * saved and written, saved as a part, the cursor moved on, then written into the workbook (which
 * may still be writing it when the next page is read).
 */
export async function writeChunks(deps: Deps, storage: ExportStorage, job: ExportJobDoc, run: LiveExport, deadline: number): Promise<ExportJobDoc> {
  const region = deps.regions.get(job.regionCode)!;
  const query = resolveLedgerQuery(region, job.filters!, parseDate(job.today)!);
  const columns = LEDGER_DEFS[job.ledger as LedgerKind].columns;
  // A chunk is its part's text: the page's documents and rows are dropped as soon as it is made.
  const read = (after: string | null) => {
    const chunk = readLedgerPage(deps, query, { after: after ?? undefined, limit: CHUNK_ROWS, fullIdNumbers: job.fullIdNumbers, names: run.names }).then((page) => ({
      lines: page.rows.map((r) => JSON.stringify(columns.map((c) => r[c.key] ?? null))).join('\n'),
      rows: page.rows.length,
      next: page.next ?? null,
    }));
    // A chunk read ahead and then not used (the step failed first) must not be an unhandled rejection.
    chunk.catch(() => undefined);
    return chunk;
  };
  let state = job;
  if (state.rowsDone) return state;
  // At least one chunk a step, however long the catching up took: every step moves the job on.
  let next = read(state.after);
  for (;;) {
    const chunk = await next;
    const more = chunk.next !== null && deps.clock.now().getTime() < deadline;
    if (more) next = read(chunk.next);
    await storage.writePart(state._id, state.parts, chunk.lines);
    const set = { rows: state.rows + chunk.rows, parts: state.parts + 1, after: chunk.next, rowsDone: chunk.next === null };
    await deps.store.transaction((tx) => tx.update('exportJobs', state._id, { set }));
    state = { ...state, ...set };
    await run.sink.write(chunk.lines);
    if (!more) return state;
  }
}

/**
 * The workbook of a job whose rows are all written: closed and in place as the job's file, and
 * what other processes left of theirs (stopped before the end) removed.
 */
export async function completeWorkbook(storage: ExportStorage, job: ExportJobDoc, run: LiveExport): Promise<void> {
  await run.sink.close();
  if (run.timer) clearTimeout(run.timer);
  live.delete(job._id);
  const file = storage.outputPath(job._id, job.fileName);
  failedHere.delete(job._id);
  await rename(run.temp, file);
  const dir = dirname(file);
  for (const name of await readdir(dir)) if (name.endsWith(PARTIAL)) await rm(join(dir, name), { force: true });
}
