/**
 * Records keyed by ids a user or a file chose (`__proto__`, `toString` and
 * `hasOwnProperty` are valid ids). No zod here: the renderer's views use it too.
 * Made here, a record has no prototype; read here, a record that came over JSON (a
 * plain object, where `notes["toString"]` is Object.prototype's function) answers
 * for its own keys only.
 */

/** `record[key]` if the record has that key itself, else undefined. */
export function ownValue<V>(record: Readonly<Record<string, V>> | null | undefined, key: string): V | undefined {
  return record && Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}

/** A record with no prototype: any key a user or a file chose (`__proto__`, `toString`) is just a key. */
export function emptyRecord<V>(): Record<string, V> {
  return Object.create(null) as Record<string, V>;
}

/** A prototype-free copy of `entries`, for keys a user or a file chose. */
export function recordOf<V>(entries: Iterable<readonly [string, V]>): Record<string, V> {
  const record = emptyRecord<V>();
  for (const [key, value] of entries) record[key] = value;
  return record;
}

/** Whether `record` has `key` itself (never a key inherited from Object.prototype). */
export const hasKey = (record: object, key: string): boolean => Object.hasOwn(record, key);
