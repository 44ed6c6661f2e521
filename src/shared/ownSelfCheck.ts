/**
 * A phone's own self-check answers and the person's before/after worked out from
 * them (issue 17). Apart from selfCheck.ts, and free of zod and the model's
 * schemas, so the phone's small bundle can carry it.
 */
import { emptyRecord, ownValue } from './records';

// ------------------------------------------------------- a phone's own answers

/**
 * What a phone keeps of its own self-checks (src/renderer/participant/storage.ts
 * `selfCheckKey`): per self-check id, its phase and the values given per
 * dimension, and on an "after" one the then-ratings. Never sent anywhere but as
 * the answers themselves.
 */
export interface OwnSelfCheck {
  phase: 'before' | 'after';
  /** Dimension id → value. Prototype-free when made by the page. */
  now: Record<string, number>;
  then: Record<string, number>;
}
export type OwnSelfChecks = Record<string, OwnSelfCheck>;

export interface OwnSelfCheckLine {
  dimensionId: string;
  before: number | null;
  after: number | null;
  then: number | null;
  /** after − before, after − then; null when either is missing. */
  afterMinusBefore: number | null;
  afterMinusThen: number | null;
}

/**
 * One person's before/after/then per dimension, from what their phone kept:
 * "before" from the first "before" self-check that rated the dimension, "after"
 * and "then" from the last "after" one (the same rule as the room's figures).
 * `order` lists the self-check ids in slide order (their keys' order otherwise).
 */
export function ownSelfCheckProfile(own: OwnSelfChecks, order: readonly string[] = Object.keys(own)): OwnSelfCheckLine[] {
  const lines = new Map<string, OwnSelfCheckLine>();
  const line = (dimensionId: string) => {
    let found = lines.get(dimensionId);
    if (!found) {
      found = { dimensionId, before: null, after: null, then: null, afterMinusBefore: null, afterMinusThen: null };
      lines.set(dimensionId, found);
    }
    return found;
  };
  for (const id of order) {
    const check = ownValue(own, id);
    if (!check) continue;
    for (const dimensionId of Object.keys(check.now)) {
      const entry = line(dimensionId);
      const value = check.now[dimensionId]!;
      if (check.phase === 'before') entry.before ??= value;
      else entry.after = value;
    }
    if (check.phase === 'after') for (const dimensionId of Object.keys(check.then)) line(dimensionId).then = check.then[dimensionId]!;
  }
  for (const entry of lines.values()) {
    entry.afterMinusBefore = entry.after !== null && entry.before !== null ? entry.after - entry.before : null;
    entry.afterMinusThen = entry.after !== null && entry.then !== null ? entry.after - entry.then : null;
  }
  return [...lines.values()];
}

/** An empty kept self-check (prototype-free records). */
export function emptyOwnSelfCheck(phase: 'before' | 'after'): OwnSelfCheck {
  return { phase, now: emptyRecord(), then: emptyRecord() };
}
