/** 课程's filters: the mode (全部 or one of core's modes), 只看我能报的 and 只看本乡镇. */
import { Text, View } from '@tarojs/components';
import type { ClassMode, PlaceRef } from '../../cloudfunctions/contract';
import { MODE_NAMES } from '../../cloudfunctions/core/classes';
import type { ClassFilter } from '../stores/use-class-store';
import { TickRow } from './tick-row';

const MODES: { mode: ClassMode | null; label: string }[] = [
  { mode: null, label: '全部' },
  ...(['fulltime', 'parttime', 'village'] as const).map((mode) => ({ mode, label: MODE_NAMES[mode] })),
];

export interface ClassFiltersProps {
  filter: ClassFilter;
  /** The caller's household township, for 只看本乡镇. */
  township: PlaceRef | null;
  onChange: (patch: Partial<ClassFilter>) => void;
}

export function ClassFilters({ filter, township, onChange }: ClassFiltersProps) {
  return (
    <View className="class-filters">
      <View className="class-modes">
        {MODES.map((m) => (
          <View
            key={m.label}
            className={`class-mode ${filter.mode === m.mode ? 'is-selected' : ''}`}
            data-mode={m.mode ?? 'all'}
            onClick={() => onChange({ mode: m.mode })}
          >
            <Text>{m.label}</Text>
          </View>
        ))}
      </View>
      <TickRow id="class-eligible-only" className="class-toggle" label="只看我能报的" on={filter.eligibleOnly} onChange={(on) => onChange({ eligibleOnly: on })} />
      {township ? (
        <TickRow
          id="class-township-only"
          className="class-toggle"
          label={`只看${township.name}的`}
          on={filter.townshipCode === township.code}
          onChange={(on) => onChange({ townshipCode: on ? township.code : null })}
        />
      ) : null}
    </View>
  );
}
