/** 下级地区完成情况: the lower regions, one metric at a time, sortable by completion; a tap opens one. */
import { Text, View } from '@tarojs/components';
import { useMemo, useState } from 'react';
import type { ChildProgress, PlaceRef } from '../../../../cloudfunctions/contract';
import { DASHBOARD_METRICS } from '../../../../cloudfunctions/core/dashboard';
import { groupDigits } from '../../../utils/numbers';
import { METRIC_LABELS, percentText } from '../utils/format';
import { type CountySort, SORT_CHOICES, sortChildren } from '../utils/sort-children';
import { ChoicePicker } from '../../../components/choice-picker';

export function CountyTable({
  regions,
  onOpen,
}: {
  regions: ChildProgress[];
  onOpen: (region: PlaceRef) => void;
}) {
  const [metricIndex, setMetricIndex] = useState(0);
  const [sort, setSort] = useState<CountySort>('code');
  const metric = DASHBOARD_METRICS[metricIndex];
  const rows = useMemo(() => sortChildren(regions, metric, sort), [regions, metric, sort]);
  const toggleSort = () => setSort((s) => (s === 'desc' ? 'asc' : 'desc'));
  const arrow = sort === 'desc' ? ' ↓' : sort === 'asc' ? ' ↑' : '';
  return (
    <View className="czt-card official-section county-section">
      <Text className="czt-card-title">下级地区完成情况</Text>
      <ChoicePicker id="county-metric" label="指标" choices={METRIC_LABELS} index={metricIndex} onChange={setMetricIndex} />
      <ChoicePicker
        id="county-sort"
        label="排序"
        choices={SORT_CHOICES.map((c) => c.label)}
        index={SORT_CHOICES.findIndex((c) => c.value === sort)}
        onChange={(i) => setSort(SORT_CHOICES[i]?.value ?? 'code')}
      />
      <View id="county-table" className="official-table" data-metric={metric} data-sort={sort}>
        <View className="official-table-head">
          <Text className="official-col-name">地区</Text>
          <Text className="official-col-num">实际/目标</Text>
          <Text id="sort-completion" className="official-col-rate is-sortable" onClick={toggleSort}>
            {`完成率${arrow}`}
          </Text>
        </View>
        {rows.map((c) => {
          const m = c.metrics.find((x) => x.metric === metric);
          return (
            <View key={c.region.code} className="official-table-row county-row" data-region={c.region.code} onClick={() => onOpen(c.region)}>
              <Text className="official-col-name county-name">{`${c.region.name} ›`}</Text>
              <Text className="official-col-num county-actual">
                {m ? `${groupDigits(m.actual)}/${m.target === null ? '—' : groupDigits(m.target)}` : '—'}
              </Text>
              <Text className="official-col-rate county-completion">{percentText(m?.completion)}</Text>
            </View>
          );
        })}
      </View>
      <Text className="czt-footnote">点地区名称查看该地区</Text>
    </View>
  );
}
