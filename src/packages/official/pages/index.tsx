/**
 * 人社工作台 (R9.4): a region's progress against its yearly targets, from counters only.
 * The region defaults to the caller's; tapping a lower region drills down into it, 返回上级 goes
 * back. Each metric shows actual / target, completion % and a bar with the even-pace line; lower
 * regions are listed sortable by completion; A/B/C bands and months are drawn as plain bars.
 */
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { ChildProgress, DashboardMetric, DashboardView, MetricProgress, PlaceRef } from '../../../../cloudfunctions/contract';
import { DASHBOARD_METRICS, METRIC_NAMES } from '../../../../cloudfunctions/core/dashboard';
import { Button } from '../../../components/nutui';
import { EmptyState, PageShell } from '../../../components/page-shell';
import { askConsent, prefetchTemplates } from '../../../utils/subscribe';
import { ChoicePicker } from '../components/choice-picker';
import { useOfficialRole } from '../components/use-official-role';
import { useOfficialStore } from '../stores/use-official-store';
import { barPercent, groupDigits, percentText, thisYear, yearChoices, yuanText } from '../utils/format';
import '../official.scss';

export type CountySort = 'desc' | 'asc' | 'code';
export const SORT_CHOICES: { value: CountySort; label: string }[] = [
  { value: 'desc', label: '完成率从高到低' },
  { value: 'asc', label: '完成率从低到高' },
  { value: 'code', label: '按地区码' },
];

const METRIC_LABELS = DASHBOARD_METRICS.map((m) => METRIC_NAMES[m]);

/** Regions without a target (no completion) always go last; ties by region code. */
export function sortChildren(children: ChildProgress[], metric: DashboardMetric, sort: CountySort): ChildProgress[] {
  const completion = (c: ChildProgress) => {
    const value = c.metrics.find((m) => m.metric === metric)?.completion;
    return value === null || value === undefined ? null : Number(value);
  };
  return [...children].sort((a, b) => {
    if (sort !== 'code') {
      const x = completion(a);
      const y = completion(b);
      if (x === null && y !== null) return 1;
      if (y === null && x !== null) return -1;
      if (x !== null && y !== null && x !== y) return sort === 'desc' ? y - x : x - y;
    }
    return a.region.code.localeCompare(b.region.code);
  });
}

const go = (url: string) => void Taro.navigateTo({ url });

function CompletionBar({ completion, pace, onPace }: { completion: string | null; pace: string; onPace: boolean | null }) {
  const state = onPace === false ? 'is-behind' : onPace === true ? 'is-on-pace' : 'is-none';
  return (
    <View className={`metric-bar ${state}`}>
      <View className="metric-bar-fill" style={{ width: `${barPercent(completion)}%` }} />
      <View className="metric-pace-marker" style={{ left: `${barPercent(pace)}%` }} />
    </View>
  );
}

function MetricCard({ m, pace }: { m: MetricProgress; pace: string }) {
  const state = m.onPace === false ? 'is-behind' : m.onPace === true ? 'is-on-pace' : 'is-none';
  return (
    <View className={`czt-card metric-card ${state}`} data-metric={m.metric}>
      <Text className="metric-name">{m.name}</Text>
      <View className="metric-numbers">
        <Text className="metric-actual">{groupDigits(m.actual)}</Text>
        <Text className="metric-target">{m.target === null ? ' / 未设目标' : ` / ${groupDigits(m.target)}`}</Text>
        <Text className="metric-completion">{percentText(m.completion)}</Text>
      </View>
      {m.target !== null ? (
        <>
          <CompletionBar completion={m.completion} pace={pace} onPace={m.onPace} />
          <View className="metric-foot">
            <Text className={`metric-pace ${state}`}>{m.onPace === false ? '落后于进度' : '达到进度'}</Text>
            {m.expected !== null ? <Text className="metric-expected">{`按进度应完成 ${groupDigits(m.expected)}`}</Text> : null}
          </View>
        </>
      ) : null}
    </View>
  );
}

function CountyTable({
  regions,
  onOpen,
}: {
  regions: ChildProgress[];
  onOpen: (region: PlaceRef) => void;
}) {
  const [metricIndex, setMetricIndex] = useState(0);
  const [sort, setSort] = useState<CountySort>('code');
  const metric = DASHBOARD_METRICS[metricIndex];
  const rows = useMemo(() => sortChildren(regions, metric, sort), [regions, metric, sort]);
  const toggleSort = () => setSort((s) => (s === 'desc' ? 'asc' : 'desc'));
  const arrow = sort === 'desc' ? ' ↓' : sort === 'asc' ? ' ↑' : '';
  return (
    <View className="czt-card official-section county-section">
      <Text className="czt-card-title">下级地区完成情况</Text>
      <ChoicePicker id="county-metric" label="指标" choices={METRIC_LABELS} index={metricIndex} onChange={setMetricIndex} />
      <ChoicePicker
        id="county-sort"
        label="排序"
        choices={SORT_CHOICES.map((c) => c.label)}
        index={SORT_CHOICES.findIndex((c) => c.value === sort)}
        onChange={(i) => setSort(SORT_CHOICES[i]?.value ?? 'code')}
      />
      <View id="county-table" className="official-table" data-metric={metric} data-sort={sort}>
        <View className="official-table-head">
          <Text className="official-col-name">地区</Text>
          <Text className="official-col-num">实际/目标</Text>
          <Text id="sort-completion" className="official-col-rate is-sortable" onClick={toggleSort}>
            {`完成率${arrow}`}
          </Text>
        </View>
        {rows.map((c) => {
          const m = c.metrics.find((x) => x.metric === metric);
          return (
            <View key={c.region.code} className="official-table-row county-row" data-region={c.region.code} onClick={() => onOpen(c.region)}>
              <Text className="official-col-name county-name">{`${c.region.name} ›`}</Text>
              <Text className="official-col-num county-actual">
                {m ? `${groupDigits(m.actual)}/${m.target === null ? '—' : groupDigits(m.target)}` : '—'}
              </Text>
              <Text className="official-col-rate county-completion">{percentText(m?.completion)}</Text>
            </View>
          );
        })}
      </View>
      <Text className="czt-footnote">点地区名称查看该地区</Text>
    </View>
  );
}

