/**
 * The scenarios without a page of their own, in one compact table each: those
 * nobody voted on, and those voted on but never revealed (their counts only:
 * what was chosen stays in the core).
 */
import type { QuestionFigures } from '../../../../shared/summary';
import { shorten } from '../reportData';
import shared from './reportShared.module.css';
import styles from './ReportOtherScenarios.module.css';

export function ReportOtherScenarios({ questions }: { questions: readonly QuestionFigures[] }) {
  const notVoted = questions.filter((figures) => figures.votes === 0);
  const notRevealed = questions.filter((figures) => figures.votes > 0 && !figures.shown);
  if (notVoted.length === 0 && notRevealed.length === 0) return null;
  return (
    <section className={`${shared.section} ${shared.newPage}`} aria-labelledby="report-other-scenarios">
      <h2 id="report-other-scenarios">Other scenarios</h2>
      {notRevealed.length > 0 && (
        <ScenarioTable
          caption={`Voted on, not revealed: ${notRevealed.length} scenario${notRevealed.length === 1 ? '' : 's'}`}
          note="What was chosen is left out of this report because it was never shown to the room."
          rows={notRevealed}
          withVotes
        />
      )}
      {notVoted.length > 0 && <ScenarioTable caption={`Not voted on: ${notVoted.length} scenario${notVoted.length === 1 ? '' : 's'}`} rows={notVoted} />}
    </section>
  );
}

function ScenarioTable({ caption, note, rows, withVotes = false }: { caption: string; note?: string; rows: readonly QuestionFigures[]; withVotes?: boolean }) {
  return (
    <>
      <table className={`${shared.table} ${shared.compact} ${styles.list}`}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className={shared.num}>
              #
            </th>
            <th scope="col">Scenario</th>
            <th scope="col">Dimension</th>
            <th scope="col">Situation</th>
            {withVotes && (
              <th scope="col" className={shared.num}>
                Votes
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {rows.map((figures) => (
            <tr key={figures.questionId}>
              <td className={shared.num}>{figures.number}</td>
              <th scope="row">{figures.heading}</th>
              <td>{figures.dimensionName}</td>
              <td className={styles.prompt}>{shorten(figures.prompt, 110)}</td>
              {withVotes && <td className={shared.num}>{figures.votes}</td>}
            </tr>
          ))}
        </tbody>
      </table>
      {note && <p className={shared.muted}>{note}</p>}
    </>
  );
}
