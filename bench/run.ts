/**
 * `npm run bench [-- name …]`: runs the named benchmarks (all when none is named), prints each
 * result and writes bench/results/<name>.json. Budgets are reported, not asserted: a benchmark
 * exits non-zero only when a correctness figure (oversold, duplicates, …) is wrong.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { claimsBench } from './claims';
import { contentionBench } from './contention';
import { dashboardBench } from './dashboard';
import { datesBench } from './dates';
import { exportBench } from './export';
import { scansBench } from './scans';

import type { BenchResult } from './result';

const BENCHES: Record<string, () => Promise<BenchResult>> = {
  claims: claimsBench,
  scans: scansBench,
  dashboard: dashboardBench,
  export: exportBench,
  dates: datesBench,
  contention: contentionBench,
};

async function main() {
  let names: string[];
  try {
    names = parseArgs({ args: process.argv.slice(2), options: {}, strict: true, allowPositionals: true }).positionals;
  } catch (error) {
    console.error(`bench: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  }
  const unknown = names.filter((n) => !BENCHES[n]);
  if (unknown.length) {
    console.error(`unknown benchmark(s): ${unknown.join(', ')}; known: ${Object.keys(BENCHES).join(', ')}`);
    process.exit(2);
  }
  const dir = join(__dirname, 'results');
  mkdirSync(dir, { recursive: true });
  const machine = { node: process.version, cpus: cpus().length, cpuModel: cpus()[0]?.model, memoryGiB: Math.round(totalmem() / 2 ** 30) };
  let failed = 0;
  for (const name of names.length ? names : Object.keys(BENCHES)) {
    console.log(`▶ ${name}`);
    const result = { ...(await BENCHES[name]()), machine, at: new Date().toISOString() };
    writeFileSync(join(dir, `${name}.json`), `${JSON.stringify(result, null, 2)}\n`);
    console.log(JSON.stringify(result, null, 2));
    if (!result.ok) failed++;
  }
  process.exit(failed ? 1 : 0);
}

void main();
