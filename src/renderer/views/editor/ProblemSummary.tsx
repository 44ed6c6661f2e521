/** Every problem that stops the workshop from saving, each a link to its field. */
import type { Slide } from '../../../shared/model';
import { Icon } from './Icon';
import { problemCount, problemPlace, type Problem } from './validation';
import styles from './ProblemSummary.module.css';

interface ProblemSummaryProps {
  problems: readonly Problem[];
  slides: readonly Slide[];
  onGo: (problem: Problem) => void;
}

export function ProblemSummary({ problems, slides, onGo }: ProblemSummaryProps) {
  if (problems.length === 0) return null;
  return (
    <section className={styles.box} aria-labelledby="editor-problems-title">
      <h2 id="editor-problems-title" className={styles.title}>
        <Icon name="warning" />
        Not saved: fix {problemCount(problems.length)}
      </h2>
      <ul className={styles.list}>
        {problems.map((problem, index) => (
          <li key={`${problem.path}-${index}`}>
            <button type="button" className={styles.item} onClick={() => onGo(problem)}>
              <span className={styles.place}>{problemPlace(problem, slides)}</span>
              <span className={styles.message}>{problem.message}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
