/**
 * 补贴审核 (R12.1): the institutions' applications of the official's region, those still being
 * handled first; one opens to be reviewed entry by entry and paid.
 */
import Taro, { useDidShow } from '@tarojs/taro';
import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { neededPageState } from '../../../../components/page-data';
import { EmptyState, PageShell } from '../../../../components/page-shell';
import { ApplicationCard } from '../../../../components/settlement-cards';
import { URLS, withQuery } from '../../../../utils/routes';
import { useSettlementStore } from '../../../../stores/use-settlement-store';
import { NoAccess } from '../../components/no-access';
import { useOfficialRole } from '../../components/use-official-role';
import { Hero } from '../../../../components/page-parts';
import '../../official.scss';

const reload = () => useSettlementStore.getState().loadApplications();

export default function OfficialSettlementPage() {
  const role = useOfficialRole();
  const allowed = Boolean(role.binding);
  const { applications, error } = useSettlementStore(useShallow((s) => ({ applications: s.applications, error: s.applicationsError })));
  useEffect(() => {
    if (allowed) void reload();
  }, [allowed]);
  useDidShow(() => {
    if (allowed && useSettlementStore.getState().applications) void reload();
  });
  const page = neededPageState(role.session, allowed, [{ value: applications, error, retry: reload }]);
  const open = applications?.filter((a) => !a.settled) ?? [];
  const settled = applications?.filter((a) => a.settled) ?? [];
  const openOne = (id: string) => void Taro.navigateTo({ url: withQuery(URLS.officialApplication, { id }) });
  return (
    <PageShell className="page-official-settlement" {...page}>
      {!role.binding ? (
        <NoAccess />
      ) : applications ? (
        <>
          <Hero title="补贴审核" text={open.length > 0 ? `${open.length} 份申领等您办理` : '没有待办理的申领'} textId="settlement-count" />
          {applications.length === 0 ? <EmptyState title="还没有申领" text="培训机构申领补贴后，会显示在这里" /> : null}
          {[...open, ...settled].map((a) => (
            <ApplicationCard key={a.id} a={a} onOpen={() => openOne(a.id)} />
          ))}
        </>
      ) : null}
    </PageShell>
  );
}
