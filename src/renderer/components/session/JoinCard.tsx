/** How phones join: a QR code of the address, the address, and the join code. */
import { useEffect, useState } from 'react';
import styles from './JoinCard.module.css';

/** The QR encoder loads with the first card: most pages, and every first slide, never need it. */
const loadQrCode = () => import('qrcode').then((module) => module.default);

/**
 * `banner`: the projector's, scannable from the back of the room (its size comes
 * from the caller's font size: the QR code is 7em, the code in large type).
 */
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
      <div className={styles.words}>
        <div className={styles.lead}>Vote from your phone</div>
        <div className={styles.url}>
          {/* A long address wraps after a "/", not inside the code. */}
          {url
            .replace(/^https?:\/\//, '')
            .split('/')
            .map((part, index) => (
              <span key={index}>
                {index > 0 && '/'}
                {index > 0 && <wbr />}
                {part}
              </span>
            ))}
        </div>
        <div className={styles.codeLine}>
          Code <span className={styles.code}>{code}</span>
        </div>
      </div>
    </aside>
  );
}
