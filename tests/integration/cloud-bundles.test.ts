/**
 * The cloud bundles in dist/cloudfunctions, as CloudBase will load them: one per function,
 * quiet to load (no network, no lingering timer), free of local-only code, and refusing a caller
 * without a WeChat identity. Each bundle runs in a child `node` with a preload that records and
 * refuses every network attempt (tests/integration/support/no-network.cjs).
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
const SOURCE_DIR = path.join(ROOT, 'cloudfunctions', 'functions');
const DIST_DIR = path.join(ROOT, 'dist', 'cloudfunctions');
const PRELOAD = path.join(__dirname, 'support', 'no-network.cjs');
const CHILD_TIMEOUT_MS = 5000;

/** Function names: directories under cloudfunctions/functions with an index.ts. */
const FUNCTIONS = readdirSync(SOURCE_DIR)
  .filter((name) => statSync(path.join(SOURCE_DIR, name)).isDirectory())
  .filter((name) => existsSync(path.join(SOURCE_DIR, name, 'index.ts')))
  .sort();

const bundlePath = (name: string) => path.join(DIST_DIR, name, 'index.js');

interface ChildRun {
  status: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  elapsedMs: number;
  stdout: string;
  stderr: string;
  attempts: unknown[] | null;
  results: unknown[];
}

/** The environment of a cloud call with no WeChat user: secrets set, no platform context. */
function childEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^(WX_|TCB_|TENCENTCLOUD_|SCF_)/.test(key) || key === 'TRIGGER_SRC' || key === 'LOGINTYPE') continue;
    env[key] = value;
  }
  env.ID_ENC_KEY = randomBytes(32).toString('base64');
  env.ID_HASH_KEY = randomBytes(32).toString('base64');
  return env;
}

/** Runs `script` in a child node with the no-network preload; `BUNDLE` is the bundle's path. */
function runChild(bundle: string, script: string): ChildRun {
  const started = Date.now();
  const res = spawnSync(process.execPath, ['-r', PRELOAD, '-e', `const BUNDLE = ${JSON.stringify(bundle)};\n${script}`], {
    cwd: ROOT,
    env: childEnv(),
    encoding: 'utf8',
    timeout: CHILD_TIMEOUT_MS,
    killSignal: 'SIGKILL',
  });
  const stdout = res.stdout ?? '';
  const lines = stdout.split('\n');
  const attemptsLine = lines.find((l) => l.startsWith('NETWORK_ATTEMPTS '));
  return {
    status: res.status,
    signal: res.signal,
    timedOut: (res.error as NodeJS.ErrnoException | undefined)?.code === 'ETIMEDOUT',
    elapsedMs: Date.now() - started,
    stdout,
    stderr: res.stderr ?? '',
    attempts: attemptsLine ? (JSON.parse(attemptsLine.slice('NETWORK_ATTEMPTS '.length)) as unknown[]) : null,
    results: lines.filter((l) => l.startsWith('RESULT ')).map((l) => JSON.parse(l.slice('RESULT '.length)) as unknown),
  };
}

function expectCleanExit(run: ChildRun): void {
  // The details make a failure readable: what the child printed and which hosts it tried.
  expect({ timedOut: run.timedOut, signal: run.signal, status: run.status, stderr: run.stderr }).toEqual({
    timedOut: false,
    signal: null,
    status: 0,
    stderr: expect.any(String),
  });
  expect(run.elapsedMs).toBeLessThan(CHILD_TIMEOUT_MS);
  expect(run.attempts).toEqual([]);
}

