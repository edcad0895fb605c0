/**
 * 证书详情: one certificate in full, its verification code and a QR code that opens 证书查验
 * with the number and code (R7.2); 保存为图片; and the employment follow-ups it brings (R8.3).
 */
import { Image, Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useEffect, useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { FollowUpView } from '../../../cloudfunctions/contract';
import { CertificateCard } from '../../components/certificate-card';
import { listPageState } from '../../components/page-data';
import { LinkRow } from '../../components/page-parts';
import { SaveImageButton } from '../../components/save-image';
import { EmptyState, PageShell, RegisterPrompt } from '../../components/page-shell';
import { useSession } from '../../components/use-session';
import { useCertificateStore } from '../../stores/use-certificate-store';
import { useEmploymentStore } from '../../stores/use-employment-store';
import { useSessionStore } from '../../stores/use-session-store';
import { certificateImage } from '../../utils/certificate-image';
import { dayDateText, verifyQrText } from '../../utils/certificate-text';
import { qrSvg, svgDataUri } from '../../utils/qr-image';
import { URLS } from '../../utils/routes';
import './index.scss';

const followUpState: Record<FollowUpView['status'], string> = { upcoming: '未到期', due: '请更新', done: '已更新' };

export default function CertificateDetailPage() {
  const number = Taro.getCurrentInstance().router?.params?.number ?? '';
  const session = useSession();
  const registered = session.me?.registered === true;
  const { mine, mineError, loadMine } = useCertificateStore(
    useShallow((s) => ({ mine: s.mine, mineError: s.mineError, loadMine: s.loadMine })),
  );
  const followUps = useEmploymentStore((s) => s.followUps);
  useEffect(() => {
    if (!registered) return;
    if (!useCertificateStore.getState().mine) void loadMine();
    void useEmploymentStore.getState().loadFollowUps();
  }, [registered, loadMine]);
  useDidShow(() => {
    if (useSessionStore.getState().me?.registered) void useEmploymentStore.getState().loadFollowUps();
  });

  const c = mine?.find((x) => x.number === number) ?? null;
  const qrText = c ? verifyQrText(c.number, c.verifyCode) : '';
  const qrUri = useMemo(() => (qrText ? svgDataUri(qrSvg(qrText)) : ''), [qrText]);

  const page = listPageState({ session, allowed: registered, value: mine, error: mineError, load: loadMine });

  return (
    <PageShell className="page-certificate-detail" loading={page.loading} error={page.error} onRetry={page.onRetry}>
      {session.me && !registered ? (
        <RegisterPrompt text="查看证书前，请先完成实名登记" />
      ) : mine && !c ? (
        <EmptyState title="没有找到这本证书" />
      ) : c ? (
        <>
          <CertificateCard c={c} />
          <View className="czt-card cert-verify">
            <Text className="cert-fact">{`持证人：${c.holderName}`}</Text>
            <Text className="cert-verify-code" id="cert-verify-code">{`验证码：${c.verifyCode}`}</Text>
            <Image id="cert-qr" className="cert-qr" src={qrUri} mode="aspectFit" />
            <Text className="czt-help cert-qr-help">用人单位扫码，或输入证书编号和验证码，可查验真伪</Text>
          </View>
          <SaveImageButton id="cert-save" label="保存为图片" image={certificateImage(c, qrText)} />
          {c.followUpsDue.length > 0 ? (
            <View className="czt-card cert-follow-ups">
              <Text className="czt-card-title">就业回访</Text>
              {c.followUpsDue.map((due, i) => {
                const f = followUps?.find((x) => x.certificateNumber === c.number && x.dueOn === due);
                return (
                  <View key={due} className={`cert-follow-up ${f ? `is-${f.status}` : ''}`}>
                    <Text>{`取证满${f?.months ?? (i + 1) * 3}个月：${dayDateText(due)}`}</Text>
                    {f ? <Text className="cert-follow-up-state">{followUpState[f.status]}</Text> : null}
                  </View>
                );
              })}
              <LinkRow id="cert-go-employment" onClick={() => void Taro.navigateTo({ url: URLS.employment })}>
                就业登记
              </LinkRow>
            </View>
          ) : null}
        </>
      ) : null}
    </PageShell>
  );
}
