/** One metric on 人社工作台: actual / target, completion %, and a bar with the even-pace line. */
import { Text, View } from '@tarojs/components';
import type { MetricProgress } from '../../../../cloudfunctions/contract';
import { groupDigits } from '../../../utils/numbers';
import { barPercent, percentText } from '../utils/format';

function CompletionBar({ completion, pace, onPace }: { completion: string | null; pace: string; onPace: boolean | null }) {
  const state = onPace === false ? 'is-behind' : onPace === true ? 'is-on-pace' : 'is-none';
  return (
    <View className={`metric-bar ${state}`}>
      <View className="metric-bar-fill" style={{ width: `${barPercent(completion)}%` }} />
      <View className="metric-pace-marker" style={{ left: `${barPercent(pace)}%` }} />
    </View>
  );
}

export function MetricCard({ m, pace }: { m: MetricProgress; pace: string }) {
  const state = m.onPace === false ? 'is-behind' : m.onPace === true ? 'is-on-pace' : 'is-none';
  return (
    <View className={`czt-card metric-card ${state}`} data-metric={m.metric}>
      <Text className="metric-name">{m.name}</Text>
      <View className="metric-numbers">
        <Text className="metric-actual">{groupDigits(m.actual)}</Text>
        <Text className="metric-target">{m.target === null ? ' / 未设目标' : ` / ${groupDigits(m.target)}`}</Text>
        <Text className="metric-completion">{percentText(m.completion)}</Text>
      </View>
      {m.target !== null ? (
        <>
          <CompletionBar completion={m.completion} pace={pace} onPace={m.onPace} />
          <View className="metric-foot">
            <Text className={`metric-pace ${state}`}>{m.onPace === false ? '落后于进度' : '达到进度'}</Text>
            {m.expected !== null ? <Text className="metric-expected">{`按进度应完成 ${groupDigits(m.expected)}`}</Text> : null}
          </View>
        </>
      ) : null}
    </View>
  );
}
