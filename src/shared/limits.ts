/** Limits the renderer checks before it sends anything (no zod here, to keep the entry small). */

/** Larger workshop files are refused before parsing: no real workshop comes near it. */
export const WORKSHOP_FILE_MAX_BYTES = 5 * 1024 * 1024;
