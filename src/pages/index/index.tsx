/**
 * 首页: who you are, and one big button per area. Staff (trainers, officials) who are not
 * laborers land on their workbench: the app opens it on launch, and 首页 shows the way there.
 */
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect } from 'react';
import type { WhoAmI } from '../../../cloudfunctions/contract';
import { MessagesEntry } from '../../components/messages-entry';
import { Hero, LinkRow, RetryNotice } from '../../components/page-parts';
import { PageShell, RegisterButton, WorkbenchButtons } from '../../components/page-shell';
import { useSession } from '../../components/use-session';
import { useAttendanceKeyStore } from '../../stores/use-attendance-key-store';
import { dueFollowUps, useEmploymentStore } from '../../stores/use-employment-store';
import { useActing } from '../../stores/use-family-store';
import { URLS } from '../../utils/routes';
import { workbenchesOf } from '../../utils/workbenches';

const SHORTCUTS = [
  { url: URLS.vouchers, title: '培训券', text: '领取和使用培训券' },
  { url: URLS.classes, title: '课程', text: '报名培训课程' },
  { url: URLS.certificates, title: '证书', text: '查看我的证书' },
  { url: URLS.me, title: '我的', text: '个人信息和设置' },
] as const;

const go = (url: string) => () => void Taro.navigateTo({ url });

/** Only the first time 首页 learns who the caller is, after the app starts. */
let landed = false;

/** A person who only works here (no laborer registration) lands on their one workbench. */
function useStaffLanding(me: WhoAmI | null, acting: boolean): void {
  useEffect(() => {
    if (!me || landed) return;
    landed = true;
    const workbenches = workbenchesOf(me.roles);
    if (!me.registered && !acting && workbenches.length === 1) void Taro.reLaunch({ url: workbenches[0].url });
  }, [me, acting]);
}

export default function IndexPage() {
  const { loading, error, me, load } = useSession();
  const name = me?.profile?.name;
  const acting = useActing();
  useStaffLanding(me, acting !== null);
  const staff = me !== null && workbenchesOf(me.roles).length > 0;
  // Shown once the phone holds an attendance key (after enrolling): it works with no network; never to a relative acting (R13.1).
  const hasAttendanceKey = useAttendanceKeyStore((s) => s.key !== null) && !acting;
  // R8.3: follow-ups due now ask for an employment update.
  const registered = me?.registered === true;
  const followUps = useEmploymentStore((s) => s.followUps);
  useEffect(() => {
    if (registered) void useEmploymentStore.getState().loadFollowUps();
  }, [registered]);
  const due = registered ? dueFollowUps(followUps) : [];
  return (
    <PageShell className="page-home" loading={loading} error={error?.code === 'UNAUTHENTICATED' ? error : null} onRetry={load}>
      <Hero title={name ? `${name}，您好` : '您好'} titleId="home-greeting" text="持证通：学技能，拿证书" />
      <RetryNotice message={error?.message} onRetry={() => void load()} />
      {!error && me && !me.registered && staff ? (
        <View id="home-workbenches" className="czt-card">
          <Text className="czt-card-title">您的工作台</Text>
          <WorkbenchButtons idPrefix="home-workbench" />
        </View>
      ) : null}
      {!error && me && !me.registered && !staff ? (
        <View className="czt-card">
          <Text className="czt-card-title">先完成实名登记</Text>
          <Text className="czt-card-text">登记后可以领取培训券、报名课程</Text>
          <RegisterButton id="home-register" />
        </View>
      ) : null}
      {registered ? <MessagesEntry id="home-messages" className="home-messages" /> : null}
      {due.length > 0 ? (
        <View id="home-follow-ups" className="czt-card home-follow-ups" onClick={go(URLS.employment)}>
          {due.map((f) => (
            <Text key={`${f.certificateNumber}-${f.months}`} className="czt-card-text home-follow-up">
              {`请更新就业情况：${f.occupation} 取证满${f.months}个月`}
            </Text>
          ))}
          <LinkRow>去就业登记</LinkRow>
        </View>
      ) : null}
      <View className="czt-shortcuts">
        {SHORTCUTS.map((s) => (
          <View key={s.url} className="czt-shortcut" onClick={() => void Taro.switchTab({ url: s.url })}>
            <Text className="czt-shortcut-title">{s.title}</Text>
            <Text className="czt-shortcut-text">{s.text}</Text>
          </View>
        ))}
      </View>
      {hasAttendanceKey ? (
        <LinkRow
          id="home-attendance-code"
          className="home-attendance-code"
          style={{ marginBottom: Taro.pxTransform(16) }}
          onClick={go(URLS.attendanceCode)}
        >
          出示签到码（上课签到）
        </LinkRow>
      ) : null}
      {/* R13.1 a relative with their own WeChat needs no registration to act for an elder. */}
      {!error && me && !me.registered && !staff ? (
        <LinkRow id="home-family" className="home-family" style={{ marginBottom: Taro.pxTransform(16) }} onClick={go(URLS.family)}>
          亲情代办：帮家里老人办理
        </LinkRow>
      ) : null}
      <LinkRow onClick={go(URLS.verify)}>查验证书真伪</LinkRow>
    </PageShell>
  );
}
