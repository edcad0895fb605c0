/**
 * The attendance QR code as an image both platforms draw: an SVG (black modules on white, with
 * the standard 4-module quiet zone) in a base64 `data:` URI. WeChat's <image> takes SVG, and
 * base64 is the data-URI form it is known to accept; the mini-program has no `btoa`, hence the
 * small encoder below. `qrcode`'s `create` is synchronous, so a new code is drawn in the same
 * render as the countdown that announces it.
 */
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

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Base64 of an ASCII string (the SVG above is ASCII only). */
export function base64OfAscii(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i += 3) {
    const a = text.charCodeAt(i);
    const b = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
    const c = i + 2 < text.length ? text.charCodeAt(i + 2) : 0;
    const n = (a << 16) | (b << 8) | c;
    out += BASE64[(n >> 18) & 63] + BASE64[(n >> 12) & 63];
    out += i + 1 < text.length ? BASE64[(n >> 6) & 63] : '=';
    out += i + 2 < text.length ? BASE64[n & 63] : '=';
  }
  return out;
}

export const svgDataUri = (svg: string): string => `data:image/svg+xml;base64,${base64OfAscii(svg)}`;
