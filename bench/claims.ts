/**
 * `npm run bench -- claims` (issue 3): claims per second through the HTTP gateway with 10,000
 * concurrent claimants against a county quota of 5,000, next to the raw store's single-document
 * transaction rate measured in the same run on the same database file.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openLocalRuntime } from '../cloudfunctions/gateway/local-runtime';
import { register } from '../cloudfunctions/services/account';
import { agreeToGuide } from '../cloudfunctions/services/privacy';
import { PRIVACY_GUIDE } from '../cloudfunctions/core/privacy';
import { claimVoucher } from '../cloudfunctions/services/voucher';
import { verifyAllChains } from '../cloudfunctions/services/books/ledger';
import { setCountyQuota } from '../cloudfunctions/services/voucher';
import { reconcile } from '../cloudfunctions/services/audit';
import { and, where } from '../cloudfunctions/store/port';
import { scan } from '../cloudfunctions/store/scan';
import { idNumberAged } from '../tests/support/id-numbers';
import type { BenchResult } from './result';
import { withGatewayProcess } from './gateway-process';

const CLAIMANTS = Number(process.env.BENCH_CLAIMANTS ?? 10_000);
const QUOTA = Number(process.env.BENCH_QUOTA ?? 5_000);
const RAW_TX = 10_000;
const COUNTY = '141124';
const TOWNSHIP = '141124100';
/** The same workload run directly on the store, in a county of its own. */
const DIRECT_COUNTY = '141126';
const DIRECT_TOWNSHIP = '141126100';
const NOW = '2026-03-02T02:00:00.000Z';
const PORT = 18_787;

