/** Short ids for what the editor adds: slides, questions, options, dimensions. */

const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';

function randomPart(length: number): string {
  const bytes = new Uint8Array(length);
  crypto.getRandomValues(bytes);
  let out = '';
  for (const byte of bytes) out += alphabet[byte % alphabet.length];
  return out;
}

/**
 * A new id such as `s-k3f9q2`: the prefix, a dash and six random characters, never
 * one of `taken`. Matches the model's id rule (/^[A-Za-z0-9_-]+$/).
 */
export function newId(prefix: string, taken: Iterable<string> = []): string {
  const used = new Set(taken);
  for (;;) {
    const id = `${prefix}-${randomPart(6)}`;
    if (!used.has(id)) return id;
  }
}
