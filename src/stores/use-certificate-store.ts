/**
 * The holder's certificates (`certificate.mine`) and verification by number + code
 * (`certificate.verify`, R7.2). No business rules: answers come from the server as is.
 */
import { create, type StateCreator } from 'zustand';
import type { CertificateView, VerifyView } from '../../cloudfunctions/contract';
import { type ApiError, call } from '../api/client';
import { type LoadStatus, sharedLoad } from './loading';

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

const INITIAL = { mine: null, mineStatus: 'idle', mineError: null } as const;

export const certificateStateCreator: StateCreator<CertificateState> = (set) => ({
  ...INITIAL,
  loadMine: sharedLoad<CertificateState, 'mine'>(set, ['mine', 'mineStatus', 'mineError'], () => call('certificate', 'mine', {})),
  verify: (number, code) => call('certificate', 'verify', { number, code }),
  reset: () => set({ ...INITIAL }),
});

export const useCertificateStore = create<CertificateState>()(certificateStateCreator);
