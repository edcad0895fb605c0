/** 证书: the holder's certificates (R7.2), newest first; tap one for its page with the QR code. */
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { Button } from '../../components/nutui';
import { EmptyState, PageShell, RegisterPrompt } from '../../components/page-shell';
import { useSession } from '../../components/use-session';
import { useCertificateStore } from '../../stores/use-certificate-store';
import { useSessionStore } from '../../stores/use-session-store';
import { CertificateCard } from './certificate-card';
import { certificateDetailUrl, VERIFY_PAGE } from './certificate-text';
import './index.scss';

const goVerify = () => void Taro.navigateTo({ url: VERIFY_PAGE });

export default function CertificatesPage() {
  const session = useSession();
  const registered = session.me?.registered === true;
  const bandC = session.me?.profile?.band === 'C';
  const { mine, mineError, loadMine } = useCertificateStore(
    useShallow((s) => ({ mine: s.mine, mineError: s.mineError, loadMine: s.loadMine })),
  );
  useEffect(() => {
    if (registered) void loadMine();
  }, [registered, loadMine]);
  useDidShow(() => {
    if (useSessionStore.getState().me?.registered) void useCertificateStore.getState().loadMine();
  });
  const loading = session.loading || (registered && mine === null && !mineError);
  const pageError = session.error ?? (registered && mine === null ? mineError : null);

  return (
    <PageShell className="page-certificates" loading={loading} error={pageError} onRetry={() => void (session.error ? session.load() : loadMine())}>
      {session.me && !registered ? (
        <RegisterPrompt text="查看证书前，请先完成实名登记" />
      ) : mine ? (
        <>
          {mineError ? (
            <View className="czt-notice" onClick={() => void loadMine()}>
              <Text>{`${mineError.message}（点此重试）`}</Text>
            </View>
          ) : null}
          {mine.length === 0 ? (
            <EmptyState title="暂无证书" text="考核合格后，证书会显示在这里" />
          ) : (
            <View className="cert-list">
              {mine.map((c) => (
                <CertificateCard key={c.number} c={c} onClick={() => void Taro.navigateTo({ url: certificateDetailUrl(c.number) })} />
              ))}
            </View>
          )}
          {bandC ? (
            <Text className="czt-link-row cert-verify-link" onClick={goVerify}>
              查验证书真伪 ›
            </Text>
          ) : (
            <View className="czt-button-row">
              <Button id="go-verify" className="czt-secondary-button" fill="outline" type="primary" size="large" block onClick={goVerify}>
                查验证书真伪
              </Button>
            </View>
          )}
        </>
      ) : null}
    </PageShell>
  );
}
