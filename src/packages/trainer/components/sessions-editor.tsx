/**
 * 上课安排 (R5.1): one row per session — its date, start and end from pickers (never typed) —
 * 删除 on each but the last one left, and 添加一节 (the next day, at the same times). The whole
 * list is checked as the server checks it (none past, none overlapping, the end after the start).
 */
import { Text, View } from '@tarojs/components';
import type { SessionTimes } from '../../../../cloudfunctions/contract';
import { MAX_SESSIONS } from '../../../../cloudfunctions/core/class-plans';
import { DatePicker, TimePicker } from '../../../components/choice-picker';
import { FieldError, FieldLabel } from '../../../components/form-field';
import { WideButton } from '../../../components/page-parts';
import { dayText } from '../../../utils/class-text';
import { nextSession } from '../utils/plan-form';

export interface SessionsEditorProps {
  sessions: SessionTimes[];
  /** The first date a session may be on (today, China time). */
  today: string;
  onChange: (sessions: SessionTimes[]) => void;
  error?: string | null;
}

export function SessionsEditor({ sessions, today, onChange, error }: SessionsEditorProps) {
  const set = (i: number, patch: Partial<SessionTimes>) => onChange(sessions.map((s, j) => (j === i ? { ...s, ...patch } : s)));
  return (
    <View className="czt-field sessions-editor">
      <FieldLabel label={`上课安排（共${sessions.length}节）`} />
      {sessions.map((s, i) => (
        <View key={i} className="session-row" data-index={i}>
          <View className="session-row-head">
            <Text className="session-row-title">{`第${i + 1}节`}</Text>
            {sessions.length > 1 ? (
              <View className="session-remove" onClick={() => onChange(sessions.filter((_, j) => j !== i))}>
                <Text>删除</Text>
              </View>
            ) : null}
          </View>
          <DatePicker id={`session-${i}-date`} label="日期" value={s.date} text={dayText(s.date)} start={today} onChange={(date) => set(i, { date })} />
          <TimePicker id={`session-${i}-start`} label="上课" value={s.start} onChange={(start) => set(i, { start })} />
          <TimePicker id={`session-${i}-end`} label="下课" value={s.end} onChange={(end) => set(i, { end })} />
        </View>
      ))}
      <FieldError error={error} className="sessions-error" />
      {sessions.length < MAX_SESSIONS ? (
        <WideButton id="session-add" kind="secondary" size="large" row onClick={() => onChange([...sessions, nextSession(sessions, today)])}>
          添加一节（下一天）
        </WideButton>
      ) : null}
    </View>
  );
}
