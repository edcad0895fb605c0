/**
 * Who the caller is: registration, profile and roles (`account.whoami`).
 * Pages read it through selectors; it holds no business rules.
 */
import { create, type StateCreator } from 'zustand';
import type { RegisterInput, UpdateProfileInput, WhoAmI } from '../../cloudfunctions/contract';
import { type ApiError, call, type CallOptions, toApiError } from '../api/client';
import { type SharedRequest, sharedRequest } from './loading';

export type SessionStatus = 'idle' | 'loading' | 'ready' | 'error' | 'unauthenticated';

export interface SessionState {
  status: SessionStatus;
  me: WhoAmI | null;
  error: ApiError | null;
  /** Fetches whoami; concurrent calls share one request (`load.running()` is the one under way). */
  load: SharedRequest;
  /** Registers the caller; resolves with the new whoami, rejects with an `ApiError`. */
  register: (input: RegisterInput, options?: CallOptions) => Promise<WhoAmI>;
  updateProfile: (input: UpdateProfileInput, options?: CallOptions) => Promise<WhoAmI>;
}

export const sessionStateCreator: StateCreator<SessionState> = (set) => ({
  status: 'idle',
  me: null,
  error: null,
  load: sharedRequest(() => {
    set({ status: 'loading', error: null });
    return call('account', 'whoami', {})
      .then((me) => set({ status: 'ready', me, error: null }))
      .catch((e: unknown) => {
        const error = toApiError(e);
        // UNAUTHENTICATED only happens on the local H5 host before a demo identity is chosen.
        set({ status: error.code === 'UNAUTHENTICATED' ? 'unauthenticated' : 'error', error });
      });
  }),
  register: async (input, options) => {
    const me = await call('account', 'register', input, options);
    set({ status: 'ready', me, error: null });
    return me;
  },
  updateProfile: async (input, options) => {
    const me = await call('account', 'updateProfile', input, options);
    set({ status: 'ready', me, error: null });
    return me;
  },
});

export const useSessionStore = create<SessionState>()(sessionStateCreator);

/** Loads whoami unless it is already loaded or loading (pages call this on show). */
export function ensureSession(): Promise<void> {
  const { status, load } = useSessionStore.getState();
  return status === 'idle' || status === 'error' ? load() : Promise.resolve();
}
