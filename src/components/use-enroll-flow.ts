/**
 * 报名 with its confirmation, wherever a class is offered (课程, and the classes a just-claimed
 * voucher pays for on 培训券): one request id per confirmation, kept across a network retry; a
 * class the caller has no voucher for claims the one it takes in the same step (R13).
 */
import type { ClassView } from '../../cloudfunctions/contract';
import { type CallOptions, isApiError } from '../api/client';
import { useClassStore } from '../stores/use-class-store';
import type { Attempt } from './use-confirmed-action';
import { useTakeFlow } from './use-take-flow';

export function useEnrollFlow(reload?: () => unknown) {
  const enrollOnce = async (c: ClassView, options: CallOptions, { retry }: Attempt) => {
    const store = useClassStore.getState();
    try {
      await store.enroll(c.id, options, c.forMe?.claimable ?? null);
    } catch (e) {
      // The first try went through before the network dropped: that is the enrollment.
      if (!(retry && isApiError(e) && e.code === 'ALREADY_ENROLLED')) throw e;
      void store.loadClasses();
    }
  };
  return useTakeFlow(enrollOnce, {
    moment: 'enrolled',
    verb: '报名',
    reload: reload ?? (() => useClassStore.getState().loadClasses()),
    doneTitle: '报名成功',
    done: (_answer, c) => c,
  });
}
