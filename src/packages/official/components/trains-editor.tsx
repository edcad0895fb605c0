/**
 * 可培训的职业和等级 (R11.3): the occupations an institution may train, each with its levels;
 * 添加 opens the occupation tiles and the levels, 删除 takes one off. An occupation added again
 * replaces its levels.
 */
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { TrainPermission } from '../../../../cloudfunctions/contract';
import { ERROR_MESSAGES } from '../../../../cloudfunctions/core/errors';
import { levelsText } from '../../../../cloudfunctions/core/institutions';
import { FieldError, FieldLabel } from '../../../components/form-field';
import { WideButton } from '../../../components/page-parts';
import type { Occupation } from '../stores/use-supply-store';
import { OccupationLevels } from './occupation-levels';

export interface TrainsEditorProps {
  occupations: Occupation[];
  trains: TrainPermission[];
  onChange: (trains: TrainPermission[]) => void;
  error?: string | null;
}

export function TrainsEditor({ occupations, trains, onChange, error }: TrainsEditorProps) {
  const [adding, setAdding] = useState<{ code: string | null; levels: number[] } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const nameOf = (code: string) => occupations.find((o) => o.code === code)?.name ?? code;
  const add = () => {
    if (!adding?.code) return setProblem('请选择职业');
    if (adding.levels.length === 0) return setProblem(ERROR_MESSAGES.LEVELS_REQUIRED);
    onChange([...trains.filter((t) => t.occupationCode !== adding.code), { occupationCode: adding.code, levels: adding.levels }]);
    setAdding(null);
    setProblem(null);
  };
  return (
    <View className="czt-field trains-editor">
      <FieldLabel label="可培训的职业和等级" />
      {trains.map((t) => (
        <View key={t.occupationCode} className="supply-row train-row" data-code={t.occupationCode}>
          <Text className="supply-row-title">{`${nameOf(t.occupationCode)}（${levelsText(t.levels)}）`}</Text>
          <View className="supply-row-action train-remove" onClick={() => onChange(trains.filter((x) => x.occupationCode !== t.occupationCode))}>
            <Text>删除</Text>
          </View>
        </View>
      ))}
      {adding ? (
        <View className="supply-confirm train-adding">
          <OccupationLevels
            idPrefix="train"
            occupations={occupations}
            occupationCode={adding.code}
            levels={adding.levels}
            onChange={(code, levels) => {
              setAdding({ code, levels });
              setProblem(null);
            }}
          />
          <FieldError error={problem} className="train-problem" />
          <WideButton id="train-add-confirm" kind="secondary" size="large" row onClick={add}>
            添加这个职业
          </WideButton>
          <WideButton id="train-add-cancel" kind="secondary" size="large" row onClick={() => setAdding(null)}>
            不添加
          </WideButton>
        </View>
      ) : (
        <WideButton id="train-add" kind="secondary" size="large" row onClick={() => setAdding({ code: null, levels: [] })}>
          {trains.length === 0 ? '添加可培训的职业' : '再添加一个职业'}
        </WideButton>
      )}
      <FieldError error={error} className="trains-error" />
    </View>
  );
}
