/**
 * 我的: the registered profile, 我的课程, 就业登记, 亲情代办, 消息 (every role), each workbench to
 * switch into, 输入邀请码, and the large-text switch. Staff who are not laborers see their
 * workbenches first, with 实名登记 as a row, never the large 您还没有实名登记.
 */
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect } from 'react';
import type { Profile, RoleBinding } from '../../../cloudfunctions/contract';
import { Cell, CellGroup, Switch } from '../../components/nutui';
import { PageShell, RegisterPrompt } from '../../components/page-shell';
import { useSession } from '../../components/use-session';
import { MessagesEntry } from '../../components/messages-entry';
import { useLargeText, useUiStore } from '../../stores/use-ui-store';
import { useActing, useFamilyStore } from '../../stores/use-family-store';
import { URLS } from '../../utils/routes';
import { workbenchesOf } from '../../utils/workbenches';

/** R3.2 band as shown to the person: letter then name, e.g. `A 青壮年（18–45周岁）`. */
function bandLabel(profile: Pick<Profile, 'band' | 'bandName'>): string {
  if (!profile.band) return '未满18周岁';
  return `${profile.band} ${profile.bandName ?? ''}`.trim();
}

function ProfileCard({ profile }: { profile: Profile }) {
  return (
    <CellGroup className="me-profile" title="个人信息">
      <Cell title="姓名" extra={<Text id="me-name" className="me-value">{profile.name}</Text>} />
      <Cell title="身份证号" extra={<Text id="me-id" className="me-value id-value">{profile.idNumberMasked}</Text>} />
      <Cell title="年龄" extra={<Text id="me-age" className="me-value age-value">{`${profile.age}周岁`}</Text>} />
      <Cell
        title="年龄段"
        extra={
          <Text id="me-band" className="me-value band-value">
            {bandLabel(profile)}
          </Text>
        }
      />
      <Cell
        title="户籍"
        extra={<Text id="me-household" className="me-value">{`${profile.county.name} ${profile.township.name}`}</Text>}
      />
      <Cell title="手机号" extra={<Text id="me-phone" className="me-value">{profile.phone ?? '未填写'}</Text>} />
    </CellGroup>
  );
}

/** A row that opens a page: title, a line under it, and ›. */
function LinkCell({ className, title, description, url }: { className: string; title: string; description?: string; url: string }) {
  return (
    <Cell
      className={`czt-link-cell ${className}`}
      title={title}
      description={description}
      extra={<Text className="czt-arrow">›</Text>}
      clickable
      onClick={() => void Taro.navigateTo({ url })}
    />
  );
}

/** R1.2 every workbench the person may open, one row each (a trainer of several institutions switches here). */
function RoleEntries({ roles, registered }: { roles: RoleBinding[]; registered: boolean }) {
  const workbenches = workbenchesOf(roles);
  return (
    <CellGroup className="me-roles" title="工作入口">
      {workbenches.map((w) => (
        <LinkCell key={w.key} className={`me-workbench me-role-${w.key.split(':')[0]}`} title={w.title} description={w.place} url={w.url} />
      ))}
      {registered || workbenches.length === 0 ? null : (
        <LinkCell className="me-register" title="实名登记" description="您也要参加培训？先实名登记" url={URLS.register} />
      )}
      <LinkCell className="me-invite" title="输入邀请码" description="收到人社部门的邀请？在这里接受" url={URLS.invite} />
    </CellGroup>
  );
}

/** R13.1 亲情代办, for everyone: a relative (registered or not) asks here, an elder agrees or ends it here. */
function FamilyEntry() {
  const waiting = useFamilyStore((s) => s.mine?.asElder.filter((l) => l.status === 'requested').length ?? 0);
  return (
    <CellGroup className="me-family" title="亲情代办">
      <LinkCell
        className="me-family-link"
        title="亲情代办"
        description={waiting > 0 ? `有${waiting}位家人想为您代办，请点这里同意或拒绝` : '家人帮老人领券、报名；老人在这里同意或结束'}
        url={URLS.family}
      />
    </CellGroup>
  );
}

/** R14 我的信息 (everything held: see, download, correct, withdraw, close) and the privacy guide, for everyone. */
function PrivacyEntry({ registered }: { registered: boolean }) {
  return (
    <CellGroup className="me-privacy" title="我的信息与隐私">
      {registered ? <LinkCell className="me-my-data" title="我的信息" description="查看、下载、更正，撤回同意或注销账号" url={URLS.myData} /> : null}
      <LinkCell className="me-privacy-guide" title="隐私保护指引" description="我们收集哪些信息、为什么、保存多久、谁能看到" url={URLS.privacy} />
    </CellGroup>
  );
}

function DisplaySettings() {
  const largeText = useLargeText();
  const setLargeText = useUiStore((s) => s.setLargeText);
  return (
    <CellGroup className="me-settings" title="显示设置">
      <Cell
        title="大字模式"
        description="字更大，看得更清楚"
        extra={<Switch className="large-text-switch" checked={largeText} onChange={(on) => setLargeText(on)} />}
      />
    </CellGroup>
  );
}

export default function MePage() {
  const { loading, error, me, load } = useSession();
  const profile = me?.profile ?? null;
  const acting = useActing();
  const staff = me !== null && workbenchesOf(me.roles).length > 0;
  const registered = me?.registered === true;
  useEffect(() => {
    if (me) void useFamilyStore.getState().loadMine();
  }, [me]);
  return (
    <PageShell className="page-me" loading={loading} error={error} onRetry={load}>
      {/* Staff land on their workbenches: first on the page. */}
      {me && staff && !registered ? <RoleEntries roles={me.roles} registered={false} /> : null}
      {me && registered && profile ? (
        <>
          <ProfileCard profile={profile} />
          <CellGroup className="me-training" title="我的培训">
            <LinkCell className="me-my-classes" title="我的课程" description={acting ? '报名的课程' : '报名的课程、签到码'} url={URLS.myClasses} />
            <LinkCell className="me-employment" title="就业登记" description="找到工作后在这里登记" url={URLS.employment} />
          </CellGroup>
        </>
      ) : staff ? null : (
        <RegisterPrompt text="登记后可以领取培训券、报名课程、查看证书" />
      )}
      {me ? <FamilyEntry /> : null}
      {me ? <MessagesEntry id="go-messages" className="me-messages" /> : null}
      {me && (registered || !staff) ? <RoleEntries roles={me.roles} registered={registered} /> : null}
      {me ? <PrivacyEntry registered={registered} /> : null}
      <DisplaySettings />
      <View className="czt-footnote">
        <Text>个人信息仅用于职业技能培训补贴，不会向无关人员展示</Text>
      </View>
    </PageShell>
  );
}
