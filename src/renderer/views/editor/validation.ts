/**
 * Validation as you type: runs the model's own schema over the content and maps
 * each problem to the field that shows it, so the message sits next to the input
 * that needs fixing and the summary can jump there.
 */
import type { z } from 'zod';
import { workshopContentSchema, type Slide, type WorkshopContent } from '../../../shared/model';
import { optionLetter } from '../../../shared/optionLetter';
import { formatPath } from '../../../shared/validation';
import { kindLabel } from './slideOps';

/** Where a field lives: the header (workshop title), the workshop details, or one slide. */
export type FieldScope = 'workshop' | 'details' | 'slide';

export interface Problem {
  scope: FieldScope;
  /** For slide problems: the slide's position and id. */
  slideIndex: number | null;
  slideId: string | null;
  /** The field inside its scope, dotted: `question.options.1.label`; '' for the scope as a whole. */
  field: string;
  /** The schema's own path, as an import error would name it: `slides[3].question.options`. */
  path: string;
  message: string;
}

export interface Validation {
  ok: boolean;
  problems: Problem[];
  /** Messages per field key (see `fieldKey`). */
  byField: Map<string, string[]>;
  /** Number of problems per slide id. */
  bySlide: Map<string, number>;
}

type PathKey = PropertyKey;

/**
 * Which field shows a problem at this path. Ids are not editable, so a problem with
 * an id shows at the slide as a whole, or at the option's label.
 */
export function fieldOfPath(path: readonly PathKey[]): { scope: FieldScope; slideIndex: number | null; field: string } {
  const [head, index, ...rest] = path;
  if (head === 'title' && path.length === 1) return { scope: 'workshop', slideIndex: null, field: 'title' };
  if (head === 'slides' && typeof index === 'number') {
    let field = rest.map(String).join('.');
    if (field === 'id' || field === 'question.id' || field === 'kind') field = '';
    field = field.replace(/^question\.options\.(\d+)\.id$/, 'question.options.$1.label');
    return { scope: 'slide', slideIndex: index, field };
  }
  if (head === 'slides') return { scope: 'workshop', slideIndex: null, field: '' };
  return { scope: 'details', slideIndex: null, field: path.map(String).join('.') };
}

/** The key a form uses to look up its field's messages. */
export function fieldKey(scope: FieldScope, field: string, slideId?: string | null): string {
  return scope === 'slide' ? `slide/${slideId ?? ''}/${field}` : `${scope}/${field}`;
}

/** The DOM id of a field's input, so the summary can focus it. */
export function fieldDomId(scope: FieldScope, field: string): string {
  const tail = field ? `-${field.replace(/\./g, '-')}` : '';
  return `editor-${scope}${tail}`;
}

/** zod's stock messages, said the way the rest of the editor speaks. */
export function humanMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type') {
    if (issue.expected === 'int') return 'needs a whole number';
    if (issue.expected === 'number') return 'needs a number';
  }
  if (issue.code === 'too_small' && issue.origin === 'number') return `must be at least ${String(issue.minimum)}`;
  if (issue.code === 'too_big' && issue.origin === 'number') return `must be at most ${String(issue.maximum)}`;
  if (issue.code === 'too_big' && issue.origin === 'array' && issue.message.startsWith('Too big')) {
    return `has at most ${String(issue.maximum)} items`;
  }
  return issue.message;
}

/** Checks the content with the model's schema. */
export function validateContent(content: WorkshopContent): Validation {
  const result = workshopContentSchema.safeParse(content);
  const problems: Problem[] = [];
  const byField = new Map<string, string[]>();
  const bySlide = new Map<string, number>();
  if (!result.success) {
    for (const issue of result.error.issues) {
      const { scope, slideIndex, field } = fieldOfPath(issue.path);
      const slideId = slideIndex === null ? null : (content.slides[slideIndex]?.id ?? null);
      const message = humanMessage(issue);
      problems.push({ scope, slideIndex, slideId, field, path: formatPath(issue.path), message });
      const key = fieldKey(scope, field, slideId);
      byField.set(key, [...(byField.get(key) ?? []), message]);
      if (slideId !== null) bySlide.set(slideId, (bySlide.get(slideId) ?? 0) + 1);
    }
  }
  return { ok: result.success, problems, byField, bySlide };
}

const slideFieldLabels: Record<string, string> = {
  '': 'Slide',
  title: 'Title',
  subtitle: 'Subtitle',
  section: 'Section',
  minutes: 'Minutes',
  notes: 'Facilitator notes',
  quote: 'Quote',
  attribution: 'Attribution',
  prompt: 'Prompt',
  seconds: 'Timer',
  bullets: 'Bullets',
  'left.heading': 'Left heading',
  'left.items': 'Left items',
  'right.heading': 'Right heading',
  'right.items': 'Right items',
  'question.kind': 'Question kind',
  'question.prompt': 'Prompt',
  'question.dimension': 'Dimension',
  'question.options': 'Options',
  'question.debrief': 'Debrief',
  'question.min': 'Lowest value',
  'question.max': 'Highest value',
  'question.minLabel': 'Label at the low end',
  'question.maxLabel': 'Label at the high end',
};

/** A field's name as its label shows it: `question.options.1.label` is "Option B". */
export function fieldLabel(scope: FieldScope, field: string): string {
  if (scope === 'workshop') return field === 'title' ? 'Workshop title' : 'Workshop';
  if (scope === 'details') {
    const dimension = /^dimensions\.(\d+)\.(\w+)$/.exec(field);
    if (dimension) {
      const part = { id: 'id', name: 'name', leader: 'leader side', manager: 'manager side' }[dimension[2] ?? ''] ?? dimension[2];
      return `Dimension ${Number(dimension[1]) + 1} ${part}`;
    }
    return field === 'description' ? 'Description' : field === 'dimensions' ? 'Dimensions' : field;
  }
  const known = slideFieldLabels[field];
  if (known) return known;
  let match = /^bullets\.(\d+)$/.exec(field);
  if (match) return `Bullet ${Number(match[1]) + 1}`;
  match = /^(left|right)\.items\.(\d+)$/.exec(field);
  if (match) return `${match[1] === 'left' ? 'Left' : 'Right'} item ${Number(match[2]) + 1}`;
  match = /^question\.options\.(\d+)(?:\.(label|style))?$/.exec(field);
  if (match) return `Option ${optionLetter(Number(match[1]))}${match[2] === 'style' ? ' style' : ''}`;
  return field;
}

/** Where a problem is, in words: "Slide 4 (Scenario) · Prompt". */
export function problemPlace(problem: Problem, slides: readonly Slide[]): string {
  if (problem.scope === 'slide' && problem.slideIndex !== null) {
    const slide = slides[problem.slideIndex];
    const kind = slide ? ` (${kindLabel(slide.kind)})` : '';
    return `Slide ${problem.slideIndex + 1}${kind} · ${fieldLabel('slide', problem.field)}`;
  }
  if (problem.scope === 'details') return `Workshop details · ${fieldLabel('details', problem.field)}`;
  return fieldLabel('workshop', problem.field);
}

/** "fix 1 problem", "fix 3 problems". */
export function problemCount(count: number): string {
  return `${count} ${count === 1 ? 'problem' : 'problems'}`;
}
