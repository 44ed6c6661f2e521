/**
 * After the session, the scenarios that were voted on but never revealed: how many
 * answered each, and a button to reveal it. Ending a session reveals nothing by
 * itself, so what the room never saw stays out of the results until asked for.
 */
import { useState } from 'react';
import type { Session } from '../../../shared/model';
import type { QuestionFigures } from '../../../shared/summary';
import { useApi } from '../../app/ApiContext';
import { Button } from '../../components/Button';
import styles from './UnrevealedScenarios.module.css';

export function UnrevealedScenarios({ session, questions }: { session: Session; questions: readonly QuestionFigures[] }) {
  const api = useApi();
  const [problem, setProblem] = useState<string | null>(null);
  const waiting = questions.filter((figures) => figures.votes > 0 && !figures.revealed);
  if (session.status !== 'ended' || waiting.length === 0) return null;
  const reveal = (questionId: string) => {
    setProblem(null);
    api.call('voting.reveal', { sessionId: session.id, questionId }).catch((error: Error) => setProblem(error.message));
  };
  return (
    <section className={styles.box} aria-labelledby="results-unrevealed">
      <h3 id="results-unrevealed">
        Voted on, never revealed: {waiting.length} scenario{waiting.length === 1 ? '' : 's'}
      </h3>
      <p>Their choices stay out of the results, the report and the exports until you reveal them here.</p>
      <ul className={styles.list}>
        {waiting.map((figures) => (
          <li key={figures.questionId}>
            <span>
              <strong>{figures.heading}</strong> · {figures.votes} vote{figures.votes === 1 ? '' : 's'}
            </span>
            <Button size="small" onClick={() => reveal(figures.questionId)}>
              Reveal<span className="visually-hidden"> {figures.heading}</span>
            </Button>
          </li>
        ))}
      </ul>
      {problem && (
        <p role="alert" className={styles.problem}>
          {problem}
        </p>
      )}
    </section>
  );
}
