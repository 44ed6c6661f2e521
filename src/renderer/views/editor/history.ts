/**
 * A bounded undo history. Edits of the same field in quick succession merge into
 * one step, so Ctrl+Z takes back a word or a sentence, not one keystroke.
 */

export interface History<T> {
  past: T[];
  present: T;
  future: T[];
  /** What the last edit changed (e.g. a field), and when; used to merge typing. */
  lastKey: string | null;
  lastAt: number;
}

export const HISTORY_LIMIT = 100;
/** Edits of one field closer together than this become one undo step. */
export const MERGE_WINDOW_MS = 1000;

export function createHistory<T>(present: T): History<T> {
  return { past: [], present, future: [], lastKey: null, lastAt: 0 };
}

export interface PushOptions {
  /** Edits with the same key within MERGE_WINDOW_MS merge; null never merges. */
  key?: string | null;
  at?: number;
  limit?: number;
}

/** Records a new present; the redo branch is dropped. */
export function pushHistory<T>(history: History<T>, next: T, options: PushOptions = {}): History<T> {
  const { key = null, at = 0, limit = HISTORY_LIMIT } = options;
  const merge = key !== null && key === history.lastKey && at - history.lastAt < MERGE_WINDOW_MS && history.future.length === 0;
  if (merge) return { ...history, present: next, lastAt: at };
  const past = [...history.past, history.present];
  if (past.length > limit) past.splice(0, past.length - limit);
  return { past, present: next, future: [], lastKey: key, lastAt: at };
}

export const canUndo = <T>(history: History<T>) => history.past.length > 0;
export const canRedo = <T>(history: History<T>) => history.future.length > 0;

export function undoHistory<T>(history: History<T>): History<T> {
  const previous = history.past[history.past.length - 1];
  if (previous === undefined) return history;
  return {
    past: history.past.slice(0, -1),
    present: previous,
    future: [history.present, ...history.future],
    lastKey: null,
    lastAt: 0,
  };
}

export function redoHistory<T>(history: History<T>): History<T> {
  const [next, ...rest] = history.future;
  if (next === undefined) return history;
  return { past: [...history.past, history.present], present: next, future: rest, lastKey: null, lastAt: 0 };
}
