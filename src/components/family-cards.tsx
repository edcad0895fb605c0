/**
 * R13.1 亲情代办 cards: one link as each side sees it — the elder (a relative asks: 同意 or 拒绝; a
 * relative acts: 结束代办), the relative (waiting for the elder; acting: 为TA办理, 结束代办), the
 * county official (seen the ID card: 当面同意) — and the one confirm step each act goes through.
 * What a relative may and may not do is said before anyone agrees: never the attendance code.
 */
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { ProxyLinkView } from '../../cloudfunctions/contract';
import { dateTimeText } from '../../cloudfunctions/core/china-date';
import { ConfirmButtons } from './confirm-buttons';
import { Notice, WideButton } from './page-parts';
import { TickRow } from './tick-row';

/** Which act a confirm step is for. */
export type FamilyAct = 'agree' | 'decline' | 'end' | 'approve';
export interface FamilyAsk {
  act: FamilyAct;
  link: ProxyLinkView;
}

const who = (l: ProxyLinkView) => `${l.proxyName}（${l.relation}）`;

/** R13.1 what a relative may do, and never. */
export function ProxyRights() {
  return (
    <View className="family-rights">
      <Text className="family-right is-can">可以：领培训券、报名和退出课程、看证书和提醒消息</Text>
      <Text className="family-right is-cannot">不能：打开签到码。上课签到要老人本人到场，用手机或签到卡</Text>
    </View>
  );
}

/** The elder's side: someone asks, or acts. */
export function ElderLinkCard({ link, onAsk }: { link: ProxyLinkView; onAsk: (ask: FamilyAsk) => void }) {
  const requested = link.status === 'requested';
  return (
    <View className={`czt-card family-card family-elder is-${link.status}`} data-id={link.linkId}>
      <Text className="czt-card-title family-title">{requested ? `${who(link)}想为您代办` : `${who(link)}在为您代办`}</Text>
      {requested ? <ProxyRights /> : <Text className="family-line">{link.approvedBy === 'official' ? '人社局当面确认过' : '您在手机上同意过'}</Text>}
      {requested ? (
        <>
          <WideButton className="family-agree" row onClick={() => onAsk({ act: 'agree', link })}>
            同意
          </WideButton>
          <WideButton kind="secondary" className="family-decline" row onClick={() => onAsk({ act: 'decline', link })}>
            拒绝（不认识这个人）
          </WideButton>
        </>
      ) : (
        <WideButton kind="secondary" className="family-end" row onClick={() => onAsk({ act: 'end', link })}>
          结束代办
        </WideButton>
      )}
    </View>
  );
}

/** The relative's side: waiting, or acting (为TA办理 switches every page to the elder). */
export function ProxyLinkCard({ link, acting, onAct, onAsk }: { link: ProxyLinkView; acting: boolean; onAct: (l: ProxyLinkView) => void; onAsk: (ask: FamilyAsk) => void }) {
  const active = link.status === 'active';
  return (
    <View className={`czt-card family-card family-proxy is-${link.status}`} data-id={link.linkId}>
      <View className="family-head">
        <Text className="czt-card-title family-title">{`${link.elderName}（${link.relation}）`}</Text>
        <Text className={`family-status is-${link.status}`}>{link.statusName}</Text>
      </View>
      {link.status === 'requested' ? (
        <Text className="family-line family-waiting">请老人打开持证通，在“我的”→“亲情代办”点同意；或带老人和老人的身份证到县人社局当面办理</Text>
      ) : null}
      {active && !acting ? (
        <WideButton className="family-act" row onClick={() => onAct(link)}>
          {`为${link.elderName}办理`}
        </WideButton>
      ) : null}
      {active && acting ? <Text className="family-line family-acting">正在为TA办理：每页顶部都有提示</Text> : null}
      {active ? (
        <WideButton kind="secondary" className="family-end" row onClick={() => onAsk({ act: 'end', link })}>
          结束代办
        </WideButton>
      ) : null}
    </View>
  );
}

/** The official's side: who asks for whom; agreeing needs the elder's ID card seen in person. */
export function PendingLinkCard({ link, onAsk }: { link: ProxyLinkView; onAsk: (ask: FamilyAsk) => void }) {
  return (
    <View className="czt-card family-card family-pending" data-id={link.linkId}>
      <Text className="czt-card-title family-title">{`${who(link)}为${link.elderName}代办`}</Text>
      <Text className="family-line">{`${link.county.name} · ${dateTimeText(link.requestedAt)}申请`}</Text>
      <WideButton className="family-approve" row onClick={() => onAsk({ act: 'approve', link })}>
        当面办理
      </WideButton>
    </View>
  );
}

const QUESTIONS: Record<FamilyAct, { title: (l: ProxyLinkView) => string; label: string; danger?: boolean }> = {
  agree: { title: (l) => `同意${who(l)}为您代办？`, label: '确认同意' },
  decline: { title: (l) => `拒绝${who(l)}？`, label: '确认拒绝', danger: true },
  end: { title: (l) => `结束${l.proxyName}为${l.elderName}代办？`, label: '确认结束', danger: true },
  approve: { title: (l) => `当面同意${who(l)}为${l.elderName}代办？`, label: '确认同意' },
};

export interface FamilyConfirmProps {
  ask: FamilyAsk;
  busy: boolean;
  notice: string | null;
  onConfirm: () => void;
  onKeep: () => void;
}

/** One screen, one question; the official first ticks that they have seen the elder's ID card. */
export function FamilyConfirm({ ask, busy, notice, onConfirm, onKeep }: FamilyConfirmProps) {
  const q = QUESTIONS[ask.act];
  const [seen, setSeen] = useState(false);
  const [unseen, setUnseen] = useState<string | null>(null);
  const confirm = () => {
    if (ask.act === 'approve' && !seen) return setUnseen('请先核对老人本人和身份证');
    onConfirm();
  };
  const tick = (on: boolean) => {
    setSeen(on);
    setUnseen(null);
  };
  return (
    <View className="czt-card family-confirm" data-act={ask.act}>
      <Text className="czt-card-title">{q.title(ask.link)}</Text>
      {ask.act === 'agree' || ask.act === 'approve' ? <ProxyRights /> : null}
      {ask.act === 'agree' ? <Text className="family-line">您随时可以在这里结束代办</Text> : null}
      {ask.act === 'end' ? <Text className="family-line">结束后马上生效，不能再代办</Text> : null}
      {ask.act === 'approve' ? (
        <TickRow id="family-id-seen" className="family-tick" role="checkbox" label={`老人本人在场，已核对身份证（${ask.link.elderName}）`} on={seen} onChange={tick} />
      ) : null}
      <Notice className="family-confirm-error" text={unseen ?? notice} />
      <ConfirmButtons confirmId="family-confirm" confirmLabel={q.label} danger={q.danger} busy={busy} onConfirm={confirm} keepLabel="返回" keepId="family-keep" onKeep={onKeep} />
    </View>
  );
}
