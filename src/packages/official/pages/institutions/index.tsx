/**
 * 机构库 (R11.1) — or 评价库 with `?evaluation=1`: the institutions of a region inside the
 * caller's, by name, filtered by region, name or credit code, status and whether they are
 * evaluation bodies in force. 新增机构 is the page's one main action; a tap opens an institution.
 */
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { InstitutionStatus, ListInstitutionsInput, RoleBinding } from '../../../../../cloudfunctions/contract';
import { INSTITUTION_STATUS_NAMES } from '../../../../../cloudfunctions/core/institutions';
import { ChoiceField, TextField } from '../../../../components/form-field';
import { Hero, RetryNotice, WideButton } from '../../../../components/page-parts';
import { EmptyState, FailedState, LoadingState, PageShell } from '../../../../components/page-shell';
import { pageParam } from '../../../../utils/page-param';
import { URLS, withQuery } from '../../../../utils/routes';
import { InstitutionCard } from '../../components/institution-card';
import { NoAccess } from '../../components/no-access';
import { RegionScope } from '../../components/region-scope';
import { useOfficialRole } from '../../components/use-official-role';
import { useOfficialStore } from '../../stores/use-official-store';
import { useSupplyStore } from '../../stores/use-supply-store';
import '../../official.scss';
import '../../supply.scss';

/** One row of choices: what to show (a status, or the evaluation bodies: 评价库). */
type Show = 'all' | InstitutionStatus | 'evaluation';
const SHOWS: { value: Show; name: string }[] = [
  { value: 'all', name: '全部机构' },
  { value: 'evaluation', name: '评价机构' },
  { value: 'active', name: INSTITUTION_STATUS_NAMES.active },
  { value: 'suspended', name: INSTITUTION_STATUS_NAMES.suspended },
];

interface Filters {
  regionCode: string;
  query: string;
  show: Show;
}

const inputOf = (f: Filters): ListInstitutionsInput => ({
  regionCode: f.regionCode,
  ...(f.query.trim() ? { query: f.query.trim() } : {}),
  ...(f.show === 'active' || f.show === 'suspended' ? { status: f.show } : {}),
  ...(f.show === 'evaluation' ? { evaluationBodies: true } : {}),
});

const open = (url: string) => void Taro.navigateTo({ url });

function FilterCard({ binding, filters, onChange }: { binding: RoleBinding; filters: Filters; onChange: (f: Filters) => void }) {
  const regions = useOfficialStore((s) => s.regions);
  const [draft, setDraft] = useState(filters.query);
  return (
    <View id="institution-filters" className="czt-card supply-filters">
      {regions ? (
        <RegionScope idPrefix="inst-region" label="地区" regions={regions} rootCode={binding.regionCode ?? ''} value={filters.regionCode} onChange={(regionCode) => onChange({ ...filters, regionCode })} wholeText={(n) => `${n}全部`} />
      ) : null}
      <TextField id="inst-query" label="名称或信用代码" optional type="text" maxlength={40} placeholder="输入几个字查找" value={draft} onInput={setDraft} />
      <WideButton id="inst-search" kind="secondary" size="large" row onClick={() => onChange({ ...filters, query: draft })}>
        查找
      </WideButton>
      <ChoiceField idPrefix="inst-show" label="显示" choices={SHOWS} chosen={filters.show} onChoose={(show) => onChange({ ...filters, show })} />
    </View>
  );
}

function InstitutionList({ binding }: { binding: RoleBinding }) {
  const [filters, setFilters] = useState<Filters>(() => ({ regionCode: binding.regionCode ?? '', query: '', show: pageParam('evaluation') === '1' ? 'evaluation' : 'all' }));
  const store = useSupplyStore(useShallow((s) => ({ list: s.institutions, error: s.institutionsError })));
  const key = JSON.stringify(inputOf(filters));
  const load = () => void useSupplyStore.getState().loadInstitutions(inputOf(filters));
  useEffect(() => {
    void useOfficialStore.getState().loadRegions();
  }, []);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(load, [key]);
  // Back from a form or a detail: what is listed may have changed.
  useDidShow(() => {
    if (useSupplyStore.getState().institutions) load();
  });
  const list = store.list;
  return (
    <>
      <Hero title={filters.show === 'evaluation' ? '评价库' : '机构库'} text={filters.show === 'evaluation' ? '在有效期内备案的评价机构' : '本辖区的培训机构'} />
      <WideButton id="institution-add" onClick={() => open(URLS.officialInstitutionForm)}>
        新增机构
      </WideButton>
      <FilterCard binding={binding} filters={filters} onChange={setFilters} />
      <RetryNotice className="institutions-error" message={list ? store.error?.message : null} onRetry={load} />
      {!list && store.error ? <FailedState retryId="institutions-retry" error={store.error} onRetry={load} /> : null}
      {!list && !store.error ? <LoadingState /> : null}
      {list ? (
        <>
          <Text id="institution-count" className="supply-count">{list.total > list.items.length ? `共 ${list.total} 家，显示前 ${list.items.length} 家，请缩小范围` : `共 ${list.total} 家`}</Text>
          {list.items.length === 0 ? <EmptyState title="没有找到机构" text="换个条件试试，或点“新增机构”" /> : null}
          {list.items.map((i) => (
            <InstitutionCard key={i.id} institution={i} onOpen={() => open(withQuery(URLS.officialInstitution, { institutionId: i.id }))} />
          ))}
        </>
      ) : null}
    </>
  );
}

export default function OfficialInstitutionsPage() {
  const { session, binding } = useOfficialRole();
  return (
    <PageShell className="page-official-institutions" loading={session.loading} error={session.error} onRetry={() => void session.load()}>
      {binding ? <InstitutionList binding={binding} /> : <NoAccess />}
    </PageShell>
  );
}
