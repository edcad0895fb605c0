/**
 * The caller's employment reports (`employment.mine`, R8.1) and follow-ups after their
 * certificates (`employment.followUps`, R8.3). No business rules: answers come from the server.
 */
import { create, type StateCreator } from 'zustand';
import type { EmploymentReportInput, EmploymentView, FollowUpView } from '../../cloudfunctions/contract';
import { ApiError, call, type CallOptions, isApiError } from '../api/client';
import type { LoadStatus } from './use-class-store';

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

const toApiError = (e: unknown): ApiError => (isApiError(e) ? e : new ApiError('INTERNAL'));

let mineInFlight: Promise<void> | null = null;
let followUpsInFlight: Promise<void> | null = null;

export const employmentStateCreator: StateCreator<EmploymentState> = (set, get) => ({
  mine: null,
  mineStatus: 'idle',
  mineError: null,
  followUps: null,
  followUpsError: null,
  loadMine: () => {
    if (mineInFlight) return mineInFlight;
    set({ mineStatus: 'loading', mineError: null });
    mineInFlight = call('employment', 'mine', {})
      .then((mine) => set({ mine, mineStatus: 'ready', mineError: null }))
      .catch((e: unknown) => set({ mineStatus: 'error', mineError: toApiError(e) }))
      .finally(() => {
        mineInFlight = null;
      });
    return mineInFlight;
  },
  loadFollowUps: () => {
    if (followUpsInFlight) return followUpsInFlight;
    followUpsInFlight = call('employment', 'followUps', {})
      .then((followUps) => set({ followUps, followUpsError: null }))
      .catch((e: unknown) => set({ followUpsError: toApiError(e) }))
      .finally(() => {
        followUpsInFlight = null;
      });
    return followUpsInFlight;
  },
  report: async (input, options) => {
    const view = await call('employment', 'report', input, options);
    // Show the new report at once; then ask the server again (a load in flight may be stale).
    set({ mine: [view, ...(get().mine ?? [])] });
    void (mineInFlight ?? Promise.resolve()).then(() => get().loadMine());
    void (followUpsInFlight ?? Promise.resolve()).then(() => get().loadFollowUps());
    return view;
  },
  reset: () => set({ mine: null, mineStatus: 'idle', mineError: null, followUps: null, followUpsError: null }),
});

export const useEmploymentStore = create<EmploymentState>()(employmentStateCreator);

/** R8.3: follow-ups due now. */
export const dueFollowUps = (f: FollowUpView[] | null): FollowUpView[] => (f ?? []).filter((x) => x.status === 'due');
