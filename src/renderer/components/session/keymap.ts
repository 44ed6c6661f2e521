/**
 * The presenter's keys, as a pure function of the key pressed and what was typed
 * just before (a group's number waits for an option's letter). Presentation
 * clickers send PageUp/PageDown and B, so they work too.
 */
export type KeyAction =
  | { type: 'next' }
  | { type: 'previous' }
  | { type: 'blackout' }
  | { type: 'fullscreen' }
  | { type: 'exitFullscreen' }
  | { type: 'toggleVoting' }
  | { type: 'reveal' }
  | { type: 'undo' }
  | { type: 'byGroup' }
  | { type: 'help' }
  | { type: 'pickGroup'; groupNumber: number }
  | { type: 'vote'; groupNumber: number; optionIndex: number };

export interface KeyState {
  /** The group number typed, waiting for a letter; null when none. */
  pendingGroup: number | null;
}

export const initialKeyState: KeyState = { pendingGroup: null };

/** What a key press means. Returns the action (or null) and the next state. */
export function interpretKey(key: string, state: KeyState): { action: KeyAction | null; state: KeyState } {
  const none = { pendingGroup: null };
  if (state.pendingGroup !== null && /^[a-zA-Z]$/.test(key)) {
    return { action: { type: 'vote', groupNumber: state.pendingGroup, optionIndex: key.toUpperCase().charCodeAt(0) - 65 }, state: none };
  }
  if (/^[1-9]$/.test(key)) {
    const groupNumber = Number(key);
    return { action: { type: 'pickGroup', groupNumber }, state: { pendingGroup: groupNumber } };
  }
  switch (key) {
    case 'ArrowRight':
    case ' ':
    case 'PageDown':
      return { action: { type: 'next' }, state: none };
    case 'ArrowLeft':
    case 'PageUp':
      return { action: { type: 'previous' }, state: none };
    case 'b':
    case 'B':
    case '.':
      return { action: { type: 'blackout' }, state: none };
    case 'f':
    case 'F':
      return { action: { type: 'fullscreen' }, state: none };
    case 'Escape':
      return { action: { type: 'exitFullscreen' }, state: none };
    case 'v':
    case 'V':
      return { action: { type: 'toggleVoting' }, state: none };
    case 'r':
    case 'R':
      return { action: { type: 'reveal' }, state: none };
    case 'u':
    case 'U':
      return { action: { type: 'undo' }, state: none };
    case 'g':
    case 'G':
      return { action: { type: 'byGroup' }, state: none };
    case '?':
      return { action: { type: 'help' }, state: none };
    default:
      return { action: null, state };
  }
}

/** The keys, as the help overlay lists them. */
export const KEY_HELP: [string, string][] = [
  ['→  Space  PageDown', 'Next slide'],
  ['←  PageUp', 'Previous slide'],
  ['B', 'Black screen (press again to come back)'],
  ['F', 'Full screen'],
  ['Esc', 'Leave full screen, close this help'],
  ['V', 'Open or close voting'],
  ['R', 'Reveal the votes'],
  ['1–9 then A, B, C…', 'A group’s vote (group number, then the option’s letter)'],
  ['U', 'Undo the last vote'],
  ['G', 'Revealed results: split by group, or the room as one'],
  ['?', 'Show these keys'],
];

/** True when the key was typed into a field, where it must not drive the session. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}
