/**
 * 亲情代办 (R13.1), for whoever opens it: an elder agrees to (or declines, or ends) a relative
 * acting for them; a relative asks, waits, then switches every page to the elder (为TA办理) or
 * ends it; a county official agrees in person, having seen the elder and their ID card. Every act
 * goes through one confirm step.
 */
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { type ReactNode, useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { ProxyLinkView } from '../../../cloudfunctions/contract';
import type { CallOptions } from '../../api/client';
import { ElderLinkCard, type FamilyAsk, FamilyConfirm, PendingLinkCard, ProxyLinkCard } from '../../components/family-cards';
import { FamilyRequestForm } from '../../components/family-request';
import { listPageState } from '../../components/page-data';
import { LinkRow, Notice } from '../../components/page-parts';
import { PageShell } from '../../components/page-shell';
import { useConfirmedAction } from '../../components/use-confirmed-action';
import { useSession } from '../../components/use-session';
import { useFamilyStore } from '../../stores/use-family-store';
import { URLS } from '../../utils/routes';
import './index.scss';

const DONE_TITLES = { agree: '已同意', decline: '已拒绝', end: '已结束', approve: '已同意' } as const;

function act({ act: a, link }: FamilyAsk, options: CallOptions): Promise<ProxyLinkView> {
  const store = useFamilyStore.getState();
  if (a === 'agree' || a === 'decline') return store.answer(link.linkId, a === 'agree', options);
  if (a === 'approve') return store.approveInPerson(link.linkId, options);
  return store.end(link.linkId, options);
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <>
      <Text className="family-section">{title}</Text>
      {children}
    </>
  );
}

/** Acting for an elder from now on: every page in their name, starting from 首页. */
function startActing(link: ProxyLinkView): void {
  useFamilyStore.getState().startActing(link);
  void Taro.switchTab({ url: URLS.home });
}

export default function FamilyPage() {
  const session = useSession();
  const me = session.me;
  const official = me?.roles.some((r) => r.role === 'official' || r.role === 'admin') ?? false;
  const { mine, error, pending, acting, loadMine, loadPending, request } = useFamilyStore(
    useShallow((s) => ({ mine: s.mine, error: s.mineError, pending: s.pending, acting: s.acting, loadMine: s.loadMine, loadPending: s.loadPending, request: s.request })),
  );
  const [sent, setSent] = useState<ProxyLinkView | null>(null);
  const [showForm, setShowForm] = useState(false);
  useEffect(() => {
    if (me) void loadMine();
    if (me && official) void loadPending();
  }, [me, official, loadMine, loadPending]);
  const reload = () => {
    void loadMine();
    if (official) void loadPending();
  };
  const flow = useConfirmedAction(act, {
    reload,
    onDone: (_link, ask) => void Taro.showToast({ title: DONE_TITLES[ask.act], icon: 'success' }),
  });
  const page = listPageState({ session, allowed: me !== null, value: mine, error, load: loadMine });

  let body: ReactNode = null;
  if (flow.asking) {
    body = <FamilyConfirm ask={flow.asking} busy={flow.busy} notice={flow.notice} onConfirm={() => void flow.confirm()} onKeep={flow.keep} />;
  } else if (mine) {
    const asking = mine.asElder.filter((l) => l.status === 'requested');
    const helping = mine.asElder.filter((l) => l.status === 'active');
    const elders = mine.asProxy.filter((l) => l.status === 'requested' || l.status === 'active');
    body = (
      <>
        <Notice className="family-notice" text={flow.notice} />
        {asking.length > 0 ? <Section title="想为您代办的家人">{asking.map((l) => <ElderLinkCard key={l.linkId} link={l} onAsk={flow.ask} />)}</Section> : null}
        {helping.length > 0 ? <Section title="为您代办的家人">{helping.map((l) => <ElderLinkCard key={l.linkId} link={l} onAsk={flow.ask} />)}</Section> : null}
        {official && pending && pending.length > 0 ? (
          <Section title="等待当面办理">{pending.map((l) => <PendingLinkCard key={l.linkId} link={l} onAsk={flow.ask} />)}</Section>
        ) : null}
        {official && pending?.length === 0 ? <Text className="czt-footnote family-no-pending">没有等待当面办理的申请</Text> : null}
        {elders.length > 0 ? (
          <Section title="您代办的老人">
            {elders.map((l) => (
              <ProxyLinkCard key={l.linkId} link={l} acting={acting?.linkId === l.linkId} onAct={startActing} onAsk={flow.ask} />
            ))}
          </Section>
        ) : null}
        {sent ? <Notice id="family-sent" className="family-sent" text={`已发出申请，等${sent.elderName}同意`} /> : null}
        {/* An elder sees their own links first, and a sent request its card: asking (again) is one tap away. */}
        {(mine.asElder.length === 0 && !sent) || showForm ? (
          <FamilyRequestForm
            request={request}
            onSent={(link) => {
              setSent(link);
              setShowForm(false);
            }}
          />
        ) : (
          <LinkRow
            id="family-ask-open"
            className="family-ask-open"
            onClick={() => {
              setSent(null);
              setShowForm(true);
            }}
          >
            {sent || elders.length > 0 ? '再为一位老人申请' : '我要为家里老人代办'}
          </LinkRow>
        )}
        <LinkRow className="family-to-me" onClick={() => void Taro.switchTab({ url: URLS.me })}>
          返回“我的”
        </LinkRow>
      </>
    );
  }

  return (
    <PageShell className="page-family" loading={page.loading} error={page.error} onRetry={page.onRetry}>
      <View className="family-intro">
        <Text className="czt-intro">家里的老人不会用手机，子女可以帮老人领券、报名。老人同意后才能代办，老人随时可以结束。</Text>
      </View>
      {body}
    </PageShell>
  );
}
