/**
 * Builders for the officials' console views, as the `official` function answers them
 * (contract.ts "Officials' console (R9)"), and helpers for its pages' pickers.
 */
import { fireEvent } from '@testing-library/react';
import type {
  ChildProgress,
  DashboardMetric,
  DashboardView,
  ExportJobView,
  LedgerPage,
  MetricProgress,
  RankingView,
  WhoAmI,
} from '../../cloudfunctions/contract';
import { emptyValues, METRIC_NAMES } from '../../cloudfunctions/core/dashboard';
import { aRoleHolder, builder } from './api-double';
import { aUsage } from './usage-double';

/** An official of 吕梁市. */
export const anOfficial = (): WhoAmI => aRoleHolder({ role: 'official', regionCode: '141100', regionName: '吕梁市' }, '2026-11-23T09:00:00.000Z');

export function aMetric(metric: DashboardMetric, actual: number, target: number | null, completion: string | null, expected: number | null, onPace: boolean | null): MetricProgress {
  return { metric, name: METRIC_NAMES[metric], actual, target, completion, expected, onPace };
}

/** One lower region with only the trainings completion that matters to the table tests. */
export function aChild(code: string, name: string, trainings: [number, number | null, string | null]): ChildProgress {
  const [actual, target, completion] = trainings;
  return {
    region: { code, name },
    metrics: [
      { metric: 'trainings', actual, target, completion },
      { metric: 'certificates', actual: 10, target: 20, completion: '50.00' },
      { metric: 'newSkilled', actual: 0, target: null, completion: null },
      { metric: 'newHighSkilled', actual: 0, target: null, completion: null },
      { metric: 'transfers', actual: 0, target: null, completion: null },
    ],
  };
}

/** Counties in region-code order: 离石区, 兴县 (no target), 临县, 岚县. */
export const CHILDREN: ChildProgress[] = [
  aChild('141102', '离石区', [241, 200, '120.50']),
  aChild('141123', '兴县', [12, null, null]),
  aChild('141124', '临县', [951, 1000, '95.10']),
  aChild('141127', '岚县', [400, 500, '80.00']),
];

export function aDashboard(overrides: Partial<DashboardView> = {}): DashboardView {
  const month = (m: number, trainings: number) => ({ month: m, values: { ...emptyValues(), trainings, certificates: Math.floor(trainings / 2) } });
  return {
    region: { code: '141100', name: '吕梁市', level: 'city' },
    project: null,
    year: 2026,
    asOf: '2026-11-23',
    pace: '89.86',
    registeredLaborers: 12345,
    metrics: [
      aMetric('trainings', 1390, 1200, '115.83', 1078, true),
      aMetric('certificates', 600, 1000, '60.00', 899, false),
      aMetric('newSkilled', 300, 400, '75.00', 359, false),
      aMetric('newHighSkilled', 90, 100, '90.00', 90, true),
      aMetric('transfers', 5000, null, null, null, null),
    ],
    children: CHILDREN,
    byBand: [
      { band: 'A', name: '青壮年', values: { ...emptyValues(), trainings: 800, certificates: 300 } },
      { band: 'B', name: '中年劳动力', values: { ...emptyValues(), trainings: 400, certificates: 200 } },
      { band: 'C', name: '60周岁以上', values: { ...emptyValues(), trainings: 190, certificates: 100 } },
    ],
    byMonth: [month(1, 10), month(3, 200), month(11, 50)],
    vouchers: [
      { type: 'skills', name: '职业技能培训券', claimed: 900, redeemed: 700, expired: 50, cancelled: 20 },
      { type: 'agri', name: '农业实用技术培训券', claimed: 300, redeemed: 120, expired: 5, cancelled: 2 },
    ],
    trainings: { started: 1450, withdrawn: 60, completed: 1100, notCompleted: 40 },
    employment: { certified: 600, employed: 450, rate: '75.00' },
    usage: aUsage(),
    subsidies: { granted: 420, amountFen: 123456789, refused: 12, withdrawn: 3, appliedFen: 9000000, approvedFen: 8000000, paidFen: 7500000, paid: 300, recoveredFen: 0 },
    ...overrides,
  };
}

export const aRanking = builder<RankingView>(() => ({
  region: { code: '141100', name: '吕梁市' },
  year: 2026,
  month: 11,
  metric: 'trainings',
  metricName: METRIC_NAMES.trainings,
  rows: [
    { rank: 1, region: { code: '141102', name: '离石区' }, actual: 241, target: 200, completion: '120.50' },
    { rank: 2, region: { code: '141124', name: '临县' }, actual: 951, target: 1000, completion: '95.10' },
    { rank: 3, region: { code: '141127', name: '岚县' }, actual: 400, target: 500, completion: '80.00' },
    { rank: 4, region: { code: '141123', name: '兴县' }, actual: 12, target: null, completion: null },
  ],
}));

/** A vouchers ledger page of `n` rows, ids `${prefix}-1…`. */
export function aLedgerPage(prefix: string, n: number, next?: string): LedgerPage {
  return {
    ledger: 'vouchers',
    title: '培训券台账',
    columns: [
      { key: 'name', title: '姓名' },
      { key: 'county', title: '县' },
      { key: 'typeName', title: '券种' },
      { key: 'statusName', title: '状态' },
    ],
    rows: Array.from({ length: n }, (_, i) => ({
      id: `${prefix}-${i + 1}`,
      name: `${prefix}持券人${i + 1}`,
      county: '岚县',
      typeName: '职业技能培训券',
      statusName: i % 2 === 0 ? '已使用' : null,
    })),
    next,
  };
}

export const anExportJob = builder<ExportJobView>(() => ({
  jobId: 'job-1',
  ledger: 'vouchers',
  title: '培训券台账',
  summary: '吕梁市 · 2026-01-01 至 2026-12-31',
  status: 'queued',
  rows: 0,
  total: 300,
  progress: 0,
  fileName: '培训券台账-吕梁市-2026.xlsx',
  downloadable: false,
  fullIdNumbers: true,
  createdAt: '2026-11-23T09:00:00.000Z',
  finishedAt: null,
  error: null,
}));

/** Picks entry `index` in the picker around `#id` (the jsdom Picker stands in an input for the wheel). */
export function pick(container: HTMLElement, selector: string, value: number | string): void {
  const field = container.querySelector(selector);
  if (!field) throw new Error(`no picker ${selector}`);
  const input = field.closest('.czt-picker')?.querySelector('.picker-value');
  if (!input) throw new Error(`no picker input for ${selector}`);
  fireEvent.change(input, { target: { value: String(value) } });
}

export const texts = (container: HTMLElement, selector: string): string[] =>
  Array.from(container.querySelectorAll(selector)).map((e) => (e.textContent ?? '').trim());
