/**
 * The slide list: select, add, duplicate, remove and reorder, by mouse (drag and
 * drop) and by keyboard (arrows select, Alt+arrows move, Delete removes).
 */
import { useEffect, useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import type { Slide, SlideKind } from '../../../shared/model';
import { AddSlideMenu } from './AddSlideMenu';
import { Icon } from './Icon';
import { dropIndex, kindLabel, slideSummary } from './slideOps';
import { problemCount } from './validation';
import styles from './SlideList.module.css';

interface SlideListProps {
  slides: readonly Slide[];
  selectedId: string | null;
  problemsBySlide: ReadonlyMap<string, number>;
  readOnly: boolean;
  onSelect: (id: string) => void;
  onAdd: (kind: SlideKind) => void;
  onDuplicate: (id: string) => void;
  onRemove: (id: string) => void;
  onMove: (id: string, to: number) => void;
  /** Enter on a row: go to its form. */
  onOpen: (id: string) => void;
  /** Asks for the row to take focus (after a move or a removal by keyboard). */
  focusRequest: { id: string; nonce: number } | null;
}


export function SlideList(props: SlideListProps) {
  const { slides, selectedId, problemsBySlide, readOnly, onSelect, onAdd, onDuplicate, onRemove, onMove, onOpen, focusRequest } = props;
  const rowRefs = useRef(new Map<string, HTMLLIElement>());
  const [drag, setDrag] = useState<{ id: string; over: number; after: boolean } | null>(null);
  const [localFocus, setLocalFocus] = useState<{ id: string; nonce: number } | null>(null);
  const index = slides.findIndex((slide) => slide.id === selectedId);
  const selected = index >= 0 ? slides[index] : undefined;
  const totalMinutes = slides.reduce((sum, slide) => sum + (Number.isFinite(slide.minutes) ? slide.minutes : 0), 0);

  // WARNING: React moves a reordered row by re-inserting its node, which drops
  // focus; put it back explicitly after every move.
  // Each request is served once, so typing in the form never pulls focus back here.
  const servedRef = useRef(new Set<number>());
  useEffect(() => {
    for (const request of [localFocus, focusRequest]) {
      if (request && !servedRef.current.has(request.nonce)) {
        servedRef.current.add(request.nonce);
        rowRefs.current.get(request.id)?.focus();
      }
    }
  }, [localFocus, focusRequest]);

  // Keep the selected row in sight, e.g. after jumping to a problem on slide 20.
  useEffect(() => {
    if (selectedId) rowRefs.current.get(selectedId)?.scrollIntoView?.({ block: 'nearest' });
  }, [selectedId]);

  const focusRow = (id: string) => setLocalFocus({ id, nonce: Date.now() + Math.random() });

  const selectAndFocus = (at: number) => {
    const slide = slides[Math.max(0, Math.min(slides.length - 1, at))];
    if (!slide) return;
    onSelect(slide.id);
    focusRow(slide.id);
  };

  const onRowKey = (event: KeyboardEvent<HTMLLIElement>, slide: Slide, at: number) => {
    const move = (to: number) => {
      event.preventDefault();
      if (readOnly || to < 0 || to >= slides.length) return;
      onMove(slide.id, to);
      focusRow(slide.id);
    };
    if (event.altKey && event.key === 'ArrowUp') return move(at - 1);
    if (event.altKey && event.key === 'ArrowDown') return move(at + 1);
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    switch (event.key) {
      case 'ArrowUp':
        event.preventDefault();
        return selectAndFocus(at - 1);
      case 'ArrowDown':
        event.preventDefault();
        return selectAndFocus(at + 1);
      case 'Home':
        event.preventDefault();
        return selectAndFocus(0);
      case 'End':
        event.preventDefault();
        return selectAndFocus(slides.length - 1);
      case 'Enter':
        event.preventDefault();
        return onOpen(slide.id);
      case ' ':
        event.preventDefault();
        return onSelect(slide.id);
      case 'Delete':
        if (readOnly) return;
        event.preventDefault();
        onRemove(slide.id);
        {
          const neighbour = slides[at + 1] ?? slides[at - 1];
          if (neighbour) focusRow(neighbour.id);
        }
        return;
    }
  };

  const onDragOver = (event: DragEvent<HTMLLIElement>, at: number) => {
    if (!drag) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'move';
    const rect = event.currentTarget.getBoundingClientRect();
    const after = event.clientY > rect.top + rect.height / 2;
    if (drag.over !== at || drag.after !== after) setDrag({ ...drag, over: at, after });
  };

  const onDrop = (event: DragEvent<HTMLLIElement>) => {
    if (!drag) return;
    event.preventDefault();
    const from = slides.findIndex((slide) => slide.id === drag.id);
    if (from >= 0 && drag.over >= 0) {
      const to = dropIndex(from, drag.over, drag.after);
      if (to !== from) onMove(drag.id, to);
    }
    setDrag(null);
  };

  const dropClass = (at: number) => {
    if (!drag || drag.over !== at) return '';
    const from = slides.findIndex((slide) => slide.id === drag.id);
    if (dropIndex(from, at, drag.after) === from) return '';
    return drag.after ? styles.dropAfter : styles.dropBefore;
  };

  return (
    <div className={styles.panel}>
      {!readOnly && (
        <div className={styles.tools}>
          <AddSlideMenu onAdd={onAdd} />
          <div className={styles.rowActions} role="group" aria-label="Selected slide">
            <button
              type="button"
              className={styles.tool}
              aria-label="Move slide up"
              title="Move slide up (Alt+↑)"
              disabled={!selected || index === 0}
              onClick={() => selected && onMove(selected.id, index - 1)}
            >
              <Icon name="up" />
            </button>
            <button
              type="button"
              className={styles.tool}
              aria-label="Move slide down"
              title="Move slide down (Alt+↓)"
              disabled={!selected || index === slides.length - 1}
              onClick={() => selected && onMove(selected.id, index + 1)}
            >
              <Icon name="down" />
            </button>
            <button
              type="button"
              className={styles.tool}
              aria-label="Duplicate slide"
              title="Duplicate slide"
              disabled={!selected}
              onClick={() => selected && onDuplicate(selected.id)}
            >
              <Icon name="copy" />
            </button>
            <button
              type="button"
              className={`${styles.tool} ${styles.danger}`}
              aria-label="Remove slide"
              title="Remove slide (Delete)"
              disabled={!selected}
              onClick={() => selected && onRemove(selected.id)}
            >
              <Icon name="trash" />
            </button>
          </div>
        </div>
      )}
      <ol
        className={styles.list}
        role="listbox"
        aria-label="Slides"
        aria-describedby="editor-slide-list-help"
        onDragLeave={(event) => {
          if (drag && !event.currentTarget.contains(event.relatedTarget as Node | null)) setDrag({ ...drag, over: -1 });
        }}
      >
        {slides.map((slide, at) => {
          const problems = problemsBySlide.get(slide.id) ?? 0;
          const isSelected = slide.id === selectedId;
          return (
            <li
              key={slide.id}
              ref={(node) => {
                if (node) rowRefs.current.set(slide.id, node);
                else rowRefs.current.delete(slide.id);
              }}
              role="option"
              aria-selected={isSelected}
              tabIndex={isSelected || (index < 0 && at === 0) ? 0 : -1}
              className={[
                styles.row,
                isSelected ? styles.selected : '',
                drag?.id === slide.id ? styles.dragging : '',
                dropClass(at),
              ].join(' ')}
              draggable={!readOnly}
              onClick={() => onSelect(slide.id)}
              onKeyDown={(event) => onRowKey(event, slide, at)}
              onDragStart={(event) => {
                event.dataTransfer.effectAllowed = 'move';
                event.dataTransfer.setData('text/plain', slide.id);
                setDrag({ id: slide.id, over: -1, after: false });
              }}
              onDragOver={(event) => onDragOver(event, at)}
              onDrop={onDrop}
              onDragEnd={() => setDrag(null)}
            >
              {/* The visible text is the row's accessible name: "Slide 4: Scenario, A lead hands…". */}
              <span className={styles.number}>
                <span className="visually-hidden">Slide </span>
                {at + 1}
                <span className="visually-hidden">: </span>
              </span>
              <span className={styles.text}>
                <span className={`${styles.kind} ${styles[slide.kind]}`}>
                  {kindLabel(slide.kind)}
                  <span className="visually-hidden">, </span>
                </span>
                <span className={styles.summary}>{slideSummary(slide, 70)}</span>
              </span>
              {problems > 0 && (
                <span className={styles.problems} title={problemCount(problems)}>
                  <Icon name="warning" size={16} />
                  {problems}
                  <span className="visually-hidden"> {problems === 1 ? 'problem' : 'problems'}</span>
                </span>
              )}
              {!readOnly && (
                <span className={styles.grip}>
                  <Icon name="grip" size={16} />
                </span>
              )}
            </li>
          );
        })}
      </ol>
      {slides.length === 0 && <p className={styles.empty}>No slides yet. Add one to begin.</p>}
      <p id="editor-slide-list-help" className={styles.help}>
        {slides.length} {slides.length === 1 ? 'slide' : 'slides'} · {formatMinutes(totalMinutes)}
        {!readOnly && <span className="visually-hidden">. Arrow keys select; Alt with an arrow moves the slide; Delete removes it.</span>}
      </p>
    </div>
  );
}

function formatMinutes(minutes: number): string {
  const rounded = Math.round(minutes);
  if (rounded < 60) return `${rounded} min`;
  return `${Math.floor(rounded / 60)} h ${rounded % 60} min`;
}
