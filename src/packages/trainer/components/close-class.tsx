/**
 * 结业 (R6.5): after the last session the trainer may complete the class at once (otherwise it
 * closes itself 72 hours later). Asks first; queued scans go up before, or nothing happens.
 */
import { Text, View } from '@tarojs/components';
import type { CompletionView } from '../../../../cloudfunctions/contract';
import type { CallOptions } from '../../../api/client';
import { ConfirmButtons } from '../../../components/confirm-buttons';
import { WideButton } from '../../../components/page-parts';
import { useConfirmedAction } from '../../../components/use-confirmed-action';

export interface CloseClassProps {
  /** Uploads the queue; resolves with how many of this class's scans are still waiting. */
  uploadFirst: () => Promise<number>;
  /** Closes the class; the page then shows the outcome in place of this card. */
  close: (options: CallOptions) => Promise<CompletionView>;
}

export function CompletionResult({ completion }: { completion: CompletionView }) {
  return (
    <View id="class-completion" className="czt-card class-completion">
      <Text className="czt-card-title">已结业</Text>
      <Text className="completion-line">{`完成培训 ${completion.completed} 人`}</Text>
      <Text className="completion-line">{`出勤不够、未完成 ${completion.notCompleted} 人`}</Text>
    </View>
  );
}

export function CloseClass({ uploadFirst, close }: CloseClassProps) {
  // One id per confirmation: a retry after a lost answer is the same request.
  const flow = useConfirmedAction((_: true, options) => close(options), {
    // Queued scans go up first: a class closed without them would count people absent.
    precheck: async () => {
      const waiting = await uploadFirst();
      return waiting > 0 ? `还有 ${waiting} 条离线签到没上传，联网上传后再结业` : null;
    },
    freshNotice: true,
    keepAfterRefusal: true,
    toastFailures: false,
  });
  const { notice } = flow;

  return (
    <View className="czt-card class-close">
      <Text className="czt-card-title">结业</Text>
      <Text className="czt-card-text">最后一节课已结束。结业后按出勤算每位学员是否完成培训，不能再签到。</Text>
      {notice ? <Text className="czt-error class-close-notice">{notice}</Text> : null}
      {flow.asking ? (
        <>
          <Text className="class-close-question">确定现在结业吗？</Text>
          <ConfirmButtons
            confirmId="close-class-confirm"
            confirmLabel="确认结业"
            busy={flow.busy}
            onConfirm={() => void flow.confirm()}
            keepLabel="先不结业"
            keepClassName="close-class-keep"
            onKeep={flow.keep}
          />
        </>
      ) : (
        <WideButton id="close-class" row onClick={() => flow.ask(true)}>
          结业
        </WideButton>
      )}
    </View>
  );
}
