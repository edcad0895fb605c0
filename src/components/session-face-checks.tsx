/**
 * R14.3 on the 签到码 page: where the class's county asks, today's first check-in (or a drawn later
 * one) needs the trainee's own face check first — said above the code, with the way to do it.
 */
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect } from 'react';
import { usePrivacyStore } from '../stores/use-privacy-store';
import { URLS, withQuery } from '../utils/routes';
import { WideButton } from './page-parts';

export function SessionFaceChecks() {
  const status = usePrivacyStore((s) => s.status);
  useEffect(() => void usePrivacyStore.getState().loadStatus(), []);
  const waiting = (status?.sessionChecks ?? []).filter((c) => c.required && !c.passed);
  if (waiting.length === 0) return null;
  return (
    <>
      {waiting.map((c) => (
        <View key={c.classId} className="czt-card session-face-check" data-class={c.classId}>
          <Text className="czt-card-title">请先刷脸，再请老师扫码</Text>
          <Text className="czt-card-text">{`「${c.className}」本节课签到前，要先刷脸核验是您本人。`}</Text>
          <WideButton id={`session-face-${c.classId}`} row onClick={() => void Taro.navigateTo({ url: withQuery(URLS.faceCheck, { purpose: 'session', classId: c.classId }) })}>
            去刷脸
          </WideButton>
        </View>
      ))}
    </>
  );
}
