/** R14.2 everything held about me: one card per collection, its lines, the first few until 展开. */
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { HeldCollection } from '../../../cloudfunctions/contract';

const FIRST = 3;

function HeldCard({ held }: { held: HeldCollection }) {
  const [open, setOpen] = useState(false);
  const lines = open ? held.lines : held.lines.slice(0, FIRST);
  return (
    <View className="czt-card my-data-held" data-collection={held.collection}>
      <View className="my-data-held-head">
        <Text className="my-data-held-title">{held.title}</Text>
        <Text className="my-data-held-count">{`${held.records.length}条`}</Text>
      </View>
      {lines.map((line, i) => (
        <Text key={i} className="my-data-line">
          {line}
        </Text>
      ))}
      {held.lines.length > FIRST ? (
        <View className="czt-link-row my-data-more" onClick={() => setOpen(!open)}>
          <Text>{open ? '收起' : `展开全部${held.lines.length}条`}</Text>
        </View>
      ) : null}
    </View>
  );
}

export function HeldCollections({ collections }: { collections: HeldCollection[] }) {
  return (
    <View id="my-data-held" className="my-data-held-list">
      {collections.map((c) => (
        <HeldCard key={c.collection} held={c} />
      ))}
    </View>
  );
}
