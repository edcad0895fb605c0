/**
 * The attendance QR code as an image both platforms draw: an SVG (black modules on white, with
 * the standard 4-module quiet zone) in a base64 `data:` URI. WeChat's <image> takes SVG, and
 * base64 is the data-URI form it is known to accept; the mini-program has no `btoa`, so js-base64
 * (pure JS there) encodes it. `qrcode`'s `create` is synchronous, so a new code is drawn in the
 * same render as the countdown that announces it.
 */
import { btoa as base64OfBinary } from 'js-base64';
import { create } from 'qrcode';

/** ISO/IEC 18004: at least 4 light modules around the symbol. */
export const QUIET_ZONE = 4;

/** The modules of `text`'s QR code (error correction M), row by row: true = dark. */
export function qrModules(text: string): boolean[][] {
  // One byte segment from the ASCII codes: `qrcode` would otherwise encode the string with
  // TextEncoder, which some mini-program engines lack.
  const bytes = Uint8ClampedArray.from(text, (ch) => ch.charCodeAt(0) & 0x7f);
  const { size, data } = create([{ data: bytes, mode: 'byte' }], { errorCorrectionLevel: 'M' }).modules;
  return Array.from({ length: size }, (_, row) => Array.from({ length: size }, (_, col) => data[row * size + col] === 1));
}

/** An SVG of `text`'s QR code: one path of horizontal runs of dark modules. */
export function qrSvg(text: string): string {
  const modules = qrModules(text);
  const full = modules.length + 2 * QUIET_ZONE;
  let d = '';
  modules.forEach((row, y) => {
    let x = 0;
    while (x < row.length) {
      if (!row[x]) {
        x += 1;
        continue;
      }
      const start = x;
      while (x < row.length && row[x]) x += 1;
      d += `M${start + QUIET_ZONE} ${y + QUIET_ZONE}h${x - start}v1h-${x - start}z`;
    }
  });
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${full} ${full}" width="${full * 8}" height="${full * 8}" shape-rendering="crispEdges">` +
    `<rect width="${full}" height="${full}" fill="#ffffff"/><path fill="#000000" d="${d}"/></svg>`
  );
}

/** The SVG (ASCII only) as a base64 `data:` URI. */
export const svgDataUri = (svg: string): string => `data:image/svg+xml;base64,${base64OfBinary(svg)}`;
