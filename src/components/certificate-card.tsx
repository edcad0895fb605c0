/** One certificate as a card: kind, occupation and level, issuer, date, number, status. */
import { Text, View } from '@tarojs/components';
import type { CertificateView } from '../../cloudfunctions/contract';
import { dayDateText, occupationLevelText } from '../utils/certificate-text';
import './certificate-card.scss';

export function CertificateCard({ c, onClick }: { c: CertificateView; onClick?: () => void }) {
  return (
    <View className={`czt-card cert-card is-${c.status}`} data-number={c.number} onClick={onClick}>
      <View className="cert-head">
        <Text className="czt-card-title cert-kind">{c.kindName}</Text>
        <Text className={`cert-status is-${c.status}`}>{c.statusName}</Text>
      </View>
      <Text className="cert-occupation">{occupationLevelText(c.occupation.name, c.levelName)}</Text>
      <Text className="cert-fact">{`发证机构：${c.issuer.name}`}</Text>
      <Text className="cert-fact cert-date">{`发证日期：${dayDateText(c.issuedOn)}`}</Text>
      <Text className="cert-fact cert-number">{`证书编号：${c.number}`}</Text>
      {c.status === 'revoked' && c.revokedReason ? <Text className="cert-revoked-reason">{`撤销原因：${c.revokedReason}`}</Text> : null}
    </View>
  );
}
