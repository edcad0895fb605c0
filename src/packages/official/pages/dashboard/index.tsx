/**
 * 人社工作台 (R9.4): a region's progress against its yearly targets, from counters only.
 * The region defaults to the caller's; tapping a lower region drills down into it, 返回上级 goes
 * back. Each metric shows actual / target, completion % and a bar with the even-pace line; lower
 * regions are listed sortable by completion; A/B/C bands and months are drawn as plain bars.
 */
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { DashboardView, PlaceRef } from '../../../../../cloudfunctions/contract';
import { WideButton } from '../../../../components/page-parts';
import { PageShell } from '../../../../components/page-shell';
import { chinaDateWords } from '../../../../utils/dates';
import { groupDigits } from '../../../../utils/numbers';
import { pageParam } from '../../../../utils/page-param';
import { URLS, withQuery } from '../../../../utils/routes';
import { askConsent, prefetchTemplates } from '../../../../utils/subscribe';
import { ChoicePicker } from '../../../../components/choice-picker';
import { CountyTable } from '../../components/county-table';
import { BandChart, Facts, MonthChart } from '../../components/dashboard-charts';
import { UsageCard } from '../../components/usage-card';
import { MetricCard } from '../../components/metric-card';
import { NoAccess } from '../../components/no-access';
import { EntryRow } from '../../components/entry-row';
import { ReviewEntry, usePendingCount } from '../../components/supply-entries';
import { consolePageState, useOfficialRole } from '../../components/use-official-role';
import { useOfficialStore } from '../../stores/use-official-store';
import { thisYear, yearChoices } from '../../utils/format';
import { CheckInShares, FamilyEntry } from './check-in-shares';
import '../../official.scss';
import '../../../../components/official-table.scss';
import '../../supply.scss';
import './index.scss';

const go = (url: string) => void Taro.navigateTo({ url });

/**
 * R9.4 rankings order the regions of one parent by completion %: a city's counties, a province's
 * cities. A county's townships keep no counters, so a county has no 排名.
 */
const ranksChildren = (region: DashboardView['region']): boolean => region.level === 'city' || region.level === 'province';

/** 开班审核 first when classes wait for it (an official's most urgent task), and 机构与人员. */
function ReviewsWaiting({ count }: { count: number }) {
  return count > 0 ? <ReviewEntry count={count} /> : null;
}

function SupplyRow({ count }: { count: number }) {
  return <EntryRow id="go-supply" title="机构与人员" text="开班审核、机构库、评价库、人员与邀请、项目库" url={URLS.officialSupply} count={count} />;
}

export default function OfficialDashboardPage() {
  const role = useOfficialRole();
  const { binding } = role;
  const pendingReviews = usePendingCount(Boolean(binding));
  const { dashboard, status, error, loadDashboard } = useOfficialStore(
    useShallow((s) => ({ dashboard: s.dashboard, status: s.dashboardStatus, error: s.dashboardError, loadDashboard: s.loadDashboard })),
  );
  const [year, setYear] = useState(thisYear);
  /** Regions drilled into, top first; empty = the caller's own region. */
  const [path, setPath] = useState<PlaceRef[]>([]);
  // From 我的, a person with several official workbenches opens one by its region.
  const opened = pageParam('regionCode') ? binding?.regionCode : undefined;
  const regionCode = path.length > 0 ? path[path.length - 1].code : opened;
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
  // Back from a page that changed the figures (a payment, a review): asked again when shown.
  useDidShow(() => {
    if (allowed && useOfficialStore.getState().dashboard) load();
  });

  const years = yearChoices();
  const shown = dashboard && (regionCode === undefined || dashboard.region.code === regionCode) && dashboard.year === year ? dashboard : null;
  const page = consolePageState(role, status, error, load);
  const rankingUrl = withQuery(URLS.officialRanking, { regionCode: shown?.region.code ?? regionCode ?? '', year });

  return (
    <PageShell className="page-official" loading={page.loading} error={page.error} onRetry={page.onRetry}>
      {!binding ? (
        <NoAccess />
      ) : shown ? (
        <>
          <View className="czt-hero official-hero">
            <Text className="czt-hero-title" id="official-region">
              {shown.region.name}
            </Text>
            <Text className="czt-hero-text">{`人社工作台 · ${shown.year}年`}</Text>
          </View>
          <ReviewsWaiting count={pendingReviews} />
          {path.length > 0 ? (
            <View id="region-up" className="czt-link-row official-up" onClick={() => setPath((p) => p.slice(0, -1))}>
              <Text>{`‹ 返回${path.length > 1 ? path[path.length - 2].name : (binding.regionName ?? '上级')}`}</Text>
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
              <Text className="official-summary-note">{`截至${chinaDateWords(shown.asOf)}`}</Text>
            </View>
          </View>
          <View id="dashboard-metrics">
            {shown.metrics.map((m) => (
              <MetricCard key={m.metric} m={m} pace={shown.pace} />
            ))}
          </View>
          <Text className="czt-footnote official-legend-line">竖线为时间进度；蓝色为达到进度，橙色为落后于进度</Text>
          <View className="official-entries">
            {ranksChildren(shown.region) ? (
              <WideButton id="go-ranking" onClick={() => go(rankingUrl)}>
                排名
              </WideButton>
            ) : null}
            <WideButton id="go-ledger" kind={ranksChildren(shown.region) ? 'secondary' : 'primary'} onClick={() => go(URLS.officialLedger)}>
              台账
            </WideButton>
            <WideButton id="go-exports" kind="secondary" onClick={() => go(URLS.officialExports)}>
              导出记录
            </WideButton>
            <WideButton id="official-messages" kind="secondary" onClick={() => go(URLS.messages)}>
              消息
            </WideButton>
            {/* WeChat subscription messages only exist in the mini-program. */}
            {process.env.TARO_ENV === 'weapp' ? (
              <WideButton id="official-subscribe" kind="secondary" onClick={() => void askConsent('dashboard')}>
                订阅提醒
              </WideButton>
            ) : null}
          </View>
          <SupplyRow count={pendingReviews} />
          <EntryRow id="go-settlement" title="补贴审核" text="培训机构的补贴申领：逐条审核，登记拨付" url={URLS.officialSettlement} count={0} />
          <EntryRow id="go-scorecards" title="机构考核评估" text="各培训机构的结业率、取证率、就业率和补贴" url={URLS.officialScorecards} count={0} />
          <EntryRow id="go-directed" title="定向发券" text="向名单上的人发放培训券，看谁没发到、为什么" url={URLS.officialDirected} count={0} />
          <EntryRow id="go-face-checks" title="实名核验" text="各班学员刷脸核验本人的比例；各县的核验要求" url={URLS.officialFaceChecks} count={0} />
          <FamilyEntry />
          {shown.children.length > 0 ? (
            <CountyTable regions={shown.children} onOpen={(r) => setPath((p) => [...p, r])} />
          ) : (
            <View className="czt-card official-section">
              <Text className="czt-card-text">没有下级地区的数据</Text>
            </View>
          )}
          <CheckInShares regionCode={shown.region.code} />
          <UsageCard d={shown} />
          <BandChart d={shown} />
          <MonthChart d={shown} />
          <Facts d={shown} />
        </>
      ) : null}
    </PageShell>
  );
}
