/** 证书: the holder's certificates (R7.2), newest first; tap one for its page with the QR code. */
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useShallow } from 'zustand/react/shallow';
import { CertificateCard } from '../../components/certificate-card';
import { listPageState, useLoadForRegistered } from '../../components/page-data';
import { Button } from '../../components/nutui';
import { RetryNotice } from '../../components/page-parts';
import { EmptyState, PageShell, RegisterPrompt } from '../../components/page-shell';
import { useSession } from '../../components/use-session';
import { useCertificateStore } from '../../stores/use-certificate-store';
import { certificateDetailUrl } from '../../utils/certificate-text';
import { URLS } from '../../utils/routes';

const goVerify = () => void Taro.navigateTo({ url: URLS.verify });

export default function CertificatesPage() {
  const session = useSession();
  const registered = session.me?.registered === true;
  const bandC = session.me?.profile?.band === 'C';
  const { mine, mineError, loadMine } = useCertificateStore(
    useShallow((s) => ({ mine: s.mine, mineError: s.mineError, loadMine: s.loadMine })),
  );
  useLoadForRegistered(registered, loadMine);
  const page = listPageState({ session, allowed: registered, value: mine, error: mineError, load: loadMine });

  return (
    <PageShell className="page-certificates" loading={page.loading} error={page.error} onRetry={page.onRetry}>
      {session.me && !registered ? (
        <RegisterPrompt text="查看证书前，请先完成实名登记" />
      ) : mine ? (
        <>
          <RetryNotice message={mineError?.message} onRetry={() => void loadMine()} />
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
