/**
 * Band C (over 60): one card per screen with one big button, and a row to the next one — fewer
 * choices at once for older users (课程 and 培训券 show only what can be taken).
 */
import { Text, View } from '@tarojs/components';
import { type ReactNode, useState } from 'react';
import { LinkRow } from './page-parts';

export interface OneAtATimeProps<T> {
  items: T[];
  /** Shown when there is nothing to take. */
  none: ReactNode;
  /** `class-one` → the box; `class-next` → the row to the next one. */
  className: string;
  nextClassName: string;
  /** The row's words, given how many others there are. */
  nextText: (others: number) => string;
  children: (item: T) => ReactNode;
}

export function OneAtATime<T>({ items, none, className, nextClassName, nextText, children }: OneAtATimeProps<T>) {
  const [index, setIndex] = useState(0);
  if (items.length === 0) return <>{none}</>;
  return (
    <View className={className}>
      {children(items[index % items.length])}
      {items.length > 1 ? (
        <LinkRow className={nextClassName} onClick={() => setIndex((i) => (i + 1) % items.length)}>
          {nextText(items.length - 1)}
        </LinkRow>
      ) : null}
    </View>
  );
}

/** A state line for band C when nothing is left to take: what, then where to look. */
export function NoneLeft({ className, title, text }: { className: string; title: string; text: string }) {
  return (
    <View className={`czt-state ${className}`}>
      <Text className="czt-state-title">{title}</Text>
      <Text className="czt-state-text">{text}</Text>
    </View>
  );
}