beforeAll(() => {
  if (FUNCTIONS.every((name) => existsSync(bundlePath(name)))) return;
  const res = spawnSync('npx', ['tsx', 'scripts/build-functions.ts'], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (res.status !== 0) {
    throw new Error(`building the cloud functions failed:\n${res.stdout ?? ''}\n${res.stderr ?? ''}`);
  }
}, 120_000);

test('every function directory with an index.ts is deployable', () => {
  expect(FUNCTIONS.length).toBeGreaterThan(0);
});

describe.each(FUNCTIONS)('the %s bundle', (name) => {
  test('ships as index.js with a package.json pinning the CloudBase SDK and the function config.json', () => {
    const dir = path.join(DIST_DIR, name);
    for (const file of ['index.js', 'package.json', 'config.json']) {
      expect(existsSync(path.join(dir, file))).toBe(true);
    }
    const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
    const sdk = JSON.parse(readFileSync(path.join(ROOT, 'node_modules', '@cloudbase', 'node-sdk', 'package.json'), 'utf8'));
    expect(pkg).toMatchObject({ name, main: 'index.js', dependencies: { '@cloudbase/node-sdk': sdk.version } });
    const sourceConfig = path.join(SOURCE_DIR, name, 'config.json');
    if (existsSync(sourceConfig)) {
      expect(JSON.parse(readFileSync(path.join(dir, 'config.json'), 'utf8'))).toEqual(
        JSON.parse(readFileSync(sourceConfig, 'utf8')),
      );
    }
  });

  test('loads without touching the network and lets the process exit on its own', () => {
    const run = runChild(
      bundlePath(name),
      `const mod = require(BUNDLE);
       if (typeof mod.main !== 'function') { console.error('main is not a function'); process.exitCode = 2; }
       setTimeout(() => {}, 200);`,
    );
    expectCleanExit(run);
  });

  test('contains no dev login, persona, pretend face check or embedded-database code', () => {
    const text = readFileSync(bundlePath(name), 'utf8');
    // R14.3 the pretend face check's route and page mark, beside the dev login's.
    for (const needle of ['/dev/login', '/dev/face', 'pretend-face-check', 'better-sqlite3', 'dev-openid', 'fastify']) {
      expect({ needle, found: text.includes(needle) }).toEqual({ needle, found: false });
    }
  });
});

describe('R14.3 the WeChat face check in the bundles', () => {
  test('only the privacy function calls WeChat’s 人脸核身 (with the access token); no other bundle carries it', () => {
    const carrying = FUNCTIONS.filter((name) => readFileSync(bundlePath(name), 'utf8').includes('/cityservice/face/identify/'));
    expect(carrying).toEqual(FUNCTIONS.includes('privacy') ? ['privacy'] : []);
  });
});

describe('the account function in its bundle', () => {
  const hasAccount = FUNCTIONS.includes('account');

  (hasAccount ? test : test.skip)(
    'answers whoami without a WeChat caller with UNAUTHENTICATED, offline',
    () => {
      const run = runChild(
        bundlePath('account'),
        `const { main } = require(BUNDLE);
         (async () => {
           // No context at all, then a platform context that carries no WeChat user.
           for (const context of [undefined, { request_id: 'test-request', environ: '' }]) {
             const answer = await main({ action: 'whoami' }, context);
             process.stdout.write('RESULT ' + JSON.stringify(answer) + '\\n');
           }
         })().catch((error) => { console.error(error); process.exitCode = 3; });`,
      );
      expectCleanExit(run);
      expect(run.results).toHaveLength(2);
      for (const answer of run.results) {
        expect(answer).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
      }
    },
  );

  (hasAccount ? test : test.skip)('ignores an openid smuggled in the event', () => {
    const run = runChild(
      bundlePath('account'),
      `const { main } = require(BUNDLE);
       main({ action: 'whoami', openid: 'someone-else', payload: { openid: 'someone-else' } }, undefined)
         .then((answer) => process.stdout.write('RESULT ' + JSON.stringify(answer) + '\\n'))
         .catch((error) => { console.error(error); process.exitCode = 3; });`,
    );
    expectCleanExit(run);
    expect(run.results).toEqual([expect.objectContaining({ ok: false, code: 'UNAUTHENTICATED' })]);
  });
});
