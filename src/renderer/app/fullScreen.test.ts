/** Under plain Node: which full screen F, the button and Escape ask for, in the app and in a browser. */
import { describe, expect, it, vi } from 'vitest';
import { leaveFullScreen, toggleFullScreen, type FullScreenPage } from './fullScreen';

function page({ desktop, fullscreen = false }: { desktop: boolean; fullscreen?: boolean }) {
  const bridge = { desktop: vi.fn(async () => ({ ok: true as const, value: { fullScreen: true } })) };
  const doc = {
    fullscreenElement: fullscreen ? {} : null,
    exitFullscreen: vi.fn(async () => undefined),
    documentElement: { requestFullscreen: vi.fn(async () => undefined) },
  };
  const target: FullScreenPage = { bridge: desktop ? bridge : undefined, document: doc };
  return { target, bridge, doc };
}

describe('full screen in the desktop app', () => {
  it('asks the shell to toggle the window, never the page', async () => {
    const { target, bridge, doc } = page({ desktop: true });
    await toggleFullScreen(target);
    expect(bridge.desktop).toHaveBeenCalledWith('window.toggleFullScreen', undefined);
    expect(doc.documentElement.requestFullscreen).not.toHaveBeenCalled();
  });

  it('asks the shell to leave full screen on Escape', async () => {
    const { target, bridge, doc } = page({ desktop: true });
    await leaveFullScreen(target);
    expect(bridge.desktop).toHaveBeenCalledWith('window.toggleFullScreen', { fullScreen: false });
    expect(doc.exitFullscreen).not.toHaveBeenCalled();
  });

  it('stays quiet when the shell refuses', async () => {
    const { target, bridge } = page({ desktop: true });
    bridge.desktop.mockRejectedValueOnce(new Error('no window'));
    await expect(toggleFullScreen(target)).resolves.toBeUndefined();
  });
});

describe('full screen in a browser', () => {
  it('uses the page’s Fullscreen API, in and out', async () => {
    const out = page({ desktop: false });
    await toggleFullScreen(out.target);
    expect(out.doc.documentElement.requestFullscreen).toHaveBeenCalledOnce();
    const inside = page({ desktop: false, fullscreen: true });
    await toggleFullScreen(inside.target);
    expect(inside.doc.exitFullscreen).toHaveBeenCalledOnce();
    await leaveFullScreen(inside.target);
    expect(inside.doc.exitFullscreen).toHaveBeenCalledTimes(2);
  });

  it('does nothing on Escape when not in full screen', async () => {
    const { target, doc } = page({ desktop: false });
    await leaveFullScreen(target);
    expect(doc.exitFullscreen).not.toHaveBeenCalled();
  });
});
