/**
 * 领取 and 报名: taking one from a list through its confirm card. One request id per confirmation
 * (use-confirmed-action), WeChat's consent sheet in the 确认 tap itself (R10.2: only a tap may
 * show it, once per confirmation, not again on a network retry), and the note of success kept
 * until the list shows again.
 */
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import type { SubscribeMoment } from '../../cloudfunctions/contract';
import type { CallOptions } from '../api/client';
import { askConsent, prefetchTemplates } from '../utils/subscribe';
import { type Attempt, useConfirmedAction } from './use-confirmed-action';

export interface TakeFlowOptions<S, R, D> {
  /** The reminders asked for on 确认 (their template ids are fetched now, so the tap can ask at once). */
  moment: SubscribeMoment;
  /** 领取 → 确认领取, 不会重复领取. */
  verb: string;
  /** Refused (full, quota gone, limit reached…): back to the list, which now says why. */
  reload: () => unknown;
  doneTitle?: string;
  /** What the note of success shows. */
  done: (answer: R, subject: S) => D;
}

export function useTakeFlow<S, R, D>(act: (subject: S, options: CallOptions, attempt: Attempt) => Promise<R>, o: TakeFlowOptions<S, R, D>) {
  const [done, setDone] = useState<D | null>(null);
  const { moment } = o;
  useEffect(() => {
    void prefetchTemplates(moment);
  }, [moment]);
  const flow = useConfirmedAction(act, {
    beforeTry: (_subject, { retry }) => {
      if (!retry) void askConsent(moment);
    },
    freshNotice: true,
    // It may have gone through: the server answers the same to the same request id.
    networkNotice: (message) => `${message}。点“确认${o.verb}”再试一次，不会重复${o.verb}`,
    reload: o.reload,
    doneTitle: o.doneTitle,
    onDone: (answer, subject) => setDone(o.done(answer, subject)),
  });
  const open = (subject: S) => {
    setDone(null);
    flow.ask(subject);
    void Taro.pageScrollTo({ scrollTop: 0, duration: 0 });
  };
  const close = () => {
    flow.keep();
    flow.setNotice(null);
  };
  return { flow, done, clearDone: () => setDone(null), open, close };
}
