/**
 * Issue 17: the local host on PostgreSQL as 4 processes sharing one port and one database
 * (`DATABASE_URL`, `WORKERS=4`). The primary seeds it once; laborers registering and claiming at
 * once are served by all four; whoever hears 系统繁忙 (a conflict past CloudBase's retry count)
 * tries again; afterwards no quota is oversold, the ledger verifies and reconcile is clean on
 * that database.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ApiResponse, VoucherView } from '../../cloudfunctions/contract';
import { reconcile } from '../../cloudfunctions/services/audit';
import { verifyAllChains } from '../../cloudfunctions/services/books/ledger';
import { PgStore } from '../../cloudfunctions/store/pg-store';
import { where } from '../../cloudfunctions/store/port';
import { type TestPostgres, startTestPostgres } from '../../scripts/postgres';
import { ApiClient } from '../support/gateway';
import { idNumberAged } from '../support/id-numbers';
import { PRIVACY_GUIDE } from '../../cloudfunctions/core/privacy';

const postgres: TestPostgres | null = startTestPostgres(55_100 + (process.pid % 800));
if (!postgres && process.env.CI) throw new Error('PostgreSQL is not installed: the multi-process host must be tested in CI');
const maybe = postgres ? describe : describe.skip;

let host: ChildProcess;
let url = '';
let store: PgStore;
const dataDir = mkdtempSync(join(tmpdir(), 'czt-pg-host-'));

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });

beforeAll(async () => {
  if (!postgres) return;
  const port = await freePort();
  url = `http://127.0.0.1:${port}`;
  host = spawn(process.execPath, [require.resolve('tsx/cli'), 'cloudfunctions/gateway/main.ts', '--dev'], {
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: postgres.url, WORKERS: '4', PORT: String(port), DEV_NOW: '2026-03-02T02:00:00.000Z' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`host did not start: ${out}`)), 150_000);
    const read = (chunk: Buffer) => {
      out += chunk.toString();
      if ((out.match(/local host ready/g) ?? []).length === 4) {
        clearTimeout(timer);
        resolve();
      }
    };
    host.stdout!.on('data', read);
    host.stderr!.on('data', read);
  });
  store = new PgStore({ connectionString: postgres.url });
}, 180_000);

afterAll(async () => {
  if (host) {
    host.kill('SIGTERM');
    await new Promise((r) => host.once('exit', r));
  }
  await store?.close();
  postgres?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Until it is not BUSY: what a person does after 系统繁忙, 重试. */
async function untilServed<T>(call: () => Promise<ApiResponse<T>>): Promise<{ answer: ApiResponse<T>; busy: number }> {
  let busy = 0;
  for (;;) {
    const answer = await call();
    if (answer.ok || answer.code !== 'BUSY') return { answer, busy };
    busy++;
  }
}

maybe('the host on PostgreSQL, 4 processes', () => {
  it('serves 60 laborers registering and claiming at once: none oversold, the ledger verifies, reconcile is clean', async () => {
    const on = new Date('2026-03-02T02:00:00.000Z');
    const results = await Promise.all(
      Array.from({ length: 60 }, async (_, i) => {
        const client = new ApiClient(url);
        await client.login(`test-pg-${i}`);
        const idNumber = idNumberAged(30 + (i % 10), on, { region: '141127' });
        await untilServed(() => client.call('privacy', 'agree', { version: PRIVACY_GUIDE.version }, `agree-${i}`)); // R14.1
        const reg = await untilServed(() => client.call('account', 'register', { name: '测试人员', idNumber, townshipCode: '141127101' }, `reg-${i}`));
        expect(reg.answer.ok).toBe(true);
        const claim = await untilServed(() => client.call<VoucherView>('voucher', 'claim', { type: 'skills' }, `claim-${i}`));
        expect(claim.answer.ok).toBe(true);
        return reg.busy + claim.busy;
      }),
    );
    const busy = results.reduce((a, b) => a + b, 0);
    console.info(`PostgreSQL, 4 processes: 120 requests, ${busy} answered BUSY and tried again`);
    expect(await store.count('vouchers', where('type', 'eq', 'skills'))).toBeGreaterThanOrEqual(60);
    const quota = (await store.find<{ _id: string; used: number; limit: number }>('quotas', where('countyCode', 'eq', '141127'))).items.find((q) => q._id.includes('skills'))!;
    expect(quota.used).toBeLessThanOrEqual(quota.limit);
    expect((await verifyAllChains(store)).filter((r) => r.broken)).toEqual([]);
    expect((await reconcile(store)).differences).toEqual([]);
  }, 240_000);
});
