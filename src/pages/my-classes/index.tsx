/**
 * 我的课程: the caller's enrollments with their sessions and attendance so far (R6.5), 退出
 * before the first session (R5.3) after a confirmation, and the way to the attendance code.
 */
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { EnrollmentView } from '../../../cloudfunctions/contract';
import { ConfirmButtons } from '../../components/confirm-buttons';
import { Button } from '../../components/nutui';
import { useConfirmedAction } from '../../components/use-confirmed-action';
import { EmptyState, PageShell, RegisterPrompt } from '../../components/page-shell';
import { useSession } from '../../components/use-session';
import { serverTimeNow, useAttendanceKeyStore } from '../../stores/use-attendance-key-store';
import { useClassStore } from '../../stores/use-class-store';
import { useSessionStore } from '../../stores/use-session-store';
import { occupationText, placeText, sessionText } from '../classes/class-text';
import './index.scss';

const ATTENDANCE_CODE_URL = '/pages/attendance-code/index';
const goCode = () => void Taro.navigateTo({ url: ATTENDANCE_CODE_URL });

/** R6.5 progress: `已签到 3/10节（需8节）`. */
function progressText(e: EnrollmentView): string {
  const attended = e.attendedSessions?.length ?? 0;
  const total = e.class.sessions.length;
  return typeof e.requiredSessions === 'number'
    ? `已签到 ${attended}/${total}节（需${e.requiredSessions}节）`
    : `已签到 ${attended}/${total}节`;
}

interface RowProps {
  e: EnrollmentView;
  /** R5.3: enrolled and before the first session (the server decides; this only hides the button). */
  canWithdraw: boolean;
  bandC: boolean;
  confirming: boolean;
  withdrawing: boolean;
  onAsk: () => void;
  onConfirm: () => void;
  onKeep: () => void;
}

function EnrollmentRow({ e, canWithdraw, bandC, confirming, withdrawing, onAsk, onConfirm, onKeep }: RowProps) {
  const attended = new Set(e.attendedSessions ?? []);
  const showProgress = e.status !== 'withdrawn';
  return (
    <View className={`czt-card my-class is-${e.status}`} data-id={e.class.id}>
      <View className="my-class-head">
        <Text className="czt-card-title my-class-name">{e.class.name}</Text>
        <Text className={`my-class-status is-${e.status}`}>{e.statusName}</Text>
      </View>
      <Text className="my-class-institution">{e.class.institution.name}</Text>
      <Text className="my-class-fact">{`工种：${occupationText(e.class)}`}</Text>
      <Text className="my-class-fact">{`地点：${placeText(e.class)}`}</Text>
      {showProgress ? <Text className="my-class-progress">{progressText(e)}</Text> : null}
      {e.status === 'withdrawn' ? null : (
        <View className="my-class-sessions">
          {e.class.sessions.map((s, i) => (
            <View key={`${s.date}-${s.start}`} className={`my-class-session ${attended.has(i) ? 'is-attended' : ''}`}>
              <Text className="my-class-session-time">{`第${i + 1}节 ${sessionText(s)}`}</Text>
              {attended.has(i) ? <Text className="my-class-session-mark">已签到</Text> : null}
            </View>
          ))}
        </View>
      )}
      {canWithdraw && !confirming ? (
        bandC ? (
          <Text className="my-class-withdraw my-class-withdraw-link" onClick={onAsk}>
            不想上了？退出报名 ›
          </Text>
        ) : (
          <View className="czt-button-row">
            <Button className="czt-secondary-button my-class-withdraw" size="large" block onClick={onAsk}>
              退出
            </Button>
          </View>
        )
      ) : null}
      {canWithdraw && confirming ? (
        <View className="my-class-confirm">
          <Text className="my-class-confirm-text">退出后培训券退回，可以再报别的班。确定退出吗？</Text>
          <ConfirmButtons
            confirmId="my-class-withdraw-confirm"
            confirmLabel="确认退出"
            danger
            busy={withdrawing}
            onConfirm={onConfirm}
            keepLabel="不退出"
            keepClassName="my-class-keep"
            onKeep={onKeep}
          />
        </View>
      ) : null}
    </View>
  );
}

export default function MyClassesPage() {
  const session = useSession();
  const registered = session.me?.registered === true;
  const bandC = session.me?.profile?.band === 'C';
  const { mine, mineStatus, mineError, loadMine } = useClassStore(
    useShallow((s) => ({ mine: s.mine, mineStatus: s.mineStatus, mineError: s.mineError, loadMine: s.loadMine })),
  );
  const offsetMs = useAttendanceKeyStore((s) => s.offsetMs);
  useEffect(() => {
    if (registered) void loadMine();
  }, [registered, loadMine]);
  useDidShow(() => {
    if (useSessionStore.getState().me?.registered) void useClassStore.getState().loadMine();
  });
  // R6.1: someone enrolled needs the attendance key on the phone before they go offline.
  const hasEnrolled = mine?.some((e) => e.status === 'enrolled') ?? false;
  useEffect(() => {
    if (hasEnrolled) void useAttendanceKeyStore.getState().ensureKey();
  }, [hasEnrolled]);
  const withdraw = useClassStore((s) => s.withdraw);
  const flow = useConfirmedAction(withdraw, { doneTitle: '已退出', reload: loadMine });

  const loading = session.loading || (registered && mine === null && mineStatus !== 'error');
  const pageError = session.error ?? (registered && mine === null ? mineError : null);
  const now = serverTimeNow(offsetMs);

  return (
    <PageShell
      className={`page-my-classes ${bandC ? 'my-class-band-c' : ''}`}
      loading={loading}
      error={pageError}
      onRetry={() => void (session.error ? session.load() : loadMine())}
    >
      {session.me && !registered ? (
        <RegisterPrompt text="报名课程前，请先完成实名登记" />
      ) : mine ? (
        <>
          {flow.notice || mineError ? (
            <View className="czt-notice my-class-notice" onClick={() => void loadMine()}>
              <Text>{flow.notice ?? `${mineError?.message ?? ''}（点此重试）`}</Text>
            </View>
          ) : null}
          {hasEnrolled ? (
            <View className="my-class-code">
              <Button id="my-classes-show-code" className="czt-primary-button" type="primary" size="xlarge" block onClick={goCode}>
                出示签到码
              </Button>
              <Text className="my-class-code-help">上课时给老师扫码签到，没有网络也能用</Text>
            </View>
          ) : null}
          {mine.length === 0 ? (
            <EmptyState title="还没有报名课程" text="报了名，上课时在这里出示签到码">
              <View className="czt-button-row">
                <Button
                  id="go-classes"
                  className="czt-primary-button"
                  type="primary"
                  size="xlarge"
                  block
                  onClick={() => void Taro.switchTab({ url: '/pages/classes/index' })}
                >
                  去看看课程
                </Button>
              </View>
            </EmptyState>
          ) : (
            <View className="my-class-list">
              {mine.map((e) => (
                <EnrollmentRow
                  key={e.id}
                  e={e}
                  canWithdraw={e.status === 'enrolled' && now < new Date(e.class.firstSessionAt)}
                  bandC={bandC}
                  confirming={flow.asking === e.class.id}
                  withdrawing={flow.busy && flow.asking === e.class.id}
                  onAsk={() => flow.ask(e.class.id)}
                  onConfirm={() => void flow.confirm()}
                  onKeep={flow.keep}
                />
              ))}
            </View>
          )}
        </>
      ) : null}
    </PageShell>
  );
}
