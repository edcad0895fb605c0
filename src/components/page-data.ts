/**
 * What most pages do with the list they show: load it once the caller may see it and again each
 * time the page shows, then tell the page shell whether it is still loading, which error stands
 * in for the page, and what 重试 does.
 */
import { useDidShow } from '@tarojs/taro';
import { useEffect } from 'react';
import type { ApiError } from '../api/client';
import { useSessionStore } from '../stores/use-session-store';
import type { useSession } from './use-session';

/** Loads when registration is known, and each time the page shows to a registered person. */
export function useLoadForRegistered(registered: boolean, load: () => unknown): void {
  useEffect(() => {
    if (registered) void load();
  }, [registered, load]);
  useDidShow(() => {
    if (useSessionStore.getState().me?.registered) void load();
  });
}

export interface ListPage {
  session: ReturnType<typeof useSession>;
  /** The caller may see the list (registered, or holds the role). */
  allowed: boolean;
  value: unknown;
  error: ApiError | null;
  load: () => unknown;
}

/** The page shell's loading, error and 重试 for a page whose list is `value` (null until loaded). */
export function listPageState({ session, allowed, value, error, load }: ListPage) {
  const missing = allowed && value === null;
  return {
    loading: session.loading || (missing && !error),
    error: session.error ?? (missing ? error : null),
    onRetry: () => void (session.error ? session.load() : load()),
  };
}
