/** 我的: the registered profile, 消息 (every role), each workbench to switch into, 输入邀请码, and the large-text switch. */
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { Profile, RoleBinding } from '../../../cloudfunctions/contract';
import { Cell, CellGroup, Switch } from '../../components/nutui';
import { PageShell, RegisterPrompt } from '../../components/page-shell';
import { useSession } from '../../components/use-session';
import { MessagesEntry } from '../../components/messages-entry';
import { useLargeText, useUiStore } from '../../stores/use-ui-store';
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
      className={className}
      title={title}
      description={description}
      extra={<Text className="czt-arrow">›</Text>}
      clickable
      onClick={() => void Taro.navigateTo({ url })}
    />
  );
}

/** R1.2 every workbench the person may open, one row each (a trainer of several institutions switches here). */
function RoleEntries({ roles }: { roles: RoleBinding[] }) {
  const workbenches = workbenchesOf(roles);
  return (
    <CellGroup className="me-roles" title="工作入口">
      {workbenches.map((w) => (
        <LinkCell key={w.key} className={`me-workbench me-role-${w.key.split(':')[0]}`} title={w.title} description={w.place} url={w.url} />
      ))}
      <LinkCell className="me-invite" title="输入邀请码" description="收到人社部门的邀请？在这里接受" url={URLS.invite} />
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
  return (
    <PageShell className="page-me" loading={loading} error={error} onRetry={load}>
      {me && me.registered && profile ? (
        <>
          <ProfileCard profile={profile} />
          <CellGroup className="me-training" title="我的培训">
            <LinkCell className="me-my-classes" title="我的课程" description="报名的课程、签到码" url={URLS.myClasses} />
          </CellGroup>
        </>
      ) : (
        <RegisterPrompt text="登记后可以领取培训券、报名课程、查看证书" />
      )}
      {me ? <MessagesEntry id="go-messages" className="me-messages" /> : null}
      {me ? <RoleEntries roles={me.roles} /> : null}
      <DisplaySettings />
      <View className="czt-footnote">
        <Text>个人信息仅用于职业技能培训补贴，不会向无关人员展示</Text>
      </View>
    </PageShell>
  );
}
