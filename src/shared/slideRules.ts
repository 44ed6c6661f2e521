/**
 * The model's plain rules and constants, without its zod schemas: the views in
 * the app's first bundle (presenter, projector, library) use these, and importing
 * them from model.ts would put zod (about 90 KB minified) in front of the first
 * slide. model.ts re-exports all of it, so the core and the host see one model.
 * Types only come from model.ts here (`import type` is erased).
 */
import type { AskedQuestion, Question, ScaleQuestion, SelfCheckQuestion, Slide } from './model';

export { OPEN_ANSWER_MAX, OPEN_ANSWERS_PER_VOTER } from './limits';

/** A rating scale has 2 to 10 points (PROTOCOL.md). */
export const SCALE_POINTS_MIN = 2;
export const SCALE_POINTS_MAX = 10;

/** A scale's points, lowest first, as the keys its answers are counted under ("1"…"5"). */
export function scaleValues(question: Pick<ScaleQuestion, 'min' | 'max'>): number[] {
  const values: number[] = [];
  for (let value = question.min; value <= question.max; value += 1) values.push(value);
  return values;
}

/** The kinds of picture a slide may carry; the asset store tells them by their bytes, never by a file name. */
export const pictureMediaTypes = ['image/png', 'image/jpeg', 'image/svg+xml', 'image/webp'] as const;
export const PICTURE_ALT_MAX = 300;

/** The then-rating's question on an "after" self-check (response-shift bias: the yardstick moved during the day). */
export const SELF_CHECK_THEN_PROMPT = 'Looking back, where were you before today?';
export const SELF_CHECK_STATEMENTS_MAX = 24;

/**
 * The question id a self-check statement is answered under: `<self-check id>--<dimension>`,
 * and `<self-check id>--then--<dimension>` for its then-rating. Ids allow no dot,
 * so a double dash joins them; the workshop's checks keep them clear of every other question's id.
 */
export function selfCheckItemId(selfCheckId: string, dimension: string, then = false): string {
  return then ? `${selfCheckId}--then--${dimension}` : `${selfCheckId}--${dimension}`;
}

/** Every answer id a self-check takes: one per statement, and on an "after" one a then-rating each. */
export function selfCheckItemIdsOf(question: Pick<SelfCheckQuestion, 'id' | 'phase' | 'statements'>): string[] {
  const now = question.statements.map((statement) => selfCheckItemId(question.id, statement.dimension));
  return question.phase === 'after' ? [...now, ...question.statements.map((statement) => selfCheckItemId(question.id, statement.dimension, true))] : now;
}

/** Convenience: the scenarios' (choice) questions of a slide list, in slide order. */
export function questionsOf(slides: readonly Slide[]): Question[] {
  return slides.flatMap((slide) => (slide.kind === 'scenario' ? [slide.question] : []));
}

/** Every question a slide list asks (choices, open answers, ratings, commitments), in slide order. */
export function askedQuestionsOf(slides: readonly Slide[]): AskedQuestion[] {
  return slides.flatMap((slide) => {
    const question = questionOfSlide(slide);
    return question ? [question] : [];
  });
}

/** The question a slide asks, if any. */
export function questionOfSlide(slide: Slide | undefined): AskedQuestion | null {
  return slide && (slide.kind === 'scenario' || slide.kind === 'open' || slide.kind === 'rating' || slide.kind === 'commitments') ? slide.question : null;
}

/** The ids of the questions that collect commitments (commitments slides), in slide order. */
export function commitmentQuestionIds(slides: readonly Slide[]): Set<string> {
  return new Set(slides.flatMap((slide) => (slide.kind === 'commitments' ? [slide.question.id] : [])));
}
