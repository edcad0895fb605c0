/**
 * 我的课程: the caller's enrollments with their sessions and attendance so far (R6.5), 退出
 * before the first session (R5.3) after a confirmation, and the way to the attendance code.
 */
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { EnrollmentView } from '../../../cloudfunctions/contract';
import { MyList, RowConfirm, type RowFlow } from '../../components/my-list';
import { WideButton } from '../../components/page-parts';
import { useSession } from '../../components/use-session';
import { serverTimeNow, useAttendanceKeyStore } from '../../stores/use-attendance-key-store';
import { useClassStore } from '../../stores/use-class-store';
import { useActing } from '../../stores/use-family-store';
import { occupationText, placeText, sessionText } from '../../utils/class-text';
import { URLS } from '../../utils/routes';
import './index.scss';

const goCode = () => void Taro.navigateTo({ url: URLS.attendanceCode });

/** R6.5 progress: `已签到 3/10节（需8节）`. */
function progressText(e: EnrollmentView): string {
  const attended = e.attendedSessions?.length ?? 0;
  const total = e.class.sessions.length;
  return typeof e.requiredSessions === 'number'
    ? `已签到 ${attended}/${total}节（需${e.requiredSessions}节）`
    : `已签到 ${attended}/${total}节`;
}

function Sessions({ e }: { e: EnrollmentView }) {
  const attended = new Set(e.attendedSessions ?? []);
  return (
    <View className="my-class-sessions">
      {e.class.sessions.map((s, i) => (
        <View key={`${s.date}-${s.start}`} className={`my-class-session ${attended.has(i) ? 'is-attended' : ''}`}>
          <Text className="my-class-session-time">{`第${i + 1}节 ${sessionText(s)}`}</Text>
          {attended.has(i) ? <Text className="my-class-session-mark">已签到</Text> : null}
        </View>
      ))}
    </View>
  );
}

/** R5.3: 退出 (a link for band C, a button otherwise), then its confirmation. */
function Withdraw({ classId, bandC, flow }: { classId: string; bandC: boolean; flow: RowFlow }) {
  if (flow.asking !== classId) {
    return bandC ? (
      <Text className="my-class-withdraw my-class-withdraw-link" onClick={() => flow.ask(classId)}>
        不想上了？退出报名 ›
      </Text>
    ) : (
      <WideButton kind="secondary" className="my-class-withdraw" size="large" row onClick={() => flow.ask(classId)}>
        退出
      </WideButton>
    );
  }
  return (
    <RowConfirm
      prefix="my-class"
      question="退出后培训券退回，可以再报别的班。确定退出吗？"
      confirmId="my-class-withdraw-confirm"
      confirmLabel="确认退出"
      keepLabel="不退出"
      flow={flow}
    />
  );
}

interface RowProps {
  e: EnrollmentView;
  /** R5.3: enrolled and before the first session (the server decides; this only hides the button). */
  canWithdraw: boolean;
  bandC: boolean;
  flow: RowFlow;
}

function EnrollmentRow({ e, canWithdraw, bandC, flow }: RowProps) {
  return (
    <View className={`czt-card my-class is-${e.status}`} data-id={e.class.id}>
      <View className="my-class-head">
        <Text className="czt-card-title my-class-name">{e.class.name}</Text>
        <Text className={`my-class-status is-${e.status}`}>{e.statusName}</Text>
      </View>
      <Text className="my-class-institution">{e.class.institution.name}</Text>
      <Text className="my-class-fact">{`工种：${occupationText(e.class)}`}</Text>
      <Text className="my-class-fact">{`地点：${placeText(e.class)}`}</Text>
      {e.status === 'withdrawn' ? null : (
        <>
          <Text className="my-class-progress">{progressText(e)}</Text>
          <Sessions e={e} />
        </>
      )}
      {canWithdraw ? <Withdraw classId={e.class.id} bandC={bandC} flow={flow} /> : null}
    </View>
  );
}

export default function MyClassesPage() {
  const session = useSession();
  const bandC = session.me?.profile?.band === 'C';
  const { mine, mineError, loadMine, withdraw } = useClassStore(
    useShallow((s) => ({ mine: s.mine, mineError: s.mineError, loadMine: s.loadMine, withdraw: s.withdraw })),
  );
  const offsetMs = useAttendanceKeyStore((s) => s.offsetMs);
  // R13.1 a relative acting for an elder never shows the elder's code.
  const acting = useActing() !== null;
  // R6.1: someone enrolled needs the attendance key on the phone before they go offline.
  const hasEnrolled = mine?.some((e) => e.status === 'enrolled') ?? false;
  useEffect(() => {
    if (hasEnrolled) void useAttendanceKeyStore.getState().ensureKey();
  }, [hasEnrolled]);
  const now = serverTimeNow(offsetMs);

  return (
    <MyList
      className={`page-my-classes ${bandC ? 'my-class-band-c' : ''}`}
      prefix="my-class"
      registerText="报名课程前，请先完成实名登记"
      list={{ value: mine, error: mineError, load: loadMine }}
      act={withdraw}
      doneTitle="已退出"
      head={
        hasEnrolled && acting ? (
          <Text className="czt-notice my-class-proxy-note">签到码只能老人本人打开：上课时请老人本人到场，用手机或签到卡签到</Text>
        ) : hasEnrolled ? (
          <View className="my-class-code">
            <WideButton id="my-classes-show-code" onClick={goCode}>
              出示签到码
            </WideButton>
            <Text className="my-class-code-help">上课时给老师扫码签到，没有网络也能用</Text>
          </View>
        ) : null
      }
      empty={{ title: '还没有报名课程', text: '报了名，上课时在这里出示签到码', buttonId: 'go-classes', buttonLabel: '去看看课程', tab: URLS.classes }}
      row={(e, flow) => (
        <EnrollmentRow
          key={e.id}
          e={e}
          canWithdraw={e.status === 'enrolled' && now < new Date(e.class.firstSessionAt)}
          bandC={bandC}
          flow={flow}
        />
      )}
    />
  );
}
