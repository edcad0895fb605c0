/**
 * 证书查验: anyone (an employer, for instance) checks a certificate by its number and code.
 * The verify action ships in a later release, so submitting says so instead of pretending.
 */
import { Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { Button } from '../../../components/nutui';
import { PageShell } from '../../../components/page-shell';

const NOT_YET = '查验服务即将开放';

export default function VerifyPage() {
  const [certNo, setCertNo] = useState('');
  const [code, setCode] = useState('');
  const [message, setMessage] = useState<string | null>(null);

  const submit = () => {
    if (certNo.trim() === '' || code.trim() === '') {
      setMessage('请填写证书编号和查验码');
      return;
    }
    setMessage(NOT_YET);
    void Taro.showToast({ title: NOT_YET, icon: 'none' });
  };

  return (
    <PageShell className="page-verify">
      <View className="czt-intro">
        <Text>输入证书上的证书编号和查验码，核对证书真伪。</Text>
      </View>
      <View className="czt-form">
        <View className="czt-field">
          <Text className="czt-label">证书编号</Text>
          <Input
            id="verify-cert-no"
            className="czt-input"
            type="text"
            placeholder="证书上的编号"
            value={certNo}
            onInput={(e) => setCertNo(e.detail.value)}
          />
        </View>
        <View className="czt-field">
          <Text className="czt-label">查验码</Text>
          <Input
            id="verify-code"
            className="czt-input"
            type="text"
            placeholder="证书上的查验码"
            value={code}
            onInput={(e) => setCode(e.detail.value)}
          />
        </View>
      </View>
      {message ? (
        <View className="czt-notice verify-message">
          <Text>{message}</Text>
        </View>
      ) : null}
      <View className="czt-actions">
        <Button id="verify-submit" className="czt-primary-button" type="primary" size="xlarge" block onClick={submit}>
          查验
        </Button>
      </View>
    </PageShell>
  );
}
