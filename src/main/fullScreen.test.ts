import { describe, expect, it } from 'vitest';
import { ApiError } from '../shared/errors';
import { applyFullScreen, type FullScreenWindow } from './fullScreen';

/** A window as Electron reports it: full screen is what setFullScreen last set. */
function fakeWindow(fullScreen = false): FullScreenWindow & { calls: boolean[] } {
  const calls: boolean[] = [];
  return {
    calls,
    isDestroyed: () => false,
    isFullScreen: () => fullScreen,
    setFullScreen: (flag) => {
      calls.push(flag);
      fullScreen = flag;
    },
  };
}

describe('full screen by the shell', () => {
  it('toggles the calling window, and says where it ended', () => {
    const window = fakeWindow();
    expect(applyFullScreen(window)).toEqual({ fullScreen: true });
    expect(applyFullScreen(window)).toEqual({ fullScreen: false });
    expect(window.calls).toEqual([true, false]);
  });

  it('sets it when told, and leaves a window already there alone', () => {
    const window = fakeWindow(true);
    expect(applyFullScreen(window, true)).toEqual({ fullScreen: true });
    expect(window.calls).toEqual([]);
    expect(applyFullScreen(window, false)).toEqual({ fullScreen: false });
    expect(window.calls).toEqual([false]);
  });

  it('refuses a page without a window (or a closed one)', () => {
    expect(() => applyFullScreen(null)).toThrow(ApiError);
    expect(() => applyFullScreen({ ...fakeWindow(), isDestroyed: () => true })).toThrow(/no window/);
  });
});
