/**
 * 接受邀请 (R11.2): the page an invitation's QR code opens (`?code=`), or where the code is typed.
 * Says in one sentence what is being accepted; 接受邀请 binds the role to this WeChat identity and
 * opens its workbench. A used, expired, cancelled or unknown invitation says so in the server's
 * words. Main package: it must open from a scan without loading a subpackage first.
 */
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import type { InvitationView, WhoAmI } from '../../../cloudfunctions/contract';
import { dateTimeText } from '../../../cloudfunctions/core/china-date';
import { ERROR_MESSAGES, type ErrorCode } from '../../../cloudfunctions/core/errors';
import { normaliseInvitationCode } from '../../../cloudfunctions/core/invitations';
import { type ApiError, call, toApiError } from '../../api/client';
import { TextField } from '../../components/form-field';
import { Hero, Notice, WideButton } from '../../components/page-parts';
import { FailedState, LoadingState, PageShell } from '../../components/page-shell';
import { useConfirmedAction } from '../../components/use-confirmed-action';
import { useSession } from '../../components/use-session';
import { useSessionStore } from '../../stores/use-session-store';
import { pageParam } from '../../utils/page-param';
import { URLS } from '../../utils/routes';
import { holdsInvitedRole, workbenchUrl } from '../../utils/workbenches';
import './index.scss';

const STATE_CODES: Record<string, ErrorCode> = { accepted: 'INVITATION_USED', expired: 'INVITATION_EXPIRED', cancelled: 'INVITATION_CANCELLED' };
const goMe = () => void Taro.switchTab({ url: URLS.me });

function CodeForm({ notice, onLook }: { notice: string | null; onLook: (code: string) => void }) {
  const [draft, setDraft] = useState('');
  return (
    <View className="czt-form invite-code-form">
      <TextField id="invite-code-input" label="邀请码" type="text" maxlength={9} placeholder="8位，如 ABCD-EFGH" value={draft} onInput={setDraft} error={notice} errorClassName="invite-code-error" />
      <WideButton id="invite-look" row onClick={() => onLook(normaliseInvitationCode(draft))}>
        查看邀请
      </WideButton>
    </View>
  );
}

function Closed({ invitation, me }: { invitation: InvitationView; me: WhoAmI }) {
  const mine = invitation.status === 'accepted' && holdsInvitedRole(me, invitation);
  return (
    <View id="invite-closed" className="czt-card invite-card is-closed">
      <Text className="invite-summary">{invitation.summary}</Text>
      <Text id="invite-state" className="invite-state">
        {mine ? '您已接受这个邀请' : ERROR_MESSAGES[STATE_CODES[invitation.status] ?? 'INVITATION_NOT_FOUND']}
      </Text>
      {mine ? (
        <WideButton id="invite-workbench" row onClick={() => void Taro.redirectTo({ url: workbenchUrl(invitation) })}>
          进入工作台
        </WideButton>
      ) : (
        <WideButton id="invite-home" kind="secondary" row onClick={goMe}>
          回到“我的”
        </WideButton>
      )}
    </View>
  );
}

function Open({ invitation, reload }: { invitation: InvitationView; reload: () => void }) {
  const flow = useConfirmedAction((code: string, options) => call('staff', 'accept', { code }, options), {
    doneTitle: '已接受邀请',
    reload,
    onDone: (me) => {
      useSessionStore.setState({ status: 'ready', me, error: null });
      void Taro.redirectTo({ url: workbenchUrl(invitation) });
    },
  });
  return (
    <View id="invite-open" className="czt-card invite-card">
      <Text className="invite-label">您收到一个邀请</Text>
      <Text id="invite-summary" className="invite-summary">
        {invitation.summary}
      </Text>
      <Text className="invite-line">{`${dateTimeText(invitation.expiresAt)} 前有效，只能用一次`}</Text>
      <Notice className="invite-notice" text={flow.notice} />
      <WideButton id="invite-accept" loading={flow.busy} row onClick={() => void flow.submit(invitation.code)}>
        接受邀请
      </WideButton>
      <Text className="czt-footnote">接受后，岗位绑定在您自己的微信上。不是给您的邀请，请不要接受。</Text>
    </View>
  );
}

export default function InvitePage() {
  const session = useSession();
  const [code, setCode] = useState(() => normaliseInvitationCode(pageParam('code')));
  const [invitation, setInvitation] = useState<InvitationView | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const signedIn = Boolean(session.me);
  const load = (which: string) => {
    setError(null);
    setInvitation(null);
    call('staff', 'invitation', { code: which })
      .then(setInvitation)
      .catch((e: unknown) => setError(toApiError(e)));
  };
  useEffect(() => {
    if (signedIn && code) load(code);
  }, [signedIn, code]);
  const notFound = error?.code === 'INVITATION_NOT_FOUND' || error?.code === 'INVALID_INPUT';
  const look = (next: string) => (next === code ? load(next) : setCode(next));
  return (
    <PageShell className="page-invite" loading={session.loading} error={session.error} onRetry={() => void session.load()}>
      <Hero title="接受邀请" text="人社部门邀请您使用持证通工作台" />
      {!session.me ? null : !code || notFound ? (
        <CodeForm notice={notFound ? (error?.message ?? null) : null} onLook={look} />
      ) : error ? (
        <FailedState id="invite-failed" retryId="invite-retry" error={error} onRetry={() => load(code)} />
      ) : !invitation ? (
        <LoadingState id="invite-loading" />
      ) : invitation.status === 'open' ? (
        <Open invitation={invitation} reload={() => load(code)} />
      ) : (
        <Closed invitation={invitation} me={session.me} />
      )}
    </PageShell>
  );
}
