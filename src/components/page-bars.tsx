/**
 * What the top of every page says, whatever the page: its title (H5 only: WeChat draws its own
 * bar), whom a relative is acting for (R13.1, with the way back to oneself), and that the phone
 * has no network. The page shell draws them, so no page can forget one.
 */
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { useFamilyStore } from '../stores/use-family-store';
import { Button } from './nutui';
import { Notice } from './page-parts';
import { useNetworkOnline } from './use-network';
import './page-bars.scss';

/** The page's own title from its config, read when the page is first drawn (tab pages stay mounted). */
function usePageTitle(): string | null {
  const [title] = useState(() => {
    if (process.env.TARO_ENV !== 'h5') return null;
    const page = Taro.getCurrentInstance().page as { config?: { navigationBarTitleText?: string } } | null | undefined;
    return page?.config?.navigationBarTitleText ?? null;
  });
  return title;
}

export function H5Title() {
  const title = usePageTitle();
  return title ? (
    <View className="czt-h5-title" role="heading">
      <Text>{title}</Text>
    </View>
  ) : null;
}

/** R13.1 on every page while acting: for whom, and 切换回自己. */
export function ActingBar() {
  const acting = useFamilyStore((s) => s.acting);
  const endedNotice = useFamilyStore((s) => s.endedNotice);
  if (acting) {
    return (
      <View id="acting-bar" className="czt-acting-bar">
        <Text className="czt-acting-text">{`正在为${acting.name}代办`}</Text>
        <Button id="acting-stop" className="czt-acting-stop" size="large" onClick={() => useFamilyStore.getState().stopActing()}>
          切换回自己
        </Button>
      </View>
    );
  }
  return <Notice id="acting-ended" className="czt-acting-ended" text={endedNotice} onClick={() => useFamilyStore.getState().clearEndedNotice()} />;
}

export function OfflineBanner() {
  const online = useNetworkOnline();
  return online ? null : (
    <View id="offline-banner" className="czt-offline-banner">
      <Text>手机没有网络，显示的可能不是最新内容</Text>
    </View>
  );
}
