/**
 * R11.2 the people holding a role the caller could grant (and so revoke): name, role, where,
 * since when; 撤销 asks first (one request id per confirmation) and the row goes once revoked.
 */
import { Text, View } from '@tarojs/components';
import type { StaffMemberView } from '../../../../cloudfunctions/contract';
import { dateTextOf } from '../../../../cloudfunctions/core/china-date';
import { call } from '../../../api/client';
import { AskButtons } from '../../../components/confirm-buttons';
import { Notice } from '../../../components/page-parts';
import { useConfirmedAction } from '../../../components/use-confirmed-action';
import { useSupplyStore } from '../stores/use-supply-store';

const whereOf = (m: StaffMemberView): string => m.institution?.name ?? m.region?.name ?? '';

function StaffRow({ member, asking, onAsk }: { member: StaffMemberView; asking: boolean; onAsk: () => void }) {
  return (
    <View className="supply-row staff-row" data-binding-id={member.bindingId}>
      <View className="supply-head">
        <Text className="supply-row-title supply-head-title">{member.name}</Text>
        <Text className="supply-tag">{member.roleName}</Text>
      </View>
      <Text className="supply-line">{`${whereOf(member)} · ${dateTextOf(member.grantedAt)}起`}</Text>
      {asking ? null : (
        <View className="supply-row-action is-danger staff-revoke" onClick={onAsk}>
          <Text>撤销岗位</Text>
        </View>
      )}
    </View>
  );
}

export interface StaffListProps {
  members: StaffMemberView[];
  /** Shown when nobody holds a role here. */
  none: string;
  /** Reloaded after a refusal (the list may be out of date). */
  reload: () => unknown;
}

export function StaffList({ members, none, reload }: StaffListProps) {
  const flow = useConfirmedAction((m: StaffMemberView, options) => call('staff', 'revoke', { bindingId: m.bindingId }, options), {
    doneTitle: '已撤销',
    onDone: (_answer, m) => useSupplyStore.getState().dropStaff(m.bindingId),
    reload,
  });
  if (members.length === 0) return <Text className="czt-card-text supply-none">{none}</Text>;
  return (
    <View className="staff-list">
      <Notice className="staff-refusal" text={flow.asking ? null : flow.notice} />
      {members.map((m) => (
        <View key={m.bindingId}>
          <StaffRow member={m} asking={flow.asking?.bindingId === m.bindingId} onAsk={() => flow.ask(m)} />
          {flow.asking?.bindingId === m.bindingId ? (
            <View className="supply-confirm staff-confirm">
              <Text className="supply-confirm-text">{`撤销后，${m.name}不能再使用${whereOf(m)}的${m.roleName}工作台。确定撤销吗？`}</Text>
              <AskButtons flow={flow} id="staff-revoke" confirmLabel="确认撤销" keepLabel="不撤销" danger />
            </View>
          ) : null}
        </View>
      ))}
    </View>
  );
}
