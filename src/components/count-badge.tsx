/** NutUI's Badge, large and red: how many are waiting (unread messages, classes to review); `99+` past 99. */
import { View } from '@tarojs/components';
import { Badge } from './nutui';
import './count-badge.scss';

export function CountBadge({ count, label }: { count: number; label: string }) {
  if (count <= 0) return null;
  return (
    <View aria-label={label}>
      <Badge className="unread-badge" value={count} max={99} />
    </View>
  );
}
