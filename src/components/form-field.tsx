/**
 * Form fields in large type, one per row: a label (with （选填） when optional), the input with
 * a red border when it is wrong, and one line under it for the error. And a row of large
 * tappable choices for a question with a few answers (easier for older users than a picker), one
 * or several.
 */
import { Input, Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';

export function FieldLabel({ label, optional }: { label: string; optional?: boolean }) {
  return (
    <Text className="czt-label">
      {label}
      {optional ? <Text className="czt-optional">（选填）</Text> : null}
    </Text>
  );
}

/** The red line under a field; nothing when there is no error. */
export const FieldError = ({ error, className }: { error?: string | null; className?: string }) =>
  error ? <Text className={className ? `czt-error ${className}` : 'czt-error'}>{error}</Text> : null;

export interface TextFieldProps {
  id: string;
  label: string;
  optional?: boolean;
  type: 'text' | 'number' | 'idcard';
  maxlength: number;
  placeholder: string;
  value: string;
  onInput: (value: string) => void;
  onBlur?: () => void;
  error?: string | null;
  /** The error line's own class (tests and pages find it by this). */
  errorClassName?: string;
  /** Marks the input wrong without an error line (the line under it says why). */
  invalid?: boolean;
  /** In place of the error line. */
  below?: ReactNode;
}

export function TextField(p: TextFieldProps) {
  return (
    <View className="czt-field">
      <FieldLabel label={p.label} optional={p.optional} />
      <Input
        id={p.id}
        className={`czt-input ${p.error || p.invalid ? 'has-error' : ''}`}
        type={p.type}
        maxlength={p.maxlength}
        placeholder={p.placeholder}
        value={p.value}
        onInput={(e) => p.onInput(e.detail.value)}
        onBlur={p.onBlur}
      />
      {p.below ?? <FieldError error={p.error} className={p.errorClassName} />}
    </View>
  );
}

export interface ChoiceFieldProps<V extends string> {
  /** `employment-status` → each choice is `#employment-status-<value>`. */
  idPrefix: string;
  label: string;
  choices: readonly { value: V; name: string }[];
  chosen: V | null;
  onChoose: (value: V) => void;
  error?: string | null;
  /** Short answers (50%, 3天): more a row. */
  compact?: boolean;
}

export function ChoiceField<V extends string>({ idPrefix, label, choices, chosen, onChoose, error, compact }: ChoiceFieldProps<V>) {
  return (
    <View className="czt-field">
      <Text className="czt-label">{label}</Text>
      <View className={compact ? 'czt-options is-compact' : 'czt-options'}>
        {choices.map((c) => (
          <View
            key={c.value}
            id={`${idPrefix}-${c.value}`}
            className={`czt-option ${chosen === c.value ? 'is-selected' : ''}`}
            onClick={() => onChoose(c.value)}
          >
            <Text>{c.name}</Text>
          </View>
        ))}
      </View>
      <FieldError error={error} />
    </View>
  );
}

export interface MultiChoiceFieldProps<V extends string | number> {
  /** `plan-types` → each choice is `#plan-types-<value>`. */
  idPrefix: string;
  label: string;
  optional?: boolean;
  choices: readonly { value: V; name: string }[];
  chosen: readonly V[];
  onChange: (chosen: V[]) => void;
  error?: string | null;
}

/** Several answers, each a large choice that a tap turns on or off (kept in the choices' order). */
export function MultiChoiceField<V extends string | number>({ idPrefix, label, optional, choices, chosen, onChange, error }: MultiChoiceFieldProps<V>) {
  const toggle = (value: V) => {
    const on = chosen.includes(value) ? chosen.filter((v) => v !== value) : [...chosen, value];
    onChange(choices.map((c) => c.value).filter((v) => on.includes(v)));
  };
  return (
    <View className="czt-field">
      <FieldLabel label={label} optional={optional} />
      <View className="czt-options">
        {choices.map((c) => (
          <View
            key={String(c.value)}
            id={`${idPrefix}-${c.value}`}
            className={`czt-option czt-option-multi ${chosen.includes(c.value) ? 'is-selected' : ''}`}
            aria-pressed={chosen.includes(c.value)}
            onClick={() => toggle(c.value)}
          >
            <Text>{`${chosen.includes(c.value) ? '☑' : '☐'} ${c.name}`}</Text>
          </View>
        ))}
      </View>
      <FieldError error={error} />
    </View>
  );
}
