/**
 * The workshop as a whole: its description (on the library card) and its
 * dimensions, the contrasts scenarios name and results are grouped by.
 */
import type { Dimension, WorkshopContent } from '../../../shared/model';
import { Button } from '../../components/Button';
import { FieldErrors, FieldGroup, TextField } from './Fields';
import { Icon } from './Icon';
import { newId } from './ids';
import { fieldDomId } from './validation';
import formStyles from './SlideForm.module.css';
import styles from './WorkshopDetailsForm.module.css';

interface WorkshopDetailsFormProps {
  content: WorkshopContent;
  errors: (field: string) => readonly string[] | undefined;
  onChange: (patch: Partial<WorkshopContent>, field: string) => void;
  readOnly?: boolean;
}

const MAX_DIMENSIONS = 40;
const id = (field: string) => fieldDomId('details', field);

export function WorkshopDetailsForm({ content, errors, onChange, readOnly }: WorkshopDetailsFormProps) {
  const dimensions = content.dimensions;
  const used = (dimensionId: string) => content.slides.filter((s) => s.kind === 'scenario' && s.question.dimension === dimensionId).length;
  const setDimension = (index: number, patch: Partial<Dimension>, part: string) =>
    onChange({ dimensions: dimensions.map((d, i) => (i === index ? { ...d, ...patch } : d)) }, `dimensions.${index}.${part}`);

  return (
    <form className={formStyles.form} aria-labelledby="editor-details-heading" onSubmit={(event) => event.preventDefault()} noValidate>
      <header className={formStyles.head}>
        <h2 id="editor-details-heading" className={formStyles.heading}>
          <span className={formStyles.kind}>Workshop details</span>
        </h2>
      </header>
      <fieldset className={formStyles.fieldset} disabled={readOnly}>
        <legend className="visually-hidden">Workshop details</legend>
        <FieldGroup title="About">
          <TextField
            id={id('description')}
            label="Description"
            hint="Shown on the workshop's card in the library."
            multiline
            rows={4}
            value={content.description}
            errors={errors('description')}
            onChange={(description) => onChange({ description }, 'description')}
          />
        </FieldGroup>
        <FieldGroup title="Dimensions">
          <p className={styles.intro}>
            Each dimension is one contrast between leading and managing. Scenarios name the dimension they probe, and results are
            grouped by it.
          </p>
          <ol className={styles.list} id={id('dimensions')} tabIndex={-1}>
            {dimensions.map((dimension, index) => {
              const n = index + 1;
              const count = used(dimension.id);
              return (
                <li key={index} className={styles.row}>
                  <div className={styles.rowHead}>
                    <h4 className={styles.rowTitle}>
                      Dimension {n}
                      {dimension.name ? `: ${dimension.name}` : ''}
                    </h4>
                    <span className={styles.used}>{count === 1 ? '1 scenario' : `${count} scenarios`}</span>
                    {!readOnly && (
                      <button
                        type="button"
                        className={styles.remove}
                        aria-label={`Remove dimension ${n}`}
                        title="Remove dimension"
                        onClick={() => onChange({ dimensions: dimensions.filter((_, i) => i !== index) }, 'dimensions:structure')}
                      >
                        <Icon name="trash" size={16} />
                      </button>
                    )}
                  </div>
                  <div className={styles.grid}>
                    <TextField
                      id={id(`dimensions.${index}.name`)}
                      label={`Dimension ${n} name`}
                      value={dimension.name}
                      errors={errors(`dimensions.${index}.name`)}
                      onChange={(name) => setDimension(index, { name }, 'name')}
                    />
                    <TextField
                      id={id(`dimensions.${index}.id`)}
                      label={`Dimension ${n} id`}
                      hint={count > 0 ? 'Scenarios refer to this id.' : undefined}
                      value={dimension.id}
                      errors={errors(`dimensions.${index}.id`)}
                      onChange={(value) => setDimension(index, { id: value }, 'id')}
                    />
                    <TextField
                      id={id(`dimensions.${index}.leader`)}
                      label={`Dimension ${n} leader side`}
                      value={dimension.leader}
                      errors={errors(`dimensions.${index}.leader`)}
                      onChange={(leader) => setDimension(index, { leader }, 'leader')}
                    />
                    <TextField
                      id={id(`dimensions.${index}.manager`)}
                      label={`Dimension ${n} manager side`}
                      value={dimension.manager}
                      errors={errors(`dimensions.${index}.manager`)}
                      onChange={(manager) => setDimension(index, { manager }, 'manager')}
                    />
                  </div>
                </li>
              );
            })}
          </ol>
          <FieldErrors id={id('dimensions')} errors={errors('dimensions')} />
          {!readOnly && (
            <div>
              <Button
                size="small"
                disabled={dimensions.length >= MAX_DIMENSIONS}
                onClick={() =>
                  onChange(
                    { dimensions: [...dimensions, { id: newId('d', dimensions.map((d) => d.id)), name: '', leader: '', manager: '' }] },
                    'dimensions:structure',
                  )
                }
              >
                <Icon name="plus" size={16} />
                Add dimension
              </Button>
            </div>
          )}
        </FieldGroup>
      </fieldset>
    </form>
  );
}
