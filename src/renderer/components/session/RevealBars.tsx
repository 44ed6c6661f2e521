/**
 * The revealed result as plain bars, drawn at once while the chart code loads
 * (and the text a screen reader reads): letter, label, count and share.
 */
import type { Question } from '../../../shared/model';
import styles from './RevealBars.module.css';
import { ownValue } from '../../../shared/records';

export function RevealBars({ question, totals }: { question: Question; totals: Record<string, number> }) {
  const total = Object.values(totals).reduce((sum, n) => sum + n, 0);
  return (
    <ol className={styles.bars} aria-label="Results">
      {question.options.map((option, index) => {
        const count = ownValue(totals, option.id) ?? 0;
        const share = total ? Math.round((count / total) * 100) : 0;
        return (
          <li key={option.id} className={styles.row}>
            <span className={styles.letter} aria-hidden="true">
              {String.fromCharCode(65 + index)}
            </span>
            <div>
              <div className={styles.label}>
                <span>{option.label}</span>
                <span>
                  {count} vote{count === 1 ? '' : 's'} · {share}%
                </span>
              </div>
              <div className={styles.track}>
                <div className={styles.fill} style={{ width: `${share}%` }} />
              </div>
            </div>
          </li>
        );
      })}
    </ol>
  );
}
