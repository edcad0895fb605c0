/**
 * A confirm step that needs a reason (暂停机构, 终止备案, 不通过, 取消开班): the question, what it
 * means, the reason field (2–200 characters, checked on the phone as the server checks it), the
 * action and the way back. The refusal of the last try is shown inside, above the buttons.
 */
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { reasonProblem } from '../../cloudfunctions/core/class-plans';
import { ERROR_MESSAGES } from '../../cloudfunctions/core/errors';
import { type AskingFlow, ConfirmButtons } from './confirm-buttons';
import { TextField } from './form-field';
import { Notice } from './page-parts';
import './reason-confirm.scss';

export interface ReasonConfirmProps {
  /** `suspend` → `.suspend-confirm`, `#suspend-reason`, `#suspend-confirm`, `#suspend-keep`. */
  prefix: string;
  question: string;
  /** What it means, in one line. */
  text?: string;
  reasonLabel: string;
  placeholder: string;
  confirmLabel: string;
  /** Red: it stops or ends something. */
  danger?: boolean;
  /** Its confirmed action: busy, the last refusal, and the way back (the action itself is onConfirm's). */
  flow: Pick<AskingFlow, 'busy' | 'notice' | 'keep'>;
  onConfirm: (reason: string) => void;
}

export function ReasonConfirm(p: ReasonConfirmProps) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const confirm = () => {
    const problem = reasonProblem(reason);
    if (problem) return setError(ERROR_MESSAGES[problem]);
    setError(null);
    p.onConfirm(reason.trim());
  };
  return (
    <View className={`czt-card czt-reason-confirm ${p.prefix}-confirm`}>
      <Text className="czt-card-title">{p.question}</Text>
      {p.text ? <Text className="czt-card-text">{p.text}</Text> : null}
      <TextField
        id={`${p.prefix}-reason`}
        label={p.reasonLabel}
        type="text"
        maxlength={200}
        placeholder={p.placeholder}
        value={reason}
        onInput={(v) => {
          setReason(v);
          setError(null);
        }}
        error={error}
        errorClassName={`${p.prefix}-reason-error`}
      />
      <Notice className={`${p.prefix}-notice`} text={p.flow.notice} />
      <ConfirmButtons
        confirmId={`${p.prefix}-confirm`}
        confirmLabel={p.confirmLabel}
        danger={p.danger}
        busy={p.flow.busy}
        onConfirm={confirm}
        keepLabel="返回"
        keepId={`${p.prefix}-keep`}
        onKeep={p.flow.keep}
      />
    </View>
  );
}
