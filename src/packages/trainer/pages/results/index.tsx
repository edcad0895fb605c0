/**
 * 录入鉴定结果 (R7.1, D23): a whole class at once, for trainers of a registered evaluation body.
 * Only people who completed the class (已结业) can be assessed; the others are listed greyed with
 * their status. Each filled row is checked on the phone (score an integer 0–100; 合格 agrees with
 * the score), then `certificate.recordBatch` sends just those rows and each row shows its answer:
 * the certificate number and the subsidy, or why not.
 */
import { Picker, Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { Actions, RosterView } from '../../../../../cloudfunctions/contract';
import { chinaToday } from '../../../../../cloudfunctions/core/china-date';
import { call } from '../../../../api/client';
import { WideButton } from '../../../../components/page-parts';
import { EmptyState, PageShell } from '../../../../components/page-shell';
import { useConfirmedAction } from '../../../../components/use-confirmed-action';
import { type BatchAnswer, ResultRow } from '../../components/result-row';
import { useTrainerStore } from '../../stores/use-trainer-store';
import { EMPTY_ROW, type RowInput, filled, passedOf, problemOf, scoreOf } from '../../utils/results';
import { classIdParam } from '../../utils/route';
import '../../trainer.scss';
import '../../results.scss';

type BatchResults = Actions['certificate']['recordBatch']['input']['results'];

/** The rows to send: completed, not yet recorded, filled in. */
const rowsToSend = (roster: RosterView, rows: Record<string, RowInput>, answers: Record<string, BatchAnswer>) =>
  roster.people.filter((p) => p.status === 'completed' && !answers[p.personId]?.result && filled(rows[p.personId]));

/** The batch, one request id per batch: a retry after a lost answer is the same request. */
function useRecordBatch(classId: string, assessedOn: string) {
  const [answers, setAnswers] = useState<Record<string, BatchAnswer>>({});
  const flow = useConfirmedAction(
    (results: BatchResults, options) => call('certificate', 'recordBatch', { classId, assessedOn, results }, options),
    {
      keepAfterRefusal: true,
      toastFailures: false,
      onDone: (out) => {
        setAnswers((a) => {
          const next = { ...a };
          for (const answer of out) next[answer.personId] = answer;
          return next;
        });
        const done = out.filter((a) => a.result).length;
        const failed = out.length - done;
        flow.setNotice(failed > 0 ? `已录入 ${done} 人，${failed} 人没有录入，原因见各行` : `已录入 ${done} 人`);
      },
    },
  );
  return { flow, answers };
}

export default function TrainerResultsPage() {
  const classId = classIdParam();
  const { roster, rosterError, view, loadRoster, loadClasses } = useTrainerStore(
    useShallow((s) => ({
      roster: s.rosters[classId] as RosterView | undefined,
      rosterError: s.rosterErrors[classId] ?? null,
      view: s.classes?.find((c) => c.id === classId),
      loadRoster: s.loadRoster,
      loadClasses: s.loadClasses,
    })),
  );
  const today = chinaToday(new Date());
  const [assessedOn, setAssessedOn] = useState(today);
  const [rows, setRows] = useState<Record<string, RowInput>>({});
  const [problems, setProblems] = useState<Record<string, string>>({});
  const { flow, answers } = useRecordBatch(classId, assessedOn);

  useEffect(() => {
    if (!classId) return;
    void loadRoster(classId);
    if (!useTrainerStore.getState().classes) void loadClasses();
  }, [classId, loadRoster, loadClasses]);

  if (!classId) {
    return (
      <PageShell className="page-trainer-results">
        <EmptyState title="没有找到这个班级" text="请从“我的班级”进入" />
      </PageShell>
    );
  }

  const setRow = (personId: string, next: RowInput) => {
    setRows((r) => ({ ...r, [personId]: next }));
    setProblems(({ [personId]: _gone, ...rest }) => rest);
    flow.renew();
  };

  const submit = () => {
    if (!roster || flow.busy) return;
    flow.setNotice(null);
    const toSend = rowsToSend(roster, rows, answers);
    if (toSend.length === 0) return flow.setNotice('请先填写学员的成绩');
    if (assessedOn > today) return flow.setNotice('鉴定日期不能晚于今天');
    const found: Record<string, string> = {};
    for (const p of toSend) {
      const problem = problemOf(rows[p.personId]);
      if (problem) found[p.personId] = problem;
    }
    setProblems(found);
    const wrong = Object.keys(found).length;
    if (wrong > 0) return flow.setNotice(`有 ${wrong} 位学员的成绩需要改正，改好后再提交`);
    void flow.submit(toSend.map((p) => ({ personId: p.personId, passed: passedOf(rows[p.personId]) === true, score: scoreOf(rows[p.personId].score) as number })));
  };

  const completed = roster ? roster.people.filter((p) => p.status === 'completed') : [];

  return (
    <PageShell className="page-trainer-results" loading={!roster && !rosterError} error={roster ? null : rosterError} onRetry={() => void loadRoster(classId)}>
      {roster ? (
        <>
          <View className="czt-hero results-hero">
            <Text className="czt-hero-title">录入鉴定结果</Text>
            <Text className="czt-hero-text">{view?.name ?? roster.name}</Text>
          </View>
          <View className="czt-card results-date">
            <Text className="results-label">鉴定日期</Text>
            <Picker mode="date" value={assessedOn} end={today} onChange={(e) => setAssessedOn(String(e.detail.value))}>
              <View id="results-date" className="results-date-value">
                <Text>{assessedOn}</Text>
                <Text className="results-date-change">修改</Text>
              </View>
            </Picker>
            <Text className="czt-footnote">60分及以上为合格。只能录入已结业的学员；合格的学员会取得证书。</Text>
          </View>
          {completed.length === 0 ? <Text className="czt-card-text results-none">这个班没有已结业的学员，不能录入</Text> : null}
          <View className="results-list">
            {roster.people.map((p) => (
              <ResultRow
                key={p.personId}
                person={p}
                input={rows[p.personId] ?? EMPTY_ROW}
                problem={problems[p.personId] ?? null}
                answer={answers[p.personId]}
                onChange={(next) => setRow(p.personId, next)}
              />
            ))}
          </View>
          {flow.notice ? <Text className="czt-notice results-notice">{flow.notice}</Text> : null}
          {completed.length > 0 ? (
            <WideButton id="results-submit" loading={flow.busy} row onClick={submit}>
              提交
            </WideButton>
          ) : null}
        </>
      ) : null}
    </PageShell>
  );
}
