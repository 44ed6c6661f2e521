/**
 * One slide, drawn the same in the editor's preview, the presenter's screen and on
 * the projector. The option letters (A, B, C) are what groups press to vote.
 */
import { useLayoutEffect, useRef, type ReactNode } from 'react';
import styles from './SlideView.module.css';
import { SlidePicture } from './SlidePicture';
import { optionLetter } from '../../../shared/optionLetter';
import type { Slide } from '../../../shared/model';
import { OPEN_ANSWERS_PER_VOTER } from '../../../shared/slideRules';
import { ScalePoints } from './ScalePoints';


interface SlideViewProps {
  slide: Slide;
  /** Shown under the slide, e.g. "7 / 25"; omitted in small previews. */
  footer?: ReactNode;
  /** Replaces the default body of a scenario (voting panel, results) or a results slide (the room's profile). */
  body?: ReactNode;
  className?: string;
  label?: string;
}

/**
 * The smallest the type shrinks to before a slide is allowed to overflow: six
 * answers of 300 characters at the largest audience text size still fit at 0.2.
 */
const MIN_FIT = 0.15;

/**
 * Shrinks the slide's type until its content fits the 16:9 frame: a long scenario
 * with six answers must not lose its last answer off the bottom of the projector.
 * A binary search over the scale, so a tall slide settles in a few layouts.
 */
function useFitToFrame(deps: readonly unknown[]) {
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const inner = ref.current;
    if (!inner) return;
    const fit = () => {
      // A child's own overflow counts too: a flex child can shrink while its content spills out.
      // Content must stay inside the padding: what runs into it reaches the screen's edge.
      const padding = parseFloat(getComputedStyle(inner).paddingBottom) || 0;
      const overflows = (scale: number) => {
        inner.style.setProperty('--fit', String(scale));
        const bottom = inner.clientHeight - padding;
        return (
          inner.scrollHeight > inner.clientHeight + 1 ||
          inner.scrollWidth > inner.clientWidth + 1 ||
          Array.from(inner.children).some((child) => {
            const element = child as HTMLElement;
            return element.offsetTop + Math.max(element.scrollHeight, element.offsetHeight) > bottom + 0.5;
          })
        );
      };
      if (!overflows(1)) return;
      let low = MIN_FIT;
      let high = 1;
      for (let step = 0; step < 8; step++) {
        const middle = (low + high) / 2;
        if (overflows(middle)) high = middle;
        else low = middle;
      }
      inner.style.setProperty('--fit', String(Math.floor(low * 1000) / 1000));
    };
    fit();
    // The frame can change size, and so can what is inside it (a chart that loads later).
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(() => requestAnimationFrame(fit));
    observer?.observe(inner);
    for (const child of Array.from(inner.children)) observer?.observe(child);
    return () => observer?.disconnect();
    // The deps are the slide and what is drawn inside it.
  }, deps);
  return ref;
}

export function SlideView({ slide, footer, body, className, label }: SlideViewProps) {
  const innerRef = useFitToFrame([slide, body]);
  const centered = slide.kind === 'title' || slide.kind === 'quote';
  return (
    <section className={`${styles.frame} ${className ?? ''}`} aria-label={label ?? 'Slide'} data-slide-kind={slide.kind}>
      <div ref={innerRef} className={`${styles.inner} ${centered && !slide.picture ? styles.center : ''}`}>
        {slide.picture ? (
          // The text keeps the left, the picture the right; the type shrinks to fit beside it, the picture to its column.
          <div className={styles.pictureLayout}>
            <div className={`${styles.pictureText} ${centered ? styles.center : ''}`}>
              <SlideBody slide={slide} body={body} />
            </div>
            <SlidePicture picture={slide.picture} />
          </div>
        ) : (
          <SlideBody slide={slide} body={body} />
        )}
        {footer && <div className={styles.footer}>{footer}</div>}
      </div>
    </section>
  );
}

