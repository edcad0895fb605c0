/**
 * 签到码 (R6.1): the person's dynamic attendance QR code, computed on the phone from the stored
 * key at the server's time (phone clock + measured offset), a new one every 30-second step, and
 * under it the same step's 8 digits in large type for a trainer to type when the QR cannot be
 * scanned (R13.2). Works with no network once the key has been fetched; lives in the main
 * package for that. A relative acting for an elder never sees it (R13.1): said plainly.
 */
import { Text, View } from '@tarojs/components';
import Taro, { useDidHide, useDidShow } from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { secondsLeftInStep } from '../../../cloudfunctions/core/attendance';
import { QrCode } from '../../components/qr-code';
import { WideButton } from '../../components/page-parts';
import { LoadingState, PageShell, RegisterPrompt } from '../../components/page-shell';
import { SessionFaceChecks } from '../../components/session-face-checks';
import { useNetworkOnline } from '../../components/use-network';
import { useSession } from '../../components/use-session';
import {
  type ScheduledClass,
  type StoredKey,
  codeAt,
  digitsAt,
  serverTimeNow,
  useAttendanceKeyStore,
} from '../../stores/use-attendance-key-store';
import { useActing } from '../../stores/use-family-store';
import { useClassStore } from '../../stores/use-class-store';
import { dayText, sessionToShow } from '../../utils/class-text';
import './index.scss';

/**
 * The server's time, re-rendered as each second turns (so codes change on the step). A timer that
 * fires a little early re-renders the same second and sets itself again for the rest.
 */
function useServerClock(offsetMs: number): Date {
  const [, setTick] = useState(0);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const next = () => {
      const ms = serverTimeNow(offsetMs).getTime();
      timer = setTimeout(() => {
        setTick((t) => t + 1);
        next();
      }, 1000 - (ms % 1000));
    };
    next();
    return () => clearTimeout(timer);
  }, [offsetMs]);
  return serverTimeNow(offsetMs);
}

/** Full brightness and no screen lock while the code shows (mini-program only), restored after. */
function useBrightScreen(): void {
  const weapp = Taro.getEnv() === Taro.ENV_TYPE.WEAPP;
  const state = useRef({ previous: null as number | null, bright: false }).current;
  const brighten = async () => {
    if (!weapp || state.bright) return;
    state.bright = true;
    try {
      state.previous = (await Taro.getScreenBrightness()).value;
      await Taro.setScreenBrightness({ value: 1 });
      await Taro.setKeepScreenOn({ keepScreenOn: true });
    } catch {
      /* not allowed on this phone: the code still shows */
    }
  };
  const restore = () => {
    if (!weapp || !state.bright) return;
    state.bright = false;
    const previous = state.previous;
    Promise.all([
      previous === null ? Promise.resolve() : Taro.setScreenBrightness({ value: previous }),
      Taro.setKeepScreenOn({ keepScreenOn: false }),
    ]).catch(() => undefined);
  };
  useDidShow(() => void brighten());
  useDidHide(restore);
  // Leaving the page (back) unmounts it: restore then too.
  useEffect(() => restore, []);
}

function ClassLine({ schedule, at }: { schedule: ScheduledClass[] | null; at: Date }) {
  if (schedule === null) return null;
  if (schedule.length === 0) return <Text className="code-class">报名课程后，上课时出示此码签到</Text>;
  const shown = sessionToShow(schedule, at);
  if (!shown) return null;
  const { ref, today } = shown;
  const text = today
    ? `今天：${ref.className} 第${ref.index + 1}节 ${ref.session.start}–${ref.session.end}`
    : `下次上课：${dayText(ref.session.date)} ${ref.session.start} ${ref.className}`;
  return (
    <Text id="attendance-class" className={`code-class ${today ? 'is-today' : ''}`}>
      {text}
    </Text>
  );
}

interface CodeViewProps {
  attendanceKey: StoredKey;
  offsetMs: number;
  schedule: ScheduledClass[] | null;
  offline: boolean;
  name: string | null;
}

