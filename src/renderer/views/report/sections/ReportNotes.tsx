/** Notes the facilitator kept on slides without a page of their own (a scenario voted on prints its notes on its page). */
import type { Session, Slide } from '../../../../shared/model';
import { ownValue } from '../../../../shared/records';
import { shorten } from '../reportData';
import shared from './reportShared.module.css';
import styles from './ReportScenario.module.css';

/** "Slide 4: Title", as the report names a slide. */
export function slideLabel(slide: Slide, index: number): string {
  const head = `Slide ${index + 1}`;
  switch (slide.kind) {
    case 'quote':
      return `${head}: “${shorten(slide.quote, 80)}”`;
    case 'discussion':
      return `${head}: ${shorten(slide.prompt, 80)}`;
    case 'scenario':
    case 'results':
      return slide.title ? `${head}: ${slide.title}` : head;
    default:
      return `${head}: ${slide.title}`;
  }
}

export function ReportNotes({ session, printed }: { session: Session; printed: ReadonlySet<string> }) {
  const notes = session.slides.flatMap((slide, index) => {
    const text = printed.has(slide.id) ? '' : (ownValue(session.notes, slide.id)?.trim() ?? '');
    return text ? [{ slide, index, text }] : [];
  });
  if (notes.length === 0) return null;
  return (
    <section className={shared.section} aria-labelledby="report-notes">
      <h2 id="report-notes">Other notes</h2>
      {notes.map(({ slide, index, text }) => (
        <div key={slide.id} className={styles.notes}>
          <h4>{slideLabel(slide, index)}</h4>
          <p>{text}</p>
        </div>
      ))}
    </section>
  );
}
