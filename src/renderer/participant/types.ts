/**
 * The participant protocol's state (../shared/PROTOCOL.md), as the phone reads it.
 * The page keeps its own copy of the type: the renderer does not import the core.
 */
export interface ParticipantOption {
  id: string;
  label: string;
}

export interface ParticipantQuestion {
  id: string;
  prompt: string;
  options: ParticipantOption[];
  status: 'open' | 'closed';
  /** Totals by option id, null until the facilitator reveals them. */
  results: Record<string, number> | null;
}

export interface ParticipantGroup {
  id: string;
  name: string;
}

export interface ParticipantState {
  session: { title: string; groups: ParticipantGroup[] };
  question: ParticipantQuestion | null;
  /** Sent once, in the last frame of the event stream, when the session ends. */
  ended?: boolean;
}

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

/** Reads the server's JSON defensively: null when it is not a participant state. */
export function parseState(json: unknown): ParticipantState | null {
  if (!isObject(json) || !isObject(json.session)) return null;
  const session = {
    title: str(json.session.title),
    groups: idLabelList(json.session.groups, 'name').map(({ id, text }) => ({ id, name: text })),
  };
  const q = json.question;
  let question: ParticipantQuestion | null = null;
  if (isObject(q) && typeof q.id === 'string') {
    question = {
      id: q.id,
      prompt: str(q.prompt),
      options: idLabelList(q.options, 'label').map(({ id, text }) => ({ id, label: text })),
      status: q.status === 'open' ? 'open' : 'closed',
      results: parseResults(q.results),
    };
  }
  const state: ParticipantState = { session, question };
  if (json.ended === true) state.ended = true;
  return state;
}
