/**
 * R14.3 人脸核身: where the county asks, before claiming (`?purpose=registration`) or at a class's
 * session (`?purpose=session&classId=`). 开始刷脸 asks the server for WeChat's verify id, then the
 * mini-program runs `wx.requestFacialVerify`; whatever the phone says, the page asks the server
 * for the true result (the server reads it from WeChat once). On the local host (H5) a pretend
 * screen stands in for WeChat and sends the person back here with `?verifyId=`.
 */
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import type { FaceCheckResult, FacePurpose } from '../../../cloudfunctions/contract';
import { toApiError } from '../../api/client';
import { Notice, WideButton } from '../../components/page-parts';
import { PageShell } from '../../components/page-shell';
import { requirePrivacy } from '../../components/privacy-authorization';
import { useConfirmedAction } from '../../components/use-confirmed-action';
import { usePrivacyStore } from '../../stores/use-privacy-store';
import { pageParam } from '../../utils/page-param';
import { PRIVACY_URLS } from '../../utils/privacy-routes';
import { URLS } from '../../utils/routes';
import './index.scss';

declare const wx: { requestFacialVerify?: (o: { verifyId: string; success: () => void; fail: () => void }) => void } | undefined;

/** The phone's part (base library 3.8.12+): its answer is not the result, so both ends lead to the server. */
function wechatFaceCheck(verifyId: string): Promise<boolean> {
  return new Promise((resolve) => {
    const request = typeof wx !== 'undefined' ? wx?.requestFacialVerify : undefined;
    if (!request) {
      resolve(false);
      return;
    }
    request({ verifyId, success: () => resolve(true), fail: () => resolve(true) });
  });
}

/** Back here from the local host's pretend screen, with the verify id. */
const backHere = (purpose: FacePurpose, classId: string) => `pages/face-check/index?purpose=${purpose}${classId ? `&classId=${classId}` : ''}`;

function Result({ result, onAgain }: { result: FaceCheckResult; onAgain: () => void }) {
  const passed = result.outcome === 'passed';
  return (
    <View id="face-result" className={`czt-state face-result is-${result.outcome}`} data-outcome={result.outcome}>
      <Text className="czt-state-title">{passed ? '人脸核身通过' : result.outcomeName}</Text>
      <Text className="czt-state-text face-message">{result.message}</Text>
      {passed && result.purpose === 'registration' ? (
        <WideButton id="face-go-vouchers" row onClick={() => void Taro.switchTab({ url: URLS.vouchers })}>
          去领培训券
        </WideButton>
      ) : passed ? (
        <WideButton id="face-go-code" row onClick={() => void Taro.redirectTo({ url: URLS.attendanceCode })}>
          打开签到码，请老师扫码
        </WideButton>
      ) : (
        <WideButton id="face-again" row onClick={onAgain}>
          重新刷脸
        </WideButton>
      )}
      <WideButton id="face-my-data" kind="secondary" row onClick={() => void Taro.navigateTo({ url: PRIVACY_URLS.myData })}>
        查看我的信息
      </WideButton>
    </View>
  );
}

export default function FaceCheckPage() {
  const purpose: FacePurpose = pageParam('purpose') === 'session' ? 'session' : 'registration';
  const classId = pageParam('classId');
  const returned = pageParam('verifyId');
  const start = usePrivacyStore((s) => s.startFaceCheck);
  const finish = usePrivacyStore((s) => s.finishFaceCheck);
  const [result, setResult] = useState<FaceCheckResult | null>(null);
  const [starting, setStarting] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const finishing = useConfirmedAction((verifyId: string, options) => finish(verifyId, options), { onDone: (r) => setResult(r) });
  const asked = useRef(false);

  useEffect(() => {
    if (returned && !asked.current) {
      asked.current = true;
      void finishing.submit(returned);
    }
  }, [returned, finishing]);

  const begin = async () => {
    setNotice(null);
    setResult(null);
    if (!(await requirePrivacy())) {
      setNotice('需要先同意隐私保护指引，才能刷脸');
      return;
    }
    setStarting(true);
    try {
      const started = await start(purpose, classId || undefined);
      if (process.env.TARO_ENV === 'h5') {
        // The local host's pretend screen (the H5 build runs only there); a weapp build drops this branch.
        window.location.href = `/dev/face?verifyId=${encodeURIComponent(started.verifyId)}&back=${encodeURIComponent(backHere(purpose, classId))}`;
        return;
      }
      if (!(await wechatFaceCheck(started.verifyId))) {
        setNotice('您的微信版本太旧，不能刷脸，请把微信更新到最新版本后再试');
        return;
      }
      await finishing.submit(started.verifyId);
    } catch (e) {
      setNotice(toApiError(e).message);
    } finally {
      setStarting(false);
    }
  };

  return (
    <PageShell className="page-face-check">
      {result ? (
        <Result result={result} onAgain={() => void begin()} />
      ) : (
        <View className="czt-card face-intro">
          <Text className="czt-card-title">{purpose === 'session' ? '上课签到前刷脸核验' : '刷脸实名认证'}</Text>
          <Text className="face-line">为防止有人冒用他人身份领券、培训和领取补贴，您所在县要求刷脸核验是本人。</Text>
          <Text className="face-line">刷脸由微信完成，与公安部门的身份证照片比对。我们只保存核验结果和时间，不保存人脸照片。</Text>
          <Text className="face-line">请在光线充足的地方，正对手机，按提示眨眼或张嘴。</Text>
          <Notice id="face-notice" className="face-notice" text={notice ?? finishing.notice} />
          <WideButton id="face-start" row loading={starting || finishing.busy} onClick={() => void begin()}>
            开始刷脸
          </WideButton>
        </View>
      )}
    </PageShell>
  );
}
