/**
 * R9.4 yearly targets per region and metric, set by admins of that region (R1.2) and seeded for
 * the demo from Lüliang's 2021 report (data/targets-lvliang-2021.json).
 */
import type { DashboardMetric, TargetView } from '../../contract';
import { DASHBOARD_METRICS, METRIC_NAMES } from '../../core/dashboard';
import { chinaDateOf } from '../../core/china-date';
import lvliang2021 from '../../data/targets-lvliang-2021.json';
import { type Store, and, where } from '../../store/port';
import { officialRegion, requireRole, statisticalRegion } from '../kernel/authz';
import { recordChange } from '../books/changes';
import type { Caller, Deps } from '../kernel/deps';
import { regionPlace } from '../kernel/place';
import type { RegionDirectory } from '../kernel/regions';

export type TargetDoc = {
  _id: string;
  regionCode: string;
  /** The parent region, so a dashboard reads its children's targets in one query. */
  parentCode: string | null;
  year: number;
  metric: DashboardMetric;
  target: number;
  updatedAt: string;
  updatedBy: string | null;
};

export const targetId = (regionCode: string, year: number, metric: DashboardMetric) => `${regionCode}:${year}:${metric}`;

export const MAX_TARGET = 100_000_000;

export function targetView(regions: RegionDirectory, t: TargetDoc): TargetView {
  return {
    region: regions.ref(t.regionCode),
    year: t.year,
    metric: t.metric,
    metricName: METRIC_NAMES[t.metric],
    target: t.target,
    updatedAt: t.updatedAt,
  };
}

/** Targets of `regionCode` itself for `year`, by metric. */
export async function targetsOf(store: Store, regionCode: string, year: number): Promise<Map<DashboardMetric, number>> {
  const page = await store.find<TargetDoc>('targets', and(where('regionCode', 'eq', regionCode), where('year', 'eq', year)), { limit: 100 });
  return new Map(page.items.map((t) => [t.metric, t.target]));
}

/** Targets of the children of `parentCode` for `year`: child code → metric → target. */
export async function childTargetsOf(store: Store, parentCode: string, year: number): Promise<Map<string, Map<DashboardMetric, number>>> {
  const out = new Map<string, Map<DashboardMetric, number>>();
  const page = await store.find<TargetDoc>('targets', and(where('parentCode', 'eq', parentCode), where('year', 'eq', year)), { limit: 1000 });
  for (const t of page.items) {
    const m = out.get(t.regionCode) ?? new Map<DashboardMetric, number>();
    m.set(t.metric, t.target);
    out.set(t.regionCode, m);
  }
  return out;
}

/** Admin of a region containing `regionCode`: set one target (a ledger entry keeps before and after). */
export async function setTarget(
  deps: Deps,
  caller: Caller,
  input: { regionCode: string; year: number; metric: DashboardMetric; target: number },
): Promise<TargetView> {
  const region = statisticalRegion(deps.regions, input.regionCode);
  await requireRole(deps, caller, 'admin', region.code);
  const id = targetId(region.code, input.year, input.metric);
  const doc = await deps.store.transaction(async (tx) => {
    const now = deps.clock.now();
    const before = await tx.get<TargetDoc>('targets', id);
    const next: TargetDoc = {
      _id: id,
      regionCode: region.code,
      parentCode: region.parent ?? null,
      year: input.year,
      metric: input.metric,
      target: input.target,
      updatedAt: now.toISOString(),
      updatedBy: caller.openid,
    };
    const { _id, ...data } = next;
    await tx.set<TargetDoc>('targets', id, data);
    await recordChange(tx, {
      place: regionPlace(deps.regions, region.code),
      at: now,
      type: 'target.set',
      subjects: { targetId: id },
      actor: { openid: caller.openid, role: 'admin' },
      data: { metric: input.metric, year: input.year, before: before?.target ?? null, after: input.target },
      counters: [],
    });
    return next;
  });
  return targetView(deps.regions, doc);
}

