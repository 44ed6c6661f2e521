/**
 * Headers on every answer. The pages' CSP allows our own scripts only; inline
 * styles are allowed because recharts sets style attributes on its SVG.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const securityHeaders: Record<string, string> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=()',
};

/**
 * For answers that are not pages (JSON, event streams, scripts, styles, images):
 * nothing they contain may load anything or be framed. Stricter than the pages'
 * policy, and a fifth of its size on each of a burst's thousand vote answers.
 */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

export const apiSecurityHeaders: Record<string, string> = { ...securityHeaders, 'Content-Security-Policy': API_CONTENT_SECURITY_POLICY };

/**
 * An SVG picture opened on its own is a document: nothing in it may load or run,
 * but its inline styles may draw. (Shown with <img>, as every page does, it runs
 * nothing anyway; this is the second lock.)
 */
export const PICTURE_CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'";

export const pictureSecurityHeaders: Record<string, string> = { ...securityHeaders, 'Content-Security-Policy': PICTURE_CONTENT_SECURITY_POLICY };

/** The headers for an answer of this content type: the pages' set for HTML, the pictures' for SVG, the stricter one otherwise. */
export function securityHeadersFor(contentType: unknown): Record<string, string> {
  if (typeof contentType !== 'string') return apiSecurityHeaders;
  if (contentType.startsWith('text/html')) return securityHeaders;
  return contentType.startsWith('image/svg+xml') ? pictureSecurityHeaders : apiSecurityHeaders;
}
