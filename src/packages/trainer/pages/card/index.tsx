/**
 * 签到卡 (R13.2): for a trainee without a smartphone, a card with a static code the trainer scans
 * like a phone's. 打印签到卡 issues a new one (the old one stops working at once) and shows it to
 * print (H5) or save as an image; 作废签到卡 revokes a lost one. `?personId=&name=&classId=` from
 * the class roster.
 */
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { CheckInCard } from '../../../../../cloudfunctions/contract';
import { dateTextOf } from '../../../../../cloudfunctions/core/china-date';
import { call } from '../../../../api/client';
import { AskButtons } from '../../../../components/confirm-buttons';
import { Notice, WideButton } from '../../../../components/page-parts';
import { EmptyState, PageShell } from '../../../../components/page-shell';
import { QrCode } from '../../../../components/qr-code';
import { SaveImageButton } from '../../../../components/save-image';
import { useConfirmedAction } from '../../../../components/use-confirmed-action';
import type { CardImage } from '../../../../utils/card-image';
import { pageParam } from '../../../../utils/page-param';
import './index.scss';

type Act = 'issue' | 'revoke';

const cardLines = (card: CheckInCard): string[] => [`姓名：${card.holderName}`, `身份证：${card.idNumberMasked}`, `发卡日期：${dateTextOf(card.issuedAt)}`];

const cardImage = (card: CheckInCard): CardImage => ({
  heading: '持证通 签到卡',
  lines: [...cardLines(card), '上课时把卡交给老师扫码签到', '卡丢了请告诉老师作废'],
  qrText: card.code,
  caption: '签到卡',
  fileName: `签到卡${card.holderName}.png`,
});

/** The card as printed: the holder, the QR, what it is for. */
function PrintedCard({ card }: { card: CheckInCard }) {
  return (
    <View id="checkin-card" className="checkin-card">
      <Text className="checkin-card-title">持证通 签到卡</Text>
      {cardLines(card).map((line) => (
        <Text key={line} className="checkin-card-line">
          {line}
        </Text>
      ))}
      <View className="checkin-card-frame">
        <QrCode id="card-qr" className="checkin-card-qr" text={card.code} />
      </View>
      <Text id="card-code" className="checkin-card-code">
        {card.code}
      </Text>
      <Text className="checkin-card-help">上课时把卡交给老师扫码签到</Text>
    </View>
  );
}

const QUESTIONS: Record<Act, { title: string; text: string; label: string }> = {
  issue: { title: '打印新签到卡？', text: '以前打印过的卡会马上作废，不能再签到', label: '确认打印' },
  revoke: { title: '作废签到卡？', text: '作废后这张卡不能再签到。需要时可以再打印新卡', label: '确认作废' },
};

export default function TrainerCardPage() {
  const personId = pageParam('personId');
  const name = pageParam('name');
  const [card, setCard] = useState<CheckInCard | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const flow = useConfirmedAction(
    async (act: Act, options) => {
      if (act === 'issue') {
        setCard(await call('training', 'issueCard', { personId }, options));
        setDone(null);
        return;
      }
      const { revoked } = await call('training', 'revokeCard', { personId }, options);
      setCard(null);
      setDone(revoked ? '已作废：这张卡不能再签到' : '这位学员没有在用的签到卡');
    },
    { toastFailures: true },
  );

  if (!personId) {
    return (
      <PageShell className="page-trainer-card">
        <EmptyState title="没有找到这位学员" text="请从班级的学员名单进入" />
      </PageShell>
    );
  }
  const asking = flow.asking;
  return (
    <PageShell className="page-trainer-card">
      <View className="czt-hero card-hero">
        <Text className="czt-hero-title">{`${name || '学员'}的签到卡`}</Text>
        <Text className="czt-hero-text">给没有智能手机的学员。上课时扫卡签到，和扫手机上的签到码一样</Text>
      </View>
      <Notice id="card-done" text={done} />
      {asking ? (
        <View className="czt-card card-confirm" data-act={asking}>
          <Text className="czt-card-title">{QUESTIONS[asking].title}</Text>
          <Text className="czt-card-text">{QUESTIONS[asking].text}</Text>
          <Notice className="card-confirm-error" text={flow.notice} />
          <AskButtons flow={flow} id="card" confirmLabel={QUESTIONS[asking].label} danger={asking === 'revoke'} />
        </View>
      ) : (
        <>
          {card ? (
            <>
              <PrintedCard card={card} />
              {process.env.TARO_ENV === 'h5' ? (
                <WideButton id="card-print" row onClick={() => window.print()}>
                  打印
                </WideButton>
              ) : null}
              <SaveImageButton id="card-save" label="保存为图片（可拿去打印）" kind={process.env.TARO_ENV === 'h5' ? 'secondary' : 'primary'} image={cardImage(card)} />
            </>
          ) : (
            <WideButton id="card-issue" row onClick={() => flow.ask('issue')}>
              打印签到卡
            </WideButton>
          )}
          <WideButton id="card-revoke" kind="secondary" row onClick={() => flow.ask('revoke')}>
            作废签到卡（卡丢了）
          </WideButton>
          {card ? (
            <WideButton id="card-reissue" kind="secondary" row onClick={() => flow.ask('issue')}>
              重新打印（旧卡作废）
            </WideButton>
          ) : null}
          <WideButton id="card-back" kind="secondary" row onClick={() => void Taro.navigateBack()}>
            返回名单
          </WideButton>
        </>
      )}
    </PageShell>
  );
}
