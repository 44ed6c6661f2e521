/**
 * Reading records keyed by ids a user or a file chose. No zod here: the renderer's
 * views use it. A record that came over JSON is a plain object, so `notes["toString"]`
 * would be Object.prototype's function; these read own keys only.
 */

/** `record[key]` if the record has that key itself, else undefined. */
export function ownValue<V>(record: Readonly<Record<string, V>> | null | undefined, key: string): V | undefined {
  return record && Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}
