/**
 * A QR code of an address, drawn as an SVG image: the projector's join card and
 * the follow-up sheet (src/renderer/views/followUp) show the same code.
 */
import { useEffect, useState } from 'react';

/** The QR encoder loads with the first code drawn: most pages, and every first slide, never need it. */
const loadQrCode = () => import('qrcode').then((module) => module.default);

/** Nothing until the encoder has drawn it (a moment on first use); nothing if it cannot. */
export function QrImage({ url, className }: { url: string; className?: string }) {
  const [svg, setSvg] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    loadQrCode()
      .then((QRCode) => QRCode.toString(url, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }))
      .then(
        (text) => live && setSvg(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(text)}`),
        () => live && setSvg(null),
      );
    return () => {
      live = false;
    };
  }, [url]);
  return svg ? <img className={className} src={svg} alt={`QR code for ${url}`} /> : null;
}
