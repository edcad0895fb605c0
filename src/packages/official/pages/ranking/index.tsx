/**
 * 排名 (R9.4): the lower regions ranked by completion % of one metric, year to date up to a
 * month (累计至N月). `?regionCode=…&year=…` comes from the dashboard.
 */
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { RankingInput } from '../../../../../cloudfunctions/contract';
import { DASHBOARD_METRICS } from '../../../../../cloudfunctions/core/dashboard';
import { EmptyState, PageShell } from '../../../../components/page-shell';
import { ChoicePicker } from '../../../../components/choice-picker';
import { NoAccess } from '../../components/no-access';
import { consolePageState, useOfficialRole } from '../../components/use-official-role';
import { useOfficialStore } from '../../stores/use-official-store';
import { decodeParam } from '../../../../utils/routes';
import { groupDigits } from '../../../../utils/numbers';
import { METRIC_LABELS, percentText } from '../../utils/format';
import '../../official.scss';
import '../../../../components/official-table.scss';

const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);

export default function OfficialRankingPage() {
  const params = Taro.getCurrentInstance().router?.params ?? {};
  const regionCode = decodeParam(params.regionCode);
  const yearParam = Number(decodeParam(params.year));
  const year = Number.isInteger(yearParam) && yearParam > 2000 ? yearParam : undefined;

  const role = useOfficialRole();
  const { binding } = role;
  const { ranking, status, error, loadRanking } = useOfficialStore(
    useShallow((s) => ({ ranking: s.ranking, status: s.rankingStatus, error: s.rankingError, loadRanking: s.loadRanking })),
  );
  const [metricIndex, setMetricIndex] = useState(0);
  /** null: the server's default (the whole year, or this month in the current year). */
  const [month, setMonth] = useState<number | null>(null);
  const metric = DASHBOARD_METRICS[metricIndex];
  const allowed = Boolean(binding);

  const load = () => {
    const input: RankingInput = { metric };
    if (regionCode) input.regionCode = regionCode;
    if (year) input.year = year;
    if (month) input.month = month;
    void loadRanking(input);
  };
  useEffect(() => {
    if (allowed) load();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [allowed, metric, month]);

  const shown = ranking && ranking.metric === metric && (month === null || ranking.month === month) ? ranking : null;
  const page = consolePageState(role, status, error, load);
  const shownMonth = shown?.month ?? month;

  return (
    <PageShell className="page-official-ranking" loading={page.loading} error={page.error} onRetry={page.onRetry}>
      {!binding ? (
        <NoAccess />
      ) : shown ? (
        <>
          <View className="czt-hero">
            <Text className="czt-hero-title" id="ranking-title">{`${shown.region.name} 排名`}</Text>
            <Text className="czt-hero-text">{`${shown.year}年 · 累计至${shown.month}月`}</Text>
          </View>
          <ChoicePicker id="ranking-metric" label="指标" choices={METRIC_LABELS} index={metricIndex} onChange={setMetricIndex} />
          <ChoicePicker
            id="ranking-month"
            label="月份"
            choices={MONTHS.map((m) => `累计至${m}月`)}
            index={shownMonth ? shownMonth - 1 : -1}
            onChange={(i) => setMonth(MONTHS[i] ?? null)}
          />
          {shown.rows.length === 0 ? (
            <EmptyState title="没有下级地区" text="这个地区下面没有可以排名的地区" />
          ) : (
            <View id="ranking-list" className="official-table" data-metric={shown.metric}>
              <View className="official-table-head">
                <Text className="official-col-rank">名次</Text>
                <Text className="official-col-name">地区</Text>
                <Text className="official-col-num">实际/目标</Text>
                <Text className="official-col-rate">完成率</Text>
              </View>
              {shown.rows.map((r) => (
                <View key={r.region.code} className={`official-table-row ranking-row ${r.rank <= 3 ? 'is-top' : ''}`} data-region={r.region.code}>
                  <Text className="official-col-rank ranking-rank">{String(r.rank)}</Text>
                  <Text className="official-col-name ranking-name">{r.region.name}</Text>
                  <Text className="official-col-num ranking-actual">{`${groupDigits(r.actual)}/${r.target === null ? '—' : groupDigits(r.target)}`}</Text>
                  <Text className="official-col-rate ranking-completion">{percentText(r.completion)}</Text>
                </View>
              ))}
            </View>
          )}
          <Text className="czt-footnote">{`${shown.metricName}：按完成率从高到低排列，未设目标的地区排在最后`}</Text>
        </>
      ) : null}
    </PageShell>
  );
}
