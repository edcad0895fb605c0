/**
 * R11.2 an invitation as the inviter shows it to the invitee: what it is for in one sentence, a
 * large QR code that opens the accept page, the short code to read out (`ABCD-EFGH`) and when
 * it stops working. Only an open invitation shows its QR code and code.
 */
import { Text, View } from '@tarojs/components';
import type { InvitationView } from '../../../../cloudfunctions/contract';
import { dateTimeText } from '../../../../cloudfunctions/core/china-date';
import { QrCode } from '../../../components/qr-code';
import { linkText } from '../../../utils/routes';

export function InvitationStatus({ invitation }: { invitation: InvitationView }) {
  return <Text className={`supply-tag invitation-status is-${invitation.status}`}>{invitation.statusName}</Text>;
}

export function InvitationCard({ invitation }: { invitation: InvitationView }) {
  const open = invitation.status === 'open';
  return (
    <View id="invitation-card" className="czt-card invitation-card" data-code={invitation.code}>
      <View className="supply-head">
        <Text className="czt-card-title supply-head-title">{open ? '请对方用微信扫码' : '邀请'}</Text>
        <InvitationStatus invitation={invitation} />
      </View>
      <Text className="invitation-summary">{invitation.summary}</Text>
      {open ? (
        <>
          <View className="invitation-qr-frame">
            <QrCode id="invitation-qr" className="invitation-qr" text={linkText(invitation.path)} />
          </View>
          <Text className="invitation-code-label">或在持证通“我的 › 输入邀请码”里输入：</Text>
          <Text id="invitation-code" className="invitation-code">
            {invitation.codeText}
          </Text>
          <Text id="invitation-expiry" className="invitation-expiry">{`${dateTimeText(invitation.expiresAt)} 前有效，只能用一次`}</Text>
        </>
      ) : (
        <Text className="invitation-expiry">{`邀请码 ${invitation.codeText}`}</Text>
      )}
    </View>
  );
}
