/**
 * 导出记录: the caller's ledger exports, newest first. While any is queued or running the page
 * asks for its state every 1.5 s (each ask also moves the job on in the cloud), and stops when
 * none is left, when the page is hidden or closed. A finished export shows 下载.
 */
import { Text, View } from '@tarojs/components';
import { useDidHide, useDidShow } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { ExportJobView, ExportStatus } from '../../../../../cloudfunctions/contract';
import { isoMinuteText } from '../../../../../cloudfunctions/core/china-date';
import { listPageState } from '../../../../components/page-data';
import { Hero, WideButton } from '../../../../components/page-parts';
import { EmptyState, PageShell } from '../../../../components/page-shell';
import { groupDigits } from '../../../../utils/numbers';
import { NoAccess } from '../../components/no-access';
import { useOfficialRole } from '../../components/use-official-role';
import { isUnfinished, useOfficialStore } from '../../stores/use-official-store';
import { downloadExport } from '../../utils/download';
import { barPercent } from '../../utils/format';
import '../../official.scss';

export const POLL_MS = 1500;

const STATUS_NAMES: Record<ExportStatus, string> = {
  queued: '排队中',
  running: '导出中',
  done: '已完成',
  failed: '失败',
};

/** China time, minutes: `2026-11-23 17:05`; nothing for a time that cannot be read. */
const createdText = (iso: string): string => (Number.isNaN(Date.parse(iso)) ? '' : isoMinuteText(iso));

function ExportJob({ job }: { job: ExportJobView }) {
  const progress = job.status === 'done' ? 100 : barPercent(job.progress);
  return (
    <View className={`czt-card export-job is-${job.status}`} data-status={job.status} data-job-id={job.jobId}>
      <View className="export-head">
        <Text className="export-title">{job.title}</Text>
        <Text className={`export-status is-${job.status}`}>{STATUS_NAMES[job.status] ?? job.status}</Text>
      </View>
      <Text className="export-summary">{job.summary}</Text>
      <View className="export-progress" data-progress={String(job.progress)}>
        <View className="export-progress-fill" style={{ width: `${progress}%` }} />
      </View>
      <View className="export-numbers">
        <Text className="export-percent">{`${Math.round(progress)}%`}</Text>
        <Text className="export-count">{`${groupDigits(job.rows)}/${groupDigits(job.total)} 条`}</Text>
      </View>
      <Text className="export-meta">{`${createdText(job.createdAt)}${job.fullIdNumbers ? ' · 含完整身份证号' : ''}`}</Text>
      {job.status === 'failed' ? <Text className="czt-error export-error">{job.error ?? '导出失败，请重新导出'}</Text> : null}
      {job.status === 'done' && job.downloadable ? (
        <WideButton className="export-download" onClick={() => void downloadExport(job.jobId)}>
          下载
        </WideButton>
      ) : null}
    </View>
  );
}

export default function OfficialExportsPage() {
  const { session, binding } = useOfficialRole();
  const { exports, error, pollError } = useOfficialStore(
    useShallow((s) => ({ exports: s.exports, error: s.exportsError, pollError: s.pollError })),
  );
  const [visible, setVisible] = useState(true);
  const allowed = Boolean(binding);

  useEffect(() => {
    if (allowed) void useOfficialStore.getState().loadExports();
  }, [allowed]);
  useDidShow(() => setVisible(true));
  useDidHide(() => setVisible(false));

  const waiting = (exports ?? []).some(isUnfinished);
  useEffect(() => {
    if (!waiting || !visible) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = async () => {
      await useOfficialStore.getState().pollExports();
      if (!stopped && (useOfficialStore.getState().exports ?? []).some(isUnfinished)) timer = setTimeout(() => void tick(), POLL_MS);
    };
    timer = setTimeout(() => void tick(), POLL_MS);
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    };
  }, [waiting, visible]);

  const page = listPageState({ session, allowed, value: exports, error, load: () => useOfficialStore.getState().loadExports() });

  return (
    <PageShell className="page-official-exports" loading={page.loading} error={page.error} onRetry={page.onRetry}>
      {!binding ? (
        <NoAccess />
      ) : exports && exports.length > 0 ? (
        <>
          <Hero title="导出记录" text={waiting ? '正在导出，请稍候，完成后可下载' : '导出完成的文件可以下载'} />
          {pollError ? <Text className="czt-notice export-poll-error">{`${pollError.message}，正在重试`}</Text> : null}
          <View id="export-list">
            {exports.map((job) => (
              <ExportJob key={job.jobId} job={job} />
            ))}
          </View>
          <Text className="czt-footnote">导出文件含个人信息，请妥善保管，不要转发给无关人员。</Text>
        </>
      ) : exports ? (
        <EmptyState title="还没有导出记录" text="在台账页点“导出Excel”后，文件会出现在这里" />
      ) : null}
    </PageShell>
  );
}
