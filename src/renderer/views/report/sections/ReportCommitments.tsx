/**
 * What the room said it will do: each commitments slide's commitments listed
 * under the contrast they are about, with no name; a split by group in numbers
 * only, after the privacy floor (src/shared/commitments.ts).
 */
import type { CommitmentFigures } from '../../../../shared/commitments';
import shared from './reportShared.module.css';
import styles from './ReportCommitments.module.css';

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function CommitmentsBlock({ figures }: { figures: CommitmentFigures }) {
  const themes = figures.themes.filter((theme) => theme.count > 0);
  return (
    <div className={styles.block}>
      <p className={shared.lead}>
        {count(figures.count, 'commitment', 'commitments')} from {count(figures.writers, 'person or group', 'people and groups')}, on {count(themes.length, 'contrast', 'contrasts')}
        {figures.hiddenCount > 0 ? `; ${figures.hiddenCount} hidden by the facilitator` : ''}. {figures.prompt}
      </p>
      {!figures.shown && figures.count > 0 && <p className={shared.muted}>Not revealed in the session, so only the numbers are shown.</p>}
      {themes.map((theme) => (
        <section key={theme.dimensionId} className={styles.theme} aria-label={theme.name}>
          <h3>
            {theme.name} <span className={styles.count}>({theme.count})</span>
          </h3>
          {theme.texts && (
            <ul>
              {theme.texts.map((text, index) => (
                <li key={index}>{text}</li>
              ))}
            </ul>
          )}
        </section>
      ))}
      {figures.byGroup.length > 0 && (
        <table className={`${shared.table} ${shared.compact}`}>
          <caption>Commitments by group (groups below the privacy floor are merged)</caption>
          <thead>
            <tr>
              <th scope="col">Contrast</th>
              {figures.byGroup.map((line) => (
                <th key={line.key} scope="col" className={shared.num}>
                  {line.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {figures.themes.map((theme, index) =>
              theme.count > 0 ? (
                <tr key={theme.dimensionId}>
                  <th scope="row">{theme.name}</th>
                  {figures.byGroup.map((line) => (
                    <td key={line.key} className={shared.num}>
                      {line.counts[index] ?? 0}
                    </td>
                  ))}
                </tr>
              ) : null,
            )}
          </tbody>
        </table>
      )}
    </div>
  );
}

export function ReportCommitments({ commitments }: { commitments: readonly CommitmentFigures[] }) {
  const written = commitments.filter((figures) => figures.count > 0);
  if (written.length === 0) return null;
  return (
    <section className={`${shared.section} ${shared.newPage}`} aria-labelledby="report-commitments">
      <h2 id="report-commitments">What the room will do</h2>
      {written.map((figures) => (
        <CommitmentsBlock key={figures.questionId} figures={figures} />
      ))}
    </section>
  );
}
