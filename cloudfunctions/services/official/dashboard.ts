/**
 * R9.2–R9.4 officials' dashboard and rankings. Reads only the yearly counter summaries
 * (`counterYears`: one document per county and year; a province's `regionYears`, one per city,
 * D63) and targets, never raw records, so the cost depends on the number of child regions, not
 * on the number of laborers.
 */
import type {
  DashboardInput,
  DashboardMetric,
  DashboardView,
  MetricProgress,
  PlaceRef,
  RankingInput,
  RankingView,
  Region,
} from '../../contract';
import { BAND_NAMES, type Band } from '../../core/age';
import { METRICS, parseVoucherMetric, projectMetric, settlementMetric, voucherMetric } from '../../core/books';
import { chinaDateOf, formatDate } from '../../core/china-date';
import {
  DASHBOARD_METRICS,
  METRIC_NAMES,
  PROJECT_DASHBOARD_METRICS,
  completionPercent,
  emptyValues,
  expectedByPace,
  feedsOf,
  paceOf,
  projectFeedsOf,
  rankByCompletion,
} from '../../core/dashboard';
import { DomainError } from '../../core/errors';
import { type Filter, and, where } from '../../store/port';
import { scan } from '../../store/scan';
import { officialRegion } from '../kernel/authz';
import type { VoucherTypeDoc } from '../catalogue';
import { type ProjectDoc, projectIn } from '../institution';
import { type Cell, type CounterYearDoc, type RegionYearDoc, type SummaryDoc, cellsOf } from '../books/counters';
import type { Caller, Deps } from '../kernel/deps';
import { inRegion } from '../kernel/place';
import { childTargetsOf, targetsOf } from './targets';
import { usageOf } from './usage';

type Values = Record<DashboardMetric, number>;

/**
 * The summaries of the counties in `region` for years matching `year` (a filter on `year`); for a
 * province, its cities' (D63: the same cells, summed per city), one document per child region.
 */
async function summaries(deps: Deps, region: Region, yearFilter: Filter): Promise<SummaryDoc[]> {
  const out: SummaryDoc[] = [];
  if (region.level === 'province') {
    for await (const doc of scan<RegionYearDoc>(deps.store, 'regionYears', and(where('provinceCode', 'eq', region.code), yearFilter))) out.push(doc);
    return out;
  }
  for await (const doc of scan<CounterYearDoc>(deps.store, 'counterYears', and(inRegion(region), yearFilter))) out.push(doc);
  return out;
}

/** The child region (one level down) a county's summary belongs to. */
function childOf(region: Region, doc: SummaryDoc): string | null {
  if (region.level === 'province') return doc.cityCode as string;
  if (region.level === 'city') return doc.countyCode as string;
  return null;
}

type Feeds = (counterMetric: string) => readonly [DashboardMetric, number][];

function addInto(values: Values, cell: Cell, feeds: Feeds) {
  for (const [metric, sign] of feeds(cell.metric)) values[metric] += sign * cell.value;
}


function checkYear(year: number, now: number): number {
  if (!Number.isInteger(year) || year < 2019 || year > now + 1) throw new DomainError('INVALID_INPUT', '年度不正确');
  return year;
}

export async function dashboard(deps: Deps, caller: Caller, input: DashboardInput): Promise<DashboardView> {
  const { region } = await officialRegion(deps, caller, input.regionCode);
  const project = input.projectId ? await projectIn(deps.store, input.projectId) : null;
  // A project of a region beside the official's is not theirs to see.
  if (project && !deps.regions.isWithin(project.regionCode, region.code) && !deps.regions.isWithin(region.code, project.regionCode)) throw new DomainError('PROJECT_NOT_FOUND');
  return buildDashboard(deps, region, input.year, project);
}

/**
 * The dashboard of a region whose access is already checked (the official, or `npm run report`);
 * with a project (R11), only its trainees and certificates, against its yearly target.
 */
