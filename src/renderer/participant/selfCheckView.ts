/**
 * The self-check screen in plain DOM: built once per self-check, then updated in
 * place, so the button a person just tapped keeps the focus and screen readers
 * hear the progress line change. Each statement is a group of big buttons
 * (aria-pressed), the scale's end labels written under its ends.
 */
import type { SelfCheckScreenView } from './selfCheckModel';

export interface SelfCheckHandlers {
  rate(itemId: string, value: number): void;
  retryRating(): void;
}

export interface SelfCheckScreenParts {
  root: HTMLElement;
  heading: HTMLElement;
  update(view: SelfCheckScreenView): void;
}

type Attrs = Record<string, string>;

function make<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, attrs: Attrs = {}, children: (Node | string)[] = []): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  for (const name of Object.keys(attrs)) node.setAttribute(name, attrs[name]!);
  for (const child of children) node.appendChild(typeof child === 'string' ? doc.createTextNode(child) : child);
  return node;
}

function setText(node: Element, text: string): void {
  if (node.textContent !== text) node.textContent = text;
}

function setAttr(node: Element, name: string, value: string | null): void {
  if (value === null) node.removeAttribute(name);
  else if (node.getAttribute(name) !== value) node.setAttribute(name, value);
}

/** A key that changes only when the screen's structure does (another self-check, other statements). */
export function selfCheckStructureKey(view: SelfCheckScreenView): string {
  return view.id + '\u0000' + view.statements.map((s) => s.dimension + '\u0001' + s.prompt + '\u0001' + s.rows.map((r) => r.itemId + ':' + r.points.length).join(',')).join('\u0000');
}

/** Builds the self-check screen for `view`'s structure. */
export function buildSelfCheckScreen(doc: Document, view: SelfCheckScreenView, handlers: SelfCheckHandlers): SelfCheckScreenParts {
  const heading = make(doc, 'h2', { id: 'prompt', class: 'prompt', tabindex: '-1' }, [view.prompt]);
  const intro: HTMLElement[] = [heading];
  if (view.thenPrompt) intro.push(make(doc, 'p', { class: 'self-then-prompt' }, ['For each statement: where you are now, and then: ', make(doc, 'strong', {}, [view.thenPrompt])]));
  const scaleLegend = make(doc, 'p', { class: 'self-legend', 'aria-hidden': 'true' }, [
    make(doc, 'span', {}, [view.statements[0]?.rows[0]?.points[0]?.label + ' = ' + view.minLabel]),
    make(doc, 'span', {}, [(view.statements[0]?.rows[0]?.points.slice(-1)[0]?.label ?? '') + ' = ' + view.maxLabel]),
  ]);
  const progress = make(doc, 'p', { id: 'self-progress', class: 'self-progress', role: 'status' });
  const list = make(doc, 'ol', { class: 'self-list' });
  const buttons = new Map<string, { button: HTMLButtonElement; value: number }[]>();
  const rooms = new Map<string, HTMLElement>();
  view.statements.forEach((statement, index) => {
    const statementId = 'self-s-' + index;
    const rows: HTMLElement[] = [];
    for (const row of statement.rows) {
      const rowLabelId = statementId + (row.then ? '-then' : '-now');
      const group = make(doc, 'div', { class: 'self-points', role: 'group', 'aria-label': row.label });
      const made: { button: HTMLButtonElement; value: number }[] = [];
      row.points.forEach((point, pointIndex) => {
        const end = pointIndex === 0 ? view.minLabel : pointIndex === row.points.length - 1 ? view.maxLabel : '';
        const button = make(doc, 'button', { type: 'button', class: 'self-point', 'data-item-id': row.itemId, 'data-value': String(point.value), 'aria-label': end ? point.label + ', ' + end : point.label }, [point.label]);
        button.addEventListener('click', () => {
          if (button.getAttribute('aria-disabled') !== 'true') handlers.rate(row.itemId, point.value);
        });
        made.push({ button, value: point.value });
        group.appendChild(button);
      });
      buttons.set(row.itemId, made);
      const room = make(doc, 'p', { class: 'self-room' });
      rooms.set(row.itemId, room);
      const rowHead = row.heading ? [make(doc, 'p', { id: rowLabelId, class: 'self-row-head', 'aria-hidden': 'true' }, [row.heading])] : [];
      rows.push(make(doc, 'div', { class: row.then ? 'self-row then' : 'self-row' }, [...rowHead, group, room]));
    }
    list.appendChild(make(doc, 'li', { class: 'self-statement', 'data-dimension': statement.dimension }, [make(doc, 'p', { id: statementId, class: 'self-text' }, [statement.prompt]), ...rows]));
  });
  const note = make(doc, 'p', { id: 'self-note', class: 'feedback', role: 'status' });
  const retry = make(doc, 'button', { type: 'button', id: 'self-retry', class: 'secondary' }, ['Try again']);
  retry.hidden = true;
  retry.addEventListener('click', () => handlers.retryRating());
  // Progress and news stick to the bottom of the screen, seen below a long list.
  const bar = make(doc, 'div', { class: 'vote-bar self-bar', 'data-active': 'true' }, [progress, note, retry]);
  const root = make(doc, 'section', { class: 'question self-check', 'aria-labelledby': 'prompt' }, [...intro, scaleLegend, list, bar]);

  return {
    root,
    heading,
    update(next: SelfCheckScreenView): void {
      setText(heading, next.prompt);
      setText(progress, next.progress);
      setText(note, next.note);
      setAttr(note, 'data-kind', next.noteKind);
      retry.hidden = !next.retry;
      for (const statement of next.statements) {
        for (const row of statement.rows) {
          const made = buttons.get(row.itemId) ?? [];
          row.points.forEach((point, index) => {
            const entry = made[index];
            if (!entry) return;
            setAttr(entry.button, 'aria-pressed', String(point.pressed));
            setAttr(entry.button, 'aria-busy', point.busy ? 'true' : null);
            setAttr(entry.button, 'aria-disabled', next.open ? null : 'true');
          });
          const room = rooms.get(row.itemId);
          if (room) {
            setText(room, row.room);
            room.hidden = row.room === '';
          }
        }
      }
    },
  };
}
