/**
 * The presenter's keys, as a pure function of the key pressed, when it was pressed,
 * and what was typed just before. Presentation clickers send PageUp/PageDown and B,
 * so they work too.
 *
 * Group numbers: digits typed within DIGIT_JOIN_MS of each other make one number
 * (1 then 0 is group 10); after that pause a new digit starts a new number. The
 * number then waits up to PENDING_MS for an option's letter. A number or letter
 * that names no group or option says so and records nothing: a vote for the wrong
 * group is worse than none, in front of the room.
 */
import { optionLetter } from '../../../shared/optionLetter';

export type KeyAction =
  | { type: 'next' }
  | { type: 'previous' }
  | { type: 'first' }
  | { type: 'last' }
  | { type: 'blackout' }
  | { type: 'fullscreen' }
  | { type: 'exitFullscreen' }
  | { type: 'toggleVoting' }
  | { type: 'reveal' }
  | { type: 'undo' }
  | { type: 'voteAgain' }
  | { type: 'byGroup' }
  | { type: 'timer' }
  | { type: 'picker' }
  | { type: 'help' }
  | { type: 'pickGroup'; groupNumber: number }
  | { type: 'vote'; groupNumber: number; optionIndex: number };

export interface KeyState {
  /** The digits typed so far, waiting for more digits or a letter; '' when none. */
  digits: string;
  /** When the last digit was typed (ms); null when no number is pending. */
  lastDigitAt: number | null;
}

/** What the keys need to know about the room to tell a real group or option from a wrong one. */
export interface KeyContext {
  groupCount: number;
  /** Options of the question on screen; 0 when the slide has none. */
  optionCount: number;
}

export interface KeyResult {
  action: KeyAction | null;
  state: KeyState;
  /** Something to tell the facilitator (a group or option that does not exist). */
  message: string | null;
}

/** Digits typed within this long of each other make one number. */
export const DIGIT_JOIN_MS = 1000;
/** A typed group number waits this long for its letter. */
export const PENDING_MS = 4000;

export const initialKeyState: KeyState = { digits: '', lastDigitAt: null };


/** The group number a state is waiting with, or null (none, or it has expired at `now`). */
export function pendingGroupOf(state: KeyState, now: number): number | null {
  if (!state.digits || state.lastDigitAt === null || now - state.lastDigitAt > PENDING_MS) return null;
  return Number(state.digits);
}

/** What a key press at time `now` means. Returns the action (or null), the next state and any message. */
export function interpretKey(key: string, state: KeyState, now: number, context: KeyContext): KeyResult {
  const none = initialKeyState;
  const pending = pendingGroupOf(state, now);
  const result = (action: KeyAction | null, next: KeyState = none, message: string | null = null): KeyResult => ({ action, state: next, message });

  if (/^[0-9]$/.test(key)) {
    const joins = pending !== null && state.lastDigitAt !== null && now - state.lastDigitAt <= DIGIT_JOIN_MS && state.digits.length < 2;
    const digits = joins ? state.digits + key : key;
    const groupNumber = Number(digits);
    const next = { digits, lastDigitAt: now };
    if (groupNumber >= 1 && groupNumber <= context.groupCount) return result({ type: 'pickGroup', groupNumber }, next);
    // "1" with 12 groups may still become 10, 11 or 12: only say so when no digit can save it.
    const canGrow = digits.length === 1 && groupNumber * 10 <= context.groupCount;
    if (canGrow) return result(null, next);
    return result(null, next, context.groupCount === 0 ? 'This session has no groups to vote for.' : `There is no group ${groupNumber}: nothing was recorded.`);
  }

  if (pending !== null && /^[a-zA-Z]$/.test(key)) {
    const optionIndex = key.toUpperCase().charCodeAt(0) - 65;
    if (pending < 1 || pending > context.groupCount) return result(null, none, `There is no group ${pending}: nothing was recorded.`);
    if (context.optionCount === 0) return result(null, none, 'This slide has no question to vote on.');
    if (optionIndex >= context.optionCount) return result(null, none, `There is no option ${optionLetter(optionIndex)}: nothing was recorded.`);
    return result({ type: 'vote', groupNumber: pending, optionIndex });
  }

  switch (key) {
    case 'ArrowRight':
    case ' ':
    case 'PageDown':
      return result({ type: 'next' });
    case 'ArrowLeft':
    case 'PageUp':
      return result({ type: 'previous' });
    case 'Home':
      return result({ type: 'first' });
    case 'End':
      return result({ type: 'last' });
    case 'b':
    case 'B':
    case '.':
      return result({ type: 'blackout' });
    case 'f':
    case 'F':
      return result({ type: 'fullscreen' });
    case 'Escape':
      return result({ type: 'exitFullscreen' });
    case 'v':
    case 'V':
      return result({ type: 'toggleVoting' });
    case 'r':
    case 'R':
      return result({ type: 'reveal' });
    case 'u':
    case 'U':
      return result({ type: 'undo' });
    case 'g':
    case 'G':
      return result({ type: 'byGroup' });
    case 'n':
    case 'N':
      return result({ type: 'voteAgain' });
    case 't':
    case 'T':
      return result({ type: 'timer' });
    case 'j':
    case 'J':
      return result({ type: 'picker' });
    case '?':
      return result({ type: 'help' });
    default:
      // Shift, a stray modifier: what was typed before keeps waiting.
      return result(null, pending === null ? none : state);
  }
}

