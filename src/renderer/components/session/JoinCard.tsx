/** How phones join: a QR code of the address, the address, and the join code. */
import { useEffect, useState } from 'react';
import styles from './JoinCard.module.css';

/** The QR encoder loads with the first card: most pages, and every first slide, never need it. */
const loadQrCode = () => import('qrcode').then((module) => module.default);

export function JoinCard({ url, code, className }: { url: string; code: string; className?: string }) {
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
  return (
    <aside className={`${styles.card} ${className ?? ''}`} aria-label="Join from your phone">
      {svg && <img className={styles.qr} src={svg} alt={`QR code for ${url}`} />}
      <div>
        <div>Vote from your phone</div>
        <div className={styles.url}>{url.replace(/^https?:\/\//, '')}</div>
        <div>
          Code <span className={styles.code}>{code}</span>
        </div>
      </div>
    </aside>
  );
}
