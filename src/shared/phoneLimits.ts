/**
 * Phone admission's numbers (PROTOCOL.md, "Integrity on the room's network"), in a
 * module of their own with no zod: the setup form shows the default limit and
 * must not carry the schemas' weight.
 */

/** The most phones a session may admit. */
export const PHONE_LIMIT_MAX = 20_000;
/** Phones one network address may bring into a session, unless the facilitator lifts it. */
export const PHONES_PER_ADDRESS = 4;

/**
 * The default limit: the groups' sizes and a fifth more (at least 10 more) when
 * every group has a size, else 100. Never past PHONE_LIMIT_MAX.
 */
export function defaultPhoneLimit(groups: readonly { size?: number | null | undefined }[]): number {
  if (groups.length === 0 || groups.some((g) => g.size === null || g.size === undefined)) return 100;
  const people = groups.reduce((sum, g) => sum + (g.size ?? 0), 0);
  return Math.min(PHONE_LIMIT_MAX, Math.max(1, people + Math.max(10, Math.ceil(people / 5))));
}
