/**
 * 证书查验: anyone (an employer, for instance) checks a certificate by its number and
 * verification code (R7.2), no login needed. Opened from a certificate's QR code, the number and
 * code come in the page address and are checked at once.
 */
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import type { VerifyView } from '../../../../../cloudfunctions/contract';
import { messageOf } from '../../../../api/client';
import { TextField } from '../../../../components/form-field';
import { Notice, WideButton } from '../../../../components/page-parts';
import { PageShell } from '../../../../components/page-shell';
import { useCertificateStore } from '../../../../stores/use-certificate-store';
import { dayDateText, occupationLevelText } from '../../../../utils/certificate-text';
import { decodeParam } from '../../../../utils/routes';
import { cleanCode, cleanNumber, verifyInputProblem } from '../../utils/verify-input';
import './index.scss';

function VerifyResult({ v }: { v: VerifyView }) {
  const valid = v.status === 'valid';
  return (
    <View id="verify-result" className={`czt-card verify-result is-${v.status}`}>
      <Text id="verify-status" className={`verify-status is-${v.status}`}>
        {v.statusName}
      </Text>
      {!valid && v.revokedReason ? <Text className="verify-reason">{`撤销原因：${v.revokedReason}`}</Text> : null}
      <Text className="verify-fact">{`持证人：${v.holderName}`}</Text>
      <Text className="verify-fact">{`证书：${v.kindName}`}</Text>
      <Text className="verify-fact">{`工种：${occupationLevelText(v.occupation, v.levelName)}`}</Text>
      <Text className="verify-fact">{`发证机构：${v.issuer}`}</Text>
      <Text className="verify-fact">{`发证日期：${dayDateText(v.issuedOn)}`}</Text>
      <Text className="verify-fact">{`证书编号：${v.number}`}</Text>
    </View>
  );
}

export default function VerifyPage() {
  const params = Taro.getCurrentInstance().router?.params ?? {};
  const [number, setNumber] = useState(() => cleanNumber(decodeParam(params.number)));
  const [code, setCode] = useState(() => cleanCode(decodeParam(params.code)));
  const [message, setMessage] = useState<string | null>(null);
  const [result, setResult] = useState<VerifyView | null>(null);
  const [checking, setChecking] = useState(false);
  const seq = useRef(0);

  const check = async (n: string, c: string) => {
    const problem = verifyInputProblem(n, c);
    setResult(null);
    if (problem) {
      setMessage(problem);
      return;
    }
    const mySeq = ++seq.current;
    setMessage(null);
    setChecking(true);
    try {
      const v = await useCertificateStore.getState().verify(n, c);
      if (mySeq === seq.current) setResult(v);
    } catch (e) {
      if (mySeq === seq.current) setMessage(messageOf(e));
    } finally {
      if (mySeq === seq.current) setChecking(false);
    }
  };

  // From a QR code: both are in the address, so check once at once.
  const auto = useRef(Boolean(params.number && params.code));
  useEffect(() => {
    if (auto.current) {
      auto.current = false;
      void check(number, code);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return (
    <PageShell className="page-verify">
      <View className="czt-intro">
        <Text>输入证书上的证书编号和验证码，核对证书真伪。</Text>
      </View>
      <View className="czt-form">
        <TextField id="verify-number" label="证书编号" type="number" maxlength={16} placeholder="16位数字" value={number} onInput={(v) => setNumber(cleanNumber(v))} />
        <TextField id="verify-code" label="验证码" type="text" maxlength={8} placeholder="8位字母或数字" value={code} onInput={(v) => setCode(cleanCode(v))} />
      </View>
      <Notice id="verify-error" className="verify-message" text={message} />
      {result ? <VerifyResult v={result} /> : null}
      <View className="czt-actions">
        <WideButton id="verify-submit" loading={checking} onClick={() => void check(number, code)}>
          查验
        </WideButton>
      </View>
    </PageShell>
  );
}
