/** Words for certificates, shared by 证书, the certificate page, 查验 and 首页. */
import { dateText, parseDate } from '../../cloudfunctions/core/china-date';
import { linkText, URLS, withQuery } from './routes';

/** `2026-03-12` → `2026年3月12日` (a day the server sends as `YYYY-MM-DD`); anything else as is. */
export function dayDateText(ymd: string): string {
  const d = parseDate(ymd);
  return d ? dateText(d) : ymd;
}

/** 养老护理员（五级） or just the occupation for kinds without a level. */
export const occupationLevelText = (occupation: string, levelName: string | null): string =>
  levelName ? `${occupation}（${levelName}）` : occupation;

/** The verify page's path with the number and code, as the QR code carries it. */
export const verifyPath = (number: string, code: string): string => withQuery(URLS.verify, { number, code });

/** What the QR code says: the path in the mini-program; a full address in H5 (hash router). */
export const verifyQrText = (number: string, code: string): string => linkText(verifyPath(number, code));

export const certificateDetailUrl = (number: string): string => withQuery(URLS.certificateDetail, { number });
