/**
 * R14 the privacy pages' addresses: the guide (shown before registration), 我的信息 and the face
 * check. Part of the app's URLS (utils/routes.ts spreads them in).
 */
export const PRIVACY_URLS = {
  privacy: '/pages/privacy/index',
  myData: '/pages/my-data/index',
  faceCheck: '/pages/face-check/index',
} as const;
