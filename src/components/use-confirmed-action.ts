/**
 * Ask, then act once: every confirm step (领取, 报名, 退回, 退出, 结业) and every form that sends
 * one request (实名登记, 就业登记, 录入鉴定结果). One request id per confirmation, kept across a
 * network retry, so the server treats the retry as the same tap (R4.6); after a refusal the id
 * is dropped and what is shown is reloaded, since it may be out of date.
 */
import Taro from '@tarojs/taro';
import { useRef, useState } from 'react';
import { type ApiError, type CallOptions, newRequestId, showError, toApiError } from '../api/client';

/** What the action is told about the try: `retry` after a network failure of this confirmation. */
export interface Attempt {
  retry: boolean;
}

export interface ConfirmedActionOptions<S, R> {
  /** The toast after success. */
  doneTitle?: string;
  /** After success, with the answer. */
  onDone?: (answer: R, subject: S) => void;
  /** After any failure (the notice is set already). */
  onFailed?: (error: ApiError, subject: S) => void;
  /** Reloaded after a refusal: the page may be out of date. */
  reload?: () => unknown;
  /** Runs in the tap itself, before each try (R10.2: WeChat asks consent only from a tap). */
  beforeTry?: (subject: S, attempt: Attempt) => void;
  /** Checked while busy, before anything is sent: a text is shown as the notice and nothing is sent. */
  precheck?: (subject: S) => Promise<string | null>;
  /** The notice after a network failure (default: the error's message). */
  networkNotice?: (message: string) => string;
  /** Each try starts without the last try's notice (default: it stays until the answer). */
  freshNotice?: boolean;
  /** A refusal keeps the confirmation open and its request id (a batch retried is the same request). */
  keepAfterRefusal?: boolean;
  /** Toast failures (default true). */
  toastFailures?: boolean;
}

export interface ConfirmedAction<S> {
  /** What is being asked about, or null. */
  asking: S | null;
  busy: boolean;
  /** The last failure's message, shown on the page. */
  notice: string | null;
  setNotice: (notice: string | null) => void;
  /** Opens a confirmation with a new request id. */
  ask: (subject: S) => void;
  /** Closes it without acting. */
  keep: () => void;
  /** Acts on what is being asked about. */
  confirm: () => Promise<void>;
  /** Acts at once, with no ask step (a form's 提交): the id is kept until the answer is known. */
  submit: (subject: S) => Promise<void>;
  /** Drops the request id (the form changed, so the next send is a new request). */
  renew: () => void;
}

export function useConfirmedAction<S = string, R = unknown>(
  act: (subject: S, options: CallOptions, attempt: Attempt) => Promise<R>,
  options: ConfirmedActionOptions<S, R> = {},
): ConfirmedAction<S> {
  const [asking, setAsking] = useState<S | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const request = useRef<{ id: string; retry: boolean } | null>(null);
  const fresh = () => ({ id: newRequestId(), retry: false });

  const ask = (subject: S) => {
    request.current = fresh();
    setNotice(null);
    setAsking(subject);
  };
  const keep = () => {
    request.current = null;
    setAsking(null);
  };
  const renew = () => {
    request.current = null;
  };

  const failed = (error: ApiError, subject: S, tried: { retry: boolean }) => {
    if (error.code === 'NETWORK') tried.retry = true;
    else if (!options.keepAfterRefusal) {
      keep();
      void options.reload?.();
    }
    setNotice(error.code === 'NETWORK' && options.networkNotice ? options.networkNotice(error.message) : error.message);
    options.onFailed?.(error, subject);
    if (options.toastFailures !== false) showError(error);
  };

  const submit = async (subject: S) => {
    if (busy) return;
    const tried = request.current ?? fresh();
    request.current = tried;
    options.beforeTry?.(subject, { retry: tried.retry });
    if (options.freshNotice) setNotice(null);
    setBusy(true);
    try {
      const problem = options.precheck ? await options.precheck(subject) : null;
      if (problem) {
        setNotice(problem);
        return;
      }
      const answer = await act(subject, { requestId: tried.id }, { retry: tried.retry });
      keep();
      setNotice(null);
      if (options.doneTitle) void Taro.showToast({ title: options.doneTitle, icon: 'success' });
      options.onDone?.(answer, subject);
    } catch (e) {
      failed(toApiError(e), subject, tried);
    } finally {
      setBusy(false);
    }
  };
  const confirm = () => (asking === null ? Promise.resolve() : submit(asking));
  return { asking, busy, notice, setNotice, ask, keep, confirm, submit, renew };
}

/**
 * A form whose draft its confirmed action sends (`submit`): a change is a new request (the id is
 * renewed) and clears the last notice; sending shows the draft's first problem, or submits it.
 */
export function draftSending<D extends object>(
  flow: Pick<ConfirmedAction<D>, 'renew' | 'setNotice' | 'submit'>,
  draft: D,
  setDraft: (update: (d: D) => D) => void,
  problemOf: (d: D) => string | null,
): { change: (patch: Partial<D>) => void; send: () => void } {
  return {
    change: (patch) => {
      setDraft((d) => ({ ...d, ...patch }));
      flow.renew();
      flow.setNotice(null);
    },
    send: () => {
      const problem = problemOf(draft);
      if (problem) return flow.setNotice(problem);
      void flow.submit(draft);
    },
  };
}
