/** A labelled selector picker drawn as one large tappable row (weapp and H5 alike). */
import { Picker, Text, View } from '@tarojs/components';

export interface ChoicePickerProps {
  /** On the tappable row, for tests. */
  id: string;
  label: string;
  choices: string[];
  /** Index into `choices`; -1 shows `placeholder`. */
  index: number;
  onChange: (index: number) => void;
  placeholder?: string;
  className?: string;
}

export function ChoicePicker({ id, label, choices, index, onChange, placeholder = '请选择', className }: ChoicePickerProps) {
  const chosen = index >= 0 && index < choices.length;
  return (
    <Picker
      className={`official-picker ${className ?? ''}`}
      mode="selector"
      range={choices}
      value={chosen ? index : 0}
      onChange={(e) => onChange(Number(e.detail.value))}
    >
      <View id={id} className={`official-select ${chosen ? 'is-chosen' : ''}`}>
        <Text className="official-select-label">{label}</Text>
        <Text className="official-select-value">{chosen ? choices[index] : placeholder}</Text>
        <Text className="official-select-arrow">▾</Text>
      </View>
    </Picker>
  );
}

/** A date field (`YYYY-MM-DD`) in the same look. */
export function DatePicker({ id, label, value, onChange, start, end }: { id: string; label: string; value: string; onChange: (v: string) => void; start?: string; end?: string }) {
  return (
    <Picker className="official-picker" mode="date" value={value} start={start} end={end} onChange={(e) => onChange(String(e.detail.value))}>
      <View id={id} className="official-select is-chosen">
        <Text className="official-select-label">{label}</Text>
        <Text className="official-select-value">{value || '请选择'}</Text>
        <Text className="official-select-arrow">▾</Text>
      </View>
    </Picker>
  );
}

/** A picker over value/label choices: shows the chosen one (the first when none matches). */
export function OptionPicker({ id, label, options, value, onChange }: { id: string; label: string; options: { value: string; label: string }[]; value: string; onChange: (value: string) => void }) {
  return (
    <ChoicePicker
      id={id}
      label={label}
      choices={options.map((c) => c.label)}
      index={Math.max(0, options.findIndex((c) => c.value === value))}
      onChange={(i) => onChange(options[i]?.value ?? '')}
    />
  );
}
