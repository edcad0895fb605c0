/**
 * The caller's message centre (R10): messages newest first, the unread count for the badges,
 * marking read and paging on by the server's cursor. Holds no business rules: every answer comes
 * from the `message` function as is.
 */
import { create, type StateCreator } from 'zustand';
import type { MessageView } from '../../cloudfunctions/contract';
import { type ApiError, call, toApiError } from '../api/client';
import { type LoadStatus, sharedRequest } from './loading';

/** Messages per page (the server may answer fewer). */
export const MESSAGE_PAGE_SIZE = 20;

export interface MessageState {
  /** `message.list`, newest first, pages appended. null until first loaded. */
  items: MessageView[] | null;
  /** Unread messages in all (not only the loaded ones); 0 until known. */
  unread: number;
  /** The cursor for 加载更多; null when there is no more. */
  next: string | null;
  status: LoadStatus;
  error: ApiError | null;
  moreStatus: LoadStatus;
  moreError: ApiError | null;
  /** The first page again; concurrent calls share one request. Never rejects. */
  load: () => Promise<void>;
  /** The page after `next`, appended. Never rejects. */
  loadMore: () => Promise<void>;
  /** Only the unread count, for the badges on 首页 and 我的. Never rejects; failures are silent. */
  refreshUnread: () => Promise<void>;
  /** Marks one message read (at once on screen). Never rejects: a failure puts the dot back. */
  read: (id: string) => Promise<void>;
  /** Marks every message read; rejects with an `ApiError` (the page shows it). */
  readAll: () => Promise<void>;
  /** Forgets everything (another person signed in). */
  reset: () => void;
}

/** Appends `more` to `items`, keeping the first copy of any id (a page may overlap the last). */
function appendNew(items: MessageView[], more: MessageView[]): MessageView[] {
  const seen = new Set(items.map((m) => m.id));
  return [...items, ...more.filter((m) => !seen.has(m.id))];
}

const INITIAL = {
  items: null,
  unread: 0,
  next: null,
  status: 'idle',
  error: null,
  moreStatus: 'idle',
  moreError: null,
} as const;

export const messageStateCreator: StateCreator<MessageState> = (set, get) => {
  const more = sharedRequest(() => {
    set({ moreStatus: 'loading', moreError: null });
    return call('message', 'list', { after: get().next ?? undefined, limit: MESSAGE_PAGE_SIZE })
      .then((page) =>
        set((s) => ({
          items: appendNew(s.items ?? [], page.items),
          unread: page.unread,
          next: page.next ?? null,
          moreStatus: 'ready',
          moreError: null,
        })),
      )
      .catch((e: unknown) => set({ moreStatus: 'error', moreError: toApiError(e) }));
  });
  return {
    ...INITIAL,
    load: sharedRequest(() => {
      set({ status: 'loading', error: null });
      return call('message', 'list', { limit: MESSAGE_PAGE_SIZE })
        .then((page) => set({ items: page.items, unread: page.unread, next: page.next ?? null, status: 'ready', error: null }))
        .catch((e: unknown) => set({ status: 'error', error: toApiError(e) }));
    }),
    loadMore: () => {
      const { next, items } = get();
      return more.running() ?? (next && items ? more() : Promise.resolve());
    },
    refreshUnread: sharedRequest(() =>
      call('message', 'list', { limit: 1 })
        .then((page) => set({ unread: page.unread }))
        .catch(() => undefined),
    ),
    read: async (id) => {
      const target = get().items?.find((m) => m.id === id);
      const wasUnread = target ? !target.read : true;
      const mark = (read: boolean) =>
        set((s) => ({
          items: s.items ? s.items.map((m) => (m.id === id ? { ...m, read } : m)) : s.items,
          unread: wasUnread ? Math.max(0, s.unread + (read ? -1 : 1)) : s.unread,
        }));
      mark(true);
      try {
        const { unread } = await call('message', 'read', { id });
        set({ unread });
      } catch {
        // Still unread on the server: show it so again.
        if (wasUnread) mark(false);
      }
    },
    readAll: async () => {
      const { unread } = await call('message', 'read', {});
      set((s) => ({ items: s.items ? s.items.map((m) => (m.read ? m : { ...m, read: true })) : s.items, unread }));
    },
    reset: () => set({ ...INITIAL }),
  };
};

export const useMessageStore = create<MessageState>()(messageStateCreator);
