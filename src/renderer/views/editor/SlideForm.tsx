/** The form for one slide: its kind's fields, then timing and facilitator notes. */
import type { Dimension, Question, Slide, SlideKind } from '../../../shared/model';
import { DimensionField } from './DimensionField';
import { FieldErrors, FieldGroup, NumberField, SelectField, TextField } from './Fields';
import { OptionsEditor } from './OptionsEditor';
import { OpenQuestionFields, RatingFields } from './QuestionFields';
import { PictureField } from './PictureField';
import { kindLabel, classifyOptions } from './slideOps';
import { TextListEditor } from './TextListEditor';
import { SelfCheckFields } from './SelfCheckFields';
import { fieldDomId } from './validation';
import { Button } from '../../components/Button';
import styles from './SlideForm.module.css';

/** Messages for a field of this slide, by its dotted path (`question.prompt`). */
export type SlideErrors = (field: string) => readonly string[] | undefined;

interface SlideFormProps {
  slide: Slide;
  index: number;
  total: number;
  dimensions: readonly Dimension[];
  errors: SlideErrors;
  /** The new slide, and a key naming the field (typing in one field merges into one undo step). */
  onChange: (slide: Slide, field: string) => void;
  readOnly?: boolean;
}

/** The field a new slide's form focuses first. */
export function firstField(kind: SlideKind): string {
  switch (kind) {
    case 'quote':
      return 'quote';
    case 'scenario':
    case 'open':
    case 'rating':
      return 'question.prompt';
    case 'discussion':
      return 'prompt';
    case 'selfCheck':
      return 'question.statements.0.statement';
    default:
      return 'title';
  }
}

const id = (field: string) => fieldDomId('slide', field);

export function SlideForm({ slide, index, total, dimensions, errors, onChange, readOnly }: SlideFormProps) {
  const headingId = 'editor-slide-heading';
  return (
    <form className={styles.form} aria-labelledby={headingId} onSubmit={(event) => event.preventDefault()} noValidate>
      <header className={styles.head}>
        <h2 id={headingId} className={styles.heading} tabIndex={-1}>
          <span className={styles.kind}>{kindLabel(slide.kind)}</span>
          <span className={styles.position}>
            Slide {index + 1} of {total}
          </span>
        </h2>
      </header>
      <FieldErrors id={id('')} errors={errors('')} />
      <fieldset className={styles.fieldset} disabled={readOnly}>
        <legend className="visually-hidden">{kindLabel(slide.kind)} slide content</legend>
        <FieldGroup title="Content">
          <KindFields slide={slide} dimensions={dimensions} errors={errors} onChange={onChange} readOnly={readOnly} />
        </FieldGroup>
        <FieldGroup title="Picture">
          <PictureField
            id={id('picture')}
            picture={slide.picture}
            errors={[...(errors('picture') ?? []), ...(errors('picture.asset') ?? []), ...(errors('picture.mediaType') ?? [])]}
            altErrors={errors('picture.alt')}
            readOnly={readOnly}
            onChange={(picture, field) => {
              const { picture: _previous, ...rest } = slide;
              onChange((picture ? { ...rest, picture } : rest) as Slide, field);
            }}
          />
        </FieldGroup>
        <FieldGroup title="Timing and notes">
          <div className={styles.pair}>
            <TextField
              id={id('section')}
              label="Section"
              value={slide.section}
              placeholder="e.g. Opening"
              hint="Slides with the same section are timed together."
              errors={errors('section')}
              onChange={(section) => onChange({ ...slide, section }, 'section')}
            />
            <NumberField
              id={id('minutes')}
              label="Minutes"
              value={slide.minutes}
              min={0}
              max={240}
              step={0.5}
              hint="Suggested time"
              errors={errors('minutes')}
              onChange={(minutes) => onChange({ ...slide, minutes }, 'minutes')}
            />
          </div>
          <TextField
            id={id('notes')}
            label="Facilitator notes"
            hint="Only you see these, on the presenter screen and in the report."
            multiline
            rows={5}
            value={slide.notes}
            errors={errors('notes')}
            onChange={(notes) => onChange({ ...slide, notes }, 'notes')}
          />
        </FieldGroup>
      </fieldset>
    </form>
  );
}

