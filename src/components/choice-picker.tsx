/**
 * Pickers drawn as one large tappable row (label, value, arrow), on weapp and H5 alike: a list of
 * choices, a date (`YYYY-MM-DD`) and a time of day (`HH:mm`). For a few answers, a row of large
 * choices (form-field's ChoiceField) is easier for older users; these are for long lists, dates
 * and times.
 */
import { Picker, Text, View } from '@tarojs/components';
import './choice-picker.scss';

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

function Row({ id, label, value, chosen }: { id: string; label: string; value: string; chosen: boolean }) {
  return (
    <View id={id} className={`czt-picker-row ${chosen ? 'is-chosen' : ''}`}>
      <Text className="czt-picker-label">{label}</Text>
      <Text className="czt-picker-value">{value}</Text>
      <Text className="czt-picker-arrow">▾</Text>
    </View>
  );
}

export function ChoicePicker({ id, label, choices, index, onChange, placeholder = '请选择', className }: ChoicePickerProps) {
  const chosen = index >= 0 && index < choices.length;
  return (
    <Picker
      className={`czt-picker ${className ?? ''}`}
      mode="selector"
      range={choices}
      value={chosen ? index : 0}
      onChange={(e) => onChange(Number(e.detail.value))}
    >
      <Row id={id} label={label} value={chosen ? choices[index] : placeholder} chosen={chosen} />
    </Picker>
  );
}

export interface DatePickerProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  start?: string;
  end?: string;
  /** How the chosen date reads (`3月3日 周二`); the value itself when omitted. */
  text?: string;
}

/** A date field (`YYYY-MM-DD`): the wheel opens on the value shown. */
export function DatePicker({ id, label, value, onChange, start, end, text }: DatePickerProps) {
  return (
    <Picker className="czt-picker" mode="date" value={value} start={start} end={end} onChange={(e) => onChange(String(e.detail.value))}>
      <Row id={id} label={label} value={value ? (text ?? value) : '请选择'} chosen={Boolean(value)} />
    </Picker>
  );
}

/** A time of day (`HH:mm`, 24-hour), in the same look. */
export function TimePicker({ id, label, value, onChange }: { id: string; label: string; value: string; onChange: (value: string) => void }) {
  return (
    <Picker className="czt-picker" mode="time" value={value} onChange={(e) => onChange(String(e.detail.value))}>
      <Row id={id} label={label} value={value || '请选择'} chosen={Boolean(value)} />
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
