/**
 * A scenario's options: label and style (leader / manager / neutral) for each,
 * with the letters the room votes with. Two to six options.
 */
import { useEffect, useState } from 'react';
import type { Option, Style } from '../../../shared/model';
import { Button } from '../../components/Button';
import { optionLetter } from '../../../shared/optionLetter';
import { describedBy, FieldErrors } from './Fields';
import { Icon } from './Icon';
import { newId } from './ids';
import { moveItem } from './slideOps';
import styles from './OptionsEditor.module.css';

export const MAX_OPTIONS = 6;

const styleChoices: { value: Style; label: string }[] = [
  { value: 'leader', label: 'Leader' },
  { value: 'manager', label: 'Manager' },
  { value: 'neutral', label: 'Neutral' },
];

interface OptionsEditorProps {
  /** DOM id of the group; option fields get `${id}-${index}-label` and `-style`. */
  id: string;
  options: readonly Option[];
  onChange: (options: Option[], key: string) => void;
  errors?: readonly string[] | undefined;
  optionErrors: (index: number, part: 'label' | 'style') => readonly string[] | undefined;
  readOnly?: boolean;
}

export function OptionsEditor({ id, options, onChange, errors, optionErrors, readOnly }: OptionsEditorProps) {
  const [focus, setFocus] = useState<{ index: number; nonce: number } | null>(null);
  useEffect(() => {
    if (!focus) return;
    document.getElementById(`${id}-${focus.index}-label`)?.focus();
  }, [focus, id]);
  const focusOption = (index: number) => setFocus({ index, nonce: Date.now() + Math.random() });

  const update = (index: number, patch: Partial<Option>, key: string) => {
    onChange(
      options.map((option, i) => (i === index ? { ...option, ...patch } : option)),
      key,
    );
  };
  const add = () => {
    if (options.length >= MAX_OPTIONS) return;
    const option: Option = { id: newId('o', options.map((o) => o.id)), label: '', style: 'neutral' };
    onChange([...options, option], 'options:structure');
    focusOption(options.length);
  };
  const remove = (index: number) => {
    onChange(
      options.filter((_, i) => i !== index),
      'options:structure',
    );
    if (options.length > 1) focusOption(Math.max(0, index - 1));
  };
  const move = (index: number, to: number) => {
    onChange(moveItem(options, index, to), 'options:structure');
    focusOption(to);
  };

  return (
    <fieldset className={styles.group} id={id} tabIndex={-1} aria-describedby={describedBy(id, false, errors)}>
      <legend className={styles.legend}>
        Options <span className={styles.count}>{options.length} / {MAX_OPTIONS}</span>
      </legend>
      <ol className={styles.list}>
        {options.map((option, index) => {
          const letter = optionLetter(index);
          const labelId = `${id}-${index}-label`;
          const styleId = `${id}-${index}-style`;
          const labelErrors = optionErrors(index, 'label');
          const styleErrors = optionErrors(index, 'style');
          return (
            <li key={option.id} className={`${styles.row} ${styles[option.style]}`}>
              <span className={styles.letter} aria-hidden="true">
                {letter}
              </span>
              <div className={styles.fields}>
                <label htmlFor={labelId} className={styles.fieldLabel}>
                  Option {letter}
                </label>
                <textarea
                  id={labelId}
                  rows={1}
                  className={styles.input}
                  value={option.label}
                  aria-invalid={labelErrors?.length ? true : undefined}
                  aria-describedby={describedBy(labelId, false, labelErrors)}
                  onChange={(event) => update(index, { label: event.target.value }, `options.${option.id}.label`)}
                />
                <FieldErrors id={labelId} errors={labelErrors} />
                <div className={styles.bar}>
                  <label htmlFor={styleId} className={styles.styleLabel}>
                    Option {letter} style
                  </label>
                  <select
                    id={styleId}
                    className={styles.select}
                    value={option.style}
                    aria-invalid={styleErrors?.length ? true : undefined}
                    aria-describedby={describedBy(styleId, false, styleErrors)}
                    onChange={(event) => update(index, { style: event.target.value as Style }, `options.${option.id}.style`)}
                  >
                    {styleChoices.map((choice) => (
                      <option key={choice.value} value={choice.value}>
                        {choice.label}
                      </option>
                    ))}
                  </select>
                  {!readOnly && (
                    <div className={styles.actions}>
                      <button
                        type="button"
                        className={styles.iconButton}
                        aria-label={`Move option ${letter} up`}
                        title="Move up"
                        disabled={index === 0}
                        onClick={() => move(index, index - 1)}
                      >
                        <Icon name="up" size={16} />
                      </button>
                      <button
                        type="button"
                        className={styles.iconButton}
                        aria-label={`Move option ${letter} down`}
                        title="Move down"
                        disabled={index === options.length - 1}
                        onClick={() => move(index, index + 1)}
                      >
                        <Icon name="down" size={16} />
                      </button>
                      <button
                        type="button"
                        className={`${styles.iconButton} ${styles.danger}`}
                        aria-label={`Remove option ${letter}`}
                        title="Remove option"
                        onClick={() => remove(index)}
                      >
                        <Icon name="trash" size={16} />
                      </button>
                    </div>
                  )}
                </div>
                <FieldErrors id={styleId} errors={styleErrors} />
              </div>
            </li>
          );
        })}
      </ol>
      <FieldErrors id={id} errors={errors} />
      {!readOnly && (
        <div>
          <Button size="small" onClick={add} disabled={options.length >= MAX_OPTIONS}>
            <Icon name="plus" size={16} />
            Add option
          </Button>
        </div>
      )}
    </fieldset>
  );
}
