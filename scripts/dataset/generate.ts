/**
 * `npm run dataset:lvliang`: Lüliang city's 2021 at full scale (or a fraction of it).
 *
 * Replaces the database in DATA_DIR (keys.json is kept), opens it through openLocalRuntime (which
 * seeds the demo data and personas), then loads the plan (plan.ts) in county shares, one worker
 * thread each (load-part.ts), phase by phase, in time order within each phase. Every document is
 * built by the service builder the use case uses (services/<context>/records.ts) and moved on by
 * the use cases' later updates (loader/transitions.ts); every change goes through the real ledger
 * and counter writers (recordChange, bumpCounters) on an in-memory transaction pre-loaded with the
 * stored chain heads and counters; everything is flushed through the SQLite adapter's bulk path.
 */
import { existsSync, rmSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { describeHost, runningHost } from '../../cloudfunctions/gateway/local-host';
import { openLocalRuntime } from '../../cloudfunctions/gateway/local-runtime';
import { foldRegionYears } from '../../cloudfunctions/services/books/counters';
import { type PartOptions, type PartReport, loadPart } from './load-part';
import { type Plan, YEAR } from './plan';

export { type PartOptions, type PartReport, countiesOfPart, loadPart } from './load-part';

export interface GenerateOptions {
  dataDir: string;
  /** 1 = the full 2021; 0.01 = the 1/100 dataset. */
  scale?: number;
  seed?: number;
  log?: (line: string) => void;
  /**
   * Worker threads, each loading a share of the counties (chains, counters and records are all
   * per county, so shares never touch the same documents). Default: one per core, at most 4;
   * 1 = in this thread (jest, whose transform the worker threads do not have).
   */
  threads?: number;
}

export interface GenerateReport {
  dbFile: string;
  dbBytes: number;
  totalMs: number;
  phases: { name: string; ms: number }[];
  rows: Record<string, number>;
  plan: Plan['counts'];
}

/** The load refused: a local host serves the DATA_DIR it would replace. */
export class HostServesDataDir extends Error {
  override readonly name = 'HostServesDataDir';
}

export async function generateLvliang(options: GenerateOptions): Promise<GenerateReport> {
  const scale = options.scale ?? 1;
  const seed = options.seed ?? 2021;
  const parts = Math.max(1, options.threads ?? Math.min(4, availableParallelism()));
  const log = options.log ?? ((line: string) => console.log(line));
  const started = performance.now();
  const dataDir = resolve(options.dataDir);
  const dbFile = join(dataDir, 'chizhengtong.db');
  // Issue 18: replacing the file under a running host would leave it writing a deleted database.
  const host = runningHost(dataDir);
  if (host) throw new HostServesDataDir(`${describeHost(host)} is serving ${dataDir}; the load replaces the database there. Stop the host first, or load into another --data-dir.`);
  if (existsSync(dbFile)) log(`replacing ${dbFile} (keys.json is kept)`);
  for (const suffix of ['', '-wal', '-shm']) rmSync(dbFile + suffix, { force: true });
  // Creates the folder, keys and database, and seeds the demo data and personas.
  const runtime = await openLocalRuntime({ dataDir, env: process.env });
  await runtime.close();
  log(`loading Lüliang ${YEAR} at scale ${scale} (seed ${seed}) in ${parts} thread(s) …`);
  const partOptions = (part: number): PartOptions => ({ dataDir, scale, seed, part, parts });
  const reports = parts === 1 ? [await loadPart(partOptions(0), log)] : await Promise.all(Array.from({ length: parts }, (_, part) => inWorker(partOptions(part), log)));
  // D63 each part held a few counties: the cities' summaries are folded from theirs once all are in.
  const folding = await openLocalRuntime({ dataDir, env: process.env, books: 'inline' });
  log(`city summaries folded: ${await foldRegionYears(folding.deps.store)}`);
  await folding.close();
  const rows: Record<string, number> = {};
  for (const r of reports) for (const [c, n] of Object.entries(r.rows)) rows[c] = (rows[c] ?? 0) + n;
  const dbBytes = ['', '-wal'].reduce((s, suffix) => s + (existsSync(dbFile + suffix) ? statSync(dbFile + suffix).size : 0), 0);
  const totalMs = Math.round(performance.now() - started);
  const phases = reports[0].phases.map((p, i) => ({ name: p.name.replace(/ \(.*\)$/, ''), ms: Math.max(...reports.map((r) => r.phases[i]?.ms ?? 0)) }));
  log(`done in ${(totalMs / 1000).toFixed(1)} s; ${dbFile} ${(dbBytes / 1e9).toFixed(2)} GB`);
  log('per phase (the slowest thread):');
  for (const p of phases) log(`  ${p.name.padEnd(28)} ${(p.ms / 1000).toFixed(1).padStart(7)} s`);
  log('rows written:');
  for (const [c, n] of Object.entries(rows).sort()) log(`  ${c.padEnd(20)} ${String(n).padStart(10)}`);
  return { dbFile, dbBytes, totalMs, phases, rows, plan: reports[0].plan };
}

/** One share in a worker thread, which compiles TypeScript the way the CLI does (tsx's CommonJS hook). */
function inWorker(options: PartOptions, log: (line: string) => void): Promise<PartReport> {
  return new Promise<PartReport>((resolveReport, reject) => {
    const worker = new Worker(
      `require(${JSON.stringify(require.resolve('tsx/cjs/api'))}).register(); require(${JSON.stringify(join(__dirname, 'part-worker.ts'))});`,
      { eval: true, workerData: options },
    );
    worker.on('message', (m: { log?: string; done?: PartReport; error?: string }) => {
      if (m.log) log(m.log);
      if (m.done) resolveReport(m.done);
      if (m.error) reject(new Error(m.error));
    });
    worker.on('error', reject);
    worker.on('exit', (code) => {
      if (code !== 0) reject(new Error(`part ${options.part} exited with ${code}`));
    });
  });
}
