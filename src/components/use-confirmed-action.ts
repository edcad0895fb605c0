/**
 * Ask, then act once: the confirm step of 退回 and 退出. One request id per confirmation, kept
 * across a network retry (so the server can treat the retry as the same tap); after any other
 * failure the list is reloaded, since it may be out of date.
 */
import Taro from '@tarojs/taro';
import { useRef, useState } from 'react';
import { ApiError, type CallOptions, isApiError, newRequestId, showError } from '../api/client';

export interface ConfirmedAction {
  /** The id being asked about, or null. */
  asking: string | null;
  busy: boolean;
  /** The last failure's message, shown on the page. */
  notice: string | null;
  ask: (id: string) => void;
  keep: () => void;
  confirm: () => Promise<void>;
}

export function useConfirmedAction(
  act: (id: string, options: CallOptions) => Promise<unknown>,
  options: { doneTitle: string; reload: () => unknown },
): ConfirmedAction {
  const [asking, setAsking] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const requestId = useRef<string | null>(null);

  const ask = (id: string) => {
    requestId.current = newRequestId();
    setNotice(null);
    setAsking(id);
  };
  const keep = () => {
    requestId.current = null;
    setAsking(null);
  };
  const confirm = async () => {
    if (!asking || busy) return;
    const id = requestId.current ?? newRequestId();
    requestId.current = id;
    setBusy(true);
    try {
      await act(asking, { requestId: id });
      requestId.current = null;
      setAsking(null);
      setNotice(null);
      void Taro.showToast({ title: options.doneTitle, icon: 'success' });
    } catch (e) {
      const err = isApiError(e) ? e : new ApiError('INTERNAL');
      if (err.code !== 'NETWORK') {
        requestId.current = null;
        setAsking(null);
        void options.reload();
      }
      setNotice(err.message);
      showError(err);
    } finally {
      setBusy(false);
    }
  };
  return { asking, busy, notice, ask, keep, confirm };
}