export async function buildDashboard(deps: Deps, region: Region, yearInput?: number, project: ProjectDoc | null = null): Promise<DashboardView> {
  const today = chinaDateOf(deps.clock.now());
  const year = checkYear(yearInput ?? today.year, today.year);
  const [docs, earlier, regionTargets, childTargets, typesPage] = await Promise.all([
    summaries(deps, region, where('year', 'eq', year)),
    summaries(deps, region, where('year', 'lt', year)),
    targetsOf(deps.store, region.code, year),
    childTargetsOf(deps.store, region.code, year),
    deps.store.find<VoucherTypeDoc>('voucherTypes', undefined, { limit: 100 }),
  ]);
  const feeds: Feeds = project ? projectFeedsOf(project._id) : feedsOf;
  const shown: readonly DashboardMetric[] = project ? PROJECT_DASHBOARD_METRICS : DASHBOARD_METRICS;
  const targets: Map<DashboardMetric, number> = project
    ? new Map(project.regionCode === region.code && project.year === year ? [['trainings' as const, project.targetTrainees]] : [])
    : regionTargets;

  const totals = emptyValues();
  const byBand = new Map<Band | '-', Values>();
  const byMonth = Array.from({ length: 12 }, () => emptyValues());
  const children = new Map<string, Values>();
  const raw = new Map<string, number>();
  let registered = 0;
  for (const doc of earlier) for (const cell of cellsOf(doc)) if (cell.metric === METRICS.laborersRegistered && cell.month !== null) registered += cell.value;
  for (const doc of docs) {
    const child = childOf(region, doc);
    const childValues = child ? (children.get(child) ?? emptyValues()) : null;
    if (child && childValues) children.set(child, childValues);
    for (const cell of cellsOf(doc)) {
      if (cell.month === null) {
        // A band cell: the band chart only (months give every total).
        if (feeds(cell.metric).length === 0) continue;
        const band = cell.band ?? '-';
        if (!byBand.has(band)) byBand.set(band, emptyValues());
        addInto(byBand.get(band)!, cell, feeds);
        continue;
      }
      raw.set(cell.metric, (raw.get(cell.metric) ?? 0) + cell.value);
      if (cell.metric === METRICS.laborersRegistered) registered += cell.value;
      if (feeds(cell.metric).length === 0) continue;
      addInto(totals, cell, feeds);
      addInto(byMonth[cell.month - 1], cell, feeds);
      if (childValues) addInto(childValues, cell, feeds);
    }
  }

  const pace = paceOf(year, today);
  const metrics: MetricProgress[] = shown.map((metric) => {
    const target = targets.get(metric) ?? null;
    const expected = expectedByPace(target, pace);
    return {
      metric,
      name: METRIC_NAMES[metric],
      actual: totals[metric],
      target,
      completion: completionPercent(totals[metric], target),
      expected,
      onPace: expected === null ? null : totals[metric] >= expected,
    };
  });

  const childRegions = region.level === 'county' ? [] : deps.regions.childrenOf(region.code).filter((r) => r.level !== 'township');
  const childRows = childRegions.map((r) => {
    const values = children.get(r.code) ?? emptyValues();
    const t = childTargets.get(r.code);
    return {
      region: { code: r.code, name: r.name } as PlaceRef,
      metrics: shown.map((metric) => {
        const target = project ? null : (t?.get(metric) ?? null);
        return { metric, actual: values[metric], target, completion: completionPercent(values[metric], target) };
      }),
    };
  });

  const get = (metric: string) => raw.get(metric) ?? 0;
  const typeNames = new Map(typesPage.items.map((t) => [t._id, t.name]));
  const typeCodes = new Set<string>(typesPage.items.map((t) => t._id));
  for (const metric of raw.keys()) {
    const voucher = parseVoucherMetric(metric);
    if (voucher) typeCodes.add(voucher.type);
  }
  const certified = get(METRICS.certifiedPeople);
  const employed = get(METRICS.certifiedEmployed);
  const bands: (Band | '-')[] = ['A', 'B', 'C', '-'];

  return {
    region: { code: region.code, name: region.name, level: region.level },
    project: project ? { id: project._id, name: project.name, targetTrainees: project.targetTrainees } : null,
    year,
    asOf: formatDate(pace.asOf),
    pace: pace.percent,
    registeredLaborers: registered,
    metrics,
    children: childRows,
    byBand: bands
      .filter((b) => b !== '-' || DASHBOARD_METRICS.some((m) => (byBand.get('-')?.[m] ?? 0) !== 0))
      .map((band) => ({ band, name: band === '-' ? '未分段' : BAND_NAMES[band], values: byBand.get(band) ?? emptyValues() })),
    byMonth: byMonth.map((values, i) => ({ month: i + 1, values })),
    vouchers: [...typeCodes].sort().map((type) => ({
      type,
      name: typeNames.get(type) ?? type,
      claimed: get(voucherMetric('claimed', type)),
      redeemed: get(voucherMetric('redeemed', type)),
      expired: get(voucherMetric('expired', type)),
      cancelled: get(voucherMetric('cancelled', type)),
    })),
    trainings: project
      ? {
          started: get(projectMetric('started', project._id)),
          withdrawn: get(projectMetric('withdrawn', project._id)),
          completed: get(projectMetric('completed', project._id)),
          notCompleted: 0,
        }
      : {
      started: get(METRICS.trainingsStarted),
      withdrawn: get(METRICS.trainingsWithdrawn),
      completed: get(METRICS.trainingsCompleted),
      notCompleted: get(METRICS.trainingsNotCompleted),
    },
    employment: { certified, employed, rate: completionPercent(employed, certified) },
    usage: usageOf(deps, region, docs, earlier, typeNames, (doc) => childOf(region, doc)),
    subsidies: {
      granted: get(METRICS.subsidiesGranted) - get(METRICS.subsidiesWithdrawn),
      amountFen: get(METRICS.subsidiesFen) - get(METRICS.subsidiesWithdrawnFen),
      refused: get(METRICS.subsidiesRefused),
      withdrawn: get(METRICS.subsidiesWithdrawn),
      appliedFen: get(settlementMetric('applied', true)),
      approvedFen: get(settlementMetric('approved', true)),
      paidFen: get(settlementMetric('paid', true)),
      paid: get(settlementMetric('paid')),
      recoveredFen: get(settlementMetric('recovered', true)),
    },
  };
}

