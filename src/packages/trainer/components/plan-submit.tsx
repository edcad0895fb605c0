/**
 * 提交审核 (R11.3): a draft, or a class the county sent back, goes to the county's officials for
 * 开班审核; asked once more first (one request id per confirmation). Not while the form has
 * changes not yet saved: the server reviews the class as saved.
 */
import { Text, View } from '@tarojs/components';
import type { TrainerClassView } from '../../../../cloudfunctions/contract';
import { call } from '../../../api/client';
import { AskButtons } from '../../../components/confirm-buttons';
import { Notice, WideButton } from '../../../components/page-parts';
import { useConfirmedAction } from '../../../components/use-confirmed-action';

export interface PlanSubmitProps {
  c: TrainerClassView;
  /** The form has changes not yet saved. */
  dirty: boolean;
  onSubmitted: (view: TrainerClassView) => void;
}

export function PlanSubmit({ c, dirty, onSubmitted }: PlanSubmitProps) {
  const flow = useConfirmedAction((classId: string, options) => call('training', 'submitClass', { classId }, options), {
    doneTitle: '已提交审核',
    keepAfterRefusal: true,
    onDone: onSubmitted,
  });
  return (
    <View id="plan-submit-card" className="czt-card plan-submit-card">
      <Text className="czt-card-title">{c.status === 'rejected' ? '改好后重新提交' : '已保存为草稿'}</Text>
      <Text className="czt-card-text">提交后由县人社部门审核，通过后劳动者才能看到并报名。</Text>
      <Notice className="plan-submit-notice" text={dirty ? '有修改还没保存，请先点下面的“保存修改”' : flow.notice} />
      {flow.asking ? (
        <AskButtons flow={flow} id="plan-submit" confirmLabel="确认提交" keepLabel="先不提交" />
      ) : (
        <WideButton id="plan-submit" row onClick={() => (dirty ? undefined : flow.ask(c.id))}>
          提交审核
        </WideButton>
      )}
    </View>
  );
}
