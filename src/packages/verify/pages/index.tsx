/**
 * 证书查验: anyone (an employer, for instance) checks a certificate by its number and
 * verification code (R7.2), no login needed. Opened from a certificate's QR code, the number and
 * code come in the page address and are checked at once.
 */
import { Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import type { VerifyView } from '../../../../cloudfunctions/contract';
import { messageOf } from '../../../api/client';
import { Button } from '../../../components/nutui';
import { PageShell } from '../../../components/page-shell';
import { dateText, occupationLevelText } from '../../../pages/certificates/certificate-text';
import { useCertificateStore } from '../../../stores/use-certificate-store';
import './index.scss';

/** Router params may or may not arrive decoded; a stray `%` must not break the page. */
function decoded(s: string | undefined): string {
  try {
    return decodeURIComponent(s ?? '');
  } catch {
    return s ?? '';
  }
}

const cleanNumber = (s: string) => s.replace(/\D/g, '').slice(0, 16);
const cleanCode = (s: string) => s.replace(/[^0-9a-z]/gi, '').toUpperCase().slice(0, 8);

/** The first thing wrong with what was typed, or null. */
export function verifyInputProblem(number: string, code: string): string | null {
  if (!/^\d{16}$/.test(number)) return '证书编号是16位数字，请核对';
  if (!/^[0-9A-Z]{8}$/.test(code)) return '验证码是8位字母或数字，请核对';
  return null;
}

function VerifyResult({ v }: { v: VerifyView }) {
  const valid = v.status === 'valid';
  return (
    <View id="verify-result" className={`czt-card verify-result is-${v.status}`}>
      <Text id="verify-status" className={`verify-status is-${v.status}`}>
        {valid ? '有效' : '已撤销'}
      </Text>
      {!valid && v.revokedReason ? <Text className="verify-reason">{`撤销原因：${v.revokedReason}`}</Text> : null}
      <Text className="verify-fact">{`持证人：${v.holderName}`}</Text>
      <Text className="verify-fact">{`证书：${v.kindName}`}</Text>
      <Text className="verify-fact">{`工种：${occupationLevelText(v.occupation, v.levelName)}`}</Text>
      <Text className="verify-fact">{`发证机构：${v.issuer}`}</Text>
      <Text className="verify-fact">{`发证日期：${dateText(v.issuedOn)}`}</Text>
      <Text className="verify-fact">{`证书编号：${v.number}`}</Text>
    </View>
  );
}

export default function VerifyPage() {
  const params = Taro.getCurrentInstance().router?.params ?? {};
  const [number, setNumber] = useState(() => cleanNumber(decoded(params.number)));
  const [code, setCode] = useState(() => cleanCode(decoded(params.code)));
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
        <View className="czt-field">
          <Text className="czt-label">证书编号</Text>
          <Input
            id="verify-number"
            className="czt-input"
            type="number"
            maxlength={16}
            placeholder="16位数字"
            value={number}
            onInput={(e) => setNumber(cleanNumber(e.detail.value))}
          />
        </View>
        <View className="czt-field">
          <Text className="czt-label">验证码</Text>
          <Input
            id="verify-code"
            className="czt-input"
            type="text"
            maxlength={8}
            placeholder="8位字母或数字"
            value={code}
            onInput={(e) => setCode(cleanCode(e.detail.value))}
          />
        </View>
      </View>
      {message ? (
        <View id="verify-error" className="czt-notice verify-message">
          <Text>{message}</Text>
        </View>
      ) : null}
      {result ? <VerifyResult v={result} /> : null}
      <View className="czt-actions">
        <Button
          id="verify-submit"
          className="czt-primary-button"
          type="primary"
          size="xlarge"
          block
          loading={checking}
          onClick={() => void check(number, code)}
        >
          查验
        </Button>
      </View>
    </PageShell>
  );
}
