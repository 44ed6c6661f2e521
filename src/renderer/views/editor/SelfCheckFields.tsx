/**
 * The editor's fields for a self-check slide (issue 17): its question, phase and
 * scale, and one statement per dimension. The workshop's own schema checks it
 * (one statement per dimension, a dimension the workshop has, 2 to 10 points),
 * and each message shows at the field it is about.
 */
import type { Dimension, SelfCheckSlide } from '../../../shared/model';
import { SELF_CHECK_STATEMENTS_MAX, SELF_CHECK_THEN_PROMPT } from '../../../shared/slideRules';
import { Button } from '../../components/Button';
import { FieldErrors, NumberField, SelectField, TextField } from './Fields';
import { fieldDomId } from './validation';
import styles from './SlideForm.module.css';

const id = (field: string) => fieldDomId('slide', field);

interface SelfCheckFieldsProps {
  slide: SelfCheckSlide;
  dimensions: readonly Dimension[];
  errors: (field: string) => readonly string[] | undefined;
  onChange: (slide: SelfCheckSlide, field: string) => void;
  readOnly?: boolean | undefined;
}

export function SelfCheckFields({ slide, dimensions, errors, onChange, readOnly }: SelfCheckFieldsProps) {
  const question = slide.question;
  const set = (patch: Partial<SelfCheckSlide['question']>, field: string) => onChange({ ...slide, question: { ...question, ...patch } }, field);
  const setStatement = (index: number, patch: Partial<SelfCheckSlide['question']['statements'][number]>, field: string) =>
    set({ statements: question.statements.map((statement, at) => (at === index ? { ...statement, ...patch } : statement)) }, field);
  const used = new Set(question.statements.map((statement) => statement.dimension));
  const unused = dimensions.filter((dimension) => !used.has(dimension.id));
  const dimensionOptions = (current: string) => {
    const options = dimensions.map((dimension) => ({ value: dimension.id, label: dimension.name }));
    return options.some((option) => option.value === current) ? options : [{ value: current, label: `${current} (not a dimension of this workshop)` }, ...options];
  };
  return (
    <>
      <TextField id={id('title')} label="Title" large placeholder="Where do you stand?" hint="Optional. Shown as the slide's heading." value={slide.title} errors={errors('title')} onChange={(title) => onChange({ ...slide, title }, 'title')} />
      <TextField id={id('question.prompt')} label="Question" multiline rows={2} value={question.prompt} errors={errors('question.prompt')} onChange={(prompt) => set({ prompt }, 'question.prompt')} />
      <SelectField
        id={id('question.phase')}
        label="When"
        value={question.phase}
        options={[
          { value: 'before', label: 'Before: at the start of the workshop' },
          { value: 'after', label: 'After: at the end, with a “then” rating per statement' },
        ]}
        hint="The results compare the first “before” self-check with the last “after” one, dimension by dimension."
        errors={errors('question.phase')}
        onChange={(phase) => set({ phase }, 'question.phase')}
      />
      {question.phase === 'after' && (
        <TextField
          id={id('question.thenPrompt')}
          label="The “then” question"
          placeholder={SELF_CHECK_THEN_PROMPT}
          value={question.thenPrompt}
          errors={errors('question.thenPrompt')}
          onChange={(thenPrompt) => set({ thenPrompt }, 'question.thenPrompt')}
        />
      )}
      <div className={styles.row}>
        <NumberField id={id('question.min')} label="Lowest point" value={question.min} min={0} max={10} errors={errors('question.min')} onChange={(min) => set({ min }, 'question.min')} />
        <NumberField id={id('question.max')} label="Highest point" value={question.max} min={1} max={11} errors={errors('question.max')} onChange={(max) => set({ max }, 'question.max')} />
      </div>
      <div className={styles.row}>
        <TextField id={id('question.minLabel')} label="Label of the lowest point" placeholder="Not like me" value={question.minLabel} errors={errors('question.minLabel')} onChange={(minLabel) => set({ minLabel }, 'question.minLabel')} />
        <TextField id={id('question.maxLabel')} label="Label of the highest point" placeholder="Very like me" value={question.maxLabel} errors={errors('question.maxLabel')} onChange={(maxLabel) => set({ maxLabel }, 'question.maxLabel')} />
      </div>
      <fieldset className={styles.fieldset} aria-describedby={id('question.statements')}>
        <legend>Statements, one per dimension ({question.statements.length})</legend>
        <FieldErrors id={id('question.statements')} errors={errors('question.statements')} />
        {question.statements.map((statement, index) => (
          <div key={index} className={styles.row} data-statement={index}>
            <SelectField
              id={id(`question.statements.${index}.dimension`)}
              label={`Dimension of statement ${index + 1}`}
              value={statement.dimension}
              options={dimensionOptions(statement.dimension)}
              errors={errors(`question.statements.${index}.dimension`)}
              onChange={(dimension) => setStatement(index, { dimension }, `question.statements.${index}.dimension`)}
            />
            <TextField
              id={id(`question.statements.${index}.statement`)}
              label={`Statement ${index + 1}`}
              placeholder="I let my team decide how to reach a goal."
              value={statement.statement}
              errors={errors(`question.statements.${index}.statement`)}
              onChange={(text) => setStatement(index, { statement: text }, `question.statements.${index}.statement`)}
            />
            <Button
              size="small"
              disabled={readOnly || question.statements.length <= 1}
              aria-label={`Remove statement ${index + 1}`}
              onClick={() => set({ statements: question.statements.filter((_, at) => at !== index) }, 'question.statements')}
            >
              Remove
            </Button>
          </div>
        ))}
        <Button
          size="small"
          disabled={readOnly || unused.length === 0 || question.statements.length >= SELF_CHECK_STATEMENTS_MAX}
          onClick={() => set({ statements: [...question.statements, { dimension: unused[0]!.id, statement: `When it comes to ${unused[0]!.name.toLowerCase()}, I …` }] }, 'question.statements')}
        >
          {unused.length === 0 ? 'Every dimension has a statement' : `Add a statement (${unused[0]!.name})`}
        </Button>
      </fieldset>
    </>
  );
}
