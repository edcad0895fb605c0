/**
 * Is the phone offline, and when does the network come back? weapp asks WeChat; H5 asks the
 * browser. `process.env.TARO_ENV` is a build-time literal, so each bundle keeps only its branch.
 */
import Taro from '@tarojs/taro';

/** True only when the device says so; an unknown state counts as online (the call will tell). */
export async function isKnownOffline(): Promise<boolean> {
  if (process.env.TARO_ENV === 'h5') return typeof navigator !== 'undefined' && navigator.onLine === false;
  try {
    const { networkType } = await Taro.getNetworkType();
    return networkType === 'none';
  } catch {
    return false;
  }
}

/** Calls `cb` each time the network comes back; returns a function that stops listening. */
export function onReconnect(cb: () => void): () => void {
  if (process.env.TARO_ENV === 'h5') {
    window.addEventListener('online', cb);
    return () => window.removeEventListener('online', cb);
  }
  const listener = (res: { isConnected: boolean }) => {
    if (res.isConnected) cb();
  };
  Taro.onNetworkStatusChange(listener);
  return () => Taro.offNetworkStatusChange(listener);
}
