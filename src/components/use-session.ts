/** Page hook: the caller's whoami, loaded when the page shows. */
import { useDidShow } from '@tarojs/taro';
import { useShallow } from 'zustand/react/shallow';
import { ensureSession, useSessionStore } from '../stores/use-session-store';

export function useSession() {
  const session = useSessionStore(
    useShallow((s) => ({ status: s.status, me: s.me, error: s.error, load: s.load })),
  );
  // Tab pages stay mounted; showing one again retries a failed load.
  useDidShow(() => {
    void ensureSession();
  });
  return {
    ...session,
    loading: session.status === 'idle' || session.status === 'loading',
  };
}
