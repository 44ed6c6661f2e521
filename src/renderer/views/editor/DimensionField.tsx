/**
 * Which contrast a scenario probes: one of the workshop's dimensions, or any id
 * typed by hand (a dimension the workshop does not describe yet).
 */
import { useState } from 'react';
import type { Dimension } from '../../../shared/model';
import { describedBy, FieldErrors } from './Fields';
import fieldStyles from './Fields.module.css';
import styles from './DimensionField.module.css';

const OTHER = '\u0000other';

interface DimensionFieldProps {
  id: string;
  value: string;
  dimensions: readonly Dimension[];
  onChange: (value: string) => void;
  errors?: readonly string[] | undefined;
  /** The question may have no dimension ('' is none): open questions and ratings. */
  optional?: boolean;
}

export function DimensionField({ id, value, dimensions, onChange, errors, optional = false }: DimensionFieldProps) {
  const known = (optional && value === '') || dimensions.some((dimension) => dimension.id === value);
  const [typing, setTyping] = useState(!known);
  const showFree = typing || !known || dimensions.length === 0;
  const freeId = `${id}-custom`;
  const hintId = `${id}-hint`;
  return (
    <div className={styles.field}>
      {dimensions.length > 0 && (
        <>
          <label htmlFor={id} className={fieldStyles.label}>
            Dimension
          </label>
          <select
            id={id}
            className={`${fieldStyles.input} ${fieldStyles.select}`}
            value={showFree ? OTHER : value}
            aria-invalid={errors?.length && !showFree ? true : undefined}
            aria-describedby={describedBy(id, true, showFree ? undefined : errors)}
            onChange={(event) => {
              if (event.target.value === OTHER) {
                setTyping(true);
                if (known) onChange('');
              } else {
                setTyping(false);
                onChange(event.target.value);
              }
            }}
          >
            {optional && <option value="">None</option>}
            {dimensions.map((dimension) => (
              <option key={dimension.id} value={dimension.id}>
                {dimension.name} ({dimension.id})
              </option>
            ))}
            <option value={OTHER}>Another id…</option>
          </select>
        </>
      )}
      {showFree && (
        <div className={styles.free}>
          <label htmlFor={dimensions.length > 0 ? freeId : id} className={fieldStyles.label}>
            Dimension id
          </label>
          <input
            id={dimensions.length > 0 ? freeId : id}
            type="text"
            className={fieldStyles.input}
            value={value}
            placeholder="e.g. power"
            spellCheck={false}
            aria-invalid={errors?.length ? true : undefined}
            aria-describedby={describedBy(dimensions.length > 0 ? freeId : id, dimensions.length === 0, errors)}
            onChange={(event) => onChange(event.target.value)}
          />
        </div>
      )}
      <p id={hintId} className={fieldStyles.hint}>
        {dimensionHint(value, dimensions, optional)}
      </p>
      <FieldErrors id={showFree && dimensions.length > 0 ? freeId : id} errors={errors} />
    </div>
  );
}

function dimensionHint(value: string, dimensions: readonly Dimension[], optional: boolean): string {
  const dimension = dimensions.find((d) => d.id === value);
  if (dimension) return `Leader: ${dimension.leader}. Manager: ${dimension.manager}.`;
  if (optional) return 'Optional: the contrast the answers speak to. Letters, digits, "-" and "_"; empty for none.';
  return 'The contrast this scenario probes; results are grouped by it. Letters, digits, "-" and "_".';
}
