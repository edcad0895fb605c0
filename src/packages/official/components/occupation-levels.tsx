/**
 * An occupation from the catalogue and some of its levels, chosen by tapping: the occupations
 * as large tiles (a few characters of the name narrow them), then the occupation's levels as
 * tiles that a tap turns on or off. Used for what an institution may train, its evaluation
 * registrations (评价备案) and, levels aside, a project's occupations.
 */
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { FieldError, MultiChoiceField, TextField } from '../../../components/form-field';
import { levelChoices } from '../../../utils/class-text';
import type { Occupation } from '../stores/use-supply-store';

/** Tiles shown before the list is narrowed by a name. */
const SHOWN = 12;

export interface OccupationTilesProps {
  /** `train` → `#train-search`, `.train-occupation[data-code="4-03-02-01"]`. */
  idPrefix: string;
  label: string;
  occupations: Occupation[];
  chosen: string | null;
  onChoose: (code: string | null) => void;
  error?: string | null;
}

/** One occupation: once chosen, its name with 更换; before, a name search and the tiles. */
export function OccupationTiles({ idPrefix, label, occupations, chosen, onChoose, error }: OccupationTilesProps) {
  const [query, setQuery] = useState('');
  const current = occupations.find((o) => o.code === chosen);
  // Distinct keys: in H5 a tap's click goes on bubbling after the state changes, and a reused
  // parent node would carry the chosen row's 更换 handler (the tap would undo itself).
  if (current) {
    return (
      <View key="chosen" className="czt-field">
        <Text className="czt-label">{label}</Text>
        <View id={`${idPrefix}-chosen`} className="czt-select is-chosen" onClick={() => onChoose(null)}>
          <Text className="czt-select-text">{current.name}</Text>
          <Text className="supply-change">更换</Text>
        </View>
      </View>
    );
  }
  const q = query.trim();
  const matches = occupations.filter((o) => !q || o.name.includes(q));
  return (
    <View key="tiles" className="czt-field">
      <TextField id={`${idPrefix}-search`} label={label} type="text" maxlength={20} placeholder="输入名称查找，如：烹调" value={query} onInput={setQuery} />
      <View className="czt-options">
        {matches.slice(0, q ? matches.length : SHOWN).map((o) => (
          <View key={o.code} className={`czt-option ${idPrefix}-occupation`} data-code={o.code} onClick={() => onChoose(o.code)}>
            <Text className="czt-option-name">{o.name}</Text>
          </View>
        ))}
      </View>
      {matches.length === 0 ? <Text className="czt-help">没有这个名称的职业，换个字试试</Text> : null}
      {!q && matches.length > SHOWN ? <Text className="czt-help">{`还有 ${matches.length - SHOWN} 个职业，输入名称查找`}</Text> : null}
      <FieldError error={error} />
    </View>
  );
}

export interface OccupationLevelsProps {
  idPrefix: string;
  occupations: Occupation[];
  occupationCode: string | null;
  levels: number[];
  onChange: (occupationCode: string | null, levels: number[]) => void;
  occupationError?: string | null;
  levelsError?: string | null;
}

/** An occupation and its levels (`#train-level-5`). */
export function OccupationLevels({ idPrefix, occupations, occupationCode, levels, onChange, occupationError, levelsError }: OccupationLevelsProps) {
  const current = occupations.find((o) => o.code === occupationCode);
  return (
    <>
      <OccupationTiles idPrefix={idPrefix} label="职业（工种）" occupations={occupations} chosen={occupationCode} onChoose={(code) => onChange(code, [])} error={occupationError} />
      {current ? (
        <MultiChoiceField idPrefix={`${idPrefix}-level`} label="等级" choices={levelChoices(current.levels)} chosen={levels} onChange={(next) => onChange(current.code, next)} error={levelsError} />
      ) : null}
    </>
  );
}
