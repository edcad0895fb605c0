/**
 * One directed issue's report (R12.2): how many got the voucher, how many wait for their
 * registration, how many were refused and why (counted per reason), then every line not issued
 * with its masked number and reason. An open issue with people still waiting may be closed.
 */
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { DirectedJobView, DirectedReport } from '../../../../../cloudfunctions/contract';
import { isoMinuteText } from '../../../../../cloudfunctions/core/china-date';
import { AskButtons } from '../../../../components/confirm-buttons';
import { WideButton } from '../../../../components/page-parts';
import { useConfirmedAction } from '../../../../components/use-confirmed-action';
import { groupDigits } from '../../../../utils/numbers';
import { useDirectedStore } from '../../stores/use-directed-store';

/** Lines shown before 显示全部 (a list of 5000 may leave thousands). */
export const ROWS_SHOWN = 100;

export function JobSummary({ job }: { job: DirectedJobView }) {
  return (
    <View className="directed-summary" data-list-id={job.listId} data-status={job.status}>
      <Text className="directed-title">{`${job.county.name} · ${job.typeName}`}</Text>
      <Text className="directed-meta">{`${isoMinuteText(job.createdAt)} · 共${groupDigits(job.lines)}行${job.fileName ? ` · ${job.fileName}` : ''}`}</Text>
      {job.status === 'running' ? <Text className="czt-notice directed-running">{`正在发放，已处理 ${job.progress}%，请稍候`}</Text> : null}
      <View className="directed-counts">
        <Text className="directed-count is-issued">{`已发放 ${groupDigits(job.issued)}`}</Text>
        <Text className="directed-count is-pending">{`待登记 ${groupDigits(job.pending)}`}</Text>
        <Text className="directed-count is-refused">{`未发放 ${groupDigits(job.refused)}`}</Text>
      </View>
      {job.repeated ? <Text className="czt-notice directed-repeated">这份名单已经发放过，这次没有重复发放</Text> : null}
    </View>
  );
}

function CloseIssue({ job }: { job: DirectedJobView }) {
  const flow = useConfirmedAction((listId: string, options) => useDirectedStore.getState().close(listId, options), { doneTitle: '已截止' });
  if (!job.open || job.pending === 0) {
    return job.pending > 0 ? <Text className="czt-footnote directed-closed">已截止：还没登记的人不再发放</Text> : null;
  }
  return flow.asking ? (
    <View className="czt-card directed-close-ask">
      <Text className="czt-card-text">{`截止后，还没登记的 ${job.pending} 人登记时不再发放。确定截止吗？`}</Text>
      <AskButtons flow={flow} id="directed-close" confirmLabel="确认截止" keepLabel="不截止" danger />
    </View>
  ) : (
    <>
      <Text className="czt-footnote">{`还没登记的人在${isoMinuteText(job.openUntil).slice(0, 10)}前登记，会自动收到培训券`}</Text>
      <WideButton id="directed-close" kind="secondary" row onClick={() => flow.ask(job.listId)}>
        截止发放
      </WideButton>
    </>
  );
}

export function ReportView({ report }: { report: DirectedReport }) {
  const [all, setAll] = useState(false);
  const { job, rows } = report;
  const shown = all ? rows : rows.slice(0, ROWS_SHOWN);
  return (
    <View id="directed-report" className="czt-card official-section">
      <JobSummary job={job} />
      {job.reasons.length > 0 ? (
        <View className="directed-reasons">
          {job.reasons.map((r) => (
            <View key={r.group} className="directed-reason" data-group={r.group}>
              <Text className="directed-reason-name">{r.name}</Text>
              <Text className="directed-reason-count">{`${groupDigits(r.count)} 人`}</Text>
            </View>
          ))}
        </View>
      ) : null}
      <CloseIssue job={job} />
      {rows.length > 0 ? <Text className="czt-card-title directed-rows-title">没有发放的名单</Text> : null}
      <View id="directed-rows">
        {shown.map((r) => (
          <View key={r.line} className={`directed-row is-${r.status}`} data-line={r.line} data-group={r.group ?? ''}>
            <Text className="directed-row-head">{`第${r.line}行 ${r.masked}`}</Text>
            <Text className="directed-row-reason">{r.reason}</Text>
          </View>
        ))}
      </View>
      {!all && rows.length > ROWS_SHOWN ? (
        <WideButton id="directed-all-rows" kind="secondary" row onClick={() => setAll(true)}>
          {`显示全部 ${groupDigits(rows.length)} 行`}
        </WideButton>
      ) : null}
    </View>
  );
}
