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
import { dateTimeText } from '../../../cloudfunctions/core/china-date';
import { showError } from '../../api/client';
import { Button } from '../../components/nutui';
import { Notice, RetryNotice, WideButton } from '../../components/page-parts';
import { EmptyState, PageShell } from '../../components/page-shell';
import { useMessageStore } from '../../stores/use-message-store';
import { openPage } from '../../utils/open-page';
import './index.scss';

/** `2026年11月23日 09:05`, China time; nothing for a time that cannot be read. */
const timeText = (iso: string): string => (Number.isNaN(Date.parse(iso)) ? '' : dateTimeText(iso));

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
    openPage(m.page);
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
            {/* A failed reload is said (没有网络 …): "no messages" may only be the last list. */}
            <RetryNotice className="messages-load-error" message={error?.message} onRetry={() => void load()} />
            <EmptyState title="暂无消息" text="培训券快到期、明天上课、证书发放时，会在这里提醒您" />
          </View>
        ) : (
          <>
            <RetryNotice className="messages-load-error" message={error?.message} onRetry={() => void load()} />
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
            <Notice className="messages-more-error" text={moreError?.message} />
            {next ? (
              <WideButton id="messages-more" kind="secondary" className="messages-more" loading={moreStatus === 'loading'} row onClick={() => void loadMore()}>
                加载更多
              </WideButton>
            ) : (
              <Text className="czt-footnote messages-end">没有更多消息了</Text>
            )}
          </>
        )
      ) : null}
    </PageShell>
  );
}
