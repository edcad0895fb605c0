/**
 * Where an export's rows go as they are read (issue 17): one worksheet of an .xlsx streamed by
 * exceljs (no shared strings, no styles), fed a part at a time — the same NDJSON text the job saves
 * as its part, one row a line — and closed into the file. Two engines write the same file:
 *
 * - `worker`: exceljs in a worker thread, so the rows are turned into XML and zipped while this
 *   thread reads the next pages. At most MAX_QUEUED parts wait for it: `write` answers once there
 *   is room, so a slow writer slows the reader instead of filling memory.
 * - `inline`: exceljs in this thread, where a worker cannot load exceljs (a cloud bundle carries
 *   it inside itself) and for small exports (a worker costs a few hundred ms to start).
 *
 * Either lets the zip stream drain after each part (exceljs writes into it without backpressure:
 * a whole ledger's XML would otherwise wait in memory).
 */
import { Worker } from 'node:worker_threads';
import ExcelJS from 'exceljs';

export type SheetEngine = 'worker' | 'inline';

export interface SheetSpec {
  /** The local file the workbook is streamed into. */
  filename: string;
  sheetName: string;
  /** Rows before the parts (the watermark, the column titles). */
  head: unknown[][];
}

export interface SheetSink {
  readonly engine: SheetEngine;
  /** Parts written so far. */
  readonly parts: number;
  /** Adds a part's rows (NDJSON; empty for a part without rows). */
  write(ndjson: string): Promise<void>;
  /** Writes the end of the sheet and of the workbook; the file is complete when it answers. */
  close(): Promise<void>;
  /** Stops writing; the file is left incomplete (the caller removes it). */
  abort(): Promise<void>;
}

/** Parts handed to the worker and not yet written: one being written, one waiting. */
export const MAX_QUEUED = 2;
/** Bytes of sheet XML the zip stream may hold before the writer waits for it. */
const MAX_PENDING_BYTES = 1 << 20;
/**
 * The worker's heap. What it keeps is exceljs, a part's text and the zip stream's buffers (a few
 * MB); with V8's defaults its garbage grows the process instead (measured writing 232 parts of
 * 1,000 rows: +117 MB resident with the defaults, +58 MB with these). The old generation's limit
 * is several times what it keeps; a worker that fails anyway fails the step, and the job's next
 * step in this process writes in this thread.
 */
const WORKER_YOUNG_MB = 8;
const WORKER_OLD_MB = 64;

/** exceljs's module path, for a worker to load; null where it cannot be resolved (a bundle). */
function exceljsPath(): string | null {
  try {
    return require.resolve('exceljs');
  } catch {
    return null;
  }
}

/** Whether the worker engine can run here. */
export const workerAvailable = (): boolean => exceljsPath() !== null;

export function openSheetSink(spec: SheetSpec, engine: SheetEngine): SheetSink {
  const path = engine === 'worker' ? exceljsPath() : null;
  return path ? new WorkerSink(spec, path) : new InlineSink(spec);
}

/**
 * How much sheet XML waits in the zip stream: exceljs (pinned, 4.4.0) pipes each sheet into
 * archiver through a PassThrough and writes into it regardless; its buffered length is what a
 * writer waits on (tests check it is found).
 */
export function zipBacklog(sheet: ExcelJS.Worksheet): { bytes(): number; drained(): Promise<void> } {
  type Piped = { _writableState?: { length: number }; once(event: string, fn: () => void): void };
  const pipe = (sheet as unknown as { stream?: { pipes?: Piped[] } }).stream?.pipes?.[0];
  return {
    bytes: () => pipe?._writableState?.length ?? 0,
    drained: () => new Promise<void>((resolve) => (pipe ? pipe.once('drain', resolve) : resolve())),
  };
}

/**
 * The writer both engines run (the worker's as plain JavaScript, below): a part's rows added and
 * committed, then a wait while the zip stream holds more than MAX_PENDING_BYTES.
 */
class InlineSink implements SheetSink {
  readonly engine = 'inline';
  parts = 0;
  private readonly workbook: ExcelJS.stream.xlsx.WorkbookWriter;
  private readonly sheet: ExcelJS.Worksheet;
  private readonly pending: ReturnType<typeof zipBacklog>;

