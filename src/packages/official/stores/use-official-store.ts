/**
 * The officials' console: the dashboard (`official.dashboard`), rankings (`official.ranking`),
 * the ledgers page by page (`official.ledger`), exports (`official.exportLedger`, `jobStatus`,
 * `myExports`) and the region tree (`account.regions`) for the ledger's region filter.
 * Kept in the subpackage so the main package does not carry it. It holds no business rules:
 * every number comes from the server as is. A newer request always wins over an older one.
 */
import { create, type StateCreator } from 'zustand';
import type {
  DashboardInput,
  DashboardView,
  ExportJobView,
  LedgerFilters,
  LedgerPage,
  RankingInput,
  RankingView,
  Region,
} from '../../../../cloudfunctions/contract';
import { type ApiError, call, toApiError } from '../../../api/client';
import { type LoadStatus, latestLoad, sharedRequest } from '../../../stores/loading';

/** Rows asked for per ledger page. */
export const LEDGER_PAGE_SIZE = 20;

export const isUnfinished = (job: ExportJobView): boolean => job.status === 'queued' || job.status === 'running';

export interface LedgerState {
  filters: LedgerFilters;
  title: string;
  columns: LedgerPage['columns'];
  rows: LedgerPage['rows'];
  next?: string;
}

export interface OfficialState {
  dashboard: DashboardView | null;
  dashboardStatus: LoadStatus;
  dashboardError: ApiError | null;
  /** Fetches the dashboard of a region and year (defaults: the caller's region, this year). Never rejects. */
  loadDashboard: (input: DashboardInput) => Promise<void>;

  ranking: RankingView | null;
  rankingStatus: LoadStatus;
  rankingError: ApiError | null;
  loadRanking: (input: RankingInput) => Promise<void>;

  ledger: LedgerState | null;
  ledgerStatus: LoadStatus;
  ledgerError: ApiError | null;
  /** Loading the next page (the rows loaded so far stay). */
  ledgerLoadingMore: boolean;
  ledgerMoreError: ApiError | null;
  /** Fetches the first page for `filters`, dropping the rows shown. Never rejects. */
  loadLedger: (filters: LedgerFilters) => Promise<void>;
  /** Fetches the page after the last one by the `next` cursor. Never rejects. */
  loadMoreLedger: () => Promise<void>;

  /** Voucher types for the ledgers' type filter (`voucher.listTypes` is the laborer's), from a dashboard. */
  voucherTypes: { code: string; name: string }[] | null;
  /** Reads them off the dashboard in the store, or asks for the caller's dashboard once. Never rejects. */
  loadVoucherTypes: () => Promise<void>;

  regions: Region[] | null;
  /** The last failure to load them (the pages that need them offer 重试). */
  regionsError: ApiError | null;
  /** The whole region tree, once. Never rejects (the filter then offers the caller's region only). */
  loadRegions: () => Promise<void>;

  exports: ExportJobView[] | null;
  exportsStatus: LoadStatus;
  exportsError: ApiError | null;
  /** The last poll's failure (jobs keep their last known state and polling goes on). */
  pollError: ApiError | null;
  loadExports: () => Promise<void>;
  /** Starts an export; rejects with an `ApiError`. The job is put first in the list. */
  startExport: (filters: LedgerFilters) => Promise<ExportJobView>;
  /** Asks for the state of every queued or running job once. Never rejects. */
  pollExports: () => Promise<void>;
}

/** Drops empty filters so the server applies its defaults. */
export function cleanFilters(filters: LedgerFilters): LedgerFilters {
  const out: LedgerFilters = { ledger: filters.ledger };
  for (const key of ['regionCode', 'from', 'to', 'type', 'status', 'band', 'occupation'] as const) {
    const value = filters[key];
    if (typeof value === 'string' && value.trim() !== '') (out as unknown as Record<string, string>)[key] = value.trim();
  }
  return out;
}

function upsertJob(jobs: ExportJobView[] | null, job: ExportJobView, first = false): ExportJobView[] {
  const list = jobs ?? [];
  if (list.some((j) => j.jobId === job.jobId)) return list.map((j) => (j.jobId === job.jobId ? job : j));
  return first ? [job, ...list] : [...list, job];
}