export async function claimsBench(): Promise<BenchResult> {
  const dataDir = mkdtempSync(join(tmpdir(), 'czt-bench-claims-'));
  try {
    // Setup (not measured): claimants registered and the county quota set, through the use cases.
    const setup = await openLocalRuntime({ dataDir, devNow: NOW });
    const t0 = Date.now();
    const openids: string[] = [];
    const directOpenids: string[] = [];
    for (let i = 0; i < CLAIMANTS; i++) {
      for (const [list, county, township, prefix] of [
        [openids, COUNTY, TOWNSHIP, 'test-bench'],
        [directOpenids, DIRECT_COUNTY, DIRECT_TOWNSHIP, 'test-direct'],
      ] as const) {
        const openid = `${prefix}-${i}`;
        // R14.1 the privacy guide agreed first, as the app asks.
        await agreeToGuide(setup.deps, { openid, requestId: `bench-agree-${openid}` }, { version: PRIVACY_GUIDE.version });
        await register(setup.deps, { openid, requestId: `bench-reg-${openid}` }, {
          name: '测试',
          idNumber: idNumberAged(20 + (i % 25), setup.clock.now(), { region: county }),
          townshipCode: township,
        });
        list.push(openid);
      }
    }
    for (const countyCode of [COUNTY, DIRECT_COUNTY]) {
      await setCountyQuota(setup.deps, { openid: 'dev-openid-official-lvliang', requestId: `bench-quota-${countyCode}` }, {
        type: 'skills',
        countyCode,
        year: 2026,
        limit: QUOTA,
      });
    }
    await setup.close();
    console.log(`  setup: ${CLAIMANTS} claimants registered in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

    // Measured: every claimant claims at once, through the gateway in its own process.
    let claimSeconds = 0;
    let accepted = 0;
    const refusals: Record<string, number> = {};
    await withGatewayProcess({ dataDir, port: PORT, devNow: NOW }, async (http) => {
      const cookies = await Promise.all(
        openids.map(async (openid) => (await http.post('/dev/login', { openid })).setCookie as string),
      );
      const started = process.hrtime.bigint();
      const answers = await Promise.all(
        cookies.map((cookie, i) =>
          http.post<{ ok: boolean; code?: string }>('/api/voucher', { action: 'claim', payload: { type: 'skills' }, requestId: `bench-claim-${i}` }, cookie),
        ),
      );
      claimSeconds = Number(process.hrtime.bigint() - started) / 1e9;
      for (const a of answers) {
        if (a.body.ok) accepted++;
        else refusals[a.body.code ?? 'UNKNOWN'] = (refusals[a.body.code ?? 'UNKNOWN'] ?? 0) + 1;
      }
    });

    // Checked and compared on the same database file.
    const check = await openLocalRuntime({ dataDir, devNow: NOW });
    try {
      const store = check.deps.store;
      const vouchers = await store.count('vouchers', and(where('countyCode', 'eq', COUNTY), where('type', 'eq', 'skills')));
      const holders = new Set<string>();
      for await (const v of scan<{ _id: string; personId: string }>(store, 'vouchers', where('countyCode', 'eq', COUNTY))) {
        holders.add(v.personId);
      }
      const quota = await store.get<{ _id: string; used: number }>('quotas', `skills:${COUNTY}:2026`);
      const ledgerClaims = await store.count('ledger', and(where('countyCode', 'eq', COUNTY), where('type', 'eq', 'voucher.claimed')));

      // The same claims called directly on the store (the use case without HTTP, cookies, JSON).
      const directStarted = process.hrtime.bigint();
      const direct = await Promise.allSettled(
        directOpenids.map((openid, i) => claimVoucher(check.deps, { openid, requestId: `bench-direct-${i}` }, { type: 'skills' })),
      );
      const directSeconds = Number(process.hrtime.bigint() - directStarted) / 1e9;
      const directAccepted = direct.filter((d) => d.status === 'fulfilled').length;
      // The books after both storms.
      const chains = await verifyAllChains(store);
      const { differences } = await reconcile(store);

      // The raw rate: single-document transactions, one at a time (what one caller gets) …
      const rawStarted = process.hrtime.bigint();
      for (let i = 0; i < RAW_TX; i++) {
        await store.transaction((tx) => tx.set('scratch', `raw-${i}`, { group: 'bench', rank: i }));
      }
      const rawSeconds = Number(process.hrtime.bigint() - rawStarted) / 1e9;
      // … and all at once (sharing commits), for reference.
      const batchedStarted = process.hrtime.bigint();
      await Promise.all(
        Array.from({ length: RAW_TX }, (_, i) => store.transaction((tx) => tx.set('scratch', `raw-b-${i}`, { group: 'bench', rank: i }))),
      );
      const batchedSeconds = Number(process.hrtime.bigint() - batchedStarted) / 1e9;

      const claimsPerSecond = Math.round(CLAIMANTS / claimSeconds);
      const rawTxPerSecond = Math.round(RAW_TX / rawSeconds);
      const directClaimsPerSecond = Math.round(CLAIMANTS / directSeconds);
      return {
        name: 'claims',
        claimants: CLAIMANTS,
        quota: QUOTA,
        accepted,
        refusals,
        claimSeconds: Number(claimSeconds.toFixed(3)),
        claimsPerSecond,
        acceptedPerSecond: Math.round(accepted / claimSeconds),
        rawTxPerSecond,
        rawTxMeaning: 'single-document transactions, one at a time, on the same database file',
        rawConcurrentTxPerSecond: Math.round(RAW_TX / batchedSeconds),
        claimRatio: Number((claimsPerSecond / rawTxPerSecond).toFixed(3)),
        claimRatioMeaning: 'claims/s through the gateway ÷ single-document transactions/s on the store',
        claimRatioGoal: 0.5,
        directClaimsPerSecond,
        directAccepted,
        gatewayRatio: Number((claimsPerSecond / directClaimsPerSecond).toFixed(3)),
        gatewayRatioMeaning: 'claims/s through the gateway ÷ the same claim transactions/s called directly on the store',
        oversold: Math.max(0, vouchers - QUOTA),
        duplicates: vouchers - holders.size,
        quotaUsed: quota?.used ?? 0,
        ledgerClaims,
        ledgerBroken: chains.filter((c) => c.broken).length,
        reconcileDifferences: differences.length,
        store: 'SqliteStore on a WAL file (synchronous=NORMAL)',
        ok:
          vouchers <= QUOTA &&
          vouchers === holders.size &&
          quota?.used === vouchers &&
          ledgerClaims === vouchers &&
          directAccepted === Math.min(QUOTA, CLAIMANTS) &&
          chains.every((c) => !c.broken) &&
          differences.length === 0,
      };
    } finally {
      await check.close();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
