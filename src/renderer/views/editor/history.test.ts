// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { canRedo, canUndo, createHistory, MERGE_WINDOW_MS, pushHistory, redoHistory, undoHistory } from './history';

describe('history', () => {
  it('undoes and redoes in order', () => {
    let h = createHistory(1);
    h = pushHistory(h, 2);
    h = pushHistory(h, 3);
    expect(h.present).toBe(3);
    h = undoHistory(h);
    expect(h.present).toBe(2);
    h = undoHistory(h);
    expect(h.present).toBe(1);
    expect(canUndo(h)).toBe(false);
    expect(undoHistory(h)).toBe(h);
    h = redoHistory(h);
    expect(h.present).toBe(2);
    expect(canRedo(h)).toBe(true);
  });

  it('drops the redo branch on a new edit', () => {
    let h = pushHistory(pushHistory(createHistory('a'), 'b'), 'c');
    h = undoHistory(h);
    h = pushHistory(h, 'd');
    expect(h.present).toBe('d');
    expect(canRedo(h)).toBe(false);
    expect(h.past).toEqual(['a', 'b']);
  });

  it('merges quick edits of the same field into one step', () => {
    let h = createHistory('');
    h = pushHistory(h, 'H', { key: 'title', at: 1000 });
    h = pushHistory(h, 'He', { key: 'title', at: 1200 });
    h = pushHistory(h, 'Hel', { key: 'title', at: 1400 });
    expect(h.past).toEqual(['']);
    // Another field, or a pause, starts a new step.
    h = pushHistory(h, 'Hel!', { key: 'notes', at: 1500 });
    h = pushHistory(h, 'Hel!!', { key: 'notes', at: 1500 + MERGE_WINDOW_MS + 1 });
    expect(h.past).toEqual(['', 'Hel', 'Hel!']);
    // Edits without a key never merge.
    h = pushHistory(h, 'x', { at: 3000 });
    h = pushHistory(h, 'y', { at: 3001 });
    expect(h.past.slice(-2)).toEqual(['Hel!!', 'x']);
  });

  it('does not merge into a step that was undone', () => {
    let h = createHistory(0);
    h = pushHistory(h, 1, { key: 'k', at: 10 });
    h = undoHistory(h);
    h = pushHistory(h, 2, { key: 'k', at: 20 });
    expect(h.past).toEqual([0]);
    expect(undoHistory(h).present).toBe(0);
  });

  it('keeps at most `limit` steps', () => {
    let h = createHistory(0);
    for (let i = 1; i <= 10; i++) h = pushHistory(h, i, { limit: 3 });
    expect(h.past).toEqual([7, 8, 9]);
    expect(h.present).toBe(10);
  });
});
