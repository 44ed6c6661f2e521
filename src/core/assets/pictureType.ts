/**
 * What a picture is, told from its bytes (magic numbers), never from a file name
 * a user or a file chose; and whether an SVG is safe to show. An SVG that could
 * run anything is refused, not cleaned: a cleaner that misses one trick shows a
 * script to the whole room, a refusal only asks the facilitator for another file.
 */
import type { PictureMediaType } from '../../shared/model';

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];

function startsWith(bytes: Uint8Array, prefix: readonly number[], at = 0): boolean {
  if (bytes.length < at + prefix.length) return false;
  return prefix.every((byte, index) => bytes[at + index] === byte);
}

const ascii = (text: string) => [...text].map((character) => character.charCodeAt(0));

/** The text of an SVG, or null when the bytes are not an SVG document (UTF-8, its root element `<svg>`). */
export function svgText(bytes: Uint8Array): string | null {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
  // What may come before the root: a byte-order mark, an XML declaration, comments, a doctype.
  const prolog = /^\uFEFF?\s*(?:<\?xml[^>]*\?>\s*)?(?:(?:<!--[\s\S]*?-->|<!DOCTYPE[^>[]*(?:\[[\s\S]*?\])?\s*>)\s*)*/i;
  const rest = text.replace(prolog, '');
  return /^<svg[\s>/]/i.test(rest) ? text : null;
}

/** The media type of a picture's bytes, or null when they are none of PNG, JPEG, WebP or SVG. */
export function sniffPictureType(bytes: Uint8Array): PictureMediaType | null {
  if (startsWith(bytes, PNG)) return 'image/png';
  if (startsWith(bytes, JPEG)) return 'image/jpeg';
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'image/webp';
  if (svgText(bytes) !== null) return 'image/svg+xml';
  return null;
}

/** Character references decoded, so `&#106;avascript:` reads as what a browser would read. */
function decodeReferences(text: string): string {
  return text
    .replace(/&#x([0-9a-f]+);?/gi, (_, hex: string) => String.fromCodePoint(Math.min(parseInt(hex, 16), 0x10ffff)))
    .replace(/&#(\d+);?/g, (_, decimal: string) => String.fromCodePoint(Math.min(parseInt(decimal, 10), 0x10ffff)))
    .replace(/&colon;/gi, ':');
}

/**
 * Why an SVG may not be shown, in words for the facilitator; null when it is a
 * plain drawing. Refused: scripts, event handlers (`onload=`), `javascript:`
 * links, embedded HTML (`foreignObject`, iframes, objects), entity declarations,
 * and references to anything outside the file (links, `url(...)`, `@import`):
 * only `#fragment` links and embedded raster `data:` pictures stay.
 */
export function svgProblem(text: string): string | null {
  const decoded = decodeReferences(text);
  // Whitespace and control characters inside a scheme still make it a scheme ("java\tscript:").
  const squeezed = decoded.replace(/[\s\p{Cc}]+/gu, '').toLowerCase();
  if (/<([\w.-]+:)?script[\s>/]/i.test(decoded)) return 'it contains a script';
  if (/[\s/"']on[a-z]+\s*=/i.test(decoded)) return 'it contains an event handler (an "on…" attribute), which can run a script';
  if (squeezed.includes('javascript:') || squeezed.includes('vbscript:')) return 'it contains a javascript: link';
  if (/<([\w.-]+:)?foreignObject[\s>/]/i.test(decoded)) return 'it embeds HTML (foreignObject)';
  if (/<([\w.-]+:)?(iframe|embed|object|audio|video|handler|listener)[\s>/]/i.test(decoded)) return 'it embeds other content (an iframe, object or media element)';
  if (/<!ENTITY/i.test(decoded)) return 'it declares XML entities';
  if (/@import/i.test(decoded)) return 'its style imports another file';
  const outside = /(?:^|[\s"'])(?:[\w.-]+:)?(?:href|src)\s*=\s*["']?\s*(?!#|data:image\/(?:png|jpeg|gif|webp);)[^\s"'>]/i;
  if (outside.test(decoded)) return 'it refers to another file or address';
  const outsideUrl = /url\(\s*["']?\s*(?!#|data:image\/(?:png|jpeg|gif|webp);)/i;
  if (outsideUrl.test(decoded)) return 'its style refers to another file or address';
  return null;
}
