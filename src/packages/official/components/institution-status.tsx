/**
 * R11.1 暂停 (with a reason) and 恢复: a suspended institution opens no new classes and records no
 * new results; classes already running finish. One request id per confirmation.
 */
import { Text, View } from '@tarojs/components';
import type { InstitutionStatus, InstitutionView } from '../../../../cloudfunctions/contract';
import { call } from '../../../api/client';
import { AskButtons } from '../../../components/confirm-buttons';
import { Notice, WideButton } from '../../../components/page-parts';
import { ReasonConfirm } from '../../../components/reason-confirm';
import { useConfirmedAction } from '../../../components/use-confirmed-action';
import { useSupplyStore } from '../stores/use-supply-store';

export function InstitutionStatusCard({ institution }: { institution: InstitutionView }) {
  const flow = useConfirmedAction(
    (s: { status: InstitutionStatus; reason?: string }, options) => call('institution', 'setStatus', { institutionId: institution.id, ...s }, options),
    { onDone: (view) => useSupplyStore.getState().putInstitution(view), doneTitle: '已保存', keepAfterRefusal: true },
  );
  const suspended = institution.status === 'suspended';
  if (flow.asking && !suspended) {
    return (
      <ReasonConfirm
        prefix="suspend"
        question="暂停这个机构？"
        text="暂停后不能开新班、不能录入新的鉴定结果；已开课的班照常上完。"
        reasonLabel="暂停原因"
        placeholder="如：年检不合格，整改期间暂停"
        confirmLabel="确认暂停"
        danger
        flow={flow}
        onConfirm={(reason) => void flow.submit({ status: 'suspended', reason })}
      />
    );
  }
  return (
    <View className="czt-card institution-status-card">
      <Text className="czt-card-title">机构状态</Text>
      <Text id="institution-status" className={`supply-status is-${institution.status}`}>{institution.statusName}</Text>
      {suspended && institution.statusReason ? <Text className="supply-line">{`暂停原因：${institution.statusReason}`}</Text> : null}
      <Notice className="status-notice" text={flow.asking ? null : flow.notice} />
      {flow.asking ? (
        <>
          <Text className="supply-confirm-text">恢复后，机构可以重新开班、录入鉴定结果。确定恢复吗？</Text>
          <AskButtons flow={flow} id="reactivate" confirmLabel="确认恢复" />
        </>
      ) : (
        <WideButton id={suspended ? 'institution-reactivate' : 'institution-suspend'} kind="secondary" row onClick={() => flow.ask(suspended ? { status: 'active' } : { status: 'suspended' })}>
          {suspended ? '恢复机构' : '暂停机构'}
        </WideButton>
      )}
    </View>
  );
}
