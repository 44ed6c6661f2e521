/**
 * An open question's revealed answers as a word cloud: each phrase sized by how
 * many gave it, every one of them on screen. The phrases flow in centred lines
 * (cloudLayout.ts), and the cloud's type shrinks until they all fit its box: a
 * binary search over the scale, measured in the browser, like the slide's own
 * fit-to-frame. Its type is in units of its own box, so it is fitted again
 * whenever the box changes (the slide's fit, the window, the projector's text
 * size). A visually hidden table says the same for screen readers.
 */
import { useLayoutEffect, useMemo, useRef } from 'react';
import type { WordCount } from '../../../shared/summary';
import { cloudWords } from './cloudLayout';
import styles from './WordCloud.module.css';

interface WordCloudProps {
  words: readonly WordCount[];
  /** Names the cloud and its table, e.g. the question's prompt. */
  label: string;
  className?: string;
}

/** The smallest the cloud's type shrinks to; a cloud of hundreds of phrases still fits at it. */
const MIN_FIT = 0.08;
/** The most the cloud's type grows: a cloud of three words fills its box, up to here. */
const MAX_FIT = 2;

/** Fits the list inside its box: the largest scale at which nothing overflows. */
function useFitCloud(words: unknown) {
  const ref = useRef<HTMLUListElement>(null);
  useLayoutEffect(() => {
    const list = ref.current;
    if (!list) return;
    const fit = () => {
      const overflows = (scale: number) => {
        list.style.setProperty('--cloud-fit', String(scale));
        // Strict: with the lines centred, even a pixel too many would lift the top line out of the box.
        return list.scrollHeight > list.clientHeight || list.scrollWidth > list.clientWidth;
      };
      if (list.clientHeight === 0) return;
      let low = MIN_FIT;
      let high = MAX_FIT;
      // For tests and the report's print: the cloud has been fitted to its box.
      list.dataset.fitted = 'true';
      if (!overflows(high)) return;
      for (let step = 0; step < 10; step++) {
        const middle = (low + high) / 2;
        if (overflows(middle)) high = middle;
        else low = middle;
      }
      list.style.setProperty('--cloud-fit', String(Math.floor(low * 1000) / 1000));
    };
    fit();
    // The box changes with the slide's own fit, the window and the text size. Fitted
    // at once, before the frame is painted: the list's own size comes from its box,
    // not from its words, so refitting never resizes what is observed (no loop).
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(() => fit());
    observer?.observe(list);
    return () => observer?.disconnect();
  }, [words]);
  return ref;
}

export function WordCloud({ words, label, className }: WordCloudProps) {
  const laidOut = useMemo(() => cloudWords(words), [words]);
  const ref = useFitCloud(laidOut);
  return (
    <div className={`${styles.cloud} ${className ?? ''}`}>
      <ul ref={ref} className={styles.words} aria-hidden="true" data-testid="word-cloud">
        {laidOut.map((word) => (
          <li key={word.text} className={styles.word} data-tone={word.rank % 4} data-count={word.count} style={{ fontSize: `${word.weight}em` }}>
            {word.text}
          </li>
        ))}
      </ul>
      <table className="visually-hidden">
        <caption>{label}: answers and how many gave each</caption>
        <thead>
          <tr>
            <th scope="col">Answer</th>
            <th scope="col">Count</th>
          </tr>
        </thead>
        <tbody>
          {words.map((word) => (
            <tr key={word.text}>
              <td>{word.text}</td>
              <td>{word.count}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