  constructor(spec: SheetSpec) {
    this.workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: spec.filename, useStyles: false, useSharedStrings: false });
    this.sheet = this.workbook.addWorksheet(spec.sheetName);
    for (const row of spec.head) this.sheet.addRow(row).commit();
    this.pending = zipBacklog(this.sheet);
  }

  async write(ndjson: string): Promise<void> {
    this.parts++;
    if (ndjson) for (const line of ndjson.split('\n')) this.sheet.addRow(JSON.parse(line) as unknown[]).commit();
    while (this.pending.bytes() > MAX_PENDING_BYTES) await this.pending.drained();
  }

  async close(): Promise<void> {
    this.sheet.commit();
    await this.workbook.commit();
  }

  async abort(): Promise<void> {
    // Nothing runs on its own: the half-written file is dropped by the caller.
  }
}

/** The worker's program: the writer above, in plain JavaScript (a worker runs no TypeScript). */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const ExcelJS = require(workerData.exceljs);
const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: workerData.filename, useStyles: false, useSharedStrings: false });
const sheet = workbook.addWorksheet(workerData.sheetName);
for (const row of workerData.head) sheet.addRow(row).commit();
const pipe = sheet.stream && sheet.stream.pipes && sheet.stream.pipes[0];
const pending = () => (pipe && pipe._writableState ? pipe._writableState.length : 0);
async function handle(message) {
  if (typeof message.part === 'string') {
    if (message.part) for (const line of message.part.split('\\n')) sheet.addRow(JSON.parse(line)).commit();
    while (pending() > ${MAX_PENDING_BYTES}) await new Promise((resolve) => pipe.once('drain', resolve));
    parentPort.postMessage({ written: true });
  } else if (message.close) {
    sheet.commit();
    await workbook.commit();
    parentPort.postMessage({ closed: true });
    parentPort.close();
  }
}
let queue = Promise.resolve();
parentPort.on('message', (message) => {
  queue = queue.then(() => handle(message)).catch((error) => parentPort.postMessage({ error: String((error && error.stack) || error) }));
});
`;

class WorkerSink implements SheetSink {
  readonly engine = 'worker';
  parts = 0;
  private readonly worker: Worker;
  private queued = 0;
  private failure: Error | null = null;
  private closed = false;
  /** Called on every answer of the worker (a part written, closed, or a failure). */
  private wake: (() => void) | null = null;

  constructor(spec: SheetSpec, exceljs: string) {
    this.worker = new Worker(WORKER_SOURCE, { eval: true, resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_MB, maxOldGenerationSizeMb: WORKER_OLD_MB }, workerData: { ...spec, exceljs } });
    // Idle between a job's steps, the worker must not keep the process alive; waiting for it, it must.
    this.worker.unref();
    this.worker.on('message', (m: { written?: true; closed?: true; error?: string }) => {
      if (m.written) this.queued--;
      if (m.closed) this.closed = true;
      if (m.error) this.failure ??= new Error(`sheet writer: ${m.error}`);
      this.poke();
    });
    this.worker.on('error', (error) => {
      this.failure ??= error;
      this.poke();
    });
    this.worker.on('exit', (code) => {
      if (!this.closed) this.failure ??= new Error(`sheet writer stopped (exit ${code})`);
      this.poke();
    });
  }

  private poke(): void {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }

  /** Waits, the worker referenced, until `done` holds or the worker failed. */
  private async until(done: () => boolean): Promise<void> {
    this.worker.ref();
    try {
      while (!this.failure && !done()) await new Promise<void>((resolve) => (this.wake = resolve));
    } finally {
      this.worker.unref();
    }
    if (this.failure) throw this.failure;
  }

  async write(ndjson: string): Promise<void> {
    if (this.failure) throw this.failure;
    this.worker.postMessage({ part: ndjson });
    this.queued++;
    this.parts++;
    await this.until(() => this.queued < MAX_QUEUED);
  }

  async close(): Promise<void> {
    if (this.failure) throw this.failure;
    this.worker.postMessage({ close: true });
    await this.until(() => this.closed);
  }

  async abort(): Promise<void> {
    this.failure ??= new Error('sheet writer aborted');
    await this.worker.terminate();
  }
}
