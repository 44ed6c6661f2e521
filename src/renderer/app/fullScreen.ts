/**
 * Full screen for F, the presenter's "Full screen" button and Escape, decided in
 * one place. In the desktop app the shell puts the WINDOW in full screen (the
 * `window.toggleFullScreen` desktop action): the page's own `requestFullscreen()`
 * is refused there, by design (src/main/security.ts refuses every permission).
 * In a browser, the page's Fullscreen API does it.
 */
import type { PlenaryBridge } from '../../shared/bridge';

/** What the decision needs of the page: the bridge when there is one, and the Fullscreen API. */
export interface FullScreenPage {
  bridge: Pick<PlenaryBridge, 'desktop'> | undefined;
  document: {
    readonly fullscreenElement: unknown;
    exitFullscreen(): Promise<void>;
    readonly documentElement: { requestFullscreen?: () => Promise<void> };
  };
}

function thisPage(): FullScreenPage {
  return { bridge: window.plenary, document };
}

/** Full screen on or off: the window in the desktop app, the page in a browser. Never throws. */
export async function toggleFullScreen(page: FullScreenPage = thisPage()): Promise<void> {
  try {
    if (page.bridge) await page.bridge.desktop('window.toggleFullScreen', undefined);
    else if (page.document.fullscreenElement) await page.document.exitFullscreen();
    else await page.document.documentElement.requestFullscreen?.();
  } catch {
    // A refused request (a browser without a user gesture) changes nothing; there is nothing to tell.
  }
}

/** Out of full screen (Escape). In a browser the page leaves it by itself; in the app the shell is asked. */
export async function leaveFullScreen(page: FullScreenPage = thisPage()): Promise<void> {
  try {
    if (page.bridge) await page.bridge.desktop('window.toggleFullScreen', { fullScreen: false });
    else if (page.document.fullscreenElement) await page.document.exitFullscreen();
  } catch {
    // As above.
  }
}
