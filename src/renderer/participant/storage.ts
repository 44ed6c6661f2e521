/**
 * Storage that never throws (private modes and full disks make localStorage
 * throw), and the device's id, made once and kept.
 */

import type { OwnSelfChecks } from '../../shared/ownSelfCheck';

export interface SimpleStorage {
  get(key: string): string | null;
  set(key: string, value: string): void;
  remove(key: string): void;
}

function memoryStorage(): SimpleStorage {
  const map = Object.create(null) as Record<string, string>;
  return {
    get: (key) => (Object.prototype.hasOwnProperty.call(map, key) ? map[key]! : null),
    set: (key, value) => {
      map[key] = value;
    },
    remove: (key) => {
      delete map[key];
    },
  };
}

function wrap(store: Storage): SimpleStorage {
  const fallback = memoryStorage();
  return {
    get: (key) => {
      try {
        const value = store.getItem(key);
        return value === null ? fallback.get(key) : value;
      } catch {
        return fallback.get(key);
      }
    },
    set: (key, value) => {
      fallback.set(key, value);
      try {
        store.setItem(key, value);
      } catch {
        // Kept in memory for this page at least.
      }
    },
    remove: (key) => {
      fallback.remove(key);
      try {
        store.removeItem(key);
      } catch {
        // Nothing to do.
      }
    },
  };
}

function usable(get: () => Storage | null | undefined): Storage | null {
  try {
    const store = get();
    if (!store) return null;
    const probe = '__plenary_probe__';
    store.setItem(probe, '1');
    store.removeItem(probe);
    return store;
  } catch {
    return null;
  }
}

/** localStorage if it works, else sessionStorage, else memory. */
export function openStorage(win: { localStorage?: Storage; sessionStorage?: Storage } = window): SimpleStorage {
  const store = usable(() => win.localStorage) || usable(() => win.sessionStorage);
  return store ? wrap(store) : memoryStorage();
}

export const DEVICE_ID_PATTERN = /^[A-Za-z0-9_-]{8,64}$/;
const DEVICE_ID_KEY = 'plenary.deviceId';

type RandomFill = (bytes: Uint8Array<ArrayBuffer>) => void;

function defaultRandom(): RandomFill {
  const c = typeof crypto !== 'undefined' ? crypto : undefined;
  if (c && typeof c.getRandomValues === 'function') return (bytes) => void c.getRandomValues(bytes);
  // Very old browsers only: not secret, just unlikely to collide.
  return (bytes) => {
    for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256);
  };
}

/** 16 random bytes as 22 base64url characters. */
export function makeDeviceId(fill: RandomFill = defaultRandom()): string {
  const bytes = new Uint8Array(16);
  fill(bytes);
  let binary = '';
  for (let i = 0; i < bytes.length; i++) binary += String.fromCharCode(bytes[i]!);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The device's id: the stored one if valid, else a new one, stored. */
export function deviceIdFrom(storage: SimpleStorage, fill?: RandomFill): string {
  const stored = storage.get(DEVICE_ID_KEY);
  if (stored !== null && DEVICE_ID_PATTERN.test(stored)) return stored;
  const id = makeDeviceId(fill);
  storage.set(DEVICE_ID_KEY, id);
  return id;
}

/** The group this phone picked for a session: a group id, NO_GROUP, or null (not asked yet). */
export const NO_GROUP = '-';

export function groupKey(code: string): string {
  return 'plenary.group.' + code;
}

export function voteKey(code: string, questionId: string): string {
  return 'plenary.vote.' + code + '.' + questionId;
}

/** This phone's open answers to a question, as a JSON list of texts. */
export function answersKey(code: string, questionId: string): string {
  return 'plenary.answers.' + code + '.' + questionId;
}

/** Reads a stored list of answers; anything but a list of strings reads as none. */
export function parseStoredAnswers(text: string | null): string[] {
  if (text === null) return [];
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string').slice(0, 3) : [];
  } catch {
    return [];
  }
}

// ---- the person's own self-check (issue 17)

/**
 * Where the phone keeps its person's own self-check answers for a session:
 * `plenary.selfCheck.<code>` → JSON of src/shared/selfCheck.ts `OwnSelfChecks`:
 * `{ "<self-check id>": { "phase": "before" | "after", "now": { "<dimension>": 4 }, "then": { "<dimension>": 2 } } }`,
 * with "order", the self-check ids in the order answered. Only answers the host
 * confirmed are kept. They never leave the phone except as the answers themselves;
 * the phone's own profile (ownSelfCheckProfile) is worked out from them.
 */
export function selfCheckKey(code: string): string {
  return 'plenary.selfCheck.' + code;
}

export interface StoredSelfChecks {
  checks: OwnSelfChecks;
  /** Self-check ids, first answered first. */
  order: string[];
}

function numberRecord(value: unknown): Record<string, number> {
  const out = Object.create(null) as Record<string, number>;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return out;
  for (const key of Object.keys(value)) {
    const n = (value as Record<string, unknown>)[key];
    if (typeof n === 'number' && isFinite(n)) out[key] = n;
  }
  return out;
}

/** The kept self-checks for a session; empty when none or unreadable (never throws). */
export function readOwnSelfChecks(storage: SimpleStorage, code: string): StoredSelfChecks {
  const checks = Object.create(null) as OwnSelfChecks;
  const order: string[] = [];
  const raw = storage.get(selfCheckKey(code));
  if (raw === null) return { checks, order };
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return { checks, order };
  }
  if (typeof json !== 'object' || json === null) return { checks, order };
  const list = (json as { checks?: unknown }).checks;
  const kept = (json as { order?: unknown }).order;
  if (typeof list !== 'object' || list === null) return { checks, order };
  for (const id of Array.isArray(kept) ? kept : []) {
    if (typeof id !== 'string' || !Object.prototype.hasOwnProperty.call(list, id)) continue;
    const entry = (list as Record<string, unknown>)[id] as { phase?: unknown; now?: unknown; then?: unknown } | null;
    if (!entry || (entry.phase !== 'before' && entry.phase !== 'after')) continue;
    checks[id] = { phase: entry.phase, now: numberRecord(entry.now), then: numberRecord(entry.then) };
    order.push(id);
  }
  return { checks, order };
}

/** Keeps one confirmed answer. */
export function keepOwnRating(
  storage: SimpleStorage,
  code: string,
  kept: StoredSelfChecks,
  answer: { selfCheckId: string; phase: 'before' | 'after'; dimension: string; then: boolean; value: number },
): StoredSelfChecks {
  const checks = Object.assign(Object.create(null) as OwnSelfChecks, kept.checks);
  const has = Object.prototype.hasOwnProperty.call(checks, answer.selfCheckId);
  const earlier = has ? checks[answer.selfCheckId]! : { phase: answer.phase, now: Object.create(null) as Record<string, number>, then: Object.create(null) as Record<string, number> };
  const entry = { phase: answer.phase, now: Object.assign(Object.create(null) as Record<string, number>, earlier.now), then: Object.assign(Object.create(null) as Record<string, number>, earlier.then) };
  (answer.then ? entry.then : entry.now)[answer.dimension] = answer.value;
  checks[answer.selfCheckId] = entry;
  const order = has ? kept.order.slice() : kept.order.concat([answer.selfCheckId]);
  storage.set(selfCheckKey(code), JSON.stringify({ checks, order }));
  return { checks, order };
}
