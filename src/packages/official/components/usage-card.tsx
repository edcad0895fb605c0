/**
 * 人社工作台's usage and reach (R12.3): vouchers issued (领取 + 定向), used, expired unused and
 * the usage rate, per type; and per county the eligible registered people given no voucher yet
 * this year. Every number is the server's.
 */
import { Text, View } from '@tarojs/components';
import type { DashboardView, VoucherUsage } from '../../../../cloudfunctions/contract';
import { groupDigits } from '../../../utils/numbers';
import './usage-card.scss';

const rateText = (rate: string | null) => (rate === null ? '—' : `${rate}%`);

function UsageLine({ u }: { u: VoucherUsage }) {
  return (
    <>
      <Text className="official-fact usage-issued">{`发放 ${groupDigits(u.issued)}（领取 ${groupDigits(u.claimed)}，定向 ${groupDigits(u.directed)}）`}</Text>
      <Text className="official-fact usage-used">{`已使用 ${groupDigits(u.used)}，过期未用 ${groupDigits(u.expired)}`}</Text>
    </>
  );
}

export function UsageCard({ d }: { d: DashboardView }) {
  const { total, byType, reach } = d.usage;
  return (
    <>
      <View id="dashboard-usage" className="czt-card official-section">
        <Text className="czt-card-title">培训券使用率</Text>
        <Text className="official-big usage-rate">{rateText(total.rate)}</Text>
        <UsageLine u={total} />
        {byType
          .filter((t) => t.issued > 0 || t.expired > 0)
          .map((t) => (
            <View key={t.type} className="voucher-stat usage-type" data-type={t.type}>
              <Text className="voucher-stat-name">{`${t.name} ${rateText(t.rate)}`}</Text>
              <UsageLine u={t} />
            </View>
          ))}
        <Text className="czt-footnote">使用率 = 已报名或已使用 ÷ 今年发放</Text>
      </View>
      <View id="dashboard-reach" className="czt-card official-section">
        <Text className="czt-card-title">还没有培训券的人</Text>
        <Text className="official-big reach-unreached">{groupDigits(reach.total.unreached)}</Text>
        <Text className="official-fact">{`符合条件的登记劳动力 ${groupDigits(reach.total.eligible)} 人，今年已发券 ${groupDigits(reach.total.reached)} 人`}</Text>
        {reach.byRegion.length > 1
          ? reach.byRegion.map((r) => (
              <View key={r.region.code} className="reach-row" data-code={r.region.code}>
                <Text className="reach-name">{r.region.name}</Text>
                <Text className="reach-value">{`${groupDigits(r.unreached)} 人`}</Text>
              </View>
            ))
          : null}
        <Text className="czt-footnote">每月提醒一次他们可领的券和本县在招的培训班</Text>
      </View>
    </>
  );
}
