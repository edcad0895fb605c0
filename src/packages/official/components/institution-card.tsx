/** One institution in 机构库 / 评价库: name, status, whether it is an evaluation body, where, what it trains. */
import { Text, View } from '@tarojs/components';
import type { InstitutionView } from '../../../../cloudfunctions/contract';

export const trainsText = (i: InstitutionView): string =>
  i.trains.length > 0 ? i.trains.map((t) => `${t.occupationName}（${t.levelsText}）`).join('、') : '还没有可培训的职业';

export function StatusTags({ institution: i }: { institution: InstitutionView }) {
  return (
    <View className="supply-tags">
      <Text className={`supply-tag institution-status is-${i.status}`}>{i.statusName}</Text>
      {i.evaluationBody ? <Text className="supply-tag is-evaluation">评价机构</Text> : null}
    </View>
  );
}

export function InstitutionCard({ institution: i, onOpen }: { institution: InstitutionView; onOpen: () => void }) {
  return (
    <View className="czt-card institution-card" data-institution-id={i.id} onClick={onOpen}>
      <Text className="czt-card-title institution-name">{i.name}</Text>
      <StatusTags institution={i} />
      <Text className="supply-line">{`${i.kindName} · ${i.county.name}${i.township.name}`}</Text>
      <Text className="supply-line">{`可培训：${trainsText(i)}`}</Text>
      <Text className="supply-open">查看 ›</Text>
    </View>
  );
}
