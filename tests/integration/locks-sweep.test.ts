/**
 * Issue 18, two writers of one local database: `npm run sweep` (its own process) runs while the
 * local host (its own process, a DATA_DIR on disk) answers 2,000 concurrent claims. Both finish,
 * neither says "database is locked" anywhere (output or logs), every claim is answered ok or
 * with a clean refusal, and the books reconcile. The sweep names the host it shares the file
 * with; the dataset load, which would replace the file, refuses while the host runs.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openLocalRuntime } from '../../cloudfunctions/gateway/local-runtime';
import { register } from '../../cloudfunctions/services/account';
import { agreeToGuide } from '../../cloudfunctions/services/privacy';
import { PRIVACY_GUIDE } from '../../cloudfunctions/core/privacy';
import { reconcile } from '../../cloudfunctions/services/audit';
import { verifyAllChains } from '../../cloudfunctions/services/books/ledger';
import { claimVoucher } from '../../cloudfunctions/services/voucher';
import { where } from '../../cloudfunctions/store/port';
import { loader } from '../../bench/http-load';
import { HostServesDataDir, generateLvliang } from '../../scripts/dataset/generate';
import { idNumberAged } from '../support/id-numbers';

const ROOT = join(__dirname, '..', '..');
const CLAIMANTS = 2_000;
/** Vouchers claimed at setup that the sweep, 120 days on, expires while the storm runs. */
const EXPIRING = 1_000;
const COUNTY = '141124';
const TOWNSHIP = '141124100';
const NOW = '2026-03-02T02:00:00.000Z';
const SWEEP_NOW = '2026-06-30T02:00:00.000Z';
const LOCKED = /database is locked|SQLITE_BUSY/i;

interface Child {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function run(args: string[], env: Record<string, string>): Child {
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

const until = async (what: string, ok: () => boolean, ms: number) => {
  const started = performance.now();
  while (!ok()) {
    if (performance.now() - started > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe('issue 18: sweep in a second process while the local host answers 2,000 concurrent claims', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'czt-locks-sweep-'));
  let host: Child;
  let url: string;
  afterAll(async () => {
    if (host && host.child.exitCode === null) {
      host.child.kill('SIGTERM');
      await host.exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  beforeAll(async () => {
    // Setup through the use cases: the claimants, and vouchers the sweep will find expired.
    const setup = await openLocalRuntime({ dataDir, devNow: NOW });
    const now = setup.clock.now();
    for (let i = 0; i < CLAIMANTS + EXPIRING; i++) {
      const openid = `test-locks-${i}`;
      await agreeToGuide(setup.deps, { openid, requestId: `agree-${i}` }, { version: PRIVACY_GUIDE.version }); // R14.1
      await register(setup.deps, { openid, requestId: `reg-${i}` }, { name: '测试', idNumber: idNumberAged(20 + (i % 25), now, { region: COUNTY }), townshipCode: TOWNSHIP });
    }
    for (let i = CLAIMANTS; i < CLAIMANTS + EXPIRING; i++) {
      await claimVoucher(setup.deps, { openid: `test-locks-${i}`, requestId: `early-${i}` }, { type: 'skills' });
    }
    await setup.close();
    host = run([join('cloudfunctions', 'gateway', 'main.ts'), '--dev'], { DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', H5_DIR: join(dataDir, 'no-h5'), DEV_NOW: NOW });
    await until('the host', () => /App:\s+(http:\S+?)\/?\s/.test(host.output()), 30_000);
    url = /App:\s+(http:\S+?)\/?\s/.exec(host.output())![1];
  }, 60_000);

  it('both finish, nobody hears “database is locked”, every claim is answered, the books reconcile', async () => {
    const http = loader(url);
    const cookies = await Promise.all(
      Array.from({ length: CLAIMANTS }, async (_, i) => (await http.post('/dev/login', { openid: `test-locks-${i}` })).setCookie as string),
    );
    const sweep = run([join('cloudfunctions', 'gateway', 'cli', 'sweep.ts')], { DATA_DIR: dataDir, DEV_NOW: SWEEP_NOW });
    // The storm starts once the sweep has found the host (and opens the database right after).
    await until('the sweep to start', () => sweep.output().includes('shares the database'), 30_000);
    const answers = await Promise.all(
      cookies.map((cookie, i) => http.post<{ ok: boolean; code?: string; message?: string }>('/api/voucher', { action: 'claim', payload: { type: 'skills' }, requestId: `storm-${i}` }, cookie)),
    );
    const sweepCode = await sweep.exited;
    http.close();

    expect(sweep.output()).toMatch(/the local host \(pid \d+, http:\/\/127\.0\.0\.1:\d+/);
    expect(sweepCode).toBe(0);
    const expired = Number(/expired (\d+) voucher/.exec(sweep.output())?.[1] ?? -1);
    expect(expired).toBeGreaterThanOrEqual(EXPIRING);
    const refused = answers.filter((a) => !a.body.ok).map((a) => a.body.code);
    expect(refused.filter((c) => c === 'INTERNAL')).toEqual([]);
    expect(answers.filter((a) => a.body.ok).length + refused.length).toBe(CLAIMANTS);
    expect(answers.filter((a) => a.body.ok).length).toBeGreaterThan(0);
    for (const a of answers) expect(a.body.message ?? '').not.toMatch(LOCKED);
    expect(sweep.output()).not.toMatch(LOCKED);
    expect(host.output()).not.toMatch(LOCKED);
  }, 60_000);

  it('the dataset load refuses to replace the database the host serves, naming the host', async () => {
    await expect(generateLvliang({ dataDir, scale: 0.001, threads: 1, log: () => {} })).rejects.toThrow(HostServesDataDir);
    await expect(generateLvliang({ dataDir, scale: 0.001, threads: 1, log: () => {} })).rejects.toThrow(/the local host \(pid \d+/);
  });

  it('after the host stops: no “database is locked” in its logs, reconcile clean, chains verified', async () => {
    host.child.kill('SIGTERM');
    expect(await host.exited).toBe(0);
    expect(existsSync(join(dataDir, 'host.json'))).toBe(false);
    for (const f of readdirSync(join(dataDir, 'logs'))) expect(readFileSync(join(dataDir, 'logs', f), 'utf8')).not.toMatch(LOCKED);
    const check = await openLocalRuntime({ dataDir, devNow: NOW });
    try {
      const store = check.deps.store;
      expect(await store.count('vouchers', where('countyCode', 'eq', COUNTY))).toBeGreaterThanOrEqual(EXPIRING);
      const { differences } = await reconcile(store);
      expect(differences).toEqual([]);
      expect((await verifyAllChains(store)).filter((c) => c.broken !== null)).toEqual([]);
    } finally {
      await check.close();
    }
  }, 60_000);
});
