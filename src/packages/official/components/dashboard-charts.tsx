/** 人社工作台's charts and figures: by age band, by month, and the voucher, training, employment and subsidy facts. */
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { DashboardView } from '../../../../cloudfunctions/contract';
import { DASHBOARD_METRICS, METRIC_NAMES } from '../../../../cloudfunctions/core/dashboard';
import { groupDigits, yuanText } from '../../../utils/numbers';
import { METRIC_LABELS } from '../utils/format';
import { ChoicePicker } from '../../../components/choice-picker';

const BAND_LABEL: Record<string, string> = { A: 'A段', B: 'B段', C: 'C段', '-': '未分段' };

export function BandChart({ d }: { d: DashboardView }) {
  return (
    <View id="band-chart" className="czt-card official-section">
      <Text className="czt-card-title">按年龄段</Text>
      <Text className="official-legend">{d.byBand.map((b) => `${BAND_LABEL[b.band] ?? b.band}：${b.name}`).join('；')}</Text>
      {DASHBOARD_METRICS.map((metric) => {
        const max = Math.max(0, ...d.byBand.map((b) => b.values[metric] ?? 0));
        return (
          <View key={metric} className="band-group" data-metric={metric}>
            <Text className="band-group-title">{METRIC_NAMES[metric]}</Text>
            {d.byBand.map((b) => {
              const value = b.values[metric] ?? 0;
              return (
                <View key={b.band} className="band-row" data-band={b.band}>
                  <Text className="band-label">{BAND_LABEL[b.band] ?? b.band}</Text>
                  <View className="band-track">
                    <View className={`band-bar is-band-${b.band === '-' ? 'none' : b.band}`} style={{ width: `${max > 0 ? (value / max) * 100 : 0}%` }} />
                  </View>
                  <Text className="band-value">{groupDigits(value)}</Text>
                </View>
              );
            })}
          </View>
        );
      })}
    </View>
  );
}

export function MonthChart({ d }: { d: DashboardView }) {
  const [metricIndex, setMetricIndex] = useState(0);
  const metric = DASHBOARD_METRICS[metricIndex];
  const months = Array.from({ length: 12 }, (_, i) => d.byMonth.find((m) => m.month === i + 1)?.values[metric] ?? 0);
  const max = Math.max(0, ...months);
  return (
    <View className="czt-card official-section">
      <Text className="czt-card-title">按月份</Text>
      <ChoicePicker id="month-metric" label="指标" choices={METRIC_LABELS} index={metricIndex} onChange={setMetricIndex} />
      <View id="month-chart" className="month-chart" data-metric={metric}>
        {months.map((value, i) => (
          <View key={i} className="month-col" data-month={i + 1}>
            <Text className="month-value">{value > 0 ? String(value) : ''}</Text>
            <View className="month-track">
              <View className="month-bar" style={{ height: `${max > 0 ? (value / max) * 100 : 0}%` }} />
            </View>
            <Text className="month-label">{`${i + 1}`}</Text>
          </View>
        ))}
      </View>
      <Text className="czt-footnote">横轴为月份（1–12月）</Text>
    </View>
  );
}

export function Facts({ d }: { d: DashboardView }) {
  const e = d.employment;
  const s = d.subsidies;
  const t = d.trainings;
  return (
    <>
      <View id="dashboard-vouchers" className="czt-card official-section">
        <Text className="czt-card-title">培训券</Text>
        {d.vouchers.length === 0 ? <Text className="czt-card-text">今年还没有领取记录</Text> : null}
        {d.vouchers.map((v) => (
          <View key={v.type} className="voucher-stat" data-type={v.type}>
            <Text className="voucher-stat-name">{v.name}</Text>
            <Text className="voucher-stat-line">{`领取 ${groupDigits(v.claimed)}  使用 ${groupDigits(v.redeemed)}`}</Text>
            <Text className="voucher-stat-minor">{`过期 ${groupDigits(v.expired)}  退回 ${groupDigits(v.cancelled)}`}</Text>
          </View>
        ))}
      </View>
      <View id="dashboard-trainings" className="czt-card official-section">
        <Text className="czt-card-title">培训</Text>
        <Text className="official-fact">{`开始培训 ${groupDigits(t.started)} 人次，退出 ${groupDigits(t.withdrawn)}`}</Text>
        <Text className="official-fact">{`已结业 ${groupDigits(t.completed)}，未结业 ${groupDigits(t.notCompleted)}`}</Text>
      </View>
      <View id="dashboard-employment" className="czt-card official-section">
        <Text className="czt-card-title">取证后就业</Text>
        <Text className="official-big employment-rate">{e.rate === null ? '—' : `${e.rate}%`}</Text>
        <Text className="official-fact">{`今年取证 ${groupDigits(e.certified)} 人，已就业 ${groupDigits(e.employed)} 人`}</Text>
      </View>
      <View id="dashboard-subsidies" className="czt-card official-section">
        <Text className="czt-card-title">补贴</Text>
        <Text className="official-big subsidy-amount">{yuanText(s.amountFen)}</Text>
        <Text className="official-fact">{`核发 ${groupDigits(s.granted)} 笔`}</Text>
        <Text className="official-fact">{`不予补贴 ${groupDigits(s.refused)}，已撤回 ${groupDigits(s.withdrawn)}`}</Text>
        <Text className="official-fact subsidy-applied">{`已申领 ${yuanText(s.appliedFen)}，审核通过 ${yuanText(s.approvedFen)}`}</Text>
        <Text className="official-fact subsidy-paid">{`已拨付 ${yuanText(s.paidFen)}（${groupDigits(s.paid)} 笔）`}</Text>
        {s.recoveredFen > 0 ? <Text className="official-fact subsidy-recovery">{`待追回 ${yuanText(s.recoveredFen)}`}</Text> : null}
      </View>
    </>
  );
}
