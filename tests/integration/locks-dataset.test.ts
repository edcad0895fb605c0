/**
 * Issue 18, the Lüliang load: another connection holds the database's write lock (BEGIN
 * IMMEDIATE) for longer than SQLite's old busy timeout and the store's own wait for a
 * transaction, while the loader writes. The load waits for it and succeeds: reconcile clean,
 * every chain verified, the totals exact.
 *
 * Deterministic: the lock is taken when the loader announces the registrations (before its first
 * bulk write) and released by a timer the test owns, after HOLD_MS.
 */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openLocalRuntime } from '../../cloudfunctions/gateway/local-runtime';
import { reconcile } from '../../cloudfunctions/services/audit';
import { verifyAllChains } from '../../cloudfunctions/services/books/ledger';
import { LOCK_WAIT_MS } from '../../cloudfunctions/store/sqlite-store';
import { generateLvliang } from '../../scripts/dataset/generate';
import { CITY, YEAR, targetsOf } from '../../scripts/dataset/plan';
import { cityYearTotals, dashboardPart } from '../../scripts/dataset/totals';

const SCALE = 0.01;
/** Longer than SQLite's old busy timeout (5 s) and than the store's wait for a transaction (LOCK_WAIT_MS, 10 s). */
const HOLD_MS = 12_000;

describe('issue 18: the Lüliang load while another connection holds the write lock', () => {
  const dir = mkdtempSync(join(tmpdir(), 'czt-locks-dataset-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('waits for the lock and loads 1/100 of 2021 with clean reconcile and verified chains', async () => {
    let holder: Database.Database | null = null;
    let heldFor = 0;
    let released: Promise<void> = Promise.resolve();
    const log = (line: string) => {
      if (holder || !line.includes('registering laborers')) return;
      holder = new Database(join(dir, 'chizhengtong.db'));
      holder.exec('BEGIN IMMEDIATE');
      const took = performance.now();
      released = new Promise((resolve) =>
        setTimeout(() => {
          heldFor = performance.now() - took;
          holder!.exec('COMMIT');
          holder!.close();
          resolve();
        }, HOLD_MS),
      );
    };
    const report = await generateLvliang({ dataDir: dir, scale: SCALE, seed: 2021, threads: 1, log });
    await released;
    expect(holder).not.toBeNull();
    expect(heldFor).toBeGreaterThanOrEqual(HOLD_MS);
    expect(HOLD_MS).toBeGreaterThan(LOCK_WAIT_MS);
    const t = targetsOf(SCALE);
    expect(report.rows.persons).toBe(t.persons);

    const runtime = await openLocalRuntime({ dataDir: dir, env: {} });
    try {
      const { differences, checked } = await reconcile(runtime.deps.store);
      expect(differences).toEqual([]);
      expect(checked.vouchers).toBe(t.vouchersTotal);
      const chains = await verifyAllChains(runtime.deps.store);
      expect(chains.filter((c) => c.broken !== null)).toEqual([]);
      // The 13 Lüliang counties' chains (the demo seed may write others, e.g. the city's own).
      expect(chains.filter((c) => c.countyCode.startsWith('1411') && c.countyCode !== CITY)).toHaveLength(13);
      const { dashboard } = await cityYearTotals(runtime.deps.store, CITY, YEAR);
      expect(dashboard).toEqual(dashboardPart(t));
    } finally {
      await runtime.close();
    }
  }, 90_000);
});
