/**
 * A large tick box with its words; the whole row is the tap target (课程's 只看我能报的, the
 * official's 已核对身份证). One way to draw a yes/no, so it looks and works alike everywhere.
 */
import { Text, View } from '@tarojs/components';
import './tick-row.scss';

export interface TickRowProps {
  id: string;
  label: string;
  on: boolean;
  onChange: (on: boolean) => void;
  /** `switch` for a filter that applies at once, `checkbox` for a fact to confirm. */
  role?: 'switch' | 'checkbox';
  className?: string;
}

export function TickRow({ id, label, on, onChange, role = 'switch', className }: TickRowProps) {
  return (
    <View id={id} className={`czt-tick ${on ? 'is-on' : ''} ${className ?? ''}`} role={role} aria-checked={on} onClick={() => onChange(!on)}>
      <Text className="czt-tick-box">{on ? '✓' : ''}</Text>
      <Text className="czt-tick-label">{label}</Text>
    </View>
  );
}
