/**
 * "What the discussion moved": the scenarios voted on again, ranked by how far the
 * room's leader share moved between the first and the last round (either way),
 * from the core's summary (its privacy floor applied: a round with fewer answers
 * than the floor shows no shift). The results view and the report both show it; a
 * real table, so a screen reader reads every figure, with a small before-and-after
 * line drawn beside each shift.
 */
import { formatShare } from '../../../shared/profile';
import { groupMovementText, rankByMovement, roomMovementText } from '../../../shared/rounds';
import type { QuestionFigures } from '../../../shared/summary';
import styles from './MovedRanking.module.css';

interface MovedRankingProps {
  questions: readonly QuestionFigures[];
  /** Table classes of the page it sits in (the report's compact print tables). */
  tableClassName?: string;
  caption?: string;
}

/** The questions voted on again, ranked, and those whose shift is not shown (with why). */
export function movedScenarios(questions: readonly QuestionFigures[]) {
  const again = questions.filter((figures) => (figures.rounds?.length ?? 0) > 1);
  const ranked = rankByMovement(again.map((figures) => ({ figures, movement: figures.movement ?? null })));
  const rankedIds = new Set(ranked.map((item) => item.figures.questionId));
  const unranked = again.filter((figures) => !rankedIds.has(figures.questionId));
  return { again, ranked, unranked };
}

const signed = (points: number) => `${points > 0 ? '+' : points < 0 ? '−' : '±'}${Math.abs(points)}`;

export function MovedRanking({ questions, tableClassName, caption = 'Scenarios voted on again, by how far the room moved' }: MovedRankingProps) {
  const { again, ranked, unranked } = movedScenarios(questions);
  if (again.length === 0) return null;
  return (
    <div className={styles.wrap}>
      {ranked.length > 0 && (
        <table className={`${styles.table} ${tableClassName ?? ''}`} data-testid="moved-ranking">
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">Scenario</th>
              <th scope="col">Leader share, round 1</th>
              <th scope="col">Last round</th>
              <th scope="col">Shift (points)</th>
              <th scope="col">Groups</th>
            </tr>
          </thead>
          <tbody>
            {ranked.map(({ figures, movement }, index) => {
              const m = movement!;
              const from = (m.firstLeaderShare ?? 0) * 100;
              const to = (m.lastLeaderShare ?? 0) * 100;
              return (
                <tr key={figures.questionId} data-question-id={figures.questionId}>
                  <td>{index + 1}</td>
                  <th scope="row">{figures.heading}</th>
                  <td>{formatShare(m.firstLeaderShare)}</td>
                  <td>
                    {formatShare(m.lastLeaderShare)} <span className={styles.muted}>(round {m.toRound})</span>
                  </td>
                  <td>
                    <span className={styles.shift} data-direction={m.direction}>
                      {signed(m.shiftPoints!)}
                    </span>
                    <span className="visually-hidden"> {roomMovementText(m)}</span>
                    <span className={styles.track} aria-hidden="true">
                      <span className={styles.span} data-direction={m.direction} style={{ left: `${Math.min(from, to)}%`, width: `${Math.abs(to - from)}%` }} />
                      <span className={styles.from} style={{ left: `${from}%` }} />
                      <span className={styles.to} data-direction={m.direction} style={{ left: `${to}%` }} />
                    </span>
                  </td>
                  <td>{groupMovementText(m) || '–'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {unranked.length > 0 && (
        <ul className={styles.unranked} aria-label="Voted on again, not compared">
          {unranked.map((figures) => (
            <li key={figures.questionId}>
              <strong>{figures.heading}</strong>: {figures.movement ? roomMovementText(figures.movement) : 'the last round is not revealed yet.'}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
