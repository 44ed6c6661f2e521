/** A rating's points in a row, its end labels beneath the ends: how the room sees the scale before it answers. */
import type { ScaleQuestion } from '../../../shared/model';
import { scaleValues } from '../../../shared/slideRules';
import styles from './ScalePoints.module.css';

export function ScalePoints({ question }: { question: Pick<ScaleQuestion, 'min' | 'max' | 'minLabel' | 'maxLabel'> }) {
  const values = scaleValues(question);
  return (
    <div className={styles.scale}>
      <ol className={styles.points} aria-label={`A scale from ${question.min} to ${question.max}`}>
        {values.map((value) => (
          <li key={value} className={styles.point}>
            {value}
          </li>
        ))}
      </ol>
      {(question.minLabel || question.maxLabel) && (
        <p className={styles.labels}>
          <span>{question.minLabel && `${question.min} = ${question.minLabel}`}</span>
          <span>{question.maxLabel && `${question.max} = ${question.maxLabel}`}</span>
        </p>
      )}
    </div>
  );
}
