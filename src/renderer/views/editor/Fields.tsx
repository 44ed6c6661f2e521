/**
 * Labelled inputs for the editor's forms. Each shows its problems beneath it and
 * points to them with aria-describedby, so a screen reader reads them with the field.
 */
import { useEffect, useState, type ReactNode } from 'react';
import { Icon } from './Icon';
import styles from './Fields.module.css';

interface ShellProps {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  errors?: readonly string[] | undefined;
  children: ReactNode;
  className?: string;
}

export const describedBy = (id: string, hint: boolean, errors: readonly string[] | undefined) =>
  [errors?.length ? `${id}-error` : '', hint ? `${id}-hint` : ''].filter(Boolean).join(' ') || undefined;

export function FieldErrors({ id, errors }: { id: string; errors?: readonly string[] | undefined }) {
  if (!errors?.length) return null;
  return (
    <div id={`${id}-error`} className={styles.errors}>
      {errors.map((message, index) => (
        <p key={index} className={styles.error}>
          <Icon name="warning" size={15} />
          <span>{message}</span>
        </p>
      ))}
    </div>
  );
}

export function FieldShell({ id, label, hint, errors, children, className }: ShellProps) {
  return (
    <div className={`${styles.field} ${className ?? ''}`}>
      <label htmlFor={id} className={styles.label}>
        {label}
      </label>
      {children}
      {hint && (
        <p id={`${id}-hint`} className={styles.hint}>
          {hint}
        </p>
      )}
      <FieldErrors id={id} errors={errors} />
    </div>
  );
}

interface TextFieldProps {
  id: string;
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  errors?: readonly string[] | undefined;
  hint?: ReactNode;
  placeholder?: string;
  multiline?: boolean;
  rows?: number;
  className?: string;
  large?: boolean;
}

export function TextField({ id, label, value, onChange, errors, hint, placeholder, multiline, rows = 3, className, large }: TextFieldProps) {
  const common = {
    id,
    value,
    placeholder,
    'aria-invalid': errors?.length ? true : undefined,
    'aria-describedby': describedBy(id, Boolean(hint), errors),
    className: `${styles.input} ${large ? styles.large : ''}`,
  };
  return (
    <FieldShell id={id} label={label} hint={hint} errors={errors} className={className}>
      {multiline ? (
        <textarea {...common} rows={rows} onChange={(event) => onChange(event.target.value)} />
      ) : (
        <input {...common} type="text" onChange={(event) => onChange(event.target.value)} />
      )}
    </FieldShell>
  );
}

interface NumberFieldProps {
  id: string;
  label: ReactNode;
  value: number;
  onChange: (value: number) => void;
  errors?: readonly string[] | undefined;
  hint?: ReactNode;
  min?: number;
  max?: number;
  step?: number;
  className?: string;
}

const parseNumber = (text: string) => (text.trim() === '' ? Number.NaN : Number(text));

/**
 * A number input that keeps what is typed ("", "1.") as text, so the caret never
 * jumps; the model gets NaN for an empty field, which validation reports.
 */
export function NumberField({ id, label, value, onChange, errors, hint, min, max, step = 1, className }: NumberFieldProps) {
  const [text, setText] = useState(Number.isNaN(value) ? '' : String(value));
  // Follow the model when it changes from outside (undo, another slide).
  useEffect(() => {
    setText((current) => (Object.is(parseNumber(current), value) ? current : Number.isNaN(value) ? '' : String(value)));
  }, [value]);
  return (
    <FieldShell id={id} label={label} hint={hint} errors={errors} className={className}>
      <input
        id={id}
        type="number"
        inputMode="decimal"
        className={`${styles.input} ${styles.number}`}
        value={text}
        min={min}
        max={max}
        step={step}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(id, Boolean(hint), errors)}
        onChange={(event) => {
          setText(event.target.value);
          onChange(parseNumber(event.target.value));
        }}
      />
    </FieldShell>
  );
}

interface SelectFieldProps<T extends string> {
  id: string;
  label: ReactNode;
  value: T;
  options: readonly { value: T; label: string }[];
  onChange: (value: T) => void;
  errors?: readonly string[] | undefined;
  hint?: ReactNode;
  className?: string;
}

export function SelectField<T extends string>({ id, label, value, options, onChange, errors, hint, className }: SelectFieldProps<T>) {
  return (
    <FieldShell id={id} label={label} hint={hint} errors={errors} className={className}>
      <select
        id={id}
        className={`${styles.input} ${styles.select}`}
        value={value}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy(id, Boolean(hint), errors)}
        onChange={(event) => onChange(event.target.value as T)}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

/** A titled group of fields. */
export function FieldGroup({ title, children, id }: { title: string; children: ReactNode; id?: string }) {
  return (
    <section className={styles.group} aria-labelledby={id ? `${id}-title` : undefined}>
      <h3 id={id ? `${id}-title` : undefined} className={styles.groupTitle}>
        {title}
      </h3>
      {children}
    </section>
  );
}
