/**
 * 消息 (R10): the caller's reminders, newest first, for every role. Unread ones are bold with a
 * dot; tapping one marks it read and opens its page; 全部已读; 加载更多 by the server's cursor.
 * Large type and one action per message (the whole card), for older users.
 */
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { MessageView } from '../../../cloudfunctions/contract';
import { showError } from '../../api/client';
import { Button } from '../../components/nutui';
import { EmptyState, PageShell } from '../../components/page-shell';
import { useMessageStore } from '../../stores/use-message-store';
import { chineseDateOf } from '../../utils/china-dates';
import './index.scss';

/** Tab-bar pages: only `switchTab` opens them (and it takes no query). */
export const TAB_PAGES = [
  '/pages/index/index',
  '/pages/vouchers/index',
  '/pages/classes/index',
  '/pages/certificates/index',
  '/pages/me/index',
] as const;

/** Opens a message's page: `pages/x/index` or `/pages/x/index?a=b`; nothing when empty. */
export function openMessagePage(page: string): void {
  const trimmed = page.trim();
  if (!trimmed) return;
  const url = trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
  const path = url.split('?')[0];
  if ((TAB_PAGES as readonly string[]).includes(path)) void Taro.switchTab({ url: path });
  else void Taro.navigateTo({ url });
}

const CHINA_OFFSET_MS = 8 * 3_600_000;
const pad2 = (n: number) => String(n).padStart(2, '0');

/** `2026年11月23日 09:05`, China time. */
function timeText(iso: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return '';
  const china = new Date(at.getTime() + CHINA_OFFSET_MS);
  return `${chineseDateOf(iso)} ${pad2(china.getUTCHours())}:${pad2(china.getUTCMinutes())}`;
}

function MessageItem({ m, onOpen }: { m: MessageView; onOpen: (m: MessageView) => void }) {
  return (
    <View
      className={`czt-card message-item ${m.read ? 'is-read' : 'is-unread'}`}
      data-kind={m.kind}
      data-id={m.id}
      onClick={() => onOpen(m)}
    >
      <View className="message-head">
        {m.read ? null : <View className="message-dot" aria-label="未读" />}
        <Text className="message-title">{m.title}</Text>
      </View>
      <Text className="message-text">{m.text}</Text>
      <View className="message-foot">
        <Text className="message-time">{timeText(m.createdAt)}</Text>
        {m.page ? <Text className="message-open">查看 ›</Text> : null}
      </View>
    </View>
  );
}

export default function MessagesPage() {
  const { items, unread, next, status, error, moreStatus, moreError, load, loadMore, read, readAll } = useMessageStore(
    useShallow((s) => ({
      items: s.items,
      unread: s.unread,
      next: s.next,
      status: s.status,
      error: s.error,
      moreStatus: s.moreStatus,
      moreError: s.moreError,
      load: s.load,
      loadMore: s.loadMore,
      read: s.read,
      readAll: s.readAll,
    })),
  );
  const [readingAll, setReadingAll] = useState(false);

  // Every time the page shows: new reminders may have come in.
  useDidShow(() => {
    void useMessageStore.getState().load();
  });

  const open = (m: MessageView) => {
    if (!m.read) void read(m.id);
    openMessagePage(m.page);
  };
  const markAll = async () => {
    if (readingAll) return;
    setReadingAll(true);
    try {
      await readAll();
      void Taro.showToast({ title: '已全部标为已读', icon: 'none' });
    } catch (e) {
      showError(e);
    } finally {
      setReadingAll(false);
    }
  };

  const loading = items === null && status !== 'error';
  const pageError = items === null ? error : null;

  return (
    <PageShell className="page-messages" loading={loading} error={pageError} onRetry={() => void load()}>
      {items ? (
        items.length === 0 ? (
          <View id="messages-empty">
            <EmptyState title="暂无消息" text="培训券快到期、明天上课、证书发放时，会在这里提醒您" />
          </View>
        ) : (
          <>
            {error ? (
              <View className="czt-notice messages-load-error" onClick={() => void load()}>
                <Text>{`${error.message}（点此重试）`}</Text>
              </View>
            ) : null}
            <View className="messages-head">
              <Text id="messages-unread" className="messages-unread">
                {unread > 0 ? `${unread}条未读` : '没有未读消息'}
              </Text>
              <Button
                id="messages-read-all"
                className="czt-secondary-button messages-read-all"
                size="large"
                disabled={unread === 0}
                loading={readingAll}
                onClick={() => void markAll()}
              >
                全部已读
              </Button>
            </View>
            <View id="message-list" className="message-list">
              {items.map((m) => (
                <MessageItem key={m.id} m={m} onOpen={open} />
              ))}
            </View>
            {moreError ? (
              <View className="czt-notice messages-more-error">
                <Text>{moreError.message}</Text>
              </View>
            ) : null}
            {next ? (
              <View className="czt-button-row">
                <Button
                  id="messages-more"
                  className="czt-secondary-button messages-more"
                  size="xlarge"
                  block
                  loading={moreStatus === 'loading'}
                  onClick={() => void loadMore()}
                >
                  加载更多
                </Button>
              </View>
            ) : (
              <Text className="czt-footnote messages-end">没有更多消息了</Text>
            )}
          </>
        )
      ) : null}
    </PageShell>
  );
}
