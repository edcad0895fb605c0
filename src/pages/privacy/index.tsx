/**
 * R14.1 用户隐私保护指引: what is collected, why, how long it is kept, who sees it, the person's
 * rights and the contact — shown before registration, and whenever WeChat asks (a privacy
 * interface about to run). 同意 records the agreement on the server (version and time) and, in
 * the mini-program, answers WeChat through `open-type="agreePrivacyAuthorization"`; 不同意 leaves
 * the public pages open and says what cannot be done without agreeing.
 */
import { Button, Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { dateTimeText } from '../../../cloudfunctions/core/china-date';
import { NEEDS_CONSENT, OPEN_WITHOUT_CONSENT, PRIVACY_GUIDE } from '../../../cloudfunctions/core/privacy';
import { Notice, WideButton } from '../../components/page-parts';
import { PageShell } from '../../components/page-shell';
import { AGREE_BUTTON_ID, answerPrivacyAuthorization, privacyGuideShown, wechatNeedsAgreement } from '../../components/privacy-authorization';
import { useConfirmedAction } from '../../components/use-confirmed-action';
import { usePrivacyStore } from '../../stores/use-privacy-store';
import { pageParam } from '../../utils/page-param';
import { PRIVACY_URLS } from '../../utils/privacy-routes';
import { TAB_URLS, URLS } from '../../utils/routes';
import './index.scss';

/** Where to go after agreeing: the page that sent the person here (`?next=`), else back. */
function goOn(): void {
  const next = pageParam('next');
  if (next && next.startsWith('/pages/')) {
    if (TAB_URLS.includes(next)) void Taro.switchTab({ url: next });
    else void Taro.redirectTo({ url: next });
  } else if (Taro.getCurrentPages().length > 1) void Taro.navigateBack();
  else void Taro.switchTab({ url: URLS.me });
}

function Guide() {
  return (
    <View className="privacy-guide">
      {PRIVACY_GUIDE.sections.map((s) => (
        <View key={s.heading} className="czt-card privacy-section">
          <Text className="privacy-heading">{s.heading}</Text>
          {s.paragraphs.map((p) => (
            <Text key={p} className="privacy-paragraph">
              {p}
            </Text>
          ))}
        </View>
      ))}
    </View>
  );
}

/** What agreeing allows, and what stays open without it. */
function WhatItAllows() {
  return (
    <View className="czt-card privacy-allows">
      <Text className="privacy-allows-line">{`同意后才能：${NEEDS_CONSENT.join('、')}。`}</Text>
      <Text className="privacy-allows-line">{`不同意也可以：${OPEN_WITHOUT_CONSENT.join('、')}。`}</Text>
    </View>
  );
}

/**
 * 同意: in the mini-program the button itself answers WeChat (its tap is what WeChat checks), so it
 * is Taro's own Button with the open-type (NutUI's has none); in H5 the house's primary button.
 */
function AgreeButton({ busy, onAgree }: { busy: boolean; onAgree: () => void }) {
  if (process.env.TARO_ENV === 'weapp') {
    return (
      <View className="czt-button-row">
        <Button id={AGREE_BUTTON_ID} className="privacy-agree-button" loading={busy} openType="agreePrivacyAuthorization" onAgreePrivacyAuthorization={onAgree}>
          同意并继续
        </Button>
      </View>
    );
  }
  return (
    <WideButton id={AGREE_BUTTON_ID} row loading={busy} onClick={onAgree}>
      同意并继续
    </WideButton>
  );
}

function Refused({ onRead }: { onRead: () => void }) {
  return (
    <View id="privacy-refused" className="czt-state privacy-refused">
      <Text className="czt-state-title">您没有同意隐私保护指引</Text>
      <Text className="czt-state-text">{`您仍然可以${OPEN_WITHOUT_CONSENT.join('、')}。`}</Text>
      <Text className="czt-state-text">{`不同意就不能${NEEDS_CONSENT.join('、')}，因为这些都要用到您的个人信息。`}</Text>
      <WideButton id="privacy-go-home" row onClick={() => void Taro.switchTab({ url: URLS.home })}>
        回到首页
      </WideButton>
      <WideButton id="privacy-read-again" kind="secondary" row onClick={onRead}>
        重新阅读指引
      </WideButton>
    </View>
  );
}

export default function PrivacyPage() {
  const status = usePrivacyStore((s) => s.status);
  const loadStatus = usePrivacyStore((s) => s.loadStatus);
  const agree = usePrivacyStore((s) => s.agree);
  const [refused, setRefused] = useState(false);
  // Agreed on the server but not yet on this phone's WeChat (a new phone): the tap syncs it.
  const [wechatNeeds, setWechatNeeds] = useState(false);
  useDidShow(() => {
    void loadStatus();
    void wechatNeedsAgreement().then(setWechatNeeds);
  });
  useEffect(() => privacyGuideShown(), []);
  const flow = useConfirmedAction((_: null, options) => agree(options), {
    doneTitle: '已同意',
    onDone: () => {
      answerPrivacyAuthorization(true);
      goOn();
    },
  });
  const refuse = () => {
    answerPrivacyAuthorization(false);
    setRefused(true);
  };
  const agreed = status?.consent === 'agreed' && !wechatNeeds;

  if (refused) {
    return (
      <PageShell className="page-privacy">
        <Refused onRead={() => setRefused(false)} />
      </PageShell>
    );
  }
  return (
    <PageShell className="page-privacy">
      <View className="czt-card privacy-title-card">
        <Text className="czt-card-title">{PRIVACY_GUIDE.title}</Text>
        <Text className="privacy-version">{`版本 ${PRIVACY_GUIDE.version}，${PRIVACY_GUIDE.effectiveOn} 起施行`}</Text>
        {agreed && status?.agreedAt ? (
          <Text id="privacy-agreed" className="privacy-agreed">{`您已于${dateTimeText(status.agreedAt)}同意本指引`}</Text>
        ) : status?.consent === 'outdated' ? (
          <Text id="privacy-updated" className="privacy-updated">指引已更新，请阅读后重新同意</Text>
        ) : null}
      </View>
      <Guide />
      <WhatItAllows />
      <Notice className="privacy-notice" text={flow.notice} />
      {agreed ? (
        <WideButton id="privacy-my-data" kind="secondary" row onClick={() => void Taro.navigateTo({ url: PRIVACY_URLS.myData })}>
          查看我的信息、撤回同意
        </WideButton>
      ) : (
        <>
          <AgreeButton busy={flow.busy} onAgree={() => void flow.submit(null)} />
          <WideButton id="privacy-refuse" kind="secondary" row onClick={refuse}>
            不同意
          </WideButton>
        </>
      )}
    </PageShell>
  );
}
