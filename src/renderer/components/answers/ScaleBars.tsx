/**
 * A rating's revealed distribution: a bar per value, lowest to highest, with its
 * count, the end labels beneath the ends, and the mean, big. In em of the slide,
 * so it follows the projector's text size and the slide's fit-to-frame, as
 * RevealBars does. The bars are for the eye; a visually hidden table says the same.
 */
import { scaleValues } from '../../../shared/slideRules';
import { ownValue } from '../../../shared/records';
import styles from './ScaleBars.module.css';

interface ScaleBarsProps {
  min: number;
  max: number;
  minLabel: string;
  maxLabel: string;
  /** Answers per value ("1"…"5"). */
  counts: Readonly<Record<string, number>>;
  mean: number | null;
  /** Names the chart and its table, e.g. the statement. */
  label: string;
  /** Draws the mean beside the bars (the projector) or above them (narrow places). */
  layout?: 'wide' | 'compact';
  /** Grows the bars in (the projector's reveal); the report draws them whole, as paper has no time. */
  animate?: boolean;
  className?: string;
}

/** "3.8": the mean to one decimal. */
export function formatMean(mean: number): string {
  return (Math.round(mean * 10) / 10).toFixed(1);
}

const answersText = (n: number) => `${n} answer${n === 1 ? '' : 's'}`;

export function ScaleBars({ min, max, minLabel, maxLabel, counts, mean, label, layout = 'wide', animate = true, className }: ScaleBarsProps) {
  const values = scaleValues({ min, max });
  const countOf = (value: number) => ownValue(counts, String(value)) ?? 0;
  const total = values.reduce((sum, value) => sum + countOf(value), 0);
  const most = Math.max(1, ...values.map(countOf));
  return (
    <div className={`${styles.wrap} ${layout === 'compact' ? styles.compact : ''} ${animate ? '' : styles.still} ${className ?? ''}`} data-testid="scale-bars">
      <div className={styles.chart} aria-hidden="true">
        <ol className={styles.bars} style={{ gridTemplateColumns: `repeat(${values.length}, minmax(0, 1fr))` }}>
          {values.map((value, index) => {
            const count = countOf(value);
            return (
              <li key={value} className={styles.column} data-value={value} data-count={count}>
                <span className={styles.count}>{count}</span>
                <span className={styles.track}>
                  <span className={styles.fill} style={{ height: `${(count / most) * 100}%`, animationDelay: `${index * 60}ms` }} />
                </span>
                <span className={styles.value}>{value}</span>
              </li>
            );
          })}
        </ol>
        {(minLabel || maxLabel) && (
          <p className={styles.ends}>
            <span>{minLabel}</span>
            <span>{maxLabel}</span>
          </p>
        )}
      </div>
      <p className={styles.mean} data-testid="scale-mean">
        <span className={styles.meanLabel}>Average</span>
        <span className={styles.meanValue}>{mean === null ? '–' : formatMean(mean)}</span>
        <span className={styles.meanOf}>
          {min} to {max} · {answersText(total)}
        </span>
      </p>
      <table className="visually-hidden">
        <caption>
          {label}: answers per value{mean === null ? '' : `, average ${formatMean(mean)}`}
        </caption>
        <thead>
          <tr>
            <th scope="col">Value</th>
            <th scope="col">Answers</th>
          </tr>
        </thead>
        <tbody>
          {values.map((value) => (
            <tr key={value}>
              <th scope="row">
                {value}
                {value === min && minLabel ? ` (${minLabel})` : value === max && maxLabel ? ` (${maxLabel})` : ''}
              </th>
              <td>{countOf(value)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