const BAND_LABEL: Record<string, string> = { A: 'A段', B: 'B段', C: 'C段', '-': '未分段' };

function BandChart({ d }: { d: DashboardView }) {
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

function MonthChart({ d }: { d: DashboardView }) {
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

function Facts({ d }: { d: DashboardView }) {
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
      </View>
    </>
  );
}

export default function OfficialDashboardPage() {
  const { session, binding } = useOfficialRole();
  const { dashboard, status, error, loadDashboard } = useOfficialStore(
    useShallow((s) => ({ dashboard: s.dashboard, status: s.dashboardStatus, error: s.dashboardError, loadDashboard: s.loadDashboard })),
  );
  const [year, setYear] = useState(thisYear);
  /** Regions drilled into, top first; empty = the caller's own region. */
  const [path, setPath] = useState<PlaceRef[]>([]);
  const regionCode = path.length > 0 ? path[path.length - 1].code : undefined;
  const allowed = Boolean(binding);

  const load = () => void loadDashboard(regionCode ? { regionCode, year } : { year });
  // R10.2: the digest and ranking reminders; the ids are fetched now so the tap can ask at once.
  useEffect(() => {
    if (allowed) void prefetchTemplates('dashboard');
  }, [allowed]);
  useEffect(() => {
    if (allowed) load();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [allowed, regionCode, year]);

  const years = yearChoices();
  const shown = dashboard && (regionCode === undefined || dashboard.region.code === regionCode) && dashboard.year === year ? dashboard : null;
  const loading = session.loading || (allowed && (status === 'loading' || status === 'idle'));
  const pageError = session.error ?? (allowed && status === 'error' ? error : null);
  const query = `regionCode=${encodeURIComponent(shown?.region.code ?? regionCode ?? '')}&year=${year}`;

  return (
    <PageShell className="page-official" loading={loading} error={pageError} onRetry={() => (session.error ? void session.load() : load())}>
      {!binding ? (
        <EmptyState title="无权限" text="此页面仅供人社部门工作人员使用" />
      ) : shown ? (
        <>
          <View className="czt-hero official-hero">
            <Text className="czt-hero-title" id="official-region">
              {shown.region.name}
            </Text>
            <Text className="czt-hero-text">{`人社工作台 · ${shown.year}年`}</Text>
          </View>
          {path.length > 0 ? (
            <View id="region-up" className="czt-link-row official-up" onClick={() => setPath((p) => p.slice(0, -1))}>
              <Text>{`‹ 返回${path.length > 1 ? path[path.length - 2].name : binding.regionName ?? '上级'}`}</Text>
            </View>
          ) : null}
          <ChoicePicker
            id="dashboard-year"
            label="年度"
            choices={years.map((y) => `${y}年`)}
            index={years.indexOf(year)}
            onChange={(i) => setYear(years[i] ?? thisYear())}
          />
          <View className="czt-card official-summary">
            <View className="official-summary-item">
              <Text className="official-summary-label">登记劳动力</Text>
              <Text id="registered-laborers" className="official-big">
                {groupDigits(shown.registeredLaborers)}
              </Text>
            </View>
            <View className="official-summary-item">
              <Text className="official-summary-label">时间进度</Text>
              <Text id="dashboard-pace" className="official-big">{`${shown.pace}%`}</Text>
              <Text className="official-summary-note">{`截至${shown.asOf}`}</Text>
            </View>
          </View>
          <View id="dashboard-metrics">
            {shown.metrics.map((m) => (
              <MetricCard key={m.metric} m={m} pace={shown.pace} />
            ))}
          </View>
          <Text className="czt-footnote official-legend-line">竖线为时间进度；蓝色为达到进度，橙色为落后于进度</Text>
          <View className="official-entries">
            <Button id="go-ranking" className="czt-primary-button" type="primary" size="xlarge" block onClick={() => go(`/packages/official/pages/ranking?${query}`)}>
              排名
            </Button>
            <Button id="go-ledger" className="czt-secondary-button" size="xlarge" block onClick={() => go(`/packages/official/pages/ledger`)}>
              台账
            </Button>
            <Button id="go-exports" className="czt-secondary-button" size="xlarge" block onClick={() => go('/packages/official/pages/exports')}>
              导出记录
            </Button>
            <Button id="official-messages" className="czt-secondary-button" size="xlarge" block onClick={() => go('/pages/messages/index')}>
              消息
            </Button>
            {/* WeChat subscription messages only exist in the mini-program. */}
            {process.env.TARO_ENV === 'weapp' ? (
              <Button id="official-subscribe" className="czt-secondary-button" size="xlarge" block onClick={() => void askConsent('dashboard')}>
                订阅提醒
              </Button>
            ) : null}
          </View>
          {shown.children.length > 0 ? (
            <CountyTable regions={shown.children} onOpen={(r) => setPath((p) => [...p, r])} />
          ) : (
            <View className="czt-card official-section">
              <Text className="czt-card-text">没有下级地区的数据</Text>
            </View>
          )}
          <BandChart d={shown} />
          <MonthChart d={shown} />
          <Facts d={shown} />
        </>
      ) : null}
    </PageShell>
  );
}
