/** Words for certificates, shared by 证书, the certificate page, 查验 and 首页. */

/** `2026-03-12` → `2026年3月12日`. */
export function dateText(ymd: string): string {
  const [y, m, d] = ymd.split('-').map(Number);
  return y && m && d ? `${y}年${m}月${d}日` : ymd;
}

/** 养老护理员（五级） or just the occupation for kinds without a level. */
export const occupationLevelText = (occupation: string, levelName: string | null): string =>
  levelName ? `${occupation}（${levelName}）` : occupation;

export const VERIFY_PAGE = '/packages/verify/pages/index';

/** The verify page's path with the number and code, as the QR code carries it. */
export const verifyPath = (number: string, code: string): string =>
  `${VERIFY_PAGE}?number=${encodeURIComponent(number)}&code=${encodeURIComponent(code)}`;

/** What the QR code says: the path in the mini-program; a full address in H5 (hash router). */
export function verifyQrText(number: string, code: string): string {
  const path = verifyPath(number, code);
  return process.env.TARO_ENV === 'h5' ? `${window.location.origin}/#${path}` : path;
}

export const certificateDetailUrl = (number: string): string => `/pages/certificate-detail/index?number=${encodeURIComponent(number)}`;
