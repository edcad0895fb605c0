/**
 * The holder's certificates (`certificate.mine`) and verification by number + code
 * (`certificate.verify`, R7.2). No business rules: answers come from the server as is.
 */
import { create, type StateCreator } from 'zustand';
import type { CertificateView, VerifyView } from '../../cloudfunctions/contract';
import { ApiError, call, isApiError } from '../api/client';
import type { LoadStatus } from './use-class-store';

export interface CertificateState {
  /** Newest first (the server sorts). null until first loaded. */
  mine: CertificateView[] | null;
  mineStatus: LoadStatus;
  mineError: ApiError | null;
  /** Fetches the caller's certificates; concurrent calls share one request. Never rejects. */
  loadMine: () => Promise<void>;
  /** R7.2: anyone, no login; rejects with an `ApiError` (CERTIFICATE_NOT_FOUND for a wrong code). */
  verify: (number: string, code: string) => Promise<VerifyView>;
  reset: () => void;
}

const toApiError = (e: unknown): ApiError => (isApiError(e) ? e : new ApiError('INTERNAL'));

let mineInFlight: Promise<void> | null = null;

export const certificateStateCreator: StateCreator<CertificateState> = (set) => ({
  mine: null,
  mineStatus: 'idle',
  mineError: null,
  loadMine: () => {
    if (mineInFlight) return mineInFlight;
    set({ mineStatus: 'loading', mineError: null });
    mineInFlight = call('certificate', 'mine', {})
      .then((mine) => set({ mine, mineStatus: 'ready', mineError: null }))
      .catch((e: unknown) => set({ mineStatus: 'error', mineError: toApiError(e) }))
      .finally(() => {
        mineInFlight = null;
      });
    return mineInFlight;
  },
  verify: (number, code) => call('certificate', 'verify', { number, code }),
  reset: () => set({ mine: null, mineStatus: 'idle', mineError: null }),
});

export const useCertificateStore = create<CertificateState>()(certificateStateCreator);
