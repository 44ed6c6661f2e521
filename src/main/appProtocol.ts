/**
 * The renderer's own origin, `app://plenary/`: a privileged, standard and secure
 * scheme (as VS Code's `vscode-file://`), so the page has a real origin for its CSP
 * (`'self'`), no file:// reach into the disk, and Electron's fuses can refuse
 * file:// privileges altogether. The handler (in index.ts) serves the built
 * renderer folder and nothing else: `resolveAppFile` is the traversal guard.
 * No Electron here, so it is unit-tested under plain Node.
 */
import { readFile } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import type { PictureMediaType } from '../shared/model';
import { PICTURE_CONTENT_SECURITY_POLICY } from '../server/securityHeaders';

export const APP_SCHEME = 'app';
export const APP_HOST = 'plenary';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** What `protocol.registerSchemesAsPrivileged` gets, before the app is ready. */
export const APP_SCHEME_PRIVILEGES = { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, codeCache: true } as const;

/**
 * The file behind an app:// URL, inside `rendererDir`; null for anything else:
 * another host or scheme, a path that leaves the folder (`..`, encoded or not), a
 * backslash or NUL byte, a query string's tricks (ignored: only the path counts).
 */
export function resolveAppFile(url: string, rendererDir: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST || parsed.username !== '' || parsed.password !== '') return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  // WARNING: a decoded %5C is a separator on Windows, a decoded %00 ends a path in C.
  if (pathname.includes('\\') || pathname.includes('\0')) return null;
  const root = resolve(rendererDir);
  const file = resolve(root, `.${pathname === '/' ? '/index.html' : pathname}`);
  return file.startsWith(root + sep) ? file : null;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
};

/** The Content-Type of a served file; unknown kinds are bytes the page cannot run. */
export function contentTypeOf(file: string): string {
  return CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** Where the page asks for a kept picture: `app://plenary/api/assets/<sha256>`, as over HTTP. */
const ASSET_PATH = /^\/api\/assets\/([0-9a-f]{64})$/;

/** The picture an app:// URL names, or null when it names none (or is not ours). */
export function assetOfAppUrl(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null;
  return ASSET_PATH.exec(parsed.pathname)?.[1] ?? null;
}

export interface AppResponseOptions {
  rendererDir: string;
  /** The page's policy (src/main/csp.ts). */
  csp: string;
  /** A kept picture by hash (the core's asset store), or null. */
  readAsset: (asset: string) => Promise<{ mediaType: PictureMediaType; bytes: Buffer } | null>;
}

const notFound = () => new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' } });

/**
 * The answer to one app:// request: a kept picture (named by its hash, so it may
 * be cached for good; an SVG under a policy that lets nothing in it load or run),
 * or a file of the built renderer. Main only hands this to `protocol.handle`.
 */
export async function appResponse(url: string, options: AppResponseOptions): Promise<Response> {
  const asset = assetOfAppUrl(url);
  if (asset) {
    const picture = await options.readAsset(asset).catch(() => null);
    if (!picture) return notFound();
    return new Response(new Uint8Array(picture.bytes), {
      headers: {
        'Content-Type': picture.mediaType,
        'Content-Security-Policy': PICTURE_CONTENT_SECURITY_POLICY,
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'private, max-age=31536000, immutable',
      },
    });
  }
  const file = resolveAppFile(url, options.rendererDir);
  if (!file) return notFound();
  try {
    const body = await readFile(file);
    return new Response(new Uint8Array(body), {
      headers: { 'Content-Type': contentTypeOf(file), 'Content-Security-Policy': options.csp, 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-cache' },
    });
  } catch {
    return notFound();
  }
}
