/**
 * The caller's employment reports (`employment.mine`, R8.1) and follow-ups after their
 * certificates (`employment.followUps`, R8.3). No business rules: answers come from the server.
 */
import { create, type StateCreator } from 'zustand';
import type { EmploymentReportInput, EmploymentView, FollowUpView } from '../../cloudfunctions/contract';
import { type ApiError, call, type CallOptions, toApiError } from '../api/client';
import { type LoadStatus, sharedLoad, sharedRequest } from './loading';

export interface EmploymentState {
  /** Newest first (the server sorts). null until first loaded. */
  mine: EmploymentView[] | null;
  mineStatus: LoadStatus;
  mineError: ApiError | null;
  followUps: FollowUpView[] | null;
  followUpsError: ApiError | null;
  /** Never rejects; concurrent calls share one request. */
  loadMine: () => Promise<void>;
  /** Never rejects; concurrent calls share one request. */
  loadFollowUps: () => Promise<void>;
  /** R8.1: a new report; rejects with an `ApiError`. Reloads history and follow-ups afterwards. */
  report: (input: EmploymentReportInput, options?: CallOptions) => Promise<EmploymentView>;
  reset: () => void;
}

const INITIAL = { mine: null, mineStatus: 'idle', mineError: null, followUps: null, followUpsError: null } as const;

export const employmentStateCreator: StateCreator<EmploymentState> = (set, get) => {
  const loadMine = sharedLoad<EmploymentState, 'mine'>(set, ['mine', 'mineStatus', 'mineError'], () => call('employment', 'mine', {}));
  const loadFollowUps = sharedRequest(() =>
    call('employment', 'followUps', {})
      .then((followUps) => set({ followUps, followUpsError: null }))
      .catch((e: unknown) => set({ followUpsError: toApiError(e) })),
  );
  return {
    ...INITIAL,
    loadMine,
    loadFollowUps,
    report: async (input, options) => {
      const view = await call('employment', 'report', input, options);
      // Show the new report at once; then ask the server again (a load in flight may be stale).
      set({ mine: [view, ...(get().mine ?? [])] });
      void (loadMine.running() ?? Promise.resolve()).then(() => loadMine());
      void (loadFollowUps.running() ?? Promise.resolve()).then(() => loadFollowUps());
      return view;
    },
    reset: () => set({ ...INITIAL }),
  };
};

export const useEmploymentStore = create<EmploymentState>()(employmentStateCreator);

/** R8.3: follow-ups due now. */
export const dueFollowUps = (f: FollowUpView[] | null): FollowUpView[] => (f ?? []).filter((x) => x.status === 'due');
