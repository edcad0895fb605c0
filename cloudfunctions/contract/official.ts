/**
 * official: the officials' console (R9).
 */
import type { DashboardMetric, ExportKind, LedgerKind } from '../core/dashboard';
import type { Band, PlaceRef, RegionLevel } from './common';
import type { UsageView } from './usage';

export type { DashboardMetric, ExportKind, LedgerKind } from '../core/dashboard';

// ---- Officials' console (R9) ----


export interface MetricProgress {
  metric: DashboardMetric;
  name: string;
  actual: number;
  target: number | null;
  /** R9.4: actual ÷ target × 100, rounded half-up to 2 decimals (`'115.83'`); null without a target. */
  completion: string | null;
  /** Where an even pace through the year would be by `asOf`: ⌊target × elapsed share⌉. */
  expected: number | null;
  /** actual ≥ expected (null without a target). */
  onPace: boolean | null;
}

export interface DashboardInput {
  /** Default: the caller's own region. */
  regionCode?: string;
  /** R11 only this project's classes: trainings and certificates, against its yearly target. */
  projectId?: string;
  /** Default: this year (China time). */
  year?: number;
}

export interface ChildProgress {
  region: PlaceRef;
  metrics: Pick<MetricProgress, 'metric' | 'actual' | 'target' | 'completion'>[];
}

export interface DashboardView {
  region: PlaceRef & { level: RegionLevel };
  /** Set when filtered by a project (R11): then only trainings and certificates are shown. */
  project: { id: string; name: string; targetTrainees: number } | null;
  year: number;
  /** The day the pace is measured at: today, or the year's last day for a past year. */
  asOf: string;
  /** The share of the year gone by `asOf`, in percent (`'89.86'`): the pace line. */
  pace: string;
  registeredLaborers: number;
  metrics: MetricProgress[];
  /** The regions one level down (counties of a city, cities of a province). */
  children: ChildProgress[];
  byBand: { band: Band | '-'; name: string; values: Record<DashboardMetric, number> }[];
  byMonth: { month: number; values: Record<DashboardMetric, number> }[];
  vouchers: { type: string; name: string; claimed: number; redeemed: number; expired: number; cancelled: number }[];
  trainings: { started: number; withdrawn: number; completed: number; notCompleted: number };
  /** R8.3 / D26: people first certified in the year, and how many of them reported work since. */
  employment: { certified: number; employed: number; rate: string | null };
  /** R12.3 vouchers issued, used and expired unused per type and region, the usage rate, and the reach (D48, D49). */
  usage: UsageView;
  subsidies: {
    granted: number;
    amountFen: number;
    refused: number;
    withdrawn: number;
    /** R12.1 fen standing at each settlement stage: applied (申领), approved (审核通过), paid (已拨付), to recover (追回). */
    appliedFen: number;
    approvedFen: number;
    paidFen: number;
    paid: number;
    recoveredFen: number;
  };
}

export interface RankingInput {
  regionCode?: string;
  year?: number;
  metric: DashboardMetric;
  /** Year to date up to and including this month (1–12). Default: the whole year, or this month in the current year. */
  month?: number;
}

export interface RankingView {
  region: PlaceRef;
  year: number;
  month: number;
  metric: DashboardMetric;
  metricName: string;
  rows: { rank: number; region: PlaceRef; actual: number; target: number | null; completion: string | null }[];
}

export interface TargetView {
  region: PlaceRef;
  year: number;
  metric: DashboardMetric;
  metricName: string;
  target: number;
  updatedAt: string;
}

export interface LedgerFilters {
  ledger: LedgerKind;
  /** Default: the caller's region. A county, city or province inside it. */
  regionCode?: string;
  /** China dates `YYYY-MM-DD`, inclusive. Default: this year. */
  from?: string;
  to?: string;
  /** Voucher type, certificate kind or place of work, by ledger. */
  type?: string;
  status?: string;
  band?: Band;
  occupation?: string;
}

export interface LedgerColumn {
  key: string;
  title: string;
}

export type LedgerRow = Record<string, string | number | null> & { id: string };

export interface LedgerPage {
  ledger: LedgerKind;
  title: string;
  columns: LedgerColumn[];
  rows: LedgerRow[];
  next?: string;
}

/** A finished export's short-lived download link (R9.5, owner only). */
export interface ExportDownload {
  jobId: string;
  fileName: string;
  /** Locally the gateway's path; in the cloud a temporary URL. */
  url: string;
  expiresAt: string;
}

export type ExportStatus = 'queued' | 'running' | 'done' | 'failed';

export interface ExportJobView {
  jobId: string;
  ledger: ExportKind;
  title: string;
  /** The filters in words, e.g. `吕梁市 · 2021-01-01 至 2021-12-31 · A段`. */
  summary: string;
  status: ExportStatus;
  rows: number;
  total: number;
  /** 0–100. */
  progress: number;
  fileName: string;
  /** Done and stored: the owner asks `official.downloadExport` for a short-lived link. */
  downloadable: boolean;
  /** Officials get full ID numbers; the export is logged in the ledger either way. */
  fullIdNumbers: boolean;
  createdAt: string;
  finishedAt: string | null;
  error: string | null;
}