/** Official: the targets of a region and its children for a year. */
export async function listTargets(deps: Deps, caller: Caller, input: { regionCode?: string; year?: number }): Promise<TargetView[]> {
  const { region } = await officialRegion(deps, caller, input.regionCode);
  const code = region.code;
  const year = input.year ?? chinaDateOf(deps.clock.now()).year;
  const own = await deps.store.find<TargetDoc>('targets', and(where('regionCode', 'eq', code), where('year', 'eq', year)), { limit: 100 });
  const children = await deps.store.find<TargetDoc>('targets', and(where('parentCode', 'eq', code), where('year', 'eq', year)), { limit: 1000 });
  const order = (t: TargetDoc) => DASHBOARD_METRICS.indexOf(t.metric);
  return [...own.items, ...children.items.sort((a, b) => a.regionCode.localeCompare(b.regionCode) || order(a) - order(b))].map((t) =>
    targetView(deps.regions, t),
  );
}

/**
 * Demo targets: Lüliang's 2021 report, and the same split over its counties by weight (largest
 * remainder, so the counties add up to the city exactly); a small set for the current year so the
 * demo's handful of records shows progress.
 */
const COUNTY_WEIGHTS: Record<string, number> = {
  // Rough household populations in 10,000s: a plausible split, not official figures.
  '141102': 33, '141121': 42, '141122': 23, '141123': 28, '141124': 58, '141125': 33, '141126': 12,
  '141127': 17, '141128': 14, '141129': 14, '141130': 10, '141181': 49, '141182': 42,
};

export function splitByWeight(total: number, weights: Record<string, number>): Map<string, number> {
  const codes = Object.keys(weights).sort();
  const sum = codes.reduce((s, c) => s + weights[c], 0);
  const shares = codes.map((c) => {
    const exact = (total * weights[c]) / sum;
    return { c, floor: Math.floor(exact), rest: exact - Math.floor(exact) };
  });
  let left = total - shares.reduce((s, x) => s + x.floor, 0);
  for (const x of [...shares].sort((a, b) => b.rest - a.rest || a.c.localeCompare(b.c))) {
    if (left <= 0) break;
    x.floor++;
    left--;
  }
  return new Map(shares.map((x) => [x.c, x.floor]));
}

export function demoTargets(regions: RegionDirectory, currentYear: number): Omit<TargetDoc, '_id' | 'updatedAt' | 'updatedBy'>[] {
  const city = lvliang2021.region;
  const out: Omit<TargetDoc, '_id' | 'updatedAt' | 'updatedBy'>[] = [];
  const add = (year: number, metric: DashboardMetric, cityTarget: number) => {
    out.push({ regionCode: city, parentCode: regions.get(city)?.parent ?? null, year, metric, target: cityTarget });
    for (const [county, t] of splitByWeight(cityTarget, COUNTY_WEIGHTS)) {
      if (t > 0) out.push({ regionCode: county, parentCode: city, year, metric, target: t });
    }
  };
  for (const m of lvliang2021.metrics) add(lvliang2021.year, m.metric as DashboardMetric, m.target);
  if (currentYear !== lvliang2021.year) {
    const demo: Record<DashboardMetric, number> = { trainings: 130, certificates: 65, newSkilled: 40, newHighSkilled: 13, transfers: 40 };
    for (const m of DASHBOARD_METRICS) add(currentYear, m, demo[m]);
  }
  return out;
}

export async function seedTargets(deps: Deps): Promise<number> {
  const now = deps.clock.now();
  const year = chinaDateOf(now).year;
  const targets = demoTargets(deps.regions, year);
  await deps.store.transaction(async (tx) => {
    for (const t of targets) {
      await tx.set<TargetDoc>('targets', targetId(t.regionCode, t.year, t.metric), { ...t, updatedAt: now.toISOString(), updatedBy: null });
    }
  });
  return targets.length;
}

/** Seeds the demo targets once (existing local databases get them on their next start). */
export async function ensureTargets(deps: Deps): Promise<void> {
  const any = await deps.store.find<TargetDoc>('targets', undefined, { limit: 1 });
  if (any.items.length === 0) await seedTargets(deps);
}
