import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SIZE, MIN_SIZE, readWindowState, restoreState, writeWindowState } from './windowState';

const laptop = { x: 0, y: 0, width: 1440, height: 870 };
const projector = { x: 1440, y: 0, width: 1920, height: 1080 };

describe('restoreState', () => {
  it('keeps a place that is on a display', () => {
    const saved = { bounds: { x: 100, y: 50, width: 1200, height: 800 }, maximized: true };
    expect(restoreState(saved, [laptop])).toEqual({ bounds: { x: 100, y: 50, width: 1200, height: 800 }, maximized: true });
  });

  it('drops the position when it was on a display that has gone', () => {
    const saved = { bounds: { x: 1600, y: 100, width: 1200, height: 800 }, maximized: false };
    expect(restoreState(saved, [laptop, projector]).bounds).toEqual({ x: 1600, y: 100, width: 1200, height: 800 });
    expect(restoreState(saved, [laptop]).bounds).toEqual({ width: 1200, height: 800 });
  });

  it('drops a position whose title bar is above the screen', () => {
    const saved = { bounds: { x: 100, y: -500, width: 1200, height: 800 }, maximized: false };
    expect(restoreState(saved, [laptop]).bounds).toEqual({ width: 1200, height: 800 });
  });

  it('clamps sizes to the minimum and to the largest display', () => {
    expect(restoreState({ bounds: { x: 0, y: 0, width: 10, height: 10 } }, [laptop]).bounds).toMatchObject(MIN_SIZE);
    expect(restoreState({ bounds: { x: 0, y: 0, width: 9000, height: 9000 } }, [laptop]).bounds).toMatchObject({ width: 1440, height: 870 });
  });

  it('falls back to the default for junk', () => {
    for (const junk of [null, 'x', 42, {}, { bounds: { x: 'a', y: 0, width: 1, height: 1 } }, { bounds: { x: Infinity, y: 0, width: 1, height: 1 } }]) {
      expect(restoreState(junk, [laptop])).toEqual({ bounds: DEFAULT_SIZE, maximized: false });
    }
  });
});

describe('reading and writing', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('round-trips, and reads a broken file as nothing', () => {
    dir = mkdtempSync(join(tmpdir(), 'plenary-window-'));
    const file = join(dir, 'window-state.json');
    expect(readWindowState(file)).toBeNull();
    const state = { bounds: { x: 1, y: 2, width: 1000, height: 700 }, maximized: false };
    writeWindowState(file, state);
    expect(readWindowState(file)).toEqual(state);
    writeFileSync(file, '{ broken');
    expect(readWindowState(file)).toBeNull();
  });

  it('does not throw when the folder is missing', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(() => writeWindowState(join(tmpdir(), 'plenary-no-such-dir', 'x', 'w.json'), { bounds: { x: 0, y: 0, width: 1, height: 1 }, maximized: false })).not.toThrow();
    expect(warn).toHaveBeenCalledOnce();
    warn.mockRestore();
  });
});
