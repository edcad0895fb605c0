/**
 * One applied entry under review (R12.1): 通过, 不通过 or 退回修改, and for the last two the reason
 * the institution will read (2–200 characters, checked as the server checks it).
 */
import { Text, View } from '@tarojs/components';
import type { EntryDecision, SubsidyEntryView } from '../../../../cloudfunctions/contract';
import { DECISION_NAMES } from '../../../../cloudfunctions/core/settlement';
import { TextField } from '../../../components/form-field';
import { EntryCard } from '../../../components/settlement-cards';

export interface Decision {
  decision: EntryDecision;
  reason: string;
}

const CHOICES: readonly EntryDecision[] = ['approve', 'reject', 'return'];

export function EntryDecisionCard({ e, value, error, onChange }: { e: SubsidyEntryView; value: Decision | undefined; error: string | null; onChange: (d: Decision) => void }) {
  return (
    <EntryCard e={e}>
      <View className="subsidy-decisions">
        {CHOICES.map((c) => (
          <View
            key={c}
            id={`decide-${e.certificateNumber}-${c}`}
            className={`czt-option ${value?.decision === c ? 'is-selected' : ''}`}
            onClick={() => onChange({ decision: c, reason: value?.reason ?? '' })}
          >
            <Text>{DECISION_NAMES[c]}</Text>
          </View>
        ))}
      </View>
      {value && value.decision !== 'approve' ? (
        <TextField
          id={`reason-${e.certificateNumber}`}
          label={value.decision === 'reject' ? '不通过的原因' : '需要修改什么'}
          type="text"
          maxlength={200}
          placeholder="机构会看到这句话"
          value={value.reason}
          onInput={(reason) => onChange({ ...value, reason })}
          error={error}
        />
      ) : null}
    </EntryCard>
  );
}
