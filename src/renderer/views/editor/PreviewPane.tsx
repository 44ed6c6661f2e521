/** The selected slide as the room will see it, at projector proportions (16:9). */
import type { Slide } from '../../../shared/model';
import { optionLetter } from '../../../shared/optionLetter';
import { SlideView } from '../../components/slide/SlideView';
import styles from './PreviewPane.module.css';

interface PreviewPaneProps {
  slide: Slide | undefined;
  index: number;
  total: number;
}

const styleNames = { leader: 'Leader', manager: 'Manager', neutral: 'Neutral' } as const;

export function PreviewPane({ slide, index, total }: PreviewPaneProps) {
  return (
    <section className={styles.pane} aria-labelledby="editor-preview-title">
      <h2 id="editor-preview-title" className={styles.title}>
        Preview{slide ? ` · slide ${index + 1} of ${total}` : ''}
      </h2>
      {slide ? (
        <>
          <div className={styles.screen}>
            <SlideView slide={slide} label="Slide preview" />
          </div>
          {slide.kind === 'scenario' && slide.question.options.length > 0 && (
            <div className={styles.key}>
              <h3 className={styles.keyTitle}>Answer key (not shown to the room)</h3>
              <ol className={styles.keyList}>
                {slide.question.options.map((option, i) => (
                  <li key={option.id} className={`${styles.keyItem} ${styles[option.style]}`}>
                    <span className={styles.letter}>{optionLetter(i)}</span>
                    <span className={styles.style}>{styleNames[option.style]}</span>
                  </li>
                ))}
              </ol>
            </div>
          )}
        </>
      ) : (
        <p className={styles.empty}>Select a slide to see it here.</p>
      )}
    </section>
  );
}
