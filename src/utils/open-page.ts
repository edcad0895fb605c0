/** Opens a page the server names (a message's `page`): `pages/x/index` or `/pages/x/index?a=b`. */
import Taro from '@tarojs/taro';
import { TAB_URLS } from './routes';

/** Tab-bar pages open with `switchTab` (which takes no query); others with `navigateTo`. Nothing when empty. */
export function openPage(page: string): void {
  const trimmed = page.trim();
  if (!trimmed) return;
  const url = trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
  const path = url.split('?')[0];
  if (TAB_URLS.includes(path)) void Taro.switchTab({ url: path });
  else void Taro.navigateTo({ url });
}
