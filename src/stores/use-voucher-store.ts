/**
 * The caller's voucher types (with eligibility, computed by the server) and own vouchers.
 * Pages read it through selectors; it holds no business rules: every answer comes from the
 * `voucher` function as is.
 */
import { create, type StateCreator } from 'zustand';
import type { VoucherTypeView, VoucherView } from '../../cloudfunctions/contract';
import { type ApiError, call, type CallOptions } from '../api/client';
import { type LoadStatus, reloadAfterChange, sharedLoad } from './loading';

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

const INITIAL = { types: null, status: 'idle', error: null, mine: null, mineStatus: 'idle', mineError: null } as const;

export const voucherStateCreator: StateCreator<VoucherState> = (set, get) => {
  const loadTypes = sharedLoad<VoucherState, 'types'>(set, ['types', 'status', 'error'], () => call('voucher', 'listTypes', {}));
  const loadMine = sharedLoad<VoucherState, 'mine'>(set, ['mine', 'mineStatus', 'mineError'], () => call('voucher', 'mine', {}));
  /** After a claim or a cancel, both lists may have changed. */
  const changed = (voucher: VoucherView): VoucherView => {
    reloadAfterChange(get().types, loadTypes.running(), loadTypes);
    reloadAfterChange(get().mine, loadMine.running(), loadMine);
    return voucher;
  };
  return {
    ...INITIAL,
    loadTypes,
    loadMine,
    claim: async (type, options) => changed(await call('voucher', 'claim', { type }, options)),
    cancel: async (voucherId, options) => changed(await call('voucher', 'cancel', { voucherId }, options)),
    reset: () => set({ ...INITIAL }),
  };
};

export const useVoucherStore = create<VoucherState>()(voucherStateCreator);
