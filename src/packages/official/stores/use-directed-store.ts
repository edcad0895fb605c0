/**
 * 定向发券 (R12.2): the official's directed issues (`official.directedJobs`), one issue's report
 * (`official.directedJob`, which also moves an unfinished list on), issuing a list
 * (`official.issueDirected`), closing one (`official.closeDirected`), and the voucher types to
 * choose from (`voucher.catalogue`). No business rules: every count and reason is the server's.
 */
import { create, type StateCreator } from 'zustand';
import type { DirectedIssueInput, DirectedJobView, DirectedReport, VoucherCatalogueItem } from '../../../../cloudfunctions/contract';
import { type ApiError, type CallOptions, call } from '../../../api/client';
import { type LoadStatus, latestLoad, sharedLoad } from '../../../stores/loading';

export interface DirectedState {
  types: VoucherCatalogueItem[] | null;
  typesStatus: LoadStatus;
  typesError: ApiError | null;
  loadTypes: () => Promise<void>;

  jobs: DirectedJobView[] | null;
  jobsStatus: LoadStatus;
  jobsError: ApiError | null;
  /** The region's issues, newest first. Never rejects. */
  loadJobs: (regionCode?: string) => Promise<void>;

  report: DirectedReport | null;
  reportStatus: LoadStatus;
  reportError: ApiError | null;
  /** One issue and every line not issued; asked again while it runs. Never rejects. */
  loadReport: (listId: string) => Promise<void>;

  /** Issues a list; rejects with an `ApiError`. The job goes first in the list, its report follows. */
  issue: (input: DirectedIssueInput, options: CallOptions) => Promise<DirectedJobView>;
  /** Closes an issue for later registrations; rejects with an `ApiError`. */
  close: (listId: string, options: CallOptions) => Promise<DirectedJobView>;
}

function withJob(jobs: DirectedJobView[] | null, job: DirectedJobView): DirectedJobView[] {
  const rest = (jobs ?? []).filter((j) => j.listId !== job.listId);
  return [job, ...rest];
}

export const directedStateCreator: StateCreator<DirectedState> = (set, get) => ({
  types: null,
  typesStatus: 'idle',
  typesError: null,
  loadTypes: sharedLoad(set, ['types', 'typesStatus', 'typesError'], () => call('voucher', 'catalogue', {})),

  jobs: null,
  jobsStatus: 'idle',
  jobsError: null,
  loadJobs: latestLoad(set, ['jobs', 'jobsStatus', 'jobsError'], (regionCode?: string) => call('official', 'directedJobs', regionCode ? { regionCode } : {})),

  report: null,
  reportStatus: 'idle',
  reportError: null,
  loadReport: latestLoad(
    set,
    ['report', 'reportStatus', 'reportError'],
    (listId: string) => call('official', 'directedJob', { listId }),
    (report) => set({ jobs: get().jobs ? withJob(get().jobs, report.job) : get().jobs }),
  ),

  issue: async (input, options) => {
    const job = await call('official', 'issueDirected', input, options);
    set({ jobs: withJob(get().jobs, job), report: null });
    void get().loadReport(job.listId);
    return job;
  },
  close: async (listId, options) => {
    const job = await call('official', 'closeDirected', { listId }, options);
    const report = get().report;
    set({ jobs: withJob(get().jobs, job), report: report && report.job.listId === listId ? { ...report, job } : report });
    return job;
  },
});

export const useDirectedStore = create<DirectedState>()(directedStateCreator);
