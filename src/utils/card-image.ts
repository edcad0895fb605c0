/**
 * A card saved as an image (a certificate with its verification QR, a printed 签到卡): a heading,
 * lines of text and a QR code drawn on a canvas, then saved. weapp: a type="2d" <Canvas> node →
 * temp file → photo album. H5: an HTML canvas → PNG download.
 */
import Taro from '@tarojs/taro';
import { QUIET_ZONE, qrModules } from './qr-image';

/** What both platforms' 2d contexts share and the drawing needs. */
interface Ctx2d {
  fillStyle: string | CanvasGradient | CanvasPattern;
  font: string;
  textAlign: CanvasTextAlign;
  fillRect(x: number, y: number, w: number, h: number): void;
  fillText(text: string, x: number, y: number): void;
}

export interface CardImage {
  heading: string;
  lines: string[];
  qrText: string;
  /** Under the QR code: what it is for. */
  caption: string;
  /** H5 download name. */
  fileName: string;
}

/** Canvas size in px. */
export const IMAGE_WIDTH = 600;
export const IMAGE_HEIGHT = 980;
const QR_SIZE = 320;

/** The <Canvas> id the weapp page renders (off screen). */
export const CANVAS_ID = 'card-canvas';

export function drawCard(ctx: Ctx2d, card: CardImage): void {
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, IMAGE_WIDTH, IMAGE_HEIGHT);
  ctx.fillStyle = '#111111';
  ctx.textAlign = 'center';
  ctx.font = 'bold 40px sans-serif';
  ctx.fillText(card.heading, IMAGE_WIDTH / 2, 80);
  ctx.textAlign = 'left';
  ctx.font = '28px sans-serif';
  card.lines.forEach((line, i) => ctx.fillText(line, 40, 160 + i * 52));
  const modules = qrModules(card.qrText);
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
  ctx.fillText(card.caption, IMAGE_WIDTH / 2, top + QR_SIZE + 50);
}

interface CanvasNode {
  width: number;
  height: number;
  getContext(type: '2d'): Ctx2d;
}

/** Draws and saves; rejects with a message fit to show. */
export async function saveCardImage(card: CardImage): Promise<void> {
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
    drawCard(node.getContext('2d'), card);
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
  drawCard(ctx, card);
  const a = document.createElement('a');
  a.href = canvas.toDataURL('image/png');
  a.download = card.fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
}
