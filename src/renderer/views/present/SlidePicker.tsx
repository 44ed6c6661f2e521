/**
 * Jump to any slide: thumbnails of every slide, filtered as you type (by number,
 * title, prompt or section), moved through with ↑ ↓, Enter to go, Esc to stay.
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { Slide } from '../../../shared/model';
import { Dialog } from '../../components/Dialog';
import { Button } from '../../components/Button';
import { SlideView } from '../../components/slide/SlideView';
import styles from './SlidePicker.module.css';

/** The words a slide is found by. */
export function slideText(slide: Slide): string {
  switch (slide.kind) {
    case 'title':
      return `${slide.title} ${slide.subtitle}`;
    case 'bullets':
      return `${slide.title} ${slide.bullets.join(' ')}`;
    case 'comparison':
      return `${slide.title} ${slide.left.heading} ${slide.right.heading}`;
    case 'quote':
      return `${slide.quote} ${slide.attribution}`;
    case 'scenario':
    case 'open':
    case 'rating':
    case 'commitments':
      return `${slide.title} ${slide.question.prompt}`;
    case 'discussion':
      return slide.prompt;
    case 'results':
      return slide.title || 'Results';
    case 'selfCheck':
      return `${slide.title} ${slide.question.prompt} ${slide.question.statements.map((s) => s.statement).join(' ')}`;
  }
}

/** The slides that match `query` (their index in the session), in order. */
export function filterSlides(slides: readonly Slide[], query: string): number[] {
  const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
  return slides.flatMap((slide, index) => {
    const text = `${index + 1} ${slide.kind} ${slide.section} ${slideText(slide)}`.toLowerCase();
    return words.every((word) => (/^\d+$/.test(word) ? String(index + 1) === word || text.includes(` ${word}`) : text.includes(word))) ? [index] : [];
  });
}

interface SlidePickerProps {
  open: boolean;
  slides: readonly Slide[];
  current: number;
  onPick: (index: number) => void;
  onClose: () => void;
}

export function SlidePicker({ open, slides, current, onPick, onClose }: SlidePickerProps) {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(current);
  const listId = useId();
  const input = useRef<HTMLInputElement>(null);
  const matches = useMemo(() => filterSlides(slides, query), [slides, query]);

  useEffect(() => {
    if (!open) return;
    setQuery('');
    setActive(current);
    // The dialog opens, then the field takes the keys.
    requestAnimationFrame(() => input.current?.focus());
  }, [open, current]);
  useEffect(() => {
    if (!matches.includes(active) && matches[0] !== undefined) setActive(matches[0]);
  }, [matches, active]);
  useEffect(() => {
    document.getElementById(`${listId}-${active}`)?.scrollIntoView({ block: 'nearest' });
  }, [active, listId, open]);

  const pick = (index: number) => {
    onPick(index);
    onClose();
  };
  const onKeyDown = (event: React.KeyboardEvent) => {
    const at = matches.indexOf(active);
    const step = (by: number) => {
      const next = matches[Math.max(0, Math.min(matches.length - 1, (at < 0 ? 0 : at) + by))];
      if (next !== undefined) setActive(next);
      event.preventDefault();
    };
    if (event.key === 'ArrowDown') step(1);
    else if (event.key === 'ArrowUp') step(-1);
    else if (event.key === 'PageDown') step(4);
    else if (event.key === 'PageUp') step(-4);
    else if (event.key === 'Enter' && matches.includes(active)) {
      event.preventDefault();
      pick(active);
    }
  };

  return (
    <Dialog title="Go to a slide" className={styles.dialog} open={open} onClose={onClose} actions={<Button onClick={onClose}>Cancel</Button>}>
      <div className={styles.picker} onKeyDown={onKeyDown}>
        <input
          ref={input}
          className={styles.filter}
          type="search"
          role="combobox"
          aria-label="Find a slide"
          aria-controls={listId}
          aria-expanded="true"
          aria-activedescendant={matches.includes(active) ? `${listId}-${active}` : undefined}
          placeholder="Type a number or words from the slide…"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <ul className={styles.list} id={listId} role="listbox" aria-label="Slides">
          {open &&
            matches.map((index) => {
              const slide = slides[index]!;
              return (
                <li
                  key={slide.id}
                  id={`${listId}-${index}`}
                  role="option"
                  aria-selected={index === active}
                  className={`${styles.item} ${index === active ? styles.active : ''} ${index === current ? styles.current : ''}`}
                  onClick={() => pick(index)}
                  onMouseMove={() => setActive(index)}
                >
                  <span className={styles.thumb} aria-hidden="true">
                    <SlideView slide={slide} label={`Slide ${index + 1}`} />
                  </span>
                  <span className={styles.caption}>
                    <strong>{index + 1}.</strong> {slideText(slide)}
                    <span className={styles.section}>
                      {slide.section}
                      {index === current ? ' · showing now' : ''}
                    </span>
                  </span>
                </li>
              );
            })}
          {matches.length === 0 && <li className={styles.none}>No slide matches “{query}”.</li>}
        </ul>
      </div>
    </Dialog>
  );
}
