/** The pictures the slides showed, those without a scenario page of their own (a scenario voted on prints its picture there), each with its alt text as the caption. */
import type { Session } from '../../../../shared/model';
import { SlidePicture } from '../../../components/slide/SlidePicture';
import { slideLabel } from './ReportNotes';
import shared from './reportShared.module.css';
import styles from './ReportPictures.module.css';

export function ReportPictures({ session, printed }: { session: Session; printed: ReadonlySet<string> }) {
  const pictured = session.slides.flatMap((slide, index) => (slide.picture && !printed.has(slide.id) ? [{ slide, index, picture: slide.picture }] : []));
  if (pictured.length === 0) return null;
  return (
    <section className={shared.section} aria-labelledby="report-pictures">
      <h2 id="report-pictures">Pictures shown</h2>
      <div className={styles.grid}>
        {pictured.map(({ slide, index, picture }) => (
          <figure key={slide.id} className={styles.item}>
            <SlidePicture picture={picture} className={styles.picture} />
            <figcaption className={styles.caption}>
              <strong>{slideLabel(slide, index)}</strong>
              <span>{picture.alt}</span>
            </figcaption>
          </figure>
        ))}
      </div>
    </section>
  );
}

/** A scenario's picture on its own page, beside its prompt. */
export function ReportScenarioPicture({ picture }: { picture: NonNullable<Session['slides'][number]['picture']> }) {
  return (
    <figure className={styles.scenarioPicture}>
      <SlidePicture picture={picture} className={styles.picture} />
      <figcaption className={styles.caption}>{picture.alt}</figcaption>
    </figure>
  );
}
