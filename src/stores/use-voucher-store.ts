/**
 * The caller's voucher types (with eligibility, computed by the server) and own vouchers.
 * Pages read it through selectors; it holds no business rules: every answer comes from the
 * `voucher` function as is.
 */
import { create, type StateCreator } from 'zustand';
import type { VoucherTypeView, VoucherView } from '../../cloudfunctions/contract';
import { ApiError, call, type CallOptions, isApiError } from '../api/client';

export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error';

export interface VoucherState {
  /** `voucher.listTypes`: eligible types first (the server sorts). null until first loaded. */
  types: VoucherTypeView[] | null;
  status: LoadStatus;
  error: ApiError | null;
  /** `voucher.mine`: newest first. null until first loaded. */
  mine: VoucherView[] | null;
  mineStatus: LoadStatus;
  mineError: ApiError | null;
  /** Fetches the types; concurrent calls share one request. Never rejects. */
  loadTypes: () => Promise<void>;
  /** Fetches the caller's vouchers; concurrent calls share one request. Never rejects. */
  loadMine: () => Promise<void>;
  /** Claims one voucher of `type`; rejects with an `ApiError`. Refreshes the types afterwards. */
  claim: (type: string, options?: CallOptions) => Promise<VoucherView>;
  /** Hands an unused voucher back; rejects with an `ApiError`. Refreshes both lists afterwards. */
  cancel: (voucherId: string, options?: CallOptions) => Promise<VoucherView>;
  /** Forgets everything (another person signed in). */
  reset: () => void;
}

const toApiError = (e: unknown): ApiError => (isApiError(e) ? e : new ApiError('INTERNAL'));

let typesInFlight: Promise<void> | null = null;
let mineInFlight: Promise<void> | null = null;

/**
 * After a claim or a cancel, reloads what is already shown. A load started before the change
 * may answer with the old state, so the reload waits for it and asks again.
 */
function refreshAfterChange(get: () => VoucherState): void {
  const { types, mine } = get();
  if (types || typesInFlight) void (typesInFlight ?? Promise.resolve()).then(() => get().loadTypes());
  if (mine || mineInFlight) void (mineInFlight ?? Promise.resolve()).then(() => get().loadMine());
}

export const voucherStateCreator: StateCreator<VoucherState> = (set, get) => ({
  types: null,
  status: 'idle',
  error: null,
  mine: null,
  mineStatus: 'idle',
  mineError: null,
  loadTypes: () => {
    if (typesInFlight) return typesInFlight;
    set({ status: 'loading', error: null });
    typesInFlight = call('voucher', 'listTypes', {})
      .then((types) => set({ types, status: 'ready', error: null }))
      .catch((e: unknown) => set({ status: 'error', error: toApiError(e) }))
      .finally(() => {
        typesInFlight = null;
      });
    return typesInFlight;
  },
  loadMine: () => {
    if (mineInFlight) return mineInFlight;
    set({ mineStatus: 'loading', mineError: null });
    mineInFlight = call('voucher', 'mine', {})
      .then((mine) => set({ mine, mineStatus: 'ready', mineError: null }))
      .catch((e: unknown) => set({ mineStatus: 'error', mineError: toApiError(e) }))
      .finally(() => {
        mineInFlight = null;
      });
    return mineInFlight;
  },
  claim: async (type, options) => {
    const voucher = await call('voucher', 'claim', { type }, options);
    refreshAfterChange(get);
    return voucher;
  },
  cancel: async (voucherId, options) => {
    const voucher = await call('voucher', 'cancel', { voucherId }, options);
    refreshAfterChange(get);
    return voucher;
  },
  reset: () => set({ types: null, status: 'idle', error: null, mine: null, mineStatus: 'idle', mineError: null }),
});

export const useVoucherStore = create<VoucherState>()(voucherStateCreator);
