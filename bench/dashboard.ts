/**
 * `npm run bench -- dashboard` (issue 6): the city official's dashboard for 吕梁市 2021 through
 * the HTTP gateway, on the full Lüliang dataset (1.4 M laborers, 231,679 trainings …) and on the
 * 1/100 dataset. The dashboard reads one yearly counter summary per county, so its cost should
 * not grow with the records: `scaleRatio` = p95 ÷ p95Small (goal ≤ 1.5), p95 ≤ 20 ms.
 * Correctness: the five completions must be Lüliang's (115.83, 148.84, 179.14, 141.45, 126.68).
 * Issue 17: `p95ProvinceMs` for 山西省's 117 counties (bench/dashboard-province.ts), goal ≤ 20 ms.
 */
import type { ApiResponse, DashboardView } from '../cloudfunctions/contract';
import { join } from 'node:path';
import { provinceDashboard } from './dashboard-province';
import { lvliangDataset } from './lvliang-data';
import type { BenchResult } from './result';
import { startGatewayProcess } from './gateway-process';

const PORT = 18_789;
const WARMUP = 30;
const RUNS = Number(process.env.BENCH_DASHBOARD_RUNS ?? 500);
const EXPECTED = ['115.83', '148.84', '179.14', '141.45', '126.68'];

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

async function measure(dataDir: string): Promise<{ p50: number; p95: number; completions: (string | null)[] }> {
  const gateway = await startGatewayProcess({ dataDir, port: PORT });
  try {
    const base = `http://127.0.0.1:${PORT}`;
    const login = await fetch(`${base}/dev/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ persona: 'official-city' }) });
    const cookie = login.headers.get('set-cookie')!.split(';')[0];
    const call = async () => {
      const res = await fetch(`${base}/api/official`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie },
        body: JSON.stringify({ action: 'dashboard', payload: { regionCode: '141100', year: 2021 } }),
      });
      return (await res.json()) as ApiResponse<DashboardView>;
    };
    let last: ApiResponse<DashboardView> | null = null;
    for (let i = 0; i < WARMUP; i++) last = await call();
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t = performance.now();
      last = await call();
      times.push(performance.now() - t);
    }
    if (!last?.ok) throw new Error(`dashboard failed: ${JSON.stringify(last)}`);
    times.sort((a, b) => a - b);
    return { p50: percentile(times, 50), p95: percentile(times, 95), completions: last.data.metrics.map((m) => m.completion) };
  } finally {
    await gateway.stop();
  }
}

export async function dashboardBench(): Promise<BenchResult> {
  const full = await lvliangDataset(1);
  const small = await lvliangDataset(0.01);
  const big = await measure(full.dataDir);
  const little = await measure(small.dataDir);
  const province = await provinceDashboard(full.dataDir, join(full.dataDir, '..', 'province-dashboard'));
  const round = (n: number) => Math.round(n * 100) / 100;
  const scaleRatio = round(big.p95 / little.p95);
  return {
    name: 'dashboard',
    ok: JSON.stringify(big.completions) === JSON.stringify(EXPECTED),
    runs: RUNS,
    p50Ms: round(big.p50),
    p95Ms: round(big.p95),
    p50SmallMs: round(little.p50),
    p95SmallMs: round(little.p95),
    scaleRatio,
    ...province,
    goals: { p95Ms: 20, scaleRatio: 1.5, p95ProvinceMs: 20 },
    met: big.p95 <= 20 && scaleRatio <= 1.5 && (province.p95ProvinceMs as number) <= 20,
    completions: big.completions,
    datasetSeconds: { full: full.generatedSeconds, small: small.generatedSeconds },
  };
}
