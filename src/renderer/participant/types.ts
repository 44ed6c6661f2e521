/**
 * The participant protocol as the phone reads it. The types are the protocol's
 * own (src/shared/participant.ts, types only: nothing of them reaches the bundle);
 * this file reads the server's JSON defensively into them.
 */
import type { ParticipantAnswerKey, ParticipantFrame, ParticipantQuestion, ParticipantScaleQuestion, ParticipantSelfCheckItem, ParticipantTextQuestion, ParticipantWord } from '../../shared/participant';

export type { ParticipantFrame, ParticipantGroup, ParticipantOption, ParticipantQuestion } from '../../shared/participant';
/** What the page holds: the last frame it read (with `ended` once the session is over). */
export type ParticipantState = ParticipantFrame;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function idLabelList(value: unknown, labelKey: 'label' | 'name'): { id: string; text: string }[] {
  if (!Array.isArray(value)) return [];
  const out: { id: string; text: string }[] = [];
  for (const item of value) {
    if (isObject(item) && typeof item.id === 'string' && item.id !== '') out.push({ id: item.id, text: str(item[labelKey]) });
  }
  return out;
}

function parseResults(value: unknown): Record<string, number> | null {
  if (!isObject(value)) return null;
  // Prototype-free: option ids are a workshop's to choose.
  const results = Object.create(null) as Record<string, number>;
  for (const key of Object.keys(value)) {
    const n = value[key];
    results[key] = typeof n === 'number' && isFinite(n) && n > 0 ? n : 0;
  }
  return results;
}

function parseAnswerKey(value: unknown): ParticipantAnswerKey | null {
  if (!isObject(value) || !isObject(value.dimension) || !isObject(value.styles)) return null;
  const styles = Object.create(null) as ParticipantAnswerKey['styles'];
  for (const key of Object.keys(value.styles)) {
    const style = value.styles[key];
    if (style === 'leader' || style === 'manager' || style === 'neutral') styles[key] = style;
  }
  return { dimension: { id: str(value.dimension.id), name: str(value.dimension.name) }, styles };
}

function int(value: unknown, fallback: number): number {
  return typeof value === 'number' && Math.floor(value) === value && value >= 0 && value <= 100 ? value : fallback;
}

function count(value: unknown): number {
  return typeof value === 'number' && isFinite(value) && value > 0 ? value : 0;
}

/** A revealed open question: how many answered, and the words with their counts. */
function parseTextResults(value: unknown): ParticipantTextQuestion['results'] {
  if (!isObject(value)) return null;
  const words: ParticipantWord[] = [];
  if (Array.isArray(value.words)) {
    for (const word of value.words) if (isObject(word) && typeof word.text === 'string' && word.text !== '') words.push({ text: word.text, count: count(word.count) });
  }
  const themes = Array.isArray(value.themes)
    ? value.themes.filter(isObject).map((t) => ({ dimensionId: str(t.dimensionId), name: str(t.name), count: count(t.count) }))
    : undefined;
  return { answers: count(value.answers), words, ...(themes ? { themes } : {}) };
}

/** A revealed rating: answers per value and their mean. */
function parseScaleResults(value: unknown): ParticipantScaleQuestion['results'] {
  if (!isObject(value)) return null;
  const mean = typeof value.mean === 'number' && isFinite(value.mean) ? value.mean : null;
  return { answers: count(value.answers), counts: parseResults(value.counts) || (Object.create(null) as Record<string, number>), mean };
}

function num(value: unknown, fallback: number): number {
  return typeof value === 'number' && isFinite(value) ? value : fallback;
}

/** A self-check (docs/protocol.md): a scale question with its statements as `items`. */
function parseSelfCheck(q: Record<string, unknown>, id: string): ParticipantScaleQuestion {
  const items: ParticipantSelfCheckItem[] = [];
  for (const item of q.items as unknown[]) {
    if (!isObject(item) || typeof item.id !== 'string' || item.id === '') continue;
    items.push({ id: item.id, prompt: str(item.prompt), dimension: str(item.dimension), ...(item.then === true ? { then: true as const } : {}), results: parseScaleResults(item.results) });
  }
  const min = num(q.min, 1);
  return {
    id,
    type: 'scale',
    prompt: str(q.prompt),
    status: q.status === 'open' ? 'open' : 'closed',
    min,
    max: Math.max(min + 1, num(q.max, 5)),
    minLabel: str(q.minLabel),
    maxLabel: str(q.maxLabel),
    results: parseScaleResults(q.results),
    phase: q.phase === 'after' ? 'after' : 'before',
    thenPrompt: str(q.thenPrompt),
    items,
  };
}

/** A slide's picture as the server names it: a SHA-256 (so it is safe in a URL) and its alt text; null otherwise. */
export function parsePicture(value: unknown): { asset: string; alt: string } | null {
  if (!isObject(value) || typeof value.asset !== 'string' || !/^[0-9a-f]{64}$/.test(value.asset)) return null;
  return { asset: value.asset, alt: str(value.alt) };
}

/** Reads the server's JSON defensively: null when it is not a participant state. */
export function parseState(json: unknown): ParticipantState | null {
  if (!isObject(json) || !isObject(json.session)) return null;
  const session = {
    title: str(json.session.title),
    groups: idLabelList(json.session.groups, 'name').map(({ id, text }) => ({ id, name: text })),
  };
  const q = json.question;
  let question: ParticipantQuestion | null = null;
  if (isObject(q) && typeof q.id === 'string' && q.type === 'scale' && Array.isArray(q.items)) {
    question = parseSelfCheck(q, q.id);
  } else if (isObject(q) && typeof q.id === 'string') {
    const common = { id: q.id, prompt: str(q.prompt), status: q.status === 'open' ? ('open' as const) : ('closed' as const) };
    if (q.type === 'text') {
      question = {
        ...common,
        type: 'text',
        results: parseTextResults(q.results),
        // A commitments slide: each answer is tied to one of these (docs/protocol.md).
        ...(Array.isArray(q.dimensions) ? { dimensions: idLabelList(q.dimensions, 'name').map(({ id, text }) => ({ id, name: text })) } : {}),
      };
    } else if (q.type === 'scale') {
      const min = int(q.min, 1);
      const max = Math.max(min + 1, int(q.max, 5));
      question = { ...common, type: 'scale', min, max, minLabel: str(q.minLabel), maxLabel: str(q.maxLabel), results: parseScaleResults(q.results) };
    } else {
      const answerKey = parseAnswerKey(q.answerKey);
      question = {
        ...common,
        type: 'choice',
        options: idLabelList(q.options, 'label').map(({ id, text }) => ({ id, label: text })),
        results: parseResults(q.results),
        ...(answerKey ? { answerKey } : {}),
      };
    }
    const picture = parsePicture(q.picture);
    if (picture) question.picture = picture;
  }
  return json.ended === true ? { session, question: null, ended: true } : { session, question };
}
