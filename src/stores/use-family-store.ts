/**
 * R13.1 亲情代办: the caller's links (the elders they act for, the relatives who act or ask to act
 * for them), an official's requests waiting for an in-person approval, and whom the caller is
 * acting for now. Acting is kept on the phone (a relative who closes the app is still acting when
 * they come back, and every page says so); switching starts every laborer list afresh, in the
 * other person's name. Holds no business rules: every answer comes from the `family` function.
 */
import { create, type StateCreator } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import type { ProxyLinkView, RequestProxyInput } from '../../cloudfunctions/contract';
import { onActingEnded, setActingFor } from '../api/acting';
import { type ApiError, call, type CallOptions } from '../api/client';
import { type LoadStatus, reloadAfterChange, sharedLoad } from './loading';
import { useCertificateStore } from './use-certificate-store';
import { useClassStore } from './use-class-store';
import { useEmploymentStore } from './use-employment-store';
import { useMessageStore } from './use-message-store';
import { useSessionStore } from './use-session-store';
import { useVoucherStore } from './use-voucher-store';
import { taroStorage } from './taro-storage';

export interface MyLinks {
  asProxy: ProxyLinkView[];
  asElder: ProxyLinkView[];
}

/** Whom the caller acts for now. */
export interface ActingAs {
  linkId: string;
  personId: string;
  /** R2.4 masked, as the link shows it. */
  name: string;
}

export interface FamilyState {
  mine: MyLinks | null;
  mineStatus: LoadStatus;
  mineError: ApiError | null;
  /** Official: requests waiting for an in-person approval. */
  pending: ProxyLinkView[] | null;
  pendingStatus: LoadStatus;
  pendingError: ApiError | null;
  acting: ActingAs | null;
  /** Said once after acting stopped because the link had ended. */
  endedNotice: string | null;
  loadMine: () => Promise<void>;
  loadPending: () => Promise<void>;
  request: (input: RequestProxyInput, options?: CallOptions) => Promise<ProxyLinkView>;
  answer: (linkId: string, agree: boolean, options?: CallOptions) => Promise<ProxyLinkView>;
  approveInPerson: (linkId: string, options?: CallOptions) => Promise<ProxyLinkView>;
  end: (linkId: string, options?: CallOptions) => Promise<ProxyLinkView>;
  /** Acts in the elder's name from now on (an active link of mine). */
  startActing: (link: ProxyLinkView) => void;
  /** Back to oneself. */
  stopActing: (notice?: string) => void;
  clearEndedNotice: () => void;
}

export const ACTING_ENDED_NOTICE = '代办关系已结束，已切换回您自己';

/** Every list shown in someone's name starts again, and whoami tells the pages who that is now. */
function switchPerson(personId: string | null): void {
  setActingFor(personId);
  for (const store of [useVoucherStore, useClassStore, useCertificateStore, useMessageStore, useEmploymentStore]) store.getState().reset();
  const session = useSessionStore.getState();
  useSessionStore.setState({ status: 'loading', me: null, error: null });
  // A whoami under way was asked in the other name: ask again after it.
  void (session.load.running() ?? Promise.resolve()).then(() => useSessionStore.getState().load());
}

const INITIAL = {
  mine: null,
  mineStatus: 'idle',
  mineError: null,
  pending: null,
  pendingStatus: 'idle',
  pendingError: null,
  acting: null,
  endedNotice: null,
} as const;

export const familyStateCreator: StateCreator<FamilyState> = (set, get) => {
  const loadMine = sharedLoad<FamilyState, 'mine'>(set, ['mine', 'mineStatus', 'mineError'], () => call('family', 'mine', {}));
  const loadPending = sharedLoad<FamilyState, 'pending'>(set, ['pending', 'pendingStatus', 'pendingError'], () => call('family', 'pending', {}));
  /** After a change, the lists shown may be out of date. */
  const changed = (link: ProxyLinkView): ProxyLinkView => {
    reloadAfterChange(get().mine, loadMine.running(), loadMine);
    reloadAfterChange(get().pending, loadPending.running(), loadPending);
    // The link I am acting under has just ended.
    if (link.status !== 'active' && get().acting?.linkId === link.linkId) get().stopActing();
    return link;
  };
  return {
    ...INITIAL,
    loadMine,
    loadPending,
    request: async (input, options) => changed(await call('family', 'request', input, options)),
    answer: async (linkId, agree, options) => changed(await call('family', 'answer', { linkId, agree }, options)),
    approveInPerson: async (linkId, options) => changed(await call('family', 'approveInPerson', { linkId, idCardSeen: true }, options)),
    end: async (linkId, options) => changed(await call('family', 'end', { linkId }, options)),
    startActing: (link) => {
      set({ acting: { linkId: link.linkId, personId: link.elderPersonId, name: link.elderName }, endedNotice: null });
      switchPerson(link.elderPersonId);
    },
    stopActing: (notice) => {
      if (!get().acting) return;
      set({ acting: null, endedNotice: notice ?? null });
      switchPerson(null);
    },
    clearEndedNotice: () => set({ endedNotice: null }),
  };
};

export const useFamilyStore = create<FamilyState>()(
  persist(familyStateCreator, {
    name: 'czt-family',
    version: 1,
    storage: createJSONStorage(() => taroStorage),
    partialize: (s) => ({ acting: s.acting }),
    // Storage is synchronous: the client knows whom it acts for before the first call.
    onRehydrateStorage: () => (state) => setActingFor(state?.acting?.personId ?? null),
  }),
);

// R13.1 the server says the link has ended (the elder ended it, or an official): back to oneself.
onActingEnded(() => useFamilyStore.getState().stopActing(ACTING_ENDED_NOTICE));

/** Whom the caller acts for now, or null. */
export const useActing = (): ActingAs | null => useFamilyStore((s) => s.acting);
