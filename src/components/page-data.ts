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

/** One thing a page needs before it can draw: its value (null until loaded), its failure, and how to ask again. */
export interface Needed {
  value: unknown;
  error: ApiError | null;
  retry: () => unknown;
}

/**
 * The page shell's loading, error and 重试 for a page that needs several answers: loading while
 * one is missing and has not failed; the first failure stands in for the page, and 重试 asks
 * again for what failed.
 */
export function neededPageState(session: ReturnType<typeof useSession>, allowed: boolean, needed: Needed[]) {
  const missing = allowed ? needed.filter((n) => n.value === null || n.value === undefined) : [];
  const failed = missing.find((n) => n.error);
  return {
    loading: session.loading || (!failed && missing.length > 0),
    error: session.error ?? failed?.error ?? null,
    onRetry: () => void (session.error ? session.load() : failed?.retry()),
  };
}
