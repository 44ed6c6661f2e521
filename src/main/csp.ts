/**
 * The renderer's Content Security Policy, in the desktop app and in its built
 * index.html: the Node host's policy (src/server/securityHeaders.ts), so the
 * renderer behaves the same in both. No Electron here: electron.vite.config.ts
 * writes the page's <meta> from it, and it is unit-tested.
 */
import { CONTENT_SECURITY_POLICY } from '../server/securityHeaders';

/**
 * The policy. WARNING: the Vite dev server's React refresh preamble is an inline
 * script and its hot reload a websocket, so development (only: `npm run dev`)
 * allows inline scripts and ws: to the local dev server. A packaged or built app
 * never gets these (`isDev` is false whenever the app is packaged).
 */
export function contentSecurityPolicy(isDev: boolean): string {
  if (!isDev) return CONTENT_SECURITY_POLICY;
  return CONTENT_SECURITY_POLICY.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'").replace(
    "connect-src 'self'",
    "connect-src 'self' ws://localhost:* ws://127.0.0.1:*",
  );
}

/** The policy as a <meta> tag can carry it: `frame-ancestors` is ignored there (the shell and the host send it as a header). */
export function metaContentSecurityPolicy(isDev: boolean): string {
  return contentSecurityPolicy(isDev)
    .split('; ')
    .filter((directive) => !directive.startsWith('frame-ancestors'))
    .join('; ');
}
