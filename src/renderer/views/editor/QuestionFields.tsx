/**
 * The forms of the two question kinds beyond multiple choice (issue 19): an open
 * question (short answers, a word cloud) and a rating (a statement on a scale).
 * Kept apart from SlideForm so each kind's fields sit in one place.
 */
import type { Dimension, Slide } from '../../../shared/model';
import { OPEN_ANSWER_MAX, OPEN_ANSWERS_PER_VOTER, SCALE_POINTS_MAX, SCALE_POINTS_MIN, scaleValues } from '../../../shared/slideRules';
import { DimensionField } from './DimensionField';
import { NumberField, TextField } from './Fields';
import { fieldDomId } from './validation';
import styles from './SlideForm.module.css';
import scaleStyles from './QuestionFields.module.css';

type OpenSlide = Extract<Slide, { kind: 'open' }>;
type RatingSlide = Extract<Slide, { kind: 'rating' }>;

interface FieldsProps<S extends Slide> {
  slide: S;
  dimensions: readonly Dimension[];
  errors: (field: string) => readonly string[] | undefined;
  onChange: (slide: Slide, field: string) => void;
}

const id = (field: string) => fieldDomId('slide', field);

/** A question's optional dimension: '' in the field is none, so the key leaves the file. */
function withDimension<Q extends { dimension?: string | undefined }>(question: Q, dimension: string): Q {
  const { dimension: _old, ...rest } = question;
  return (dimension ? { ...rest, dimension } : rest) as Q;
}

function SharedFields<S extends OpenSlide | RatingSlide>({ slide, dimensions, errors, onChange, kicker, promptLabel, promptHint }: FieldsProps<S> & { kicker: string; promptLabel: string; promptHint: string }) {
  const question = slide.question;
  return (
    <>
      <TextField
        id={id('title')}
        label="Heading"
        placeholder={kicker}
        hint="Optional; shown above the prompt."
        value={slide.title}
        errors={errors('title')}
        onChange={(title) => onChange({ ...slide, title }, 'title')}
      />
      <TextField
        id={id('question.prompt')}
        label={promptLabel}
        hint={promptHint}
        multiline
        rows={3}
        large
        value={question.prompt}
        errors={errors('question.prompt')}
        onChange={(prompt) => onChange({ ...slide, question: { ...question, prompt } } as Slide, 'question.prompt')}
      />
      <DimensionField
        id={id('question.dimension')}
        optional
        value={question.dimension ?? ''}
        dimensions={dimensions}
        errors={errors('question.dimension')}
        onChange={(dimension) => onChange({ ...slide, question: withDimension(question, dimension) } as Slide, 'question.dimension')}
      />
    </>
  );
}

function DebriefField<S extends OpenSlide | RatingSlide>({ slide, errors, onChange }: Omit<FieldsProps<S>, 'dimensions'>) {
  return (
    <TextField
      id={id('question.debrief')}
      label="Debrief"
      hint="For you, after the reveal: what to draw out of the answers."
      multiline
      rows={4}
      value={slide.question.debrief}
      errors={errors('question.debrief')}
      onChange={(debrief) => onChange({ ...slide, question: { ...slide.question, debrief } } as Slide, 'question.debrief')}
    />
  );
}

export function OpenQuestionFields(props: FieldsProps<OpenSlide>) {
  return (
    <>
      <SharedFields
        {...props}
        kicker="Open question"
        promptLabel="Prompt"
        promptHint={`Each person gives up to ${OPEN_ANSWERS_PER_VOTER} short answers (at most ${OPEN_ANSWER_MAX} characters); the room sees them as a word cloud once you reveal them.`}
      />
      <DebriefField {...props} />
    </>
  );
}

/** "5 points: 1, 2, 3, 4, 5", or why the range is not a scale. */
function pointsHint(min: number, max: number): string {
  if (!Number.isInteger(min) || !Number.isInteger(max)) return `Whole numbers; a scale has ${SCALE_POINTS_MIN} to ${SCALE_POINTS_MAX} points.`;
  const points = max - min + 1;
  if (points < SCALE_POINTS_MIN || points > SCALE_POINTS_MAX) return `A scale has ${SCALE_POINTS_MIN} to ${SCALE_POINTS_MAX} points.`;
  return `${points} points: ${scaleValues({ min, max }).join(', ')}.`;
}

export function RatingFields(props: FieldsProps<RatingSlide>) {
  const { slide, errors, onChange } = props;
  const question = slide.question;
  const set = (patch: Partial<RatingSlide['question']>, field: string) => onChange({ ...slide, question: { ...question, ...patch } }, field);
  return (
    <>
      <SharedFields {...props} kicker="Rate it" promptLabel="Statement" promptHint="What the room rates, e.g. “How useful was this for your work?”" />
      <fieldset className={scaleStyles.scale} aria-describedby={`${id('question.scale')}-hint`}>
        <legend className={scaleStyles.legend}>Scale</legend>
        <div className={styles.pair}>
          <NumberField
            id={id('question.min')}
            label="Lowest value"
            value={question.min}
            min={0}
            max={10}
            errors={errors('question.min')}
            onChange={(min) => set({ min }, 'question.min')}
          />
          <NumberField
            id={id('question.max')}
            label="Highest value"
            value={question.max}
            min={1}
            max={11}
            errors={errors('question.max')}
            onChange={(max) => set({ max }, 'question.max')}
          />
        </div>
        <p id={`${id('question.scale')}-hint`} className={scaleStyles.points}>
          {pointsHint(question.min, question.max)}
        </p>
        <div className={styles.pair}>
          <TextField
            id={id('question.minLabel')}
            label="Label at the low end"
            placeholder="e.g. Not at all"
            value={question.minLabel}
            errors={errors('question.minLabel')}
            onChange={(minLabel) => set({ minLabel }, 'question.minLabel')}
          />
          <TextField
            id={id('question.maxLabel')}
            label="Label at the high end"
            placeholder="e.g. Very"
            value={question.maxLabel}
            errors={errors('question.maxLabel')}
            onChange={(maxLabel) => set({ maxLabel }, 'question.maxLabel')}
          />
        </div>
      </fieldset>
      <DebriefField {...props} />
    </>
  );
}
