/**
 * R14.2 我的 → 我的信息: everything held about me (profile, vouchers, classes, attendance,
 * certificates, employment reports, messages, consents, who acted for me — every collection that
 * names me), 下载副本, 更正 phone and township, the privacy agreement and its withdrawal, the
 * real-name check, and 注销账号. Each step confirmed and said plainly.
 */
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useState } from 'react';
import { dateTimeText } from '../../../cloudfunctions/core/china-date';
import { showError } from '../../api/client';
import { Notice, WideButton } from '../../components/page-parts';
import { PageShell } from '../../components/page-shell';
import { useSession } from '../../components/use-session';
import { usePrivacyStore } from '../../stores/use-privacy-store';
import { PRIVACY_URLS } from '../../utils/privacy-routes';
import { CloseAccount, Closed, WithdrawConsent } from './close';
import { CorrectProfile } from './correct';
import { saveCopy } from './download';
import { HeldCollections } from './held';
import './index.scss';

/** 隐私保护指引 and 实名认证: where I stand, and the way to change it. */
function Standing() {
  const status = usePrivacyStore((s) => s.status);
  if (!status) return null;
  const agreed = status.consent === 'agreed';
  return (
    <View id="my-data-standing" className="czt-card my-data-standing">
      <Text className="czt-card-title">同意与认证</Text>
      <Text className="my-data-line" id="my-data-consent">
        {`隐私保护指引：${status.consentName}${agreed && status.agreedAt ? `（${dateTimeText(status.agreedAt)}，版本 ${status.agreedVersion}）` : ''}`}
      </Text>
      <Text className="my-data-line" id="my-data-real-name">
        {`人脸核身：${status.realName.verified ? `已通过（${dateTimeText(status.realName.verifiedAt!)}）` : status.realName.required ? '未完成（本县要求领券前刷脸）' : '本县暂不要求'}`}
      </Text>
      {agreed ? null : (
        <WideButton id="my-data-agree" row onClick={() => void Taro.navigateTo({ url: PRIVACY_URLS.privacy })}>
          阅读并同意隐私保护指引
        </WideButton>
      )}
      {status.realName.required && !status.realName.verified && agreed ? (
        <WideButton id="my-data-face" row onClick={() => void Taro.navigateTo({ url: `${PRIVACY_URLS.faceCheck}?purpose=registration` })}>
          去刷脸认证
        </WideButton>
      ) : null}
    </View>
  );
}

export default function MyDataPage() {
  const session = useSession();
  const copy = usePrivacyStore((s) => s.copy);
  const copyError = usePrivacyStore((s) => s.copyError);
  const copyState = usePrivacyStore((s) => s.copyState);
  const loadCopy = usePrivacyStore((s) => s.loadCopy);
  const loadStatus = usePrivacyStore((s) => s.loadStatus);
  const consent = usePrivacyStore((s) => s.status?.consent);
  const [closed, setClosed] = useState(false);
  useDidShow(() => {
    void loadStatus();
    void loadCopy();
  });
  const profile = session.me?.profile ?? null;

  if (closed) {
    return (
      <PageShell className="page-my-data">
        <Closed />
      </PageShell>
    );
  }
  return (
    <PageShell className="page-my-data" loading={session.loading || copyState === 'loading' || copyState === 'idle'} error={session.error ?? copyError} onRetry={() => void loadCopy()}>
      <View className="czt-intro">
        <Text>这里是持证通保存的与您有关的全部信息。您可以下载一份副本、更正手机号和户籍、撤回同意或注销账号。</Text>
      </View>
      <Standing />
      {copy ? (
        <>
          <WideButton id="my-data-download" row onClick={() => void saveCopy(copy).catch(showError)}>
            下载我的信息副本
          </WideButton>
          <Notice className="my-data-generated" text={`共${copy.collections.length}类信息，${dateTimeText(copy.generatedAt)}生成`} />
          <HeldCollections collections={copy.collections} />
        </>
      ) : null}
      {profile ? <CorrectProfile profile={profile} onSaved={() => void loadCopy()} /> : null}
      {consent === 'agreed' ? <WithdrawConsent /> : null}
      {profile ? <CloseAccount onClosed={() => setClosed(true)} /> : null}
    </PageShell>
  );
}
