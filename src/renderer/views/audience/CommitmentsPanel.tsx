/**
 * The commitments slide on the projector: while the room writes, how many
 * commitments and from how many; once revealed, the themes (each contrast written
 * about, with its count) and the words under them, never a name. Every figure is
 * the core's summary (reports.get, src/shared/commitments.ts).
 */
import type { Session } from '../../../shared/model';
import { useSessionSummary } from '../../app/useSessionSummary';
import styles from './CommitmentsPanel.module.css';

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function CommitmentsPanel({ session, questionId, preview }: { session: Session; questionId: string; preview: boolean }) {
  const view = session.questions[questionId];
  const summary = useSessionSummary(session.id, session);
  const figures = summary.data?.commitments.find((c) => c.questionId === questionId);
  if (!view) return null;
  const themes = figures?.themes.filter((theme) => theme.count > 0) ?? [];
  const writers = view.progress.phonesVoted + view.voterIds.length;
  return (
    <div className={styles.panel} data-commitments>
      <p className={styles.status} role={preview ? undefined : 'status'}>
        {view.status === 'open' ? 'Writing now · ' : ''}
        {plural(view.voteCount, 'commitment', 'commitments')} from {plural(writers, 'person or group', 'people and groups')}
      </p>
      {view.revealed && figures && (
        <ul className={styles.themes} aria-label="Themes">
          {themes.map((theme) => (
            <li key={theme.dimensionId} className={styles.theme}>
              <h2 className={styles.themeName}>
                {theme.name} <span className={styles.count}>{theme.count}</span>
              </h2>
              {theme.texts && theme.texts.length > 0 && (
                <ul className={styles.texts}>
                  {theme.texts.map((text, index) => (
                    <li key={index}>{text}</li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      )}
      {!view.revealed && view.status !== 'open' && view.voteCount > 0 && <p className={styles.hint}>Reveal to show the themes.</p>}
    </div>
  );
}
