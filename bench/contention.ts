/**
 * `npm run bench -- contention` (issue 17): the claim storm on a store where concurrent writers
 * really conflict — PostgreSQL at REPEATABLE READ, 4 connection pools standing for 4 host
 * processes, CloudBase's retry policy (3 immediate re-runs, then BUSY). 1,000 registered
 * claimants of one county claim at once; the write-set recorder says which documents the storm's
 * transactions fight over (`hottestDocShare`), how many answered BUSY, and what a claim costs in
 * reads and writes. Correctness: none oversold, the ledger verifies, reconcile is clean.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openLocalRuntime } from '../cloudfunctions/gateway/local-runtime';
import { register } from '../cloudfunctions/services/account';
import { reconcile } from '../cloudfunctions/services/audit';
import { verifyAllChains } from '../cloudfunctions/services/books/ledger';
import type { Deps } from '../cloudfunctions/services/kernel/deps';
import { claimVoucher, setCountyQuota } from '../cloudfunctions/services/voucher';
import { PgStore } from '../cloudfunctions/store/pg-store';
import { type Store, type Tx, isStoreError, where } from '../cloudfunctions/store/port';
import { startTestPostgres } from '../scripts/postgres';
import { idNumberAged } from '../tests/support/id-numbers';
import { RecordingStore } from './recording-store';
import type { BenchResult } from './result';

const CLAIMANTS = Number(process.env.BENCH_CLAIMANTS ?? 1_000);
const PROCESSES = 4;
const COUNTY = '141124';
const TOWNSHIP = '141124100';
const NOW = '2026-03-02T02:00:00.000Z';

/** Transactions spread over several pools, as several host processes would send them. */
class Processes implements Store {
  private next = 0;
  constructor(private readonly stores: PgStore[]) {}
  transaction<R>(fn: (tx: Tx) => Promise<R>): Promise<R> {
    return this.stores[this.next++ % this.stores.length].transaction(fn);
  }
  get: Store['get'] = (c, id) => this.stores[0].get(c, id);
  find: Store['find'] = (c, f, o) => this.stores[0].find(c, f, o);
  count: Store['count'] = (c, f) => this.stores[0].count(c, f);
  async close(): Promise<void> {
    for (const s of this.stores) await s.close();
  }
}

export async function contentionBench(): Promise<BenchResult> {
  const postgres = startTestPostgres(55_900);
  if (!postgres) return { name: 'contention', ok: false, error: 'PostgreSQL is not installed (apt-get install postgresql)' };
  const dataDir = mkdtempSync(join(tmpdir(), 'czt-bench-contention-'));
  try {
    const runtime = await openLocalRuntime({ dataDir, devNow: NOW, databaseUrl: postgres.url });
    const t0 = Date.now();
    const openids: string[] = [];
    for (let i = 0; i < CLAIMANTS; i++) {
      const openid = `test-storm-${i}`;
      await register(runtime.deps, { openid, requestId: `reg-${openid}` }, { name: '测试', idNumber: idNumberAged(20 + (i % 25), runtime.clock.now(), { region: COUNTY }), townshipCode: TOWNSHIP });
      openids.push(openid);
    }
    await setCountyQuota(runtime.deps, { openid: 'dev-openid-official-lvliang', requestId: 'storm-quota' }, { type: 'skills', countyCode: COUNTY, year: 2026, limit: CLAIMANTS });
    console.log(`  setup: ${CLAIMANTS} claimants registered in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

    const pools = Array.from({ length: PROCESSES }, () => new PgStore({ connectionString: postgres.url, conflictRetries: 3, maxConnections: 10 }));
    const recorder = new RecordingStore(new Processes(pools));
    const deps: Deps = { ...runtime.deps, store: recorder };
    const started = process.hrtime.bigint();
    const answers = await Promise.all(
      openids.map((openid, i) =>
        claimVoucher(deps, { openid, requestId: `storm-${i}` }, { type: 'skills' }).then(
          () => 'ok',
          (e: unknown) => (isStoreError(e, 'BUSY') ? 'BUSY' : String((e as { code?: string }).code ?? e)),
        ),
      ),
    );
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const ok = answers.filter((a) => a === 'ok').length;
    const busy = answers.filter((a) => a === 'BUSY').length;
    const claims = recorder.committed.filter((r) => r.writes.some((w) => w.startsWith('vouchers/')));
    const perClaim = claims.length ? { reads: avg(claims.map((r) => r.reads.length)), writes: avg(claims.map((r) => r.writes.length)) } : null;
    const vouchers = await runtime.deps.store.count('vouchers', where('countyCode', 'eq', COUNTY));
    const broken = (await verifyAllChains(runtime.deps.store)).filter((r) => r.broken).length;
    const differences = (await reconcile(runtime.deps.store)).differences.length;
    await recorder.close();
    await runtime.close();
    const storm = {
      design: 'today: one ledger head, one yearly summary, one counter per cell and one quota per county',
      claimants: CLAIMANTS,
      processes: PROCESSES,
      busyRate: Number((busy / CLAIMANTS).toFixed(4)),
      throughputPerSecond: Math.round(ok / seconds),
      hottestDocShare: recorder.hottest(1)[0]?.share ?? 0,
      hottestDocs: recorder.hottest(6),
      conflicts: pools.reduce((n, p) => n + p.stats.conflicts, 0),
      operationsPerClaim: perClaim,
      refusals: Object.fromEntries([...new Set(answers)].filter((a) => a !== 'ok').map((a) => [a, answers.filter((x) => x === a).length])),
    };
    return { name: 'contention', ok: vouchers <= CLAIMANTS && broken === 0 && differences === 0, oversold: Math.max(0, vouchers - CLAIMANTS), broken, differences, claimStorm: storm };
  } finally {
    postgres.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const avg = (xs: number[]) => Number((xs.reduce((a, b) => a + b, 0) / xs.length).toFixed(1));
