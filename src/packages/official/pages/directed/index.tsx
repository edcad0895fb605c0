/**
 * 定向发券 (R12.2): an official issues vouchers of a type to a named list, from a county's quota,
 * and reads back who got one and why the others did not. A list that takes longer than one call
 * is asked about every 1.5 s until it is done (each ask moves it on in the cloud). Earlier issues
 * of the region are listed below; tapping one opens its report.
 */
import { Text, View } from '@tarojs/components';
import { useDidHide, useDidShow } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { DirectedJobView, DirectedReport } from '../../../../../cloudfunctions/contract';
import { neededPageState } from '../../../../components/page-data';
import { Hero, RetryNotice, WideButton } from '../../../../components/page-parts';
import { PageShell } from '../../../../components/page-shell';
import { NoAccess } from '../../components/no-access';
import { useOfficialRole } from '../../components/use-official-role';
import { useDirectedStore } from '../../stores/use-directed-store';
import { useOfficialStore } from '../../stores/use-official-store';
import { DirectedForm } from './directed-form';
import { JobSummary, ReportView } from './directed-report';
import '../../official.scss';
import '../../supply.scss';
import './index.scss';

export const POLL_MS = 1500;

/** While the report shown is of a running issue, ask again 1.5 s after each answer (stops when done or hidden). */
function usePolling(listId: string | null, report: DirectedReport | null) {
  const running = report?.job.status === 'running';
  const [visible, setVisible] = useState(true);
  useDidShow(() => setVisible(true));
  useDidHide(() => setVisible(false));
  useEffect(() => {
    if (!listId || !running || !visible) return;
    const timer = setTimeout(() => void useDirectedStore.getState().loadReport(listId), POLL_MS);
    return () => clearTimeout(timer);
  }, [listId, running, visible, report]);
}

function EarlierIssues({ jobs, onOpen }: { jobs: DirectedJobView[]; onOpen: (listId: string) => void }) {
  if (jobs.length === 0) return null;
  return (
    <View id="directed-jobs" className="czt-card official-section">
      <Text className="czt-card-title">发放记录</Text>
      {jobs.map((job) => (
        <View key={job.listId} className="czt-link-row directed-job" data-list-id={job.listId} onClick={() => onOpen(job.listId)}>
          <JobSummary job={job} />
        </View>
      ))}
    </View>
  );
}

export default function OfficialDirectedPage() {
  const { session, binding } = useOfficialRole();
  const { regions, regionsError } = useOfficialStore(useShallow((s) => ({ regions: s.regions, regionsError: s.regionsError })));
  const { types, typesError, jobs, jobsError, report, reportError } = useDirectedStore(
    useShallow((s) => ({ types: s.types, typesError: s.typesError, jobs: s.jobs, jobsError: s.jobsError, report: s.report, reportError: s.reportError })),
  );
  const [opened, setOpened] = useState<string | null>(null);
  const [round, setRound] = useState(0);
  const allowed = Boolean(binding);
  const regionCode = binding?.regionCode;
  const loadJobs = () => useDirectedStore.getState().loadJobs(regionCode);

  useEffect(() => {
    if (!allowed) return;
    void useOfficialStore.getState().loadRegions();
    void useDirectedStore.getState().loadTypes();
    void loadJobs();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [allowed, regionCode]);

  const shown = report && report.job.listId === opened ? report : null;
  usePolling(opened, shown);

  const open = (listId: string) => {
    setOpened(listId);
    void useDirectedStore.getState().loadReport(listId);
  };
  const page = neededPageState(session, allowed, [
    { value: regions, error: regionsError, retry: () => useOfficialStore.getState().loadRegions() },
    { value: types, error: typesError, retry: () => useDirectedStore.getState().loadTypes() },
  ]);

  return (
    <PageShell className="page-official-directed" {...page}>
      {!binding ? (
        <NoAccess />
      ) : regions && types ? (
        <>
          <Hero title="定向发券" text="把培训券直接发给名单上的人" />
          {opened ? (
            <>
              {shown ? (
                <ReportView report={shown} />
              ) : reportError ? (
                <RetryNotice className="directed-report-error" message={reportError.message} onRetry={() => open(opened)} />
              ) : (
                <Text className="czt-card-text directed-loading">正在发放，请稍候…</Text>
              )}
              <WideButton id="directed-new" kind="secondary" row onClick={() => {
                  setOpened(null);
                  setRound((r) => r + 1);
                }}>
                再发一份名单
              </WideButton>
            </>
          ) : (
            <DirectedForm key={round} binding={binding} regions={regions} types={types} onIssued={(job) => setOpened(job.listId)} />
          )}
          <RetryNotice className="directed-jobs-error" message={jobsError?.message} onRetry={() => void loadJobs()} />
          <EarlierIssues jobs={(jobs ?? []).filter((j) => j.listId !== opened)} onOpen={open} />
        </>
      ) : null}
    </PageShell>
  );
}
