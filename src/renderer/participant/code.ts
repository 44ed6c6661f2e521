/** Join codes: read from the page's address, or typed by the participant. */

/** Six characters; the server's alphabet has no 0, O, 1 or I, but the server judges. */
export const JOIN_CODE_LENGTH = 6;

/** What a participant typed, made comparable: case, spaces and dashes do not matter. */
export function normaliseCode(typed: string): string {
  return typed.replace(/[\s-]+/g, '').toUpperCase();
}

/** Whether a normalised code has the right shape to ask the server about. */
export function isWellFormedCode(code: string): boolean {
  return code.length === JOIN_CODE_LENGTH && /^[A-Z0-9]+$/.test(code);
}

/**
 * The join code in `/p/<code>`: the last path segment, normalised. '' when the
 * address carries none (`/p/`, `/`); the caller checks its shape.
 */
export function codeFromPath(pathname: string): string {
  const match = /\/p\/([^/]+)\/*$/.exec(pathname);
  if (!match) return '';
  let raw = match[1] || '';
  try {
    raw = decodeURIComponent(raw);
  } catch {
    // A malformed escape is simply a wrong code.
  }
  return normaliseCode(raw).slice(0, 32);
}

/** Where the Join button goes. */
export function joinPath(code: string): string {
  return '/p/' + encodeURIComponent(normaliseCode(code));
}