export const officialStateCreator: StateCreator<OfficialState> = (set, get) => {
  // The ledger's request counter: an answer is applied only if no newer ledger request has started.
  let ledgerSeq = 0;
  const voucherTypesOf = (d: DashboardView) => d.vouchers.map((v) => ({ code: v.type, name: v.name }));
  // Its own call: the dashboard page below in the stack keeps the region it shows.
  const loadVoucherTypes = sharedRequest(() =>
    call('official', 'dashboard', {})
      .then((d) => set({ voucherTypes: voucherTypesOf(d) }))
      .catch(() => undefined),
  );
  const loadRegions = sharedRequest(() =>
    call('account', 'regions', {})
      .then((regions) => set({ regions, regionsError: null }))
      .catch((e: unknown) => set({ regionsError: toApiError(e) })),
  );

  return {
    dashboard: null,
    dashboardStatus: 'idle',
    dashboardError: null,
    loadDashboard: latestLoad(set, ['dashboard', 'dashboardStatus', 'dashboardError'], (input: DashboardInput) => call('official', 'dashboard', input)),

    ranking: null,
    rankingStatus: 'idle',
    rankingError: null,
    loadRanking: latestLoad(set, ['ranking', 'rankingStatus', 'rankingError'], (input: RankingInput) => call('official', 'ranking', input)),

    ledger: null,
    ledgerStatus: 'idle',
    ledgerError: null,
    ledgerLoadingMore: false,
    ledgerMoreError: null,
    loadLedger: async (raw) => {
      const filters = cleanFilters(raw);
      const seq = ++ledgerSeq;
      set({ ledger: null, ledgerStatus: 'loading', ledgerError: null, ledgerLoadingMore: false, ledgerMoreError: null });
      try {
        const page = await call('official', 'ledger', { ...filters, limit: LEDGER_PAGE_SIZE });
        if (seq !== ledgerSeq) return;
        set({
          ledger: { filters, title: page.title, columns: page.columns, rows: page.rows, next: page.next },
          ledgerStatus: 'ready',
        });
      } catch (e) {
        if (seq === ledgerSeq) set({ ledgerStatus: 'error', ledgerError: toApiError(e) });
      }
    },
    loadMoreLedger: async () => {
      const current = get().ledger;
      if (!current?.next || get().ledgerLoadingMore) return;
      const seq = ledgerSeq;
      set({ ledgerLoadingMore: true, ledgerMoreError: null });
      try {
        const page = await call('official', 'ledger', { ...current.filters, after: current.next, limit: LEDGER_PAGE_SIZE });
        if (seq !== ledgerSeq) return;
        const seen = new Set(current.rows.map((r) => r.id));
        set({
          ledger: { ...current, columns: page.columns.length > 0 ? page.columns : current.columns, rows: [...current.rows, ...page.rows.filter((r) => !seen.has(r.id))], next: page.next },
          ledgerLoadingMore: false,
        });
      } catch (e) {
        if (seq === ledgerSeq) set({ ledgerLoadingMore: false, ledgerMoreError: toApiError(e) });
      }
    },

    voucherTypes: null,
    loadVoucherTypes: () => {
      if (get().voucherTypes) return Promise.resolve();
      const known = get().dashboard;
      if (known) {
        set({ voucherTypes: voucherTypesOf(known) });
        return Promise.resolve();
      }
      return loadVoucherTypes();
    },

    regions: null,
    regionsError: null,
    loadRegions: () => (get().regions ? Promise.resolve() : loadRegions()),

    exports: null,
    exportsStatus: 'idle',
    exportsError: null,
    pollError: null,
    loadExports: latestLoad<OfficialState, 'exports', void>(
      set,
      ['exports', 'exportsStatus', 'exportsError'],
      () => call('official', 'myExports', {}),
      () => set({ pollError: null }),
    ),
    startExport: async (raw) => {
      const job = await call('official', 'exportLedger', cleanFilters(raw));
      set({ exports: upsertJob(get().exports, job, true) });
      return job;
    },
    pollExports: sharedRequest(async () => {
      const waiting = (get().exports ?? []).filter(isUnfinished);
      for (const job of waiting) {
        try {
          const fresh = await call('official', 'jobStatus', { jobId: job.jobId });
          set({ exports: upsertJob(get().exports, fresh), pollError: null });
        } catch (e) {
          set({ pollError: toApiError(e) });
        }
      }
    }),
  };
};

export const useOfficialStore = create<OfficialState>()(officialStateCreator);
