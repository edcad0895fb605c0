/**
 * Whether the phone says it has a network (H5: the browser's online flag; weapp: WeChat's network
 * status), kept up to date. Every page's shell says 没有网络 from it, and the 签到码 page tells
 * the laborer the code still works.
 */
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';

export function useNetworkOnline(): boolean {
  const [online, setOnline] = useState(true);
  useEffect(() => {
    if (process.env.TARO_ENV === 'h5') {
      const update = () => setOnline(navigator.onLine !== false);
      update();
      window.addEventListener('online', update);
      window.addEventListener('offline', update);
      return () => {
        window.removeEventListener('online', update);
        window.removeEventListener('offline', update);
      };
    }
    const onChange = (r: { isConnected: boolean }) => setOnline(r.isConnected);
    Taro.getNetworkType()
      .then((r) => setOnline(r.networkType !== 'none'))
      .catch(() => undefined);
    Taro.onNetworkStatusChange(onChange);
    return () => Taro.offNetworkStatusChange(onChange);
  }, []);
  return online;
}
