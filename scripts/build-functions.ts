/**
 * Bundles every cloud function for CloudBase: for each `cloudfunctions/functions/<name>/index.ts`,
 * writes `dist/cloudfunctions/<name>/{index.js, package.json, config.json}`.
 *
 * - one self-contained CommonJS file per function (esbuild, node 18), JSON data inlined;
 * - `@cloudbase/node-sdk` stays external: the runtime installs it from package.json
 *   (`installDependency: true`), pinned to the version in node_modules;
 * - fails (exit 1) when a bundle carries local-only code: the dev login, personas, the embedded
 *   store (better-sqlite3) or the gateway (fastify). Those must never ship to the cloud.
 *
 * Run: `npx tsx scripts/build-functions.ts` (npm run build:functions).
 */
import { build, type Metafile } from 'esbuild';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..');
const FUNCTIONS_DIR = path.join(ROOT, 'cloudfunctions', 'functions');
export const OUT_DIR = path.join(ROOT, 'dist', 'cloudfunctions');
const SDK = '@cloudbase/node-sdk';
/** The WeChat server SDK, for cloud calls (subscription messages): a dependency of the functions that use it. */
const WX_SDK = 'wx-server-sdk';

/** Text that must not appear in a cloud bundle. */
export const FORBIDDEN_TEXT = ['better-sqlite3', 'fastify', '/dev/login', 'dev-openid'];

/** Source paths (relative to the repo, forward slashes) that must not be bundled. */
const FORBIDDEN_INPUTS: { pattern: RegExp; what: string }[] = [
  { pattern: /(^|\/)cloudfunctions\/gateway\//, what: 'local gateway code' },
  { pattern: /(^|\/)cloudfunctions\/store\/sqlite-store(\.ts)?$/, what: 'the embedded store' },
  { pattern: /(^|\/)node_modules\/better-sqlite3\//, what: 'better-sqlite3' },
  { pattern: /(^|\/)node_modules\/(@fastify\/[^/]+|fastify)\//, what: 'fastify' },
];

export interface BuiltFunction {
  name: string;
  bytes: number;
  problems: string[];
}

/** Function names: directories under cloudfunctions/functions that have an index.ts. */
export function functionNames(dir = FUNCTIONS_DIR): string[] {
  return readdirSync(dir)
    .filter((name) => statSync(path.join(dir, name)).isDirectory() && existsSync(path.join(dir, name, 'index.ts')))
    .sort();
}

function installedVersion(name: string): string {
  const pkg = JSON.parse(readFileSync(path.join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

const sdkVersion = (): string => installedVersion(SDK);

export function problemsOf(text: string, metafile: Metafile): string[] {
  const problems: string[] = [];
  for (const needle of FORBIDDEN_TEXT) {
    if (text.includes(needle)) problems.push(`output contains "${needle}"`);
  }
  for (const input of Object.keys(metafile.inputs)) {
    const normalized = input.split(path.sep).join('/');
    for (const { pattern, what } of FORBIDDEN_INPUTS) {
      if (pattern.test(normalized)) problems.push(`bundles ${what} (${normalized})`);
    }
  }
  return problems;
}

async function buildOne(name: string, version: string): Promise<BuiltFunction> {
  const srcDir = path.join(FUNCTIONS_DIR, name);
  const outDir = path.join(OUT_DIR, name);
  mkdirSync(outDir, { recursive: true });
  const outfile = path.join(outDir, 'index.js');
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: [path.join(srcDir, 'index.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node18',
    format: 'cjs',
    minify: true, // zod is most of a bundle; minified keeps cold starts short
    sourcemap: false,
    legalComments: 'none',
    external: [SDK, WX_SDK],
    loader: { '.json': 'json' },
    metafile: true,
    logLevel: 'warning',
  });
  const text = readFileSync(outfile, 'utf8');

  const pkg = {
    name,
    version: '1.0.0',
    private: true,
    main: 'index.js',
    dependencies: {
      [SDK]: version,
      ...(/require\(["']wx-server-sdk["']\)/.test(text) ? { [WX_SDK]: installedVersion(WX_SDK) } : {}),
    },
  };
  writeFileSync(path.join(outDir, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);

  const configPath = path.join(srcDir, 'config.json');
  const config = existsSync(configPath) ? readFileSync(configPath, 'utf8') : '{}\n';
  JSON.parse(config); // fail early on a broken config.json
  writeFileSync(path.join(outDir, 'config.json'), config);

  return { name, bytes: Buffer.byteLength(text), problems: problemsOf(text, result.metafile) };
}

/** Warns when a function is missing from cloudbaserc.json (the CLI deploys only what it lists). */
function checkCloudbaserc(names: string[]): void {
  const rcPath = path.join(ROOT, 'cloudbaserc.json');
  if (!existsSync(rcPath)) return;
  const rc = JSON.parse(readFileSync(rcPath, 'utf8')) as { functions?: { name: string }[] };
  const listed = new Set((rc.functions ?? []).map((f) => f.name));
  for (const name of names) {
    if (!listed.has(name)) console.warn(`warning: ${name} is not listed in cloudbaserc.json (tcb will not deploy it)`);
  }
}

export async function buildFunctions(): Promise<BuiltFunction[]> {
  rmSync(OUT_DIR, { recursive: true, force: true });
  mkdirSync(OUT_DIR, { recursive: true });
  const version = sdkVersion();
  const names = functionNames();
  if (names.length === 0) throw new Error(`no functions found under ${path.relative(ROOT, FUNCTIONS_DIR)}`);
  const built: BuiltFunction[] = [];
  for (const name of names) built.push(await buildOne(name, version));
  checkCloudbaserc(names);
  return built;
}

async function cli(): Promise<void> {
  const started = Date.now();
  let built: BuiltFunction[];
  try {
    built = await buildFunctions();
  } catch (error) {
    console.error(`build failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
  let failed = false;
  for (const fn of built) {
    console.log(`${fn.name.padEnd(14)} ${(fn.bytes / 1024).toFixed(1).padStart(8)} KB  dist/cloudfunctions/${fn.name}/index.js`);
    for (const problem of fn.problems) {
      console.error(`  ✗ ${fn.name}: ${problem} — local-only code must not ship to the cloud`);
      failed = true;
    }
  }
  console.log(`built ${built.length} function(s) in ${((Date.now() - started) / 1000).toFixed(2)} s`);
  if (failed) process.exit(1);
}

if (require.main === module) {
  void cli();
}