/** R9.4: the children of a region by completion % of one metric, year to date up to `month`. */
export async function ranking(deps: Deps, caller: Caller, input: RankingInput): Promise<RankingView> {
  const { region } = await officialRegion(deps, caller, input.regionCode);
  if (region.level === 'county') throw new DomainError('REGION_NOT_STATISTICAL', '县级没有下级地区可排名，请选择市或省');
  const today = chinaDateOf(deps.clock.now());
  const year = checkYear(input.year ?? today.year, today.year);
  const month = input.month ?? (year === today.year ? today.month : 12);
  const [docs, childTargets] = await Promise.all([summaries(deps, region, where('year', 'eq', year)), childTargetsOf(deps.store, region.code, year)]);
  const actual = new Map<string, number>();
  for (const doc of docs) {
    const child = childOf(region, doc)!;
    for (const cell of cellsOf(doc)) {
      if (cell.month === null || cell.month > month) continue;
      for (const [metric, sign] of feedsOf(cell.metric)) if (metric === input.metric) actual.set(child, (actual.get(child) ?? 0) + sign * cell.value);
    }
  }
  const rows = deps.regions
    .childrenOf(region.code)
    .filter((r) => r.level !== 'township')
    .map((r) => ({ code: r.code, actual: actual.get(r.code) ?? 0, target: childTargets.get(r.code)?.get(input.metric) ?? null }));
  return {
    region: { code: region.code, name: region.name },
    year,
    month,
    metric: input.metric,
    metricName: METRIC_NAMES[input.metric],
    rows: rankByCompletion(rows).map((r) => ({
      rank: r.rank,
      region: deps.regions.ref(r.code),
      actual: r.actual,
      target: r.target,
      completion: r.completion,
    })),
  };
}
