/** Limits the renderer checks before it sends anything (no zod here, to keep the entry small). */

/** The largest picture a slide may carry (PNG, JPEG, SVG or WebP). */
export const PICTURE_MAX_BYTES = 5 * 1024 * 1024;

/**
 * Larger workshop files are refused before parsing. A file embeds its pictures
 * (base64, a third larger than their bytes), so the limit leaves room for several
 * of the largest pictures beside the text; no real workshop's text comes near it.
 */
export const WORKSHOP_FILE_MAX_MB = 40;
export const WORKSHOP_FILE_MAX_BYTES = WORKSHOP_FILE_MAX_MB * 1024 * 1024;

/** Open answers (and commitments): each voter gives up to OPEN_ANSWERS_PER_VOTER, each 1 to OPEN_ANSWER_MAX characters after trimming. Here so the phone's page can use them without the model's schemas. */
export const OPEN_ANSWERS_PER_VOTER = 3;
export const OPEN_ANSWER_MAX = 140;
