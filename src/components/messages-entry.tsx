/**
 * The 消息 entry with the unread count, on 首页 and 我的: one row, one tap to the message centre.
 * Refreshes the count when mounted and each time the page shows (failures keep the old count).
 */
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useEffect } from 'react';
import { useMessageStore } from '../stores/use-message-store';
import { URLS } from '../utils/routes';
import { CountBadge } from './count-badge';
import './messages-entry.scss';

export function MessagesEntry({ id, className }: { id: string; className?: string }) {
  const unread = useMessageStore((s) => s.unread);
  useEffect(() => {
    void useMessageStore.getState().refreshUnread();
  }, []);
  useDidShow(() => {
    void useMessageStore.getState().refreshUnread();
  });
  return (
    <View
      id={id}
      className={`czt-link-row messages-entry ${className ?? ''}`}
      onClick={() => void Taro.navigateTo({ url: URLS.messages })}
    >
      <Text className="messages-entry-title">消息</Text>
      <View className="messages-entry-side">
        <CountBadge count={unread} label={`${unread}条未读`} />
        <Text className="czt-arrow">›</Text>
      </View>
    </View>
  );
}