interface KindFieldsProps {
  slide: Slide;
  dimensions: readonly Dimension[];
  errors: SlideErrors;
  onChange: (slide: Slide, field: string) => void;
  readOnly?: boolean | undefined;
}

function KindFields({ slide, dimensions, errors, onChange, readOnly }: KindFieldsProps) {
  switch (slide.kind) {
    case 'title':
      return (
        <>
          <TextField
            id={id('title')}
            label="Title"
            large
            value={slide.title}
            errors={errors('title')}
            onChange={(title) => onChange({ ...slide, title }, 'title')}
          />
          <TextField
            id={id('subtitle')}
            label="Subtitle"
            multiline
            rows={2}
            value={slide.subtitle}
            errors={errors('subtitle')}
            onChange={(subtitle) => onChange({ ...slide, subtitle }, 'subtitle')}
          />
        </>
      );
    case 'bullets':
      return (
        <>
          <TextField
            id={id('title')}
            label="Title"
            large
            value={slide.title}
            errors={errors('title')}
            onChange={(title) => onChange({ ...slide, title }, 'title')}
          />
          <TextListEditor
            id={id('bullets')}
            title="Bullets"
            itemName="Bullet"
            items={slide.bullets}
            max={12}
            fieldPrefix="bullets"
            readOnly={readOnly}
            errors={errors('bullets')}
            itemErrors={(i) => errors(`bullets.${i}`)}
            onChange={(bullets, key) => onChange({ ...slide, bullets }, key)}
          />
        </>
      );
    case 'comparison':
      return (
        <>
          <TextField
            id={id('title')}
            label="Title"
            large
            value={slide.title}
            errors={errors('title')}
            onChange={(title) => onChange({ ...slide, title }, 'title')}
          />
          <div className={styles.columns}>
            {(['left', 'right'] as const).map((side) => {
              const Side = side === 'left' ? 'Left' : 'Right';
              const column = slide[side];
              return (
                <div key={side} className={styles.column}>
                  <TextField
                    id={id(`${side}.heading`)}
                    label={`${Side} heading`}
                    value={column.heading}
                    errors={errors(`${side}.heading`)}
                    onChange={(heading) => onChange({ ...slide, [side]: { ...column, heading } }, `${side}.heading`)}
                  />
                  <TextListEditor
                    id={id(`${side}.items`)}
                    title={`${Side} items`}
                    itemName={`${Side} item`}
                    items={column.items}
                    max={16}
                    fieldPrefix={`${side}.items`}
                    readOnly={readOnly}
                    errors={errors(`${side}.items`)}
                    itemErrors={(i) => errors(`${side}.items.${i}`)}
                    onChange={(items, key) => onChange({ ...slide, [side]: { ...column, items } }, key)}
                  />
                </div>
              );
            })}
          </div>
        </>
      );
    case 'quote':
      return (
        <>
          <TextField
            id={id('quote')}
            label="Quote"
            multiline
            rows={3}
            large
            value={slide.quote}
            errors={errors('quote')}
            onChange={(quote) => onChange({ ...slide, quote }, 'quote')}
          />
          <TextField
            id={id('attribution')}
            label="Attribution"
            placeholder="Who said it"
            value={slide.attribution}
            errors={errors('attribution')}
            onChange={(attribution) => onChange({ ...slide, attribution }, 'attribution')}
          />
        </>
      );
    case 'scenario':
      return <ScenarioFields slide={slide} dimensions={dimensions} errors={errors} onChange={onChange} readOnly={readOnly} />;
    case 'discussion':
      return (
        <>
          <TextField
            id={id('prompt')}
            label="Prompt"
            multiline
            rows={3}
            large
            value={slide.prompt}
            errors={errors('prompt')}
            onChange={(prompt) => onChange({ ...slide, prompt }, 'prompt')}
          />
          <NumberField
            id={id('seconds')}
            label="Timer (seconds)"
            value={slide.seconds}
            min={0}
            max={3600}
            step={30}
            hint={timerHint(slide.seconds)}
            errors={errors('seconds')}
            onChange={(seconds) => onChange({ ...slide, seconds }, 'seconds')}
          />
        </>
      );
    case 'open':
      return <OpenQuestionFields slide={slide} dimensions={dimensions} errors={errors} onChange={onChange} />;
    case 'rating':
      return <RatingFields slide={slide} dimensions={dimensions} errors={errors} onChange={onChange} />;
    case 'selfCheck':
      return <SelfCheckFields slide={slide} dimensions={dimensions} errors={errors} onChange={onChange} readOnly={readOnly} />;
    case 'results':
      return (
        <TextField
          id={id('title')}
          label="Title"
          large
          placeholder="Our room so far"
          hint="Optional. The slide shows the room's results so far."
          value={slide.title}
          errors={errors('title')}
          onChange={(title) => onChange({ ...slide, title }, 'title')}
        />
      );
  }
}

