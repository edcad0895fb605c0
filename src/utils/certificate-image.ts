/**
 * 保存为图片: the certificate's words and its verification QR, as a card image (utils/card-image).
 */
import type { CertificateView } from '../../cloudfunctions/contract';
import { type CardImage, saveCardImage } from './card-image';
import { dayDateText, occupationLevelText } from './certificate-text';

export { CANVAS_ID, IMAGE_HEIGHT, IMAGE_WIDTH } from './card-image';

export function certificateLines(c: CertificateView): string[] {
  return [
    `持证人：${c.holderName}`,
    `工种：${occupationLevelText(c.occupation.name, c.levelName)}`,
    `发证机构：${c.issuer.name}`,
    `发证日期：${dayDateText(c.issuedOn)}`,
    `证书编号：${c.number}`,
    `验证码：${c.verifyCode}`,
    `状态：${c.statusName}`,
  ];
}

export const certificateImage = (c: CertificateView, qrText: string): CardImage => ({
  heading: c.kindName,
  lines: certificateLines(c),
  qrText,
  caption: '微信扫码查验证书真伪',
  fileName: `证书${c.number}.png`,
});

/** Draws and saves; rejects with a message fit to show. */
export const saveCertificateImage = (c: CertificateView, qrText: string): Promise<void> => saveCardImage(certificateImage(c, qrText));
