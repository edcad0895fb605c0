/**
 * R12.3 usage rate and reach on the dashboard, from the same yearly summaries it reads (never
 * records): per type and per child region, vouchers issued (claimed + directed), used (of those
 * issued in the year, now reserved or redeemed: D48), expired unused, and used ÷ issued; per child
 * region the eligible registered people given no voucher this year (D49).
 */
import type { PlaceRef, Region, UsageView, VoucherUsage } from '../../contract';
import { METRICS, parseVoucherMetric } from '../../core/books';
import { unreachedOf, usageRate } from '../../core/dashboard';
import type { SummaryDoc } from '../books/counters';
import { cellsOf } from '../books/counters';
import type { Deps } from '../kernel/deps';

type Tally = { claimed: number; directed: number; used: number; expired: number };
const emptyTally = (): Tally => ({ claimed: 0, directed: 0, used: 0, expired: 0 });

const usageOfTally = (t: Tally): VoucherUsage => ({ ...t, issued: t.claimed + t.directed, rate: usageRate(t.used, t.claimed + t.directed) });

/** The bands that have a voucher type (R3.2): registered with one, a person is eligible for some voucher. */
const ELIGIBLE_BANDS = new Set(['A', 'B', 'C']);

function add<K>(m: Map<K, Tally>, key: K, event: keyof Tally, value: number) {
  let t = m.get(key);
  if (!t) m.set(key, (t = emptyTally()));
  t[event] += value;
}

/**
 * `docs` are the region's summaries of the year, `earlier` those of the years before (for the
 * people registered up to then); `childOf` names a summary's child region (the county itself on
 * a county's dashboard).
 */
export function usageOf(
  deps: Deps,
  region: Region,
  docs: readonly SummaryDoc[],
  earlier: readonly SummaryDoc[],
  typeNames: ReadonlyMap<string, string>,
  childOf: (doc: SummaryDoc) => string | null,
): UsageView {
  const byType = new Map<string, Tally>();
  const byChild = new Map<string, Tally>();
  const eligible = new Map<string, number>();
  const reached = new Map<string, number>();
  const bump = (m: Map<string, number>, key: string, by: number) => m.set(key, (m.get(key) ?? 0) + by);
  const childKey = (doc: SummaryDoc) => childOf(doc) ?? region.code;
  // Metric names repeat in every summary: each is parsed once.
  const parsed = new Map<string, ReturnType<typeof parseVoucherMetric>>();
  const voucherCell = (metric: string) => {
    let v = parsed.get(metric);
    if (v === undefined) parsed.set(metric, (v = parseVoucherMetric(metric)));
    return v;
  };
  for (const doc of earlier) {
    for (const cell of cellsOf(doc)) if (cell.metric === METRICS.laborersRegistered && cell.band !== null && ELIGIBLE_BANDS.has(cell.band)) bump(eligible, childKey(doc), cell.value);
  }
  for (const doc of docs) {
    const child = childKey(doc);
    for (const cell of cellsOf(doc)) {
      if (cell.month === null) {
        if (cell.metric === METRICS.laborersRegistered && cell.band !== null && ELIGIBLE_BANDS.has(cell.band)) bump(eligible, child, cell.value);
        continue;
      }
      if (cell.metric === METRICS.laborersReached) bump(reached, child, cell.value);
      const v = voucherCell(cell.metric);
      if (!v || (v.event !== 'claimed' && v.event !== 'directed' && v.event !== 'used' && v.event !== 'expired')) continue;
      add(byType, v.type, v.event, cell.value);
      add(byChild, child, v.event, cell.value);
    }
  }
  const total = emptyTally();
  for (const t of byType.values()) for (const k of Object.keys(total) as (keyof Tally)[]) total[k] += t[k];
  const children: PlaceRef[] = region.level === 'county' ? [{ code: region.code, name: region.name }] : deps.regions.childrenOf(region.code).filter((r) => r.level !== 'township').map((r) => ({ code: r.code, name: r.name }));
  const reach = children.map((r) => {
    const e = eligible.get(r.code) ?? 0;
    const got = reached.get(r.code) ?? 0;
    return { region: r, eligible: e, reached: got, unreached: unreachedOf(e, got) };
  });
  const sum = (k: 'eligible' | 'reached' | 'unreached') => reach.reduce((s, r) => s + r[k], 0);
  return {
    total: usageOfTally(total),
    byType: [...new Set([...typeNames.keys(), ...byType.keys()])].sort().map((type) => ({ type, name: typeNames.get(type) ?? type, ...usageOfTally(byType.get(type) ?? emptyTally()) })),
    byRegion: children.map((r) => ({ region: r, ...usageOfTally(byChild.get(r.code) ?? emptyTally()) })),
    reach: { total: { eligible: sum('eligible'), reached: sum('reached'), unreached: sum('unreached') }, byRegion: reach },
  };
}
