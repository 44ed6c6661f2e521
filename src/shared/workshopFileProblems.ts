/**
 * What is wrong with a workshop file, in the words of someone who wrote it: not
 * `workshop.slides[7].question.options[0].style: Invalid option`, but
 * "Scenario 3, option A: its lean must be leader, manager or neutral". Places are
 * counted as the facilitator counts them (slides and scenarios from 1, options by
 * their letter), from the file's own text, since the file may not parse as a workshop.
 */
import type { z } from 'zod';
import { optionLetter } from './optionLetter';

type Path = readonly PropertyKey[];

/** The words for a field, as the editor labels it. */
const fieldWords: Record<string, string> = {
  format: 'format',
  version: 'version',
  workshop: 'workshop',
  title: 'title',
  description: 'description',
  dimensions: 'dimensions',
  slides: 'slides',
  id: 'id',
  name: 'name',
  leader: 'leader side',
  manager: 'manager side',
  kind: 'kind',
  section: 'section',
  minutes: 'minutes',
  notes: 'facilitator notes',
  subtitle: 'subtitle',
  bullets: 'bullets',
  left: 'left column',
  right: 'right column',
  heading: 'heading',
  items: 'items',
  quote: 'quote',
  attribution: 'attribution',
  prompt: 'prompt',
  seconds: 'timer',
  question: 'question',
  dimension: 'dimension',
  options: 'options',
  debrief: 'debrief',
  label: 'label',
  style: 'lean',
  picture: 'picture',
  alt: 'alt text',
  asset: 'picture',
  mediaType: 'picture type',
  pictures: 'pictures',
  data: 'bytes',
};

const typeWords: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  array: 'a list',
  object: 'an object with fields',
  boolean: 'true or false',
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** "leader, manager or neutral" */
export function orList(values: readonly unknown[]): string {
  const words = values.map(String);
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}

/** "Slide 4", or "Scenario 3" for the third scenario slide, counted in the file as written. */
function slideName(slides: unknown, index: number): string {
  if (!Array.isArray(slides)) return `Slide ${index + 1}`;
  const slide: unknown = slides[index];
  if (!isRecord(slide) || slide.kind !== 'scenario') return `Slide ${index + 1}`;
  const scenarioNumber = slides.slice(0, index + 1).filter((s) => isRecord(s) && s.kind === 'scenario').length;
  return `Scenario ${scenarioNumber}`;
}

/**
 * Splits a path into the thing a person would point at ("Scenario 3, option A")
 * and the field of it that is wrong ("style"); the field is null when the whole
 * thing is at fault.
 */
export function placeOf(path: Path, file: unknown): { place: string; field: string | null } {
  const inWorkshop = path[0] === 'workshop';
  if (!inWorkshop) return { place: 'This file', field: path.length > 0 ? String(path[0]) : null };
  const rest = path.slice(1);
  const workshop = isRecord(file) ? file.workshop : undefined;
  const [head, index, ...tail] = rest;
  if (head === undefined) return { place: 'This file', field: 'workshop' };
  if (typeof index !== 'number') return { place: 'The workshop', field: String(head) };
  const parts: string[] = [];
  if (head === 'dimensions') parts.push(`Dimension ${index + 1}`);
  else if (head === 'slides') parts.push(slideName(isRecord(workshop) ? workshop.slides : undefined, index));
  else parts.push(`${fieldWords[String(head)] ?? String(head)} ${index + 1}`);
  let field: string | null = null;
  for (let i = 0; i < tail.length; i++) {
    const key = tail[i];
    const next = tail[i + 1];
    // The question is part of its scenario: "Scenario 3: its prompt", not "Scenario 3, question: …".
    if (key === 'question' && next !== undefined) continue;
    if (typeof next === 'number') {
      if (key === 'options') parts.push(`option ${optionLetter(next)}`);
      else if (key === 'bullets') parts.push(`bullet ${next + 1}`);
      else if (key === 'items') parts.push(`item ${next + 1}`);
      else parts.push(`${fieldWords[String(key)] ?? String(key)} ${next + 1}`);
      i++;
      continue;
    }
    if ((key === 'left' || key === 'right') && next !== undefined) {
      parts.push(fieldWords[key] ?? key);
      continue;
    }
    field = String(key);
  }
  return { place: parts.join(', '), field };
}

/** What is wrong, said of the field: "its lean must be leader, manager or neutral". */
function complaint(issue: z.core.$ZodIssue, field: string | null): string {
  const its = field === null ? 'it' : `its ${fieldWords[field] ?? field}`;
  switch (issue.code) {
    case 'invalid_value':
      return `${its} must be ${orList(issue.values)}`;
    case 'invalid_union':
      if ('options' in issue && Array.isArray(issue.options)) return `${its} must be ${orList(issue.options)}`;
      return `${its} is not valid`;
    case 'invalid_type':
      if (/received undefined$/.test(issue.message)) return `${its} is missing`;
      return `${its} must be ${typeWords[issue.expected] ?? issue.expected}`;
    case 'too_small':
    case 'too_big': {
      // Our own schemas' messages already speak plainly ("needs at least 2 options").
      if (!/^Too (small|big)/.test(issue.message)) return issue.message;
      const bound = issue.code === 'too_small' ? `at least ${String(issue.minimum)}` : `at most ${String(issue.maximum)}`;
      if (issue.origin === 'array') return `${its} can have ${bound} entries`;
      if (issue.origin === 'string') return `${its} must be ${bound} characters long`;
      return `${its} must be ${bound}`;
    }
    default:
      return issue.message;
  }
}

/** One problem of a workshop file, in plain words, with the place it is in. */
export function describeWorkshopFileIssue(issue: z.core.$ZodIssue, file: unknown): string {
  const { place, field } = placeOf(issue.path, file);
  return `${place}: ${complaint(issue, field)}`;
}
