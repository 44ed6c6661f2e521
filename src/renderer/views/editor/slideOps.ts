/** Pure operations on the slide list: new slides, copies, moves, and their names. */
import type { Dimension, Option, Slide, SlideKind, WorkshopContent } from '../../../shared/model';
import { questionOfSlide, SELF_CHECK_THEN_PROMPT } from '../../../shared/slideRules';
import { newId } from './ids';

export const kindLabels: Record<SlideKind, string> = {
  title: 'Title',
  bullets: 'Bullets',
  comparison: 'Comparison',
  quote: 'Quote',
  scenario: 'Scenario',
  discussion: 'Discussion',
  results: 'Results',
  open: 'Open question',
  rating: 'Rating',
  commitments: 'Commitments',
  selfCheck: 'Self-check',
};

export const kindDescriptions: Record<SlideKind, string> = {
  title: 'A big title and a subtitle',
  bullets: 'A heading and a few points',
  comparison: 'Two columns side by side',
  quote: 'A quotation and who said it',
  scenario: 'A situation the room votes on',
  discussion: 'A prompt with a timer',
  results: "The room's results so far",
  open: 'Short answers, shown as a word cloud',
  rating: 'A statement rated on a scale',
  commitments: 'Each person writes what they will do, by dimension',
  selfCheck: 'Each person rates themselves, one statement per dimension (before or after)',
};

/** The order the "Add slide" menu offers. */
export const addableKinds: SlideKind[] = ['title', 'bullets', 'comparison', 'quote', 'scenario', 'open', 'rating', 'selfCheck', 'discussion', 'results', 'commitments'];

export const kindLabel = (kind: SlideKind) => kindLabels[kind];

/** A slide's name in the list: its title, prompt or quote, shortened. */
export function slideSummary(slide: Slide, max = 60): string {
  let text: string;
  switch (slide.kind) {
    case 'title':
    case 'bullets':
    case 'comparison':
      text = slide.title;
      break;
    case 'quote':
      text = slide.quote;
      break;
    case 'scenario':
    case 'open':
    case 'rating':
    case 'commitments':
      text = slide.title || slide.question.prompt;
      break;
    case 'discussion':
      text = slide.prompt;
      break;
    case 'results':
      text = slide.title || 'Results so far';
      break;
    case 'selfCheck':
      text = slide.title || `Self-check (${slide.question.phase})`;
      break;
  }
  const clean = text.replace(/\s+/g, ' ').trim();
  if (!clean) return 'Untitled';
  return clean.length > max ? `${clean.slice(0, max - 1).trimEnd()}…` : clean;
}

/** Every id a new slide or question must not repeat. */
export function takenIds(content: WorkshopContent): Set<string> {
  const ids = new Set<string>();
  for (const slide of content.slides) {
    ids.add(slide.id);
    const question = questionOfSlide(slide);
    if (question) ids.add(question.id);
    else if (slide.kind === 'selfCheck') ids.add(slide.question.id);
  }
  return ids;
}

/** Two options to start a "Leader or Manager?" question with. */
export function classifyOptions(): Option[] {
  const a = newId('o');
  return [
    { id: a, label: 'Leader', style: 'leader' },
    { id: newId('o', [a]), label: 'Manager', style: 'manager' },
  ];
}

/**
 * A new slide of a kind, with starter text so it is valid at once and autosave
 * keeps going; the form selects the text so typing replaces it.
 */
export function blankSlide(kind: SlideKind, taken: Set<string>, defaultDimension = '', dimensions: readonly Pick<Dimension, 'id' | 'name'>[] = []): Slide {
  const id = newId('s', taken);
  const base = { id, section: '', minutes: kind === 'scenario' ? 3 : kind === 'discussion' ? 5 : 2, notes: '' };
  switch (kind) {
    case 'title':
      return { ...base, kind, title: 'New title', subtitle: '' };
    case 'bullets':
      return { ...base, kind, title: 'New slide', bullets: ['First point'] };
    case 'comparison':
      return {
        ...base,
        kind,
        title: 'New comparison',
        left: { heading: 'Leader', items: [] },
        right: { heading: 'Manager', items: [] },
      };
    case 'quote':
      return { ...base, kind, quote: 'A quotation worth discussing', attribution: '' };
    case 'scenario':
      return {
        ...base,
        kind,
        title: '',
        question: {
          id: newId('q', [...taken, id]),
          type: 'choice',
          kind: 'classify',
          prompt: 'Describe a situation at work.',
          dimension: defaultDimension || 'general',
          options: classifyOptions(),
          debrief: '',
        },
      };
    case 'discussion':
      return { ...base, kind, prompt: 'What would you do differently next week?', seconds: 300 };
    case 'results':
      return { ...base, kind, title: '' };
    case 'open':
      return { ...base, kind, title: '', question: { id: newId('q', [...taken, id]), type: 'text', prompt: 'One word for the best boss you ever had', debrief: '' } };
    case 'rating':
      return {
        ...base,
        kind,
        title: '',
        question: { id: newId('q', [...taken, id]), type: 'scale', prompt: 'How useful was this for your work?', min: 1, max: 5, minLabel: 'Not at all', maxLabel: 'Very', debrief: '' },
      };
    case 'commitments':
      return {
        ...base,
        minutes: 8,
        kind,
        title: 'What will you do?',
        question: { id: newId('q', [...taken, id]), type: 'text', prompt: 'Write one to three things you will do, each beginning "I will …", and pick the contrast each one is about.', debrief: '' },
      };
    case 'selfCheck': {
      // One statement per dimension of the workshop, for the author to word.
      const named = dimensions.length > 0 ? dimensions : [{ id: defaultDimension || 'general', name: 'General' }];
      return {
        ...base,
        kind,
        minutes: 3,
        title: 'Where do you stand?',
        question: {
          id: newId('q', [...taken, id]),
          prompt: 'How true is each of these of you at work?',
          phase: 'before',
          min: 1,
          max: 5,
          minLabel: 'Not like me',
          maxLabel: 'Very like me',
          thenPrompt: SELF_CHECK_THEN_PROMPT,
          statements: named.map((dimension) => ({ dimension: dimension.id, statement: `When it comes to ${dimension.name.toLowerCase()}, I …` })),
        },
      };
    }
  }
}

/** A copy of a slide with new ids for the slide and its question (ids must stay unique). */
export function duplicateSlide(slide: Slide, taken: Set<string>): Slide {
  const id = newId('s', taken);
  const copy = structuredClone(slide);
  copy.id = id;
  if (copy.kind === 'scenario' || copy.kind === 'open' || copy.kind === 'rating' || copy.kind === 'commitments' || copy.kind === 'selfCheck') copy.question.id = newId('q', [...taken, id]);
  return copy;
}

/** The array with the item at `from` moved to `to` (both clamped to the array). */
export function moveItem<T>(items: readonly T[], from: number, to: number): T[] {
  const out = [...items];
  if (from < 0 || from >= out.length) return out;
  const target = Math.max(0, Math.min(out.length - 1, to));
  const [item] = out.splice(from, 1);
  out.splice(target, 0, item as T);
  return out;
}

/**
 * Where a dragged row lands when dropped on row `over`, before or after it:
 * the index to pass to `moveItem`.
 */
export function dropIndex(from: number, over: number, after: boolean): number {
  const gap = after ? over + 1 : over;
  return gap > from ? gap - 1 : gap;
}
