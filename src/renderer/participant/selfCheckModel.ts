/**
 * The self-check on a phone (issue 17): every statement on one screen, a row of
 * big buttons each, and on an "after" self-check a second row per statement for
 * "looking back, where were you before today?". Pure: the page's state in, what
 * is shown out. The person's answers are theirs: kept on this phone
 * (storage.ts `selfCheckKey`) and sent one by one as ordinary scale answers.
 */
import type { ParticipantScaleQuestion, ParticipantSelfCheckItem } from '../../shared/participant';
import type { StoredSelfChecks } from './storage';

export type RatingOutcome = 'received' | 'closed' | 'slow' | 'full' | 'invalid' | 'not-found' | 'network' | 'failed';

/** What the page knows about the self-check beyond the server's state. */
export interface SelfCheckState {
  own: StoredSelfChecks;
  /** Answers on their way: item id → value. */
  pending: Record<string, number>;
  /** The latest answer that did not get through, and why. */
  failed: { itemId: string; value: number; outcome: RatingOutcome } | null;
}

export function initialSelfCheckState(own: StoredSelfChecks): SelfCheckState {
  return { own, pending: Object.create(null) as Record<string, number>, failed: null };
}

export const SELF_CHECK_TEXT = {
  nowRow: 'Now',
  thenRow: 'Before today',
  saved: 'Saved on this phone and counted for the room',
  private: 'Your answers stay yours: the screen and the facilitator see only the room’s averages.',
  allDone: 'All answered. Thank you! You can still change any answer while it is open.',
  closed: 'The self-check is closed.',
  roomMean: 'Room average',
  tooFew: 'Too few answers to show the room’s average',
  notSent: 'Not sent: check the Wi-Fi',
  fullText: 'Not counted: this session takes no more phones. Ask the facilitator.',
  failedText: 'Not sent: the host had a problem',
  invalidText: 'That answer was not accepted: reload the page',
} as const;

export interface PointView {
  value: number;
  /** "3", and the end labels under the first and last point. */
  label: string;
  pressed: boolean;
  busy: boolean;
}

export interface RatingRowView {
  itemId: string;
  dimension: string;
  then: boolean;
  /** "Now" / "Before today" on an "after" self-check; '' on a "before" one. */
  heading: string;
  /** An accessible name for the row: the statement, and which rating. */
  label: string;
  points: PointView[];
  /** The value the host confirmed, or null. */
  mine: number | null;
  /** Once revealed: "Room average 3.4 (18 answers)", or why not. */
  room: string;
}

export interface StatementView {
  dimension: string;
  prompt: string;
  rows: RatingRowView[];
}

export interface SelfCheckScreenView {
  id: string;
  prompt: string;
  /** The then-rating's question, on an "after" self-check. */
  thenPrompt: string;
  open: boolean;
  minLabel: string;
  maxLabel: string;
  statements: StatementView[];
  answered: number;
  total: number;
  /** "8 of 12 answered" */
  progress: string;
  /** Below the statements: progress news, or what went wrong. */
  note: string;
  noteKind: 'ok' | 'error' | 'info';
  /** Offer to send the answer that failed again. */
  retry: boolean;
}

function ownValue(record: Record<string, number> | undefined, key: string): number | null {
  return record && Object.prototype.hasOwnProperty.call(record, key) ? record[key]! : null;
}

/** The confirmed answer to one item, from what the phone kept. */
export function keptRating(own: StoredSelfChecks, selfCheckId: string, item: Pick<ParticipantSelfCheckItem, 'dimension' | 'then'>): number | null {
  const check = Object.prototype.hasOwnProperty.call(own.checks, selfCheckId) ? own.checks[selfCheckId] : undefined;
  if (!check) return null;
  return ownValue(item.then ? check.then : check.now, item.dimension);
}

function formatMean(mean: number): string {
  return (Math.round(mean * 10) / 10).toFixed(1);
}

const FAILURES: Partial<Record<RatingOutcome, string>> = {
  network: SELF_CHECK_TEXT.notSent,
  failed: SELF_CHECK_TEXT.failedText,
  full: SELF_CHECK_TEXT.fullText,
  invalid: SELF_CHECK_TEXT.invalidText,
  closed: SELF_CHECK_TEXT.closed,
};

/** Everything the self-check screen shows. */
export function selfCheckScreen(question: ParticipantScaleQuestion, state: SelfCheckState): SelfCheckScreenView {
  const items = question.items ?? [];
  const open = question.status === 'open';
  const after = question.phase === 'after';
  const values: number[] = [];
  for (let value = question.min; value <= question.max; value += 1) values.push(value);
  const statements: StatementView[] = [];
  let answered = 0;
  for (const item of items) {
    const mine = keptRating(state.own, question.id, item);
    if (mine !== null) answered += 1;
    const sending = Object.prototype.hasOwnProperty.call(state.pending, item.id) ? state.pending[item.id]! : null;
    const shown = sending ?? mine;
    const heading = after ? (item.then ? SELF_CHECK_TEXT.thenRow : SELF_CHECK_TEXT.nowRow) : '';
    let room = '';
    if (question.results) {
      room = item.results && item.results.mean !== null
        ? SELF_CHECK_TEXT.roomMean + ' ' + formatMean(item.results.mean) + ' (' + item.results.answers + (item.results.answers === 1 ? ' answer)' : ' answers)')
        : SELF_CHECK_TEXT.tooFew;
    }
    const row: RatingRowView = {
      itemId: item.id,
      dimension: item.dimension,
      then: item.then === true,
      heading,
      label: heading ? item.prompt + ' (' + heading.toLowerCase() + ')' : item.prompt,
      points: values.map((value) => ({ value, label: String(value), pressed: shown === value, busy: sending === value })),
      mine,
      room,
    };
    const last = statements[statements.length - 1];
    if (item.then && last && last.dimension === item.dimension) last.rows.push(row);
    else statements.push({ dimension: item.dimension, prompt: item.prompt, rows: [row] });
  }
  const total = items.length;
  let note: string = SELF_CHECK_TEXT.private;
  let noteKind: SelfCheckScreenView['noteKind'] = 'info';
  let retry = false;
  if (state.failed && Object.prototype.hasOwnProperty.call(FAILURES, state.failed.outcome)) {
    note = FAILURES[state.failed.outcome]!;
    noteKind = 'error';
    retry = open && (state.failed.outcome === 'network' || state.failed.outcome === 'failed');
  } else if (!open) {
    note = SELF_CHECK_TEXT.closed;
  } else if (total > 0 && answered === total) {
    note = SELF_CHECK_TEXT.allDone;
    noteKind = 'ok';
  }
  return {
    id: question.id,
    prompt: question.prompt,
    thenPrompt: after ? question.thenPrompt || '' : '',
    open,
    minLabel: question.minLabel,
    maxLabel: question.maxLabel,
    statements,
    answered,
    total,
    progress: answered + ' of ' + total + ' answered',
    note,
    noteKind,
    retry,
  };
}
