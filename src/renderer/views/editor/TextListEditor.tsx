/**
 * Edits a list of short texts (bullets, comparison items): one input per item,
 * Enter adds the next item, Backspace in an empty item removes it.
 */
import { useEffect, useState, type KeyboardEvent } from 'react';
import { Button } from '../../components/Button';
import { describedBy, FieldErrors } from './Fields';
import { Icon } from './Icon';
import { moveItem } from './slideOps';
import styles from './TextListEditor.module.css';

interface TextListEditorProps {
  /** DOM id of the list (the summary focuses it); items get `${id}-${index}`. */
  id: string;
  title: string;
  /** "Bullet" → "Bullet 1", "Add bullet", "Remove bullet 1". */
  itemName: string;
  items: readonly string[];
  max: number;
  onChange: (items: string[], key: string) => void;
  /** Problems with the list as a whole. */
  errors?: readonly string[] | undefined;
  itemErrors: (index: number) => readonly string[] | undefined;
  /** Part of the undo key, so typing in one item merges into one step. */
  fieldPrefix: string;
  readOnly?: boolean;
}

export function TextListEditor({ id, title, itemName, items, max, onChange, errors, itemErrors, fieldPrefix, readOnly }: TextListEditorProps) {
  const [focusIndex, setFocusIndex] = useState<{ index: number; nonce: number } | null>(null);
  const lower = itemName.toLowerCase();

  useEffect(() => {
    if (!focusIndex) return;
    const input = document.getElementById(`${id}-${focusIndex.index}`);
    if (input instanceof HTMLTextAreaElement) input.focus();
  }, [focusIndex, id]);

  const focusItem = (index: number) => setFocusIndex({ index, nonce: Date.now() + Math.random() });

  const insert = (at: number) => {
    if (items.length >= max) return;
    const next = [...items];
    next.splice(at, 0, '');
    onChange(next, `${fieldPrefix}:structure`);
    focusItem(at);
  };
  const remove = (index: number) => {
    onChange(
      items.filter((_, i) => i !== index),
      `${fieldPrefix}:structure`,
    );
    if (items.length > 1) focusItem(Math.max(0, index - 1));
  };
  const move = (index: number, to: number) => {
    onChange(moveItem(items, index, to), `${fieldPrefix}:structure`);
    focusItem(to);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>, index: number) => {
    if (event.nativeEvent.isComposing) return;
    // A bullet is one paragraph: Enter starts the next one rather than a new line.
    if (event.key === 'Enter') {
      event.preventDefault();
      insert(index + 1);
    } else if (event.key === 'Backspace' && items[index] === '' && items.length > 0) {
      event.preventDefault();
      remove(index);
    } else if (event.altKey && event.key === 'ArrowUp' && index > 0) {
      event.preventDefault();
      move(index, index - 1);
    } else if (event.altKey && event.key === 'ArrowDown' && index < items.length - 1) {
      event.preventDefault();
      move(index, index + 1);
    }
  };

  return (
    <div className={styles.wrap}>
      <div className={styles.head}>
        <h4 className={styles.title} id={`${id}-title`}>
          {title}
        </h4>
        <span className={styles.count}>
          {items.length} / {max}
        </span>
      </div>
      <ol className={styles.list} id={id} tabIndex={-1} aria-labelledby={`${id}-title`}>
        {items.map((item, index) => {
          const itemId = `${id}-${index}`;
          const errs = itemErrors(index);
          const number = index + 1;
          return (
            <li key={index} className={styles.row}>
              <label htmlFor={itemId} className={styles.itemLabel}>
                <span className="visually-hidden">{itemName} </span>
                {number}
              </label>
              <div className={styles.inputWrap}>
                <textarea
                  id={itemId}
                  rows={1}
                  className={styles.input}
                  value={item}
                  aria-invalid={errs?.length ? true : undefined}
                  aria-describedby={describedBy(itemId, false, errs)}
                  onChange={(event) => {
                    const next = [...items];
                    next[index] = event.target.value;
                    onChange(next, `${fieldPrefix}.${index}`);
                  }}
                  onKeyDown={(event) => onKeyDown(event, index)}
                />
                <FieldErrors id={itemId} errors={errs} />
              </div>
              {!readOnly && (
                <div className={styles.actions}>
                  <button
                    type="button"
                    className={styles.iconButton}
                    aria-label={`Move ${lower} ${number} up`}
                    title="Move up (Alt+↑)"
                    disabled={index === 0}
                    onClick={() => move(index, index - 1)}
                  >
                    <Icon name="up" size={16} />
                  </button>
                  <button
                    type="button"
                    className={styles.iconButton}
                    aria-label={`Move ${lower} ${number} down`}
                    title="Move down (Alt+↓)"
                    disabled={index === items.length - 1}
                    onClick={() => move(index, index + 1)}
                  >
                    <Icon name="down" size={16} />
                  </button>
                  <button
                    type="button"
                    className={`${styles.iconButton} ${styles.danger}`}
                    aria-label={`Remove ${lower} ${number}`}
                    title="Remove"
                    onClick={() => remove(index)}
                  >
                    <Icon name="trash" size={16} />
                  </button>
                </div>
              )}
            </li>
          );
        })}
      </ol>
      {items.length === 0 && <p className={styles.empty}>No {lower}s yet.</p>}
      <FieldErrors id={id} errors={errors} />
      {!readOnly && (
        <div>
          <Button size="small" onClick={() => insert(items.length)} disabled={items.length >= max}>
            <Icon name="plus" size={16} />
            Add {lower}
          </Button>
        </div>
      )}
    </div>
  );
}
