/**
 * Full screen by the shell. WARNING: the page's own `requestFullscreen()` does
 * nothing in the app: the session's permission handler refuses every permission,
 * `fullscreen` included (security.ts). So F, the presenter's button and the View
 * menu all come here (the first two over the `window.toggleFullScreen` desktop
 * action), and the window itself goes full screen, as VS Code's does.
 * Only types from Electron: this runs under plain Node in its test.
 */
import { ApiError } from '../shared/errors';

/** The part of a BrowserWindow full screen needs. */
export interface FullScreenWindow {
  isDestroyed(): boolean;
  isFullScreen(): boolean;
  setFullScreen(flag: boolean): void;
}

/**
 * Puts the calling window in full screen or takes it out: toggled, or as `wanted`
 * says. Answers the state the window reports afterwards.
 */
export function applyFullScreen(window: FullScreenWindow | null, wanted?: boolean): { fullScreen: boolean } {
  if (!window || window.isDestroyed()) throw new ApiError('not_found', 'This page has no window to put in full screen.');
  const next = wanted ?? !window.isFullScreen();
  if (next !== window.isFullScreen()) window.setFullScreen(next);
  return { fullScreen: window.isFullScreen() };
}
