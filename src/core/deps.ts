/**
 * What the core takes from the world: time, ids and chance. Injected, so tests can
 * fix them and assert exact values.
 */
import { randomBytes, randomInt } from 'node:crypto';

export interface CoreDeps {
  now: () => Date;
  /** A new unique id; the prefix says what it names (`s` session, `w` workshop). */
  newId: (prefix: string) => string;
  /** A whole number in [0, max). */
  randomInt: (max: number) => number;
}

/** The real clock and a cryptographic source of ids. */
export const systemDeps: CoreDeps = {
  now: () => new Date(),
  newId: (prefix) => `${prefix}${randomBytes(6).toString('base64url').replace(/[-_]/g, 'x')}`,
  randomInt: (max) => randomInt(max),
};

/** Deterministic deps for tests: a clock that moves only when told, and counted ids. */
export function fixedDeps(start = '2026-01-15T09:00:00.000Z'): CoreDeps & { advance: (ms: number) => void } {
  let time = new Date(start).getTime();
  let counter = 0;
  let seed = 1;
  return {
    now: () => new Date(time),
    newId: (prefix) => `${prefix}${String(++counter).padStart(4, '0')}`,
    randomInt: (max) => {
      seed = (seed * 48271) % 2147483647;
      return seed % max;
    },
    advance: (ms) => {
      time += ms;
    },
  };
}
