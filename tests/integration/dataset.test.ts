/**
 * Issue 6 item 5: the Lüliang 2021 dataset at 1/1000 scale, loaded into a temporary DATA_DIR:
 * reconcile finds no difference, every ledger chain verifies, the city's 2021 totals are the
 * report's numbers scaled, and the usage figures (R12.3) agree with the vouchers.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openLocalRuntime } from '../../cloudfunctions/gateway/local-runtime';
import { verifyAllChains } from '../../cloudfunctions/services/books/ledger';
import { reconcile } from '../../cloudfunctions/services/audit';
import type { VoucherDoc } from '../../cloudfunctions/services/voucher';
import { buildDashboard } from '../../cloudfunctions/services/official';
import { chinaDateOf } from '../../cloudfunctions/core/china-date';
import { usageRate } from '../../cloudfunctions/core/dashboard';
import { formatUsage } from '../../cloudfunctions/gateway/cli/report-usage';
import { where } from '../../cloudfunctions/store/port';
import { scan } from '../../cloudfunctions/store/scan';
import { generateLvliang } from '../../scripts/dataset/generate';
import { CITY, YEAR, targetsOf } from '../../scripts/dataset/plan';
import { cityYearTotals, dashboardPart } from '../../scripts/dataset/totals';

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
      expect(dashboard).toEqual(dashboardPart(t));
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

  it('R12.3 the usage figures agree with the vouchers: usage = used ÷ issued, per type and county, and the report says so', async () => {
    const runtime = await openLocalRuntime({ dataDir: dir, env: {} });
    try {
      const d = await buildDashboard(runtime.deps, runtime.deps.regions.get(CITY)!, YEAR);
      // Recounted from the records: issued in 2021 (claimed or directed), of those now reserved or redeemed, expired during 2021.
      const issued = new Map<string, number>();
      const used = new Map<string, number>();
      const reached = new Set<string>();
      let expired = 0;
      for await (const v of scan<VoucherDoc>(runtime.deps.store, 'vouchers', where('cityCode', 'eq', CITY))) {
        if (v.endedAt && v.status === 'expired' && chinaDateOf(new Date(v.endedAt)).year === YEAR) expired++;
        if (v.year !== YEAR) continue;
        issued.set(v.type, (issued.get(v.type) ?? 0) + 1);
        if (v.status === 'reserved' || v.status === 'redeemed') used.set(v.type, (used.get(v.type) ?? 0) + 1);
        reached.add(v.personId);
      }
      const sum = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
      expect(d.usage.total).toMatchObject({ issued: sum(issued), used: sum(used), expired, rate: usageRate(sum(used), sum(issued)) });
      expect(d.usage.total.issued).toBe(targetsOf(SCALE).vouchersTotal);
      for (const t of d.usage.byType) {
        expect([t.type, t.issued, t.used]).toEqual([t.type, issued.get(t.type) ?? 0, used.get(t.type) ?? 0]);
        expect(t.rate).toBe(usageRate(t.used, t.issued));
      }
      for (const r of d.usage.byRegion) expect(r.rate).toBe(usageRate(r.used, r.issued));
      expect(d.usage.byRegion.reduce((s, r) => s + r.issued, 0)).toBe(d.usage.total.issued);
      expect(d.usage.reach.total.reached).toBe(reached.size);
      expect(d.usage.reach.total.eligible - d.usage.reach.total.reached).toBe(d.usage.reach.total.unreached);
      const text = formatUsage(d).join('\n');
      expect(text).toContain(`使用率 ${d.usage.total.rate}%`);
      expect(text).toContain(`尚未发券 ${d.usage.reach.total.unreached.toLocaleString('en-US')} 人`);
    } finally {
      await runtime.close();
    }
  }, 60_000);
});
