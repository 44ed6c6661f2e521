/** An open question's phrases as a ranked list with their counts: beside the cloud, and where a cloud does not fit (a page of the report). */
import type { WordCount } from '../../../shared/summary';
import styles from './WordList.module.css';

interface WordListProps {
  words: readonly WordCount[];
  /** Shows the first `limit` and says how many more there are; all when omitted. */
  limit?: number;
  className?: string;
  label?: string;
  /** Cuts a long phrase after two lines (beside the cloud, which shows it whole). */
  clamp?: boolean;
}

export function WordList({ words, limit, className, label = 'Answers, most given first', clamp = false }: WordListProps) {
  const shown = limit === undefined ? words : words.slice(0, limit);
  const more = words.length - shown.length;
  return (
    <div className={`${styles.wrap} ${className ?? ''}`}>
      <ol className={styles.list} aria-label={label} data-testid="word-list">
        {shown.map((word) => (
          <li key={word.text} className={styles.row}>
            <span className={`${styles.text} ${clamp ? styles.clamp : ''}`}>{word.text}</span>
            <span className={styles.count}>{word.count}</span>
          </li>
        ))}
      </ol>
      {more > 0 && <p className={styles.more}>and {more} more</p>}
    </div>
  );
}