function CodeView({ attendanceKey, offsetMs, schedule, offline, name }: CodeViewProps) {
  const at = useServerClock(offsetMs);
  const code = codeAt(attendanceKey, at);
  const digits = digitsAt(attendanceKey, at);
  return (
    <View className="code-view">
      <Text className="code-title">{name ? `${name}的签到码` : '我的签到码'}</Text>
      <ClassLine schedule={schedule} at={at} />
      <View className="code-frame">
        <QrCode id="attendance-qr" className="code-qr" text={code} />
      </View>
      <Text id="attendance-countdown" className="code-countdown">{`${secondsLeftInStep(at)}秒后刷新`}</Text>
      <View className="code-digits-box">
        <Text className="code-digits-label">扫不了码时，请老师输入这8个数字：</Text>
        {/* Two groups of four, each kept whole: at 200 % text they stack instead of running off the screen. */}
        <View id="attendance-digits" className="code-digits" data-digits={digits}>
          <Text className="code-digits-group">{digits.slice(0, 4)}</Text>
          <Text className="code-digits-group">{digits.slice(4)}</Text>
        </View>
      </View>
      {offline ? (
        <Text id="attendance-offline-note" className="code-offline">
          无网络也可签到
        </Text>
      ) : null}
      <Text className="code-help">请把手机给老师扫码。签到码每30秒自动更换，截图无效</Text>
    </View>
  );
}

/** R13.1 the attendance code is the elder's own: a relative acting for them is told so, and how the elder checks in. */
function NotForProxies() {
  return (
    <View id="attendance-proxy" className="czt-state czt-state-proxy">
      <Text className="czt-state-title">代办人不能打开签到码</Text>
      <Text className="czt-state-text">签到码只能老人本人使用。上课时请老人本人到场，用自己的手机出示签到码，或把签到卡交给老师扫。</Text>
    </View>
  );
}

function FirstUse({ onRetry }: { onRetry: () => void }) {
  return (
    <View id="attendance-first-use" className="czt-state czt-state-offline">
      <Text className="czt-state-title">首次使用请联网打开一次</Text>
      <Text className="czt-state-text">联网打开一次后，没有网络也能用</Text>
      <WideButton onClick={onRetry}>重试</WideButton>
    </View>
  );
}

export default function AttendanceCodePage() {
  return useActing() ? (
    <PageShell className="page-attendance-code">
      <NotForProxies />
    </PageShell>
  ) : (
    <OwnCodePage />
  );
}

function OwnCodePage() {
  const session = useSession();
  const me = session.me;
  const { attendanceKey, offsetMs, schedule, status, error, refresh, keepOnlyFor } = useAttendanceKeyStore(
    useShallow((s) => ({
      attendanceKey: s.key,
      offsetMs: s.offsetMs,
      schedule: s.schedule,
      status: s.status,
      error: s.error,
      refresh: s.refresh,
      keepOnlyFor: s.keepOnlyFor,
    })),
  );
  const online = useNetworkOnline();
  useBrightScreen();

  // Another person signed in on this phone gets their own key, never the last person's.
  const personId = me?.profile?.personId ?? null;
  useEffect(() => {
    if (personId) keepOnlyFor(personId);
  }, [personId, keepOnlyFor]);
  // With a network: a fresh clock offset (and the key, the first time) and today's classes.
  useEffect(() => {
    if (online) void refresh();
  }, [online, refresh]);
  const registered = me?.registered === true;
  useEffect(() => {
    if (online && registered) void useClassStore.getState().loadMine();
  }, [online, registered]);

  const offline = !online || error?.code === 'NETWORK';
  const notRegistered = me !== null && !me.registered;
  let pageError = null;
  if (!attendanceKey && !notRegistered) {
    if (error && error.code !== 'NETWORK') pageError = error;
    else if (session.error?.code === 'UNAUTHENTICATED') pageError = session.error;
  }

  let body = null;
  if (notRegistered) body = <RegisterPrompt text="报名课程前，请先完成实名登记" />;
  else if (attendanceKey) {
    body = (
      <CodeView
        attendanceKey={attendanceKey}
        offsetMs={offsetMs}
        schedule={schedule}
        offline={offline}
        name={me?.profile?.name ?? null}
      />
    );
  } else if (!online || (status === 'error' && error?.code === 'NETWORK')) body = <FirstUse onRetry={() => void refresh()} />;
  else body = <LoadingState />;

  return (
    <PageShell className="page-attendance-code" error={pageError} onRetry={() => void refresh()}>
      {/* R14.3 a face check the county asks before today's check-in. */}
      {registered && online ? <SessionFaceChecks /> : null}
      {body}
    </PageShell>
  );
}