/** The keys, as the help overlay lists them. */
export const KEY_HELP: [string, string][] = [
  ['→  Space  PageDown', 'Next slide'],
  ['←  PageUp', 'Previous slide'],
  ['Home  End', 'First slide, last slide'],
  ['J', 'Jump to a slide (type to filter, Enter to go)'],
  ['B', 'Black screen (press again to come back)'],
  ['F', 'Full screen'],
  ['Esc', 'Leave full screen, close this help'],
  ['V', 'Open or close voting (with the countdown chosen beside the button)'],
  ['R', 'Reveal the votes (once at least one vote is in)'],
  ['1–12 then A, B, C…', 'A group’s vote: its number, then the option’s letter. Digits typed within a second make one number: 1 0 A is group 10 voting A; 1, a pause, then A is group 1'],
  ['U', 'Undo the last vote'],
  ['N', 'Vote again: a new round on a revealed question, after the debrief (the earlier rounds are kept)'],
  ['G', 'Revealed results: split by group, or the room as one'],
  ['T', 'Discussion timer: start or pause'],
  ['?', 'Show these keys'],
];

/** True when the key was typed into a field, where it must not drive the session. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** The Vote again button's words, the same on every question's controls: its key and the round it starts. */
export function voteAgainLabel(view: { round?: number | undefined }): string {
  return `Vote again (N): round ${(view.round ?? 1) + 1}`;
}

/** Why R must not reveal yet, or null when it may: an empty chart and the answer key would spoil the question. */
export function revealRefusal(view: { voteCount: number; revealed: boolean } | undefined, votingMode?: 'groups' | 'hands' | 'phones'): string | null {
  if (!view) return 'This slide has no question to reveal.';
  if (view.revealed) return null;
  if (view.voteCount === 0) {
    return votingMode === 'hands'
      ? 'Nothing to reveal yet: no hand is counted. Type the counts first.'
      : 'Nothing to reveal yet: no vote is in. Open voting (V) and let the room answer first.';
  }
  return null;
}

/**
 * Slide moves that arrive faster than the host answers: each press moves one slide
 * from where the previous press was going, not from the last snapshot, so ten quick
 * presses move ten slides. Pure: the caller sends `target` and calls `settle` when
 * the host has answered every move.
 */
export interface SlideCursor {
  /** Where the queued moves are heading; null when none is queued. */
  target: number | null;
}

/** The slide a move lands on, clamped to the session; null when it would not move. */
export function nextTarget(cursor: SlideCursor, shown: number, slideCount: number, move: 'next' | 'previous' | 'first' | 'last' | number): number | null {
  const from = cursor.target ?? shown;
  const wanted = move === 'next' ? from + 1 : move === 'previous' ? from - 1 : move === 'first' ? 0 : move === 'last' ? slideCount - 1 : move;
  const clamped = Math.max(0, Math.min(slideCount - 1, wanted));
  return clamped === from ? null : clamped;
}
