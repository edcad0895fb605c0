/**
 * Issue 6 item 5: the Lüliang 2021 dataset at 1/1000 scale, loaded into a temporary DATA_DIR:
 * reconcile finds no difference, every ledger chain verifies, and the city's 2021 totals are the
 * report's numbers scaled.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openLocalRuntime } from '../../cloudfunctions/gateway/local-runtime';
import { verifyAllChains } from '../../cloudfunctions/services/books/ledger';
import { reconcile } from '../../cloudfunctions/services/audit';
import { generateLvliang } from '../../scripts/dataset/generate';
import { CITY, YEAR, targetsOf } from '../../scripts/dataset/plan';
import { cityYearTotals } from '../../scripts/dataset/totals';

const SCALE = 0.001;

describe('dataset:lvliang at 1/1000', () => {
  const dir = mkdtempSync(join(tmpdir(), 'czt-lvliang-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('loads 2021 with clean reconcile, verified chains and exact scaled totals', async () => {
    const report = await generateLvliang({ dataDir: dir, scale: SCALE, seed: 2021, threads: 1, log: () => {} });
    const t = targetsOf(SCALE);
    expect(report.rows.persons).toBe(t.persons);

    const runtime = await openLocalRuntime({ dataDir: dir, env: {} });
    try {
      const store = runtime.deps.store;
      const { differences, checked } = await reconcile(store);
      expect(differences).toEqual([]);
      expect(checked.vouchers).toBe(t.vouchersTotal);

      const chains = await verifyAllChains(store);
      expect(chains.filter((c) => c.broken !== null)).toEqual([]);
      // One chain per Lüliang county, and the demo's own (山西省, 吕梁市 and 阳城县's, D27).
      expect(chains.filter((c) => /^1411\d\d$/.test(c.countyCode) && c.countyCode !== '141100')).toHaveLength(13);
      expect(chains.map((c) => c.countyCode).filter((code) => !/^1411\d\d$/.test(code) || code === '141100').sort()).toEqual(['140000', '140522', '141100']);

      const { metrics, dashboard } = await cityYearTotals(store, CITY, YEAR);
      expect(dashboard).toEqual({
        trainings: t.trainings,
        certificates: t.certificates,
        newSkilled: t.newSkilled,
        newHighSkilled: t.newHighSkilled,
        transfers: t.transfers,
      });
      expect(metrics.trainingsWithdrawn ?? 0).toBe(0);
      expect(metrics['vouchersClaimed.skills']).toBe(t.claimed.skills);
      expect(metrics['vouchersClaimed.evaluation']).toBe(t.claimed.evaluation);
      expect(metrics['vouchersClaimed.enterprise']).toBe(t.claimed.enterprise);
      expect((metrics['vouchersClaimed.agri'] ?? 0) + (metrics['vouchersClaimed.village'] ?? 0)).toBe(t.claimed.agri + t.claimed.village);
      const before = await cityYearTotals(store, CITY, YEAR - 1);
      expect((metrics.laborersRegistered ?? 0) + (before.metrics.laborersRegistered ?? 0)).toBe(t.persons);
      expect(metrics.certificatesRevoked ?? 0).toBe(0);
      expect(metrics.assessmentsFailed).toBeGreaterThan(0);
    } finally {
      await runtime.close();
    }
  }, 120_000);
});
