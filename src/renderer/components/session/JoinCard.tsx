/** How phones join: a QR code of the address, the address, and the join code. */
import { QrImage } from './QrImage';
import styles from './JoinCard.module.css';

/**
 * `banner`: the projector's, scannable from the back of the room (its size comes
 * from the caller's font size: the QR code is 7em, the code in large type).
 */
export function JoinCard({ url, code, className }: { url: string; code: string; className?: string }) {
  return (
    <aside className={`${styles.card} ${className ?? ''}`} aria-label="Join from your phone">
      <QrImage url={url} className={styles.qr} />
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
