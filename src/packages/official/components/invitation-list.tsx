/**
 * 我的邀请 (R11.2): the invitations the caller made, newest first, each with its state; an open
 * one shows its QR code again on a tap, and 作废 withdraws it (asked first, one request id per
 * confirmation).
 */
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { InvitationView } from '../../../../cloudfunctions/contract';
import { dateTimeText } from '../../../../cloudfunctions/core/china-date';
import { call } from '../../../api/client';
import { AskButtons } from '../../../components/confirm-buttons';
import { Notice } from '../../../components/page-parts';
import { useConfirmedAction } from '../../../components/use-confirmed-action';
import { useSupplyStore } from '../stores/use-supply-store';
import { InvitationCard, InvitationStatus } from './invitation-card';

function InvitationRow({ invitation: inv, shown, onShow, onCancel }: { invitation: InvitationView; shown: boolean; onShow: () => void; onCancel: () => void }) {
  const open = inv.status === 'open';
  return (
    <View className="supply-row invitation-row" data-code={inv.code}>
      <View className="supply-head">
        <Text className="supply-row-title supply-head-title">{inv.inviteeNote}</Text>
        <InvitationStatus invitation={inv} />
      </View>
      <Text className="supply-line">{inv.summary}</Text>
      <Text className="supply-line">{open ? `${dateTimeText(inv.expiresAt)} 前有效` : `邀请码 ${inv.codeText}`}</Text>
      {open ? (
        <View className="supply-row-actions">
          <View className="supply-row-action invitation-show" onClick={onShow}>
            <Text>{shown ? '收起二维码' : '显示二维码'}</Text>
          </View>
          <View className="supply-row-action is-danger invitation-cancel" onClick={onCancel}>
            <Text>作废</Text>
          </View>
        </View>
      ) : null}
    </View>
  );
}

export function InvitationList({ invitations, reload }: { invitations: InvitationView[]; reload: () => unknown }) {
  const [shown, setShown] = useState<string | null>(null);
  const flow = useConfirmedAction((inv: InvitationView, options) => call('staff', 'cancelInvitation', { code: inv.code }, options), {
    doneTitle: '已作废',
    onDone: (answer) => useSupplyStore.getState().putInvitation(answer),
    reload,
  });
  if (invitations.length === 0) return <Text className="czt-card-text supply-none">还没有发出邀请</Text>;
  return (
    <View className="invitation-list">
      <Notice className="invitation-refusal" text={flow.asking ? null : flow.notice} />
      {invitations.map((inv) => (
        <View key={inv.code}>
          <InvitationRow invitation={inv} shown={shown === inv.code} onShow={() => setShown(shown === inv.code ? null : inv.code)} onCancel={() => flow.ask(inv)} />
          {flow.asking?.code === inv.code ? (
            <View className="supply-confirm invitation-confirm">
              <Text className="supply-confirm-text">作废后这个二维码和邀请码都不能再用。确定作废吗？</Text>
              <AskButtons flow={flow} id="invitation-cancel" confirmLabel="确认作废" keepLabel="不作废" danger />
            </View>
          ) : shown === inv.code && inv.status === 'open' ? (
            <InvitationCard invitation={inv} />
          ) : null}
        </View>
      ))}
    </View>
  );
}