function SlideBody({ slide, body }: { slide: Slide; body?: ReactNode }) {
  switch (slide.kind) {
    case 'title':
      return (
        <>
          <h1 className={styles.bigTitle}>{slide.title}</h1>
          {slide.subtitle && <p className={styles.subtitle}>{slide.subtitle}</p>}
        </>
      );
    case 'bullets':
      return (
        <>
          <h1 className={styles.title}>{slide.title}</h1>
          <ul className={styles.bullets}>
            {slide.bullets.map((bullet, index) => (
              <li key={index}>{bullet}</li>
            ))}
          </ul>
        </>
      );
    case 'comparison': {
      const rows = Math.max(slide.left.items.length, slide.right.items.length);
      return (
        <>
          <h1 className={styles.title}>{slide.title}</h1>
          <div className={styles.columns} role="table" aria-label={slide.title}>
            <div role="row" style={{ display: 'contents' }}>
              <div role="columnheader" className={`${styles.columnHead} ${styles.leaderHead}`}>
                {slide.left.heading}
              </div>
              <div role="columnheader" className={`${styles.columnHead} ${styles.managerHead}`}>
                {slide.right.heading}
              </div>
            </div>
            {Array.from({ length: rows }, (_, index) => (
              <div role="row" key={index} style={{ display: 'contents' }}>
                <div role="cell" className={styles.cell}>
                  {slide.left.items[index] ?? ''}
                </div>
                <div role="cell" className={styles.cell}>
                  {slide.right.items[index] ?? ''}
                </div>
              </div>
            ))}
          </div>
        </>
      );
    }
    case 'quote':
      return (
        <>
          <blockquote className={styles.quote}>{slide.quote}</blockquote>
          {slide.attribution && <p className={styles.attribution}>— {slide.attribution}</p>}
        </>
      );
    case 'scenario':
      return (
        <>
          <p className={styles.kicker}>{slide.title || (slide.question.kind === 'classify' ? 'Leader or Manager?' : 'What would you do?')}</p>
          <h1 className={styles.prompt}>{slide.question.prompt}</h1>
          {body ?? (
            <ol className={styles.options}>
              {slide.question.options.map((option, index) => (
                <li key={option.id} className={styles.option}>
                  <span className={styles.letter} aria-hidden="true">
                    {optionLetter(index)}
                  </span>
                  <span>{option.label}</span>
                </li>
              ))}
            </ol>
          )}
        </>
      );
    case 'open':
      return (
        <>
          <p className={styles.kicker}>{slide.title || 'Open question'}</p>
          <h1 className={styles.prompt}>{slide.question.prompt}</h1>
          {body ?? <p className={styles.placeholder}>Up to {OPEN_ANSWERS_PER_VOTER} short answers each; they appear here as a word cloud once revealed.</p>}
        </>
      );
    case 'rating':
      return (
        <>
          <p className={styles.kicker}>{slide.title || 'Rate it'}</p>
          <h1 className={styles.prompt}>{slide.question.prompt}</h1>
          {body ?? <ScalePoints question={slide.question} />}
        </>
      );
    case 'discussion':
      return (
        <>
          <p className={styles.kicker}>Discuss</p>
          <h1 className={styles.prompt}>{slide.prompt}</h1>
          {body}
        </>
      );
    case 'commitments':
      return (
        <>
          <p className={styles.kicker}>{slide.title || 'Commitments'}</p>
          <h1 className={styles.prompt}>{slide.question.prompt}</h1>
          {body}
        </>
      );
    case 'selfCheck':
      return (
        <>
          <p className={styles.kicker}>{slide.question.phase === 'after' ? 'Self-check · after' : 'Self-check · before'}</p>
          <h1 className={styles.title}>{slide.title || slide.question.prompt}</h1>
          {body ?? (
            <p className={styles.subtitle}>
              {slide.question.statements.length} statements, each rated from {slide.question.min} ({slide.question.minLabel || 'low'}) to {slide.question.max} ({slide.question.maxLabel || 'high'})
              {slide.question.phase === 'after' ? ', now and looking back' : ''}
            </p>
          )}
        </>
      );
    case 'results':
      return (
        <>
          <p className={styles.kicker}>Results</p>
          <h1 className={styles.title}>{slide.title || 'Our room so far'}</h1>
          {body}
        </>
      );
  }
}