function timerHint(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds <= 0) return 'No timer. Use 0 for none.';
  const minutes = Math.floor(seconds / 60);
  const rest = Math.round(seconds % 60);
  const text = [minutes ? `${minutes} min` : '', rest ? `${rest} s` : ''].filter(Boolean).join(' ');
  return `A ${text} timer. Use 0 for none.`;
}

type ScenarioSlide = Extract<Slide, { kind: 'scenario' }>;

function ScenarioFields({
  slide,
  dimensions,
  errors,
  onChange,
  readOnly,
}: KindFieldsProps & { slide: ScenarioSlide }) {
  const question = slide.question;
  const setQuestion = (patch: Partial<Question>, field: string) => onChange({ ...slide, question: { ...question, ...patch } }, field);
  const isClassifyPair =
    question.options.length === 2 && question.options.some((o) => o.style === 'leader') && question.options.some((o) => o.style === 'manager');
  return (
    <>
      <div className={styles.pair}>
        <SelectField
          id={id('question.kind')}
          label="Question"
          value={question.kind}
          options={[
            { value: 'classify', label: 'Leader or Manager?' },
            { value: 'choose', label: 'What would you do?' },
          ]}
          hint={question.kind === 'classify' ? 'The room classifies a behaviour.' : 'The room picks a response.'}
          errors={errors('question.kind')}
          onChange={(kind) => setQuestion({ kind }, 'question.kind')}
        />
        <TextField
          id={id('title')}
          label="Heading"
          placeholder={question.kind === 'classify' ? 'Leader or Manager?' : 'What would you do?'}
          hint="Optional; shown above the prompt."
          value={slide.title}
          errors={errors('title')}
          onChange={(title) => onChange({ ...slide, title }, 'title')}
        />
      </div>
      <TextField
        id={id('question.prompt')}
        label="Prompt"
        hint={question.kind === 'classify' ? 'Describe the behaviour to classify.' : 'A situation, ending with the question to the room.'}
        multiline
        rows={4}
        large
        value={question.prompt}
        errors={errors('question.prompt')}
        onChange={(prompt) => setQuestion({ prompt }, 'question.prompt')}
      />
      <DimensionField
        id={id('question.dimension')}
        value={question.dimension}
        dimensions={dimensions}
        errors={errors('question.dimension')}
        onChange={(dimension) => setQuestion({ dimension }, 'question.dimension')}
      />
      <OptionsEditor
        id={id('question.options')}
        options={question.options}
        readOnly={readOnly}
        errors={errors('question.options')}
        optionErrors={(i, part) => errors(`question.options.${i}.${part}`)}
        onChange={(options, key) => setQuestion({ options }, `question.${key}`)}
      />
      {!readOnly && question.kind === 'classify' && !isClassifyPair && (
        <div>
          <Button size="small" onClick={() => setQuestion({ options: classifyOptions() }, 'question.options:structure')}>
            Use “Leader” and “Manager” as the options
          </Button>
        </div>
      )}
      <TextField
        id={id('question.debrief')}
        label="Debrief"
        hint="For you, after the reveal: the contrast explained, and a question back to the room."
        multiline
        rows={5}
        value={question.debrief}
        errors={errors('question.debrief')}
        onChange={(debrief) => setQuestion({ debrief }, 'question.debrief')}
      />
    </>
  );
}
