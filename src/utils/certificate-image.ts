/**
 * 保存为图片: the certificate's words and its verification QR drawn on a canvas, then saved.
 * weapp: a type="2d" <Canvas> node → temp file → photo album. H5: an HTML canvas → PNG download.
 */
import Taro from '@tarojs/taro';
import type { CertificateView } from '../../cloudfunctions/contract';
import { dayDateText, occupationLevelText } from './certificate-text';
import { QUIET_ZONE, qrModules } from './qr-image';

/** What both platforms' 2d contexts share and the drawing needs. */
interface Ctx2d {
  fillStyle: string | CanvasGradient | CanvasPattern;
  font: string;
  textAlign: CanvasTextAlign;
  fillRect(x: number, y: number, w: number, h: number): void;
  fillText(text: string, x: number, y: number): void;
}

/** Canvas size in px. */
export const IMAGE_WIDTH = 600;
export const IMAGE_HEIGHT = 980;
const QR_SIZE = 320;

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

export function drawCertificate(ctx: Ctx2d, c: CertificateView, qrText: string): void {
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, IMAGE_WIDTH, IMAGE_HEIGHT);
  ctx.fillStyle = '#111111';
  ctx.textAlign = 'center';
  ctx.font = 'bold 40px sans-serif';
  ctx.fillText(c.kindName, IMAGE_WIDTH / 2, 80);
  ctx.textAlign = 'left';
  ctx.font = '28px sans-serif';
  certificateLines(c).forEach((line, i) => ctx.fillText(line, 40, 160 + i * 52));
  const modules = qrModules(qrText);
  const cell = QR_SIZE / (modules.length + 2 * QUIET_ZONE);
  const left = (IMAGE_WIDTH - QR_SIZE) / 2;
  const top = 540;
  modules.forEach((row, y) =>
    row.forEach((dark, x) => {
      if (dark) ctx.fillRect(left + (x + QUIET_ZONE) * cell, top + (y + QUIET_ZONE) * cell, cell + 0.5, cell + 0.5);
    }),
  );
  ctx.textAlign = 'center';
  ctx.font = '26px sans-serif';
  ctx.fillText('微信扫码查验证书真伪', IMAGE_WIDTH / 2, top + QR_SIZE + 50);
}

/** The <Canvas> id the weapp page renders (off screen). */
export const CANVAS_ID = 'cert-canvas';

interface CanvasNode {
  width: number;
  height: number;
  getContext(type: '2d'): Ctx2d;
}

/** Draws and saves; rejects with a message fit to show. */
export async function saveCertificateImage(c: CertificateView, qrText: string): Promise<void> {
  if (process.env.TARO_ENV === 'weapp') {
    const node = await new Promise<CanvasNode | null>((resolve) => {
      Taro.createSelectorQuery()
        .select(`#${CANVAS_ID}`)
        .fields({ node: true, size: true })
        .exec((res: { node?: CanvasNode }[]) => resolve(res?.[0]?.node ?? null));
    });
    if (!node) throw new Error('图片生成失败，请重试');
    node.width = IMAGE_WIDTH;
    node.height = IMAGE_HEIGHT;
    drawCertificate(node.getContext('2d'), c, qrText);
    const { tempFilePath } = await Taro.canvasToTempFilePath({ canvas: node as unknown as Taro.Canvas, fileType: 'png' });
    try {
      await Taro.saveImageToPhotosAlbum({ filePath: tempFilePath });
    } catch {
      throw new Error('保存失败，请允许保存到相册后重试');
    }
    return;
  }
  const canvas = document.createElement('canvas');
  canvas.width = IMAGE_WIDTH;
  canvas.height = IMAGE_HEIGHT;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('图片生成失败，请重试');
  drawCertificate(ctx, c, qrText);
  const a = document.createElement('a');
  a.href = canvas.toDataURL('image/png');
  a.download = `证书${c.number}.png`;
  document.body.appendChild(a);
  a.click();
  a.remove();
}
