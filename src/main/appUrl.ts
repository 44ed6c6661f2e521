/**
 * Which pages are the app's own: the built renderer served on the privileged
 * `app://plenary/` protocol (appProtocol.ts) or, in development, the Vite dev
 * server. Every trust decision in the shell (IPC senders, navigation) goes through
 * `isAppUrl`. No Electron here, so it is unit-tested.
 */
import { APP_ORIGIN } from './appProtocol';

export type RendererEntry = { kind: 'app'; rendererDir: string; href: string } | { kind: 'dev'; href: string; origin: string };

/** The renderer to load: the dev server when electron-vite gives one, else the built files on app://. */
export function rendererEntry(rendererDir: string, devUrl: string | undefined): RendererEntry {
  if (devUrl) {
    const url = new URL(devUrl);
    return { kind: 'dev', href: url.href, origin: url.origin };
  }
  return { kind: 'app', rendererDir, href: `${APP_ORIGIN}/index.html` };
}

/**
 * True when `url` is our renderer page (any hash route): app://plenary/index.html
 * exactly (not another file of the app), or, in development, the dev server's origin.
 */
export function isAppUrl(url: string, entry: RendererEntry): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (entry.kind === 'dev') return parsed.origin === entry.origin && (parsed.protocol === 'http:' || parsed.protocol === 'https:');
  const own = new URL(entry.href);
  return parsed.protocol === own.protocol && parsed.host === own.host && parsed.pathname === own.pathname && parsed.search === '' && parsed.username === '';
}

/** The URL of a hash route such as `/report/abc`, for `loadURL`. */
export function routeUrl(entry: RendererEntry, route: string): string {
  const url = new URL(entry.href);
  url.hash = route;
  return url.href;
}

/** http(s) links may open in the user's browser; nothing else (file:, javascript:, custom schemes) may. */
export function isExternalWebUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}
