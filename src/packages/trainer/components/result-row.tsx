/**
 * One person on 录入鉴定结果: the score field and 合格/不合格 (only for 已结业; others greyed with
 * their status), the phone's objection, and the server's answer once recorded: the certificate
 * number and the subsidy, or why not.
 */
import { Input, Text, View } from '@tarojs/components';
import type { Actions, ResultView, RosterView } from '../../../../cloudfunctions/contract';
import { yuanText } from '../../../utils/numbers';
import { type RowInput, SCORE_INVALID, passedOf } from '../utils/results';

export type BatchAnswer = Actions['certificate']['recordBatch']['output'][number];
type Person = RosterView['people'][number];

function SubsidyLine({ result }: { result: ResultView }) {
  const s = result.subsidy;
  if (!s) return result.certificate ? <Text className="results-answer-line results-subsidy">补贴：无</Text> : null;
  const text =
    s.status === 'payable' ? `补贴：${s.statusName} ${yuanText(s.amountFen)}` : `补贴：${s.statusName}${s.reason ? `（${s.reason}）` : ''}`;
  return <Text className={`results-answer-line results-subsidy is-${s.status}`}>{text}</Text>;
}

function ResultAnswer({ answer }: { answer: BatchAnswer }) {
  const result = answer.result;
  if (!result) {
    return (
      <View className="results-answer is-error">
        <Text className="results-answer-line">{answer.message ?? '没有录入成功，请重试'}</Text>
      </View>
    );
  }
  return (
    <View className={`results-answer ${result.passed ? 'is-pass' : 'is-fail'}`}>
      <Text className="results-answer-line">{`已录入：${result.passed ? '合格' : '不合格'} ${result.score}分`}</Text>
      {result.certificate ? <Text className="results-answer-line results-cert">{`证书编号 ${result.certificate.number}`}</Text> : null}
      <SubsidyLine result={result} />
    </View>
  );
}

/** 合格 / 不合格, lit as the row stands (a tap, or what the score says). */
function VerdictButtons({ input, locked, onChange }: { input: RowInput; locked: boolean; onChange: (next: RowInput) => void }) {
  const passed = passedOf(input);
  const choose = (verdict: 'pass' | 'fail') => () => !locked && onChange({ ...input, verdict });
  return (
    <View className="results-verdict">
      <View className={`results-pass ${passed === true ? 'is-on' : ''}`} aria-pressed={passed === true} onClick={choose('pass')}>
        <Text>合格</Text>
      </View>
      <View className={`results-fail ${passed === false ? 'is-on' : ''}`} aria-pressed={passed === false} onClick={choose('fail')}>
        <Text>不合格</Text>
      </View>
    </View>
  );
}

export interface ResultRowProps {
  person: Person;
  input: RowInput;
  problem: string | null;
  answer: BatchAnswer | undefined;
  onChange: (next: RowInput) => void;
}

export function ResultRow({ person, input, problem, answer, onChange }: ResultRowProps) {
  const recorded = !!answer?.result;
  const scoreClass = problem === SCORE_INVALID ? 'has-error' : '';
  if (person.status !== 'completed') {
    return (
      <View className="results-row is-disabled" data-person-id={person.personId}>
        <Text className="results-name">{person.name}</Text>
        <Text className="results-status">{`${person.statusName}，不能录入`}</Text>
      </View>
    );
  }
  const field = (named: boolean) => (
    <Input
      className={`czt-input results-score-input ${named ? `results-score ${scoreClass}` : ''}`}
      type="number"
      value={input.score}
      placeholder="成绩"
      maxlength={3}
      disabled={recorded}
      onInput={(e) => onChange({ score: e.detail.value, verdict: 'auto' })}
    />
  );
  return (
    <View className={`results-row ${recorded ? 'is-recorded' : ''} ${problem ? 'has-error' : ''}`} data-person-id={person.personId}>
      <View className="results-row-head">
        <Text className="results-name">{person.name}</Text>
        <Text className="results-status">{person.statusName}</Text>
      </View>
      <View className="results-fields">
        <View className="results-score-field">
          {/* H5: the class is on a <label> around the real <input> (as 签到码 does), so both
              `.results-score` and `.results-score input` reach the field. */}
          {process.env.TARO_ENV === 'h5' ? <label className={`results-score ${scoreClass}`}>{field(false)}</label> : field(true)}
          <Text className="results-score-unit">分</Text>
        </View>
        <VerdictButtons input={input} locked={recorded} onChange={onChange} />
      </View>
      {problem ? <Text className="czt-error results-problem">{problem}</Text> : null}
      {answer ? <ResultAnswer answer={answer} /> : null}
    </View>
  );
}
