/**
 * 班级签到: one class's current session, 扫码签到 (a phone's code or a printed 签到卡) with a typed
 * fallback (the 8 digits on the laborer's screen), the answer to each, the offline queue (R6.4),
 * the roster with 补签 (a mark with a reason) and 签到卡 per person (R13.2), and 结业 once the last
 * session is over (R6.5).
 */
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { CompletionView, RosterView, TrainerClassView } from '../../../../../cloudfunctions/contract';
import { RetryNotice } from '../../../../components/page-parts';
import { EmptyState, PageShell } from '../../../../components/page-shell';
import { URLS, withQuery } from '../../../../utils/routes';
import { CloseClass, CompletionResult } from '../../components/close-class';
import { SessionList } from '../../components/roster-list';
import { afterUpload, busyFeedback, type Feedback, feedbackOf, IDLE_FEEDBACK, ScanFeedback } from '../../components/scan-feedback';
import { ScanEntry } from '../../components/scan-entry';
import { ScanQueuePanel } from '../../components/scan-queue-panel';
import { uploadWhenOnline, useScanQueue } from '../../stores/use-scan-queue';
import { useTrainerStore } from '../../stores/use-trainer-store';
import { sessionName, sessionTimeText } from '../../utils/format';
import { classIdParam } from '../../utils/route';
import { submitDigits, typedDigits } from './check-ins';
import { RosterSection } from './roster-section';
import '../../trainer.scss';
import './index.scss';

/** While the page is open, a queue left by a failed upload is tried again this often. */
const RETRY_UPLOAD_MS = 60_000;

function ClassHead({ roster, view }: { roster: RosterView; view: TrainerClassView | undefined }) {
  const current = roster.currentSession;
  const present = current === null ? 0 : roster.people.filter((p) => p.sessions.includes(current)).length;
  return (
    <>
      <View className="czt-hero class-hero">
        <Text className="czt-hero-title">{roster.name}</Text>
        <Text className="czt-hero-text">
          {current === null ? '课程已全部结束' : `${sessionName(current)}  ${sessionTimeText(roster.sessions[current])}`}
        </Text>
        {view ? <Text className={`class-state is-${view.state}`}>{view.stateName}</Text> : null}
      </View>
      {current !== null ? (
        <View id="checked-in-count" className="czt-card class-count">
          <Text className="class-count-value">{`${present}/${roster.people.length}`}</Text>
          <Text className="class-count-label">{`${sessionName(current)}  已签到 ${present} / 报名 ${roster.people.length}`}</Text>
        </View>
      ) : null}
    </>
  );
}

export default function TrainerClassPage() {
  const classId = classIdParam();
  const { roster, rosterError, view, completion, loadRoster, loadClasses, closeClass } = useTrainerStore(
    useShallow((s) => ({
      roster: s.rosters[classId] as RosterView | undefined,
      completion: s.completions[classId] as CompletionView | undefined,
      rosterError: s.rosterErrors[classId] ?? null,
      view: s.classes?.find((c) => c.id === classId),
      loadRoster: s.loadRoster,
      loadClasses: s.loadClasses,
      closeClass: s.closeClass,
    })),
  );
  const queue = useScanQueue(
    useShallow((s) => ({
      pending: s.pending,
      refused: s.refused,
      uploading: s.uploading,
      uploadError: s.uploadError,
      lastUpload: s.lastUpload,
      submit: s.submit,
      upload: s.upload,
      clearRefused: s.clearRefused,
    })),
  );
  const [feedback, setFeedback] = useState<Feedback>(IDLE_FEEDBACK);

  useEffect(() => {
    if (!classId) return;
    void loadRoster(classId);
    // The class's state (for 结业) comes with the class list.
    if (!useTrainerStore.getState().classes) void loadClasses();
    uploadWhenOnline();
    void useScanQueue.getState().upload();
    const retry = setInterval(() => void useScanQueue.getState().upload(), RETRY_UPLOAD_MS);
    return () => clearInterval(retry);
  }, [classId, loadRoster, loadClasses]);

  // Queued scans that went up may have changed this roster.
  useEffect(() => {
    if (queue.lastUpload?.classIds.includes(classId)) void loadRoster(classId);
  }, [queue.lastUpload, classId, loadRoster]);

  const onCode = async (code: string) => {
    setFeedback((f) => busyFeedback(f.seq + 1));
    // R13.2 the 8 digits typed from a laborer's screen; anything else is a scanned code (phone or card).
    const digits = typedDigits(code);
    const outcome = digits ? await submitDigits(classId, digits) : await queue.submit(classId, code);
    setFeedback((f) => feedbackOf(outcome, f.seq + 1));
    if (!digits && outcome.kind === 'answered' && outcome.result.status === 'accepted') void loadRoster(classId);
  };
  if (!classId) {
    return (
      <PageShell className="page-trainer-class">
        <EmptyState title="没有找到这个班级" text="请从“我的班级”进入" />
      </PageShell>
    );
  }

  const pending = queue.pending.filter((s) => s.classId === classId);
  const refused = queue.refused.filter((r) => r.scan.classId === classId);
  const scanning = roster ? roster.closedAt === null && roster.currentSession !== null : false;
  // The class list says when a class has ended; without it, the roster does (no session left, not closed).
  const ended = view ? view.state === 'ended' : roster ? roster.closedAt === null && roster.currentSession === null : false;

  return (
    <PageShell
      className="page-trainer-class"
      loading={!roster && !rosterError}
      error={roster ? null : rosterError}
      onRetry={() => void loadRoster(classId)}
    >
      {roster ? (
        <>
          <ClassHead roster={roster} view={view} />
          <RetryNotice message={rosterError ? `名单没有刷新：${rosterError.message}` : null} onRetry={() => void loadRoster(classId)} />
          {scanning ? (
            <>
              <ScanFeedback feedback={afterUpload(feedback, queue.pending, queue.refused)} />
              <ScanEntry onCode={onCode} />
              <Text className="czt-footnote scan-digits-help">扫不了码时：请学员打开“签到码”，把码下面的8位数字输入上面的框。没有手机的学员用签到卡扫码，或在名单里补签</Text>
            </>
          ) : null}
          <ScanQueuePanel
            pending={pending}
            refused={refused}
            uploading={queue.uploading}
            uploadError={queue.uploadError}
            onUpload={() => void queue.upload()}
            onClearRefused={() => queue.clearRefused(classId)}
          />
          {completion ? <CompletionResult completion={completion} /> : null}
          {ended && !completion ? (
            <CloseClass
              uploadFirst={async () => {
                await queue.upload();
                return useScanQueue.getState().pending.filter((s) => s.classId === classId).length;
              }}
              close={(options) => closeClass(classId, options)}
            />
          ) : null}
          {roster.closedAt !== null && !completion ? <Text className="czt-footnote class-closed">这个班已结业，不能再签到</Text> : null}
          {view?.state === 'closed' ? (
            <View
              id="open-results"
              className="czt-card class-open-results"
              onClick={() => void Taro.navigateTo({ url: withQuery(URLS.trainerResults, { classId }) })}
            >
              <Text className="trainer-class-open">录入鉴定结果</Text>
            </View>
          ) : null}
          <RosterSection classId={classId} roster={roster} onOutcome={(o) => setFeedback((f) => feedbackOf(o, f.seq + 1))} onReload={() => loadRoster(classId)} />
          <Text className="trainer-section">课程安排</Text>
          <SessionList roster={roster} />
        </>
      ) : null}
    </PageShell>
  );
}
