/**
 * Package sizes of the WeChat build (dist/weapp, after `taro build --type weapp`): the main
 * package and each subpackage declared in app.json, checked against this project's budgets
 * (main ≤ 1 MB, each subpackage ≤ 500 KB; WeChat's own limit is 2 MB each).
 *
 * Prints a table, then one JSON line: {"mainBytes": n, "subpackages": {"trainer": n, ...}}.
 * Exits 1 when a budget is exceeded (after printing) or when the build is missing.
 *
 * Run: `npx tsx scripts/size.ts [dir]` (npm run size).
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

export const MAIN_BUDGET_BYTES = 1_048_576;
export const SUBPACKAGE_BUDGET_BYTES = 512_000;

export interface WeappSizes {
  mainBytes: number;
  /** Keyed by the last path segment of the subpackage root (`packages/trainer` → `trainer`). */
  subpackages: Record<string, number>;
}

interface AppJson {
  subPackages?: { root: string }[];
  subpackages?: { root: string }[];
}

const toPosix = (p: string) => p.split(path.sep).join('/');
const trimSlashes = (p: string) => p.replace(/^\.?\/+/, '').replace(/\/+$/, '');

function listFiles(dir: string, base = dir, out: { rel: string; bytes: number }[] = []) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) listFiles(full, base, out);
    else if (entry.isFile()) out.push({ rel: toPosix(path.relative(base, full)), bytes: statSync(full).size });
  }
  return out;
}

/** Measures a weapp build directory: bytes of the main package and of each subpackage. */
export function measureWeapp(dir: string): WeappSizes {
  const appJsonPath = path.join(dir, 'app.json');
  if (!existsSync(appJsonPath)) throw new Error(`${appJsonPath} not found`);
  const app = JSON.parse(readFileSync(appJsonPath, 'utf8')) as AppJson;
  const roots = [...(app.subPackages ?? []), ...(app.subpackages ?? [])]
    .map((p) => trimSlashes(p.root))
    .filter((root) => root.length > 0);

  const subpackages: Record<string, number> = {};
  for (const root of roots) subpackages[path.posix.basename(root)] = 0;
  // Longest root first, so nested roots (unusual, but legal on disk) claim their own files.
  const byLength = [...roots].sort((a, b) => b.length - a.length);

  let mainBytes = 0;
  for (const file of listFiles(dir)) {
    const root = byLength.find((r) => file.rel === r || file.rel.startsWith(`${r}/`));
    if (root === undefined) mainBytes += file.bytes;
    else subpackages[path.posix.basename(root)] += file.bytes;
  }
  return { mainBytes, subpackages };
}

/** Budget violations, as readable lines (empty when everything fits). */
export function overBudget(sizes: WeappSizes): string[] {
  const problems: string[] = [];
  if (sizes.mainBytes > MAIN_BUDGET_BYTES) {
    problems.push(`main package is ${kb(sizes.mainBytes)} KB, over the ${kb(MAIN_BUDGET_BYTES)} KB budget`);
  }
  for (const [name, bytes] of Object.entries(sizes.subpackages)) {
    if (bytes > SUBPACKAGE_BUDGET_BYTES) {
      problems.push(`subpackage ${name} is ${kb(bytes)} KB, over the ${kb(SUBPACKAGE_BUDGET_BYTES)} KB budget`);
    }
  }
  return problems;
}

/** The machine-readable summary: `{"mainBytes": 123, "subpackages": {"trainer": 456}}`. */
export function summaryLine(sizes: WeappSizes): string {
  const subs = Object.entries(sizes.subpackages)
    .map(([name, bytes]) => `${JSON.stringify(name)}: ${bytes}`)
    .join(', ');
  return `{"mainBytes": ${sizes.mainBytes}, "subpackages": {${subs}}}`;
}

const kb = (bytes: number) => (bytes / 1024).toFixed(1);

function cli(): void {
  const [given] = parseArgs({ args: process.argv.slice(2), options: {}, strict: true, allowPositionals: true }).positionals;
  const dir = path.resolve(given ?? path.join(__dirname, '..', 'dist', 'weapp'));
  if (!existsSync(dir) || !existsSync(path.join(dir, 'app.json'))) {
    console.error('run npm run build:weapp first');
    process.exit(1);
  }
  const sizes = measureWeapp(dir);
  const rows: [string, number, number][] = [
    ['main', sizes.mainBytes, MAIN_BUDGET_BYTES],
    ...Object.entries(sizes.subpackages).map(([name, bytes]): [string, number, number] => [name, bytes, SUBPACKAGE_BUDGET_BYTES]),
  ];
  console.log(`${'package'.padEnd(14)} ${'KB'.padStart(9)} ${'budget KB'.padStart(10)}`);
  for (const [name, bytes, budget] of rows) {
    const flag = bytes > budget ? '  OVER' : '';
    console.log(`${name.padEnd(14)} ${kb(bytes).padStart(9)} ${kb(budget).padStart(10)}${flag}`);
  }
  const problems = overBudget(sizes);
  for (const problem of problems) console.error(problem);
  console.log(summaryLine(sizes));
  if (problems.length > 0) process.exit(1);
}

if (require.main === module) {
  cli();
}
