/** A QR code drawn from its text as an image (utils/qr-image: an SVG both platforms show). */
import { Image } from '@tarojs/components';
import { useMemo } from 'react';
import { qrSvg, svgDataUri } from '../utils/qr-image';

export function QrCode({ id, className, text }: { id: string; className: string; text: string }) {
  const src = useMemo(() => svgDataUri(qrSvg(text)), [text]);
  return <Image id={id} className={className} src={src} mode="scaleToFill" />;
}
