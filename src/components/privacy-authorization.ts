/**
 * R14.1 WeChat's privacy authorization (since October 2023, with `__usePrivacyCheck__: true` in
 * app.json): before any privacy interface (the camera, saving to the album, the face check…)
 * WeChat asks the mini-program to show its guide and sync the user's answer. The app listens once
 * (`listenForPrivacyAuthorization`, from app.ts), opens the 隐私保护指引 page when WeChat needs an
 * answer, and that page's 同意 button (`open-type="agreePrivacyAuthorization"`) resolves it —
 * while the same tap records the agreement on the server. H5 has no such interface: the page
 * and the server's agreement are the whole flow there.
 */
import Taro from '@tarojs/taro';
import { PRIVACY_URLS } from '../utils/privacy-routes';

/** The agree button's id: WeChat checks the button named in `resolve` was tapped. */
export const AGREE_BUTTON_ID = 'privacy-agree';

type Resolve = (option: { event: 'agree' | 'disagree' | 'exposureAuthorization'; buttonId?: string }) => void;

let pending: Resolve | null = null;
let listening = false;

const isWeapp = () => process.env.TARO_ENV === 'weapp';

/** Once, at app start: WeChat asking for an answer opens the guide. */
export function listenForPrivacyAuthorization(): void {
  if (!isWeapp() || listening) return;
  listening = true;
  Taro.onNeedPrivacyAuthorization((resolve) => {
    pending = resolve as Resolve;
    void Taro.navigateTo({ url: `${PRIVACY_URLS.privacy}?need=1` });
  });
}

/** The guide is on screen (WeChat wants to know it was shown). */
export function privacyGuideShown(): void {
  pending?.({ event: 'exposureAuthorization' });
}

/** The person's answer to WeChat's pending request, if there is one. */
export function answerPrivacyAuthorization(agree: boolean): void {
  const resolve = pending;
  pending = null;
  resolve?.(agree ? { event: 'agree', buttonId: AGREE_BUTTON_ID } : { event: 'disagree' });
}

/** Whether WeChat still wants the user's agreement (weapp; H5: never). */
export function wechatNeedsAgreement(): Promise<boolean> {
  if (!isWeapp()) return Promise.resolve(false);
  return new Promise((resolve) => {
    Taro.getPrivacySetting({ success: (r) => resolve(Boolean(r.needAuthorization)), fail: () => resolve(false) });
  });
}

/** Before a privacy interface of our own (the face check): let WeChat ask first if it must. */
export function requirePrivacy(): Promise<boolean> {
  if (!isWeapp()) return Promise.resolve(true);
  return new Promise((resolve) => {
    Taro.requirePrivacyAuthorize({ success: () => resolve(true), fail: () => resolve(false) });
  });
}
