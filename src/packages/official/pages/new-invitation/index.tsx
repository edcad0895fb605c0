/**
 * 邀请人员 (R11.2): an invitation for a teacher of an institution (`?institutionId=`, from its
 * detail page) or for an official — or, by an admin, an admin — of a region inside the caller's,
 * chosen from tiles. Who it is for and how long it stays open (72 hours unless said otherwise).
 * 生成邀请 sends one request id per form as it stands; the invitation is then shown as a large
 * QR code with its short code and expiry, to be scanned or read out.
 */
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { InvitationView, InviteInput, Region, RoleBinding } from '../../../../../cloudfunctions/contract';
import { INVITATION_HOURS, INVITED_ROLE_NAMES } from '../../../../../cloudfunctions/core/invitations';
import { call } from '../../../../api/client';
import { ChoiceField, TextField } from '../../../../components/form-field';
import { neededPageState } from '../../../../components/page-data';
import { Hero, Notice, WideButton } from '../../../../components/page-parts';
import { PageShell } from '../../../../components/page-shell';
import { draftSending, useConfirmedAction } from '../../../../components/use-confirmed-action';
import { InvitationCard } from '../../components/invitation-card';
import { NoAccess } from '../../components/no-access';
import { RegionScope } from '../../components/region-scope';
import { useInstitutionParam } from '../../components/use-institution-param';
import { useOfficialRole } from '../../components/use-official-role';
import { useSupplyStore } from '../../stores/use-supply-store';
import '../../official.scss';
import '../../supply.scss';

type OfficialRole = 'official' | 'admin';
const HOURS = [
  { value: '24', name: '1天' },
  { value: String(INVITATION_HOURS), name: '3天' },
  { value: '168', name: '7天' },
];

interface Draft {
  role: OfficialRole;
  regionCode: string;
  note: string;
  hours: string;
}

/** What is asked for: a teacher of the institution, or an official (admin) of the region. */
function inputOf(d: Draft, institutionId: string): InviteInput {
  const common = { inviteeNote: d.note.trim(), hours: Number(d.hours) };
  return institutionId ? { role: 'trainer', institutionId, ...common } : { role: d.role, regionCode: d.regionCode, ...common };
}

function problemOf(d: Draft, institutionId: string): string | null {
  if (!institutionId && !d.regionCode) return '请先选择负责的地区';
  const n = d.note.trim().length;
  return n < 2 || n > 30 ? '请填写被邀请人（2–30个字），如：张老师' : null;
}

interface FormProps {
  roles: RoleBinding[];
  regions: Region[];
  institutionId: string;
  institutionName: string;
  onMade: (invitation: InvitationView) => void;
}

function InviteForm({ roles, regions, institutionId, institutionName, onMade }: FormProps) {
  const admin = roles.find((r) => r.role === 'admin');
  const official = roles.find((r) => r.role === 'official') ?? admin;
  const [draft, setDraft] = useState<Draft>({ role: 'official', regionCode: '', note: '', hours: String(INVITATION_HOURS) });
  const flow = useConfirmedAction((d: Draft, options) => call('staff', 'invite', inputOf(d, institutionId), options), { keepAfterRefusal: true, toastFailures: false, onDone: onMade });
  const { change, send: make } = draftSending(flow, draft, setDraft, (d) => problemOf(d, institutionId));
  const root = (draft.role === 'admin' ? admin : official)?.regionCode ?? '';
  const roleChoices = (admin ? (['official', 'admin'] as const) : (['official'] as const)).map((r) => ({ value: r, name: INVITED_ROLE_NAMES[r] }));
  return (
    <View className="czt-form invite-form">
      {institutionId ? (
        <View className="czt-field">
          <Text className="czt-label">邀请</Text>
          <Text id="invite-for" className="supply-line">{`${institutionName}的${INVITED_ROLE_NAMES.trainer}`}</Text>
        </View>
      ) : (
        <>
          <ChoiceField idPrefix="invite-role" label="岗位" choices={roleChoices} chosen={draft.role} onChoose={(role) => change({ role, regionCode: '' })} />
          <RegionScope idPrefix="invite-region" label="负责的地区" regions={regions} rootCode={root} value={draft.regionCode} onChange={(regionCode) => change({ regionCode })} />
        </>
      )}
      <TextField id="invite-note" label="被邀请人" type="text" maxlength={30} placeholder="如：张老师、方山县人社局王科长" value={draft.note} onInput={(note) => change({ note })} />
      <ChoiceField idPrefix="invite-hours" label="有效期" compact choices={HOURS} chosen={draft.hours} onChoose={(hours) => change({ hours })} />
      <Notice className="invite-notice" text={flow.notice} />
      <WideButton id="invite-make" loading={flow.busy} row onClick={make}>
        生成邀请
      </WideButton>
      <Text className="czt-footnote">邀请只能用一次。对方接受后，岗位绑定在对方自己的微信上。</Text>
    </View>
  );
}

export default function OfficialNewInvitationPage() {
  const { session, binding } = useOfficialRole();
  const [made, setMade] = useState<InvitationView | null>(null);
  const [round, setRound] = useState(0);
  const allowed = Boolean(binding);
  const { institutionId, regions, institution, needs } = useInstitutionParam(allowed);
  const page = neededPageState(session, allowed, needs);
  const onMade = (invitation: InvitationView) => {
    useSupplyStore.getState().putInvitation(invitation);
    setMade(invitation);
  };
  return (
    <PageShell className="page-official-new-invitation" {...page}>
      {!binding || !session.me ? (
        <NoAccess />
      ) : made ? (
        <>
          <InvitationCard invitation={made} />
          <WideButton id="invite-another" kind="secondary" row onClick={() => {
              setMade(null);
              setRound((r) => r + 1);
            }}>
            再邀请一位
          </WideButton>
          <WideButton id="invite-done" kind="secondary" row onClick={() => void Taro.navigateBack()}>
            返回
          </WideButton>
        </>
      ) : regions ? (
        <>
          <Hero title={institutionId ? '邀请老师' : '邀请工作人员'} text="生成二维码，请对方用微信扫码接受" />
          <InviteForm key={round} roles={session.me.roles} regions={regions} institutionId={institutionId} institutionName={institution?.name ?? ''} onMade={onMade} />
        </>
      ) : null}
    </PageShell>
  );
}
