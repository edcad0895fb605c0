/**
 * A region's yearly totals as the dashboard reads them: the `counterYears` summaries of the
 * city, cells summed by metric (services/counters.ts cellsOf), and the dashboard metrics from
 * their counter terms (core/dashboard.ts METRIC_TERMS).
 */
import { DASHBOARD_METRICS, type DashboardMetric, METRIC_TERMS } from '../../cloudfunctions/core/dashboard';
import { type CounterYearDoc, cellsOf } from '../../cloudfunctions/services/books/counters';
import { type Store, and, where } from '../../cloudfunctions/store/port';
import { scan } from '../../cloudfunctions/store/scan';

export async function cityYearTotals(
  store: Store,
  cityCode: string,
  year: number,
): Promise<{ metrics: Record<string, number>; dashboard: Record<DashboardMetric, number> }> {
  const metrics: Record<string, number> = {};
  for await (const doc of scan<CounterYearDoc>(store, 'counterYears', and(where('cityCode', 'eq', cityCode), where('year', 'eq', year)))) {
    for (const cell of cellsOf(doc)) if (cell.month !== null) metrics[cell.metric] = (metrics[cell.metric] ?? 0) + cell.value;
  }
  const dashboard = Object.fromEntries(
    DASHBOARD_METRICS.map((m) => [m, METRIC_TERMS[m].reduce((s, [metric, sign]) => s + sign * (metrics[metric] ?? 0), 0)]),
  ) as Record<DashboardMetric, number>;
  return { metrics, dashboard };
}

/** The dashboard metrics of a plan's targets (targetsOf), to compare with cityYearTotals' `dashboard`. */
export const dashboardPart = (t: Record<DashboardMetric, number>): Record<DashboardMetric, number> =>
  Object.fromEntries(DASHBOARD_METRICS.map((m) => [m, t[m]])) as Record<DashboardMetric, number>;
