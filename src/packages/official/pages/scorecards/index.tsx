/**
 * 培训质量考核评估: the institutions of the official's region for a year, ranked by certification
 * rate, with their classes, trainees, completion, employment at 3 and 6 months and the subsidies
 * paid; 导出 writes the table as an .xlsx into 导出记录.
 */
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import type { ScorecardRow, ScorecardView } from '../../../../../cloudfunctions/contract';
import { type ApiError, call, toApiError } from '../../../../api/client';
import { ChoicePicker } from '../../../../components/choice-picker';
import { neededPageState } from '../../../../components/page-data';
import { WideButton } from '../../../../components/page-parts';
import { EmptyState, PageShell } from '../../../../components/page-shell';
import { useConfirmedAction } from '../../../../components/use-confirmed-action';
import { groupDigits, yuanText } from '../../../../utils/numbers';
import { URLS } from '../../../../utils/routes';
import { NoAccess } from '../../components/no-access';
import { useOfficialRole } from '../../components/use-official-role';
import { thisYear, yearChoices } from '../../utils/format';
import '../../official.scss';

const pct = (n: number | null) => (n === null ? '—' : `${n}%`);

function Scorecard({ r }: { r: ScorecardRow }) {
  return (
    <View className="czt-card scorecard" data-id={r.institution.id} data-rank={r.rank}>
      <Text className="czt-card-title">{`${r.rank}. ${r.institution.name}`}</Text>
      <Text className="czt-card-text">{`开班 ${r.classes} 个，培训 ${groupDigits(r.trainees)} 人，结业 ${groupDigits(r.completed)} 人，取证 ${groupDigits(r.certified)} 人`}</Text>
      <Text className="official-fact scorecard-rates">{`结业率 ${pct(r.completionRate)}，取证率 ${pct(r.certificationRate)}`}</Text>
      <Text className="official-fact">{`取证后就业：3个月 ${pct(r.employedAt3Months)}，6个月 ${pct(r.employedAt6Months)}`}</Text>
      <Text className="official-fact scorecard-paid">{`已拨付补贴 ${yuanText(r.paidFen)}`}</Text>
      {r.rejected + r.refused > 0 ? <Text className="official-fact">{`审核未通过 ${r.rejected} 条，不予补贴 ${r.refused} 条`}</Text> : null}
    </View>
  );
}

export default function OfficialScorecardsPage() {
  const role = useOfficialRole();
  const allowed = Boolean(role.binding);
  const [year, setYear] = useState(thisYear);
  const [view, setView] = useState<ScorecardView | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const load = () => {
    setError(null);
    call('settlement', 'scorecards', { year }).then(setView, (e) => setError(toApiError(e)));
  };
  useEffect(() => {
    if (allowed) load();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [allowed, year]);
  const exporting = useConfirmedAction((y: number, options) => call('settlement', 'exportScorecards', { year: y }, options), {
    onDone: () => void Taro.navigateTo({ url: URLS.officialExports }),
  });
  const shown = view && view.year === year ? view : null;
  const page = neededPageState(role.session, allowed, [{ value: shown, error, retry: load }]);
  const years = yearChoices();
  return (
    <PageShell className="page-official-scorecards" {...page}>
      {!role.binding ? (
        <NoAccess />
      ) : shown ? (
        <>
          <View className="czt-hero">
            <Text className="czt-hero-title">机构考核评估</Text>
            <Text className="czt-hero-text">{`${shown.region.name} · ${shown.year}年 · 按取证率排名`}</Text>
          </View>
          <ChoicePicker id="scorecards-year" label="年度" choices={years.map((y) => `${y}年`)} index={years.indexOf(year)} onChange={(i) => setYear(years[i] ?? thisYear())} />
          {shown.rows.length === 0 ? <EmptyState title="这里还没有培训机构" text="在“机构库”添加机构后，会在这里考核" /> : null}
          {shown.rows.map((r) => (
            <Scorecard key={r.institution.id} r={r} />
          ))}
          <WideButton id="scorecards-export" kind="secondary" loading={exporting.busy} disabled={exporting.busy} onClick={() => void exporting.submit(year)}>
            导出Excel
          </WideButton>
        </>
      ) : null}
    </PageShell>
  );
}
