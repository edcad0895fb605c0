/**
 * `p95ProvinceMs` of `npm run bench -- dashboard` (issue 17): the province official's dashboard
 * for 山西省 2021 with all of its 117 counties (GB/T 2260, 2023 revision) — each holding the yearly
 * summaries of one of Lüliang's 13 counties in turn, copied from the full dataset — computed by
 * the same `buildDashboard` the `official.dashboard` route calls, in process (no HTTP: the
 * gateway's directory holds only the demo regions). The province reads its 11 cities' summaries
 * (D63), folded from the counties' as the writers keep them. The city dashboard is measured the
 * same way beside it, so the two compare.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Region } from '../cloudfunctions/contract';
import gb2260 from '../cloudfunctions/data/gb2260.json';
import { openLocalRuntime } from '../cloudfunctions/gateway/local-runtime';
import { type CounterYearDoc, foldRegionYears } from '../cloudfunctions/services/books/counters';
import type { Deps } from '../cloudfunctions/services/kernel/deps';
import { REGIONS } from '../cloudfunctions/services/kernel/reference-data';
import { RegionDirectory } from '../cloudfunctions/services/kernel/regions';
import { buildDashboard } from '../cloudfunctions/services/official';
import { SqliteStore } from '../cloudfunctions/store/sqlite-store';
import { scan } from '../cloudfunctions/store/scan';
import { and, where } from '../cloudfunctions/store/port';

const WARMUP = 30;
const RUNS = Number(process.env.BENCH_DASHBOARD_RUNS ?? 500);
const PROVINCE = '140000';

/** Every city and county of Shanxi in force in GB/T 2260's latest revision, with the demo regions. */
function shanxi(): Region[] {
  const { codes, latestRevision } = gb2260 as unknown as { codes: Record<string, [string, string, string]>; latestRevision: string };
  const known = new Set(REGIONS.map((r) => r.code));
  const extra: Region[] = [];
  for (const [code, [name, , until]] of Object.entries(codes)) {
    if (!code.startsWith('14') || until !== latestRevision || known.has(code) || code === PROVINCE) continue;
    if (code.endsWith('00')) extra.push({ code, name, level: 'city', parent: PROVINCE } as Region);
    // xx7x are development zones (示范区), not counties.
    else if (code[4] !== '7') extra.push({ code, name, level: 'county', parent: `${code.slice(0, 4)}00` } as Region);
  }
  return [...REGIONS, ...extra];
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

async function time(deps: Deps, region: Region): Promise<{ p50: number; p95: number }> {
  for (let i = 0; i < WARMUP; i++) await buildDashboard(deps, region, 2021);
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await buildDashboard(deps, region, 2021);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 100) / 100;
  return { p50: round(percentile(times, 50)), p95: round(percentile(times, 95)) };
}

export async function provinceDashboard(fullDataDir: string, workDir: string): Promise<Record<string, unknown>> {
  const source = new SqliteStore({ filename: join(fullDataDir, 'chizhengtong.db') });
  const lvliang: CounterYearDoc[] = [];
  for (const year of [2020, 2021]) for await (const d of scan<CounterYearDoc>(source, 'counterYears', and(where('cityCode', 'eq', '141100'), where('year', 'eq', year)))) lvliang.push(d);
  await source.close();
  if (!existsSync(workDir) && lvliang.length === 0) throw new Error('the full Lüliang dataset has no yearly summaries');

  const directory = new RegionDirectory(shanxi());
  const counties = directory.all().filter((r) => r.level === 'county' && r.code.startsWith('14'));
  const runtime = await openLocalRuntime({ dataDir: workDir, inMemory: true, devNow: '2021-12-31T04:00:00.000Z' });
  const deps: Deps = { ...runtime.deps, regions: directory };
  const byYear = new Map<number, CounterYearDoc[]>();
  for (const d of lvliang) byYear.set(d.year as number, [...(byYear.get(d.year as number) ?? []), d]);
  await deps.store.transaction(async (tx) => {
    for (const [year, docs] of byYear) {
      for (const [i, county] of counties.entries()) {
        const { _id, countyCode, cityCode, provinceCode, ...cells } = docs[i % docs.length];
        await tx.set('counterYears', `${county.code}:${year}`, { ...cells, countyCode: county.code, cityCode: county.parent!, provinceCode: PROVINCE, year });
      }
    }
  });
  await foldRegionYears(deps.store);
  const province = await time(deps, directory.get(PROVINCE)!);
  const city = await time(deps, directory.get('141100')!);
  await runtime.close();
  return { provinceCounties: counties.length, provinceCities: directory.all().filter((r) => r.level === 'city' && r.code.startsWith('14')).length, p50ProvinceMs: province.p50, p95ProvinceMs: province.p95, p95CityInProcessMs: city.p95 };
}
