/**
 * A row into one of the supply pages: its name, a line under it, the count waiting there (a red
 * badge, as on 消息) and ›. One tap, one page.
 */
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { CountBadge } from '../../../components/count-badge';

export interface EntryRowProps {
  id: string;
  title: string;
  text?: string;
  url: string;
  /** Shown as a badge when above 0. */
  count?: number;
}

export function EntryRow({ id, title, text, url, count = 0 }: EntryRowProps) {
  return (
    <View id={id} className="czt-link-row supply-entry" onClick={() => void Taro.navigateTo({ url })}>
      <View className="supply-entry-words">
        <Text className="supply-entry-title">{title}</Text>
        {text ? <Text className="supply-entry-text">{text}</Text> : null}
      </View>
      <View className="supply-entry-side">
        <CountBadge count={count} label={`${count}个待办`} />
        <Text className="czt-arrow">›</Text>
      </View>
    </View>
  );
}
