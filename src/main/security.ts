/**
 * The shell's security settings: the CSP, permission refusal, and the navigation
 * guards (the web preferences are in windows.ts, the CSP in csp.ts). docs/desktop.md explains
 * each choice.
 */
import { shell, type Session, type WebContents } from 'electron';
import { isAppUrl, isExternalWebUrl, type RendererEntry } from './appUrl';


/** Sets the CSP on every response the session sees, and refuses every permission. */
export function hardenSession(target: Session, csp: string): void {
  target.webRequest.onHeadersReceived((details, callback) => {
    const responseHeaders = Object.fromEntries(
      Object.entries(details.responseHeaders ?? {}).filter(([name]) => name.toLowerCase() !== 'content-security-policy'),
    );
    responseHeaders['Content-Security-Policy'] = [csp];
    callback({ responseHeaders });
  });
  // Camera, microphone, notifications, geolocation, fullscreen requests from the
  // page...: Plenary needs none. WARNING: so the page's requestFullscreen() fails
  // here; F, the button and the menu go through the shell (fullScreen.ts).
  target.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  // WARNING: "Copy link" (navigator.clipboard.writeText) needs this check to pass;
  // writing to the clipboard reveals nothing, reading it stays refused.
  target.setPermissionCheckHandler((_contents, permission) => permission === 'clipboard-sanitized-write');
}

/**
 * Guards one webContents: no navigation away from our page, no new windows (http(s)
 * links open in the user's browser instead), no <webview>.
 */
export function guardWebContents(contents: WebContents, entry: RendererEntry): void {
  const openOutside = (url: string) => {
    if (isExternalWebUrl(url)) void shell.openExternal(url).catch((error: unknown) => console.warn('Plenary: could not open a link', error));
  };
  contents.on('will-navigate', (event, url) => {
    if (isAppUrl(url, entry)) return;
    event.preventDefault();
    openOutside(url);
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url, entry)) event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    openOutside(url);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}
