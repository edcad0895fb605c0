/**
 * `npx tsx scripts/dataset/check.ts <data-dir> [scale]`: the city's 2021 totals from the yearly
 * summaries, against the report's numbers (scaled). Exit 1 on any difference.
 */
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { SqliteStore } from '../../cloudfunctions/store/sqlite-store';
import { CITY, YEAR, targetsOf } from './plan';
import { cityYearTotals } from './totals';

async function main(): Promise<number> {
  const [given, scaleText] = parseArgs({ args: process.argv.slice(2), options: {}, strict: true, allowPositionals: true }).positionals;
  const dir = resolve(given ?? '.data');
  const scale = Number(scaleText ?? '1');
  const store = new SqliteStore({ filename: join(dir, 'chizhengtong.db') });
  const t = targetsOf(scale);
  const { metrics, dashboard } = await cityYearTotals(store, CITY, YEAR);
  const before = await cityYearTotals(store, CITY, YEAR - 1);
  const registered = (metrics.laborersRegistered ?? 0) + (before.metrics.laborersRegistered ?? 0);
  const checks: [string, number, number][] = [
    ['trainings', dashboard.trainings, t.trainings],
    ['certificates', dashboard.certificates, t.certificates],
    ['newSkilled', dashboard.newSkilled, t.newSkilled],
    ['newHighSkilled', dashboard.newHighSkilled, t.newHighSkilled],
    ['transfers', dashboard.transfers, t.transfers],
    ['vouchersClaimed.skills', metrics['vouchersClaimed.skills'] ?? 0, t.claimed.skills],
    ['vouchersClaimed.evaluation', metrics['vouchersClaimed.evaluation'] ?? 0, t.claimed.evaluation],
    ['vouchersClaimed.enterprise', metrics['vouchersClaimed.enterprise'] ?? 0, t.claimed.enterprise],
    ['vouchersClaimed.agri + village', (metrics['vouchersClaimed.agri'] ?? 0) + (metrics['vouchersClaimed.village'] ?? 0), t.claimed.agri + t.claimed.village],
    ['laborersRegistered (2020 + 2021)', registered, t.persons],
  ];
  let bad = 0;
  for (const [name, actual, expected] of checks) {
    const ok = actual === expected;
    if (!ok) bad++;
    console.log(`${ok ? '✓' : '✗'} ${name.padEnd(34)} ${String(actual).padStart(9)}${ok ? '' : ` (expected ${expected})`}`);
  }
  console.log(`laborersRegistered in 2021 alone: ${metrics.laborersRegistered ?? 0}; in 2020: ${before.metrics.laborersRegistered ?? 0}`);
  console.log('all 2021 metrics of 141100:');
  for (const [m, v] of Object.entries(metrics).sort()) console.log(`  ${m.padEnd(32)} ${v}`);
  await store.close();
  return bad === 0 ? 0 : 1;
}

main().then((code) => process.exit(code), (e: unknown) => {
  console.error(e);
  process.exit(2);
});
