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
import { ApiError, call, isApiError } from '../../../api/client';

export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error';

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

const toApiError = (e: unknown): ApiError => (isApiError(e) ? e : new ApiError('INTERNAL'));

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
  // Request counters: an answer is applied only if no newer request of its kind has started.
  let dashboardSeq = 0;
  let rankingSeq = 0;
  let ledgerSeq = 0;
  let regionsInFlight: Promise<void> | null = null;
  let voucherTypesInFlight: Promise<void> | null = null;
  let exportsSeq = 0;
  let pollInFlight: Promise<void> | null = null;

  return {
    dashboard: null,
    dashboardStatus: 'idle',
    dashboardError: null,
    loadDashboard: async (input) => {
      const seq = ++dashboardSeq;
      set({ dashboardStatus: 'loading', dashboardError: null });
      try {
        const dashboard = await call('official', 'dashboard', input);
        if (seq === dashboardSeq) set({ dashboard, dashboardStatus: 'ready' });
      } catch (e) {
        if (seq === dashboardSeq) set({ dashboardStatus: 'error', dashboardError: toApiError(e) });
      }
    },

    ranking: null,
    rankingStatus: 'idle',
    rankingError: null,
    loadRanking: async (input) => {
      const seq = ++rankingSeq;
      set({ rankingStatus: 'loading', rankingError: null });
      try {
        const ranking = await call('official', 'ranking', input);
        if (seq === rankingSeq) set({ ranking, rankingStatus: 'ready' });
      } catch (e) {
        if (seq === rankingSeq) set({ rankingStatus: 'error', rankingError: toApiError(e) });
      }
    },

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
        set({ voucherTypes: known.vouchers.map((v) => ({ code: v.type, name: v.name })) });
        return Promise.resolve();
      }
      if (voucherTypesInFlight) return voucherTypesInFlight;
      // Its own call: the dashboard page below in the stack keeps the region it shows.
      voucherTypesInFlight = call('official', 'dashboard', {})
        .then((d) => set({ voucherTypes: d.vouchers.map((v) => ({ code: v.type, name: v.name })) }))
        .catch(() => undefined)
        .finally(() => {
          voucherTypesInFlight = null;
        });
      return voucherTypesInFlight;
    },

    regions: null,
    loadRegions: () => {
      if (get().regions) return Promise.resolve();
      if (regionsInFlight) return regionsInFlight;
      regionsInFlight = call('account', 'regions', {})
        .then((regions) => set({ regions }))
        .catch(() => undefined)
        .finally(() => {
          regionsInFlight = null;
        });
      return regionsInFlight;
    },

    exports: null,
    exportsStatus: 'idle',
    exportsError: null,
    pollError: null,
    loadExports: async () => {
      const seq = ++exportsSeq;
      set({ exportsStatus: 'loading', exportsError: null });
      try {
        const exports = await call('official', 'myExports', {});
        if (seq === exportsSeq) set({ exports, exportsStatus: 'ready', pollError: null });
      } catch (e) {
        if (seq === exportsSeq) set({ exportsStatus: 'error', exportsError: toApiError(e) });
      }
    },
    startExport: async (raw) => {
      const job = await call('official', 'exportLedger', cleanFilters(raw));
      set({ exports: upsertJob(get().exports, job, true) });
      return job;
    },
    pollExports: () => {
      if (pollInFlight) return pollInFlight;
      const run = async () => {
        const waiting = (get().exports ?? []).filter(isUnfinished);
        for (const job of waiting) {
          try {
            const fresh = await call('official', 'jobStatus', { jobId: job.jobId });
            set({ exports: upsertJob(get().exports, fresh), pollError: null });
          } catch (e) {
            set({ pollError: toApiError(e) });
          }
        }
      };
      pollInFlight = run().finally(() => {
        pollInFlight = null;
      });
      return pollInFlight;
    },
  };
};

export const useOfficialStore = create<OfficialState>()(officialStateCreator);
