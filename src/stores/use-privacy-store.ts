/**
 * R14 the caller's standing with the privacy guide and real names (`privacy.status`), their copy
 * of everything held (`privacy.myData`), and the steps that change them. No rules here: the server
 * answers, the store keeps the answer.
 */
import { create, type StateCreator } from 'zustand';
import type { CloseAccountResult, FaceCheckResult, FaceCheckStart, FacePurpose, MyDataCopy, PrivacyStatus } from '../../cloudfunctions/contract';
import { PRIVACY_GUIDE } from '../../cloudfunctions/core/privacy';
import { type ApiError, call, type CallOptions } from '../api/client';
import { type LoadStatus, sharedLoad } from './loading';
import { useSessionStore } from './use-session-store';

export interface PrivacyState {
  status: PrivacyStatus | null;
  statusState: LoadStatus;
  statusError: ApiError | null;
  copy: MyDataCopy | null;
  copyState: LoadStatus;
  copyError: ApiError | null;
  /** Never rejects; concurrent calls share one request. */
  loadStatus: () => Promise<void>;
  /** Never rejects. */
  loadCopy: () => Promise<void>;
  /** R14.1 agree to the guide the app shows (core's version); rejects with an `ApiError`. */
  agree: (options?: CallOptions) => Promise<PrivacyStatus>;
  withdraw: (options?: CallOptions) => Promise<PrivacyStatus>;
  /** R14.2 注销: the session is reloaded (no longer registered). */
  close: (options?: CallOptions) => Promise<CloseAccountResult>;
  startFaceCheck: (purpose: FacePurpose, classId?: string) => Promise<FaceCheckStart>;
  finishFaceCheck: (verifyId: string, options?: CallOptions) => Promise<FaceCheckResult>;
  reset: () => void;
}

const INITIAL = { status: null, statusState: 'idle', statusError: null, copy: null, copyState: 'idle', copyError: null } as const;

export const privacyStateCreator: StateCreator<PrivacyState> = (set, get) => {
  const loadStatus = sharedLoad<PrivacyState, 'status'>(set, ['status', 'statusState', 'statusError'], () => call('privacy', 'status', {}));
  const loadCopy = sharedLoad<PrivacyState, 'copy'>(set, ['copy', 'copyState', 'copyError'], () => call('privacy', 'myData', {}));
  const keep = (status: PrivacyStatus) => {
    set({ status, statusState: 'ready', statusError: null });
    return status;
  };
  return {
    ...INITIAL,
    loadStatus,
    loadCopy,
    agree: async (options) => keep(await call('privacy', 'agree', { version: PRIVACY_GUIDE.version }, options)),
    withdraw: async (options) => keep(await call('privacy', 'withdraw', {}, options)),
    close: async (options) => {
      const closed = await call('privacy', 'close', { confirm: true }, options);
      set({ copy: null, copyState: 'idle' });
      await Promise.all([useSessionStore.getState().load(), get().loadStatus()]);
      return closed;
    },
    startFaceCheck: (purpose, classId) => call('privacy', 'startFaceCheck', classId ? { purpose, classId } : { purpose }),
    finishFaceCheck: async (verifyId, options) => {
      const result = await call('privacy', 'finishFaceCheck', { verifyId }, options);
      await get().loadStatus();
      return result;
    },
    reset: () => set({ ...INITIAL }),
  };
};

export const usePrivacyStore = create<PrivacyState>()(privacyStateCreator);
