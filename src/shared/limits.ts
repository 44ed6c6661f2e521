/** Limits the renderer checks before it sends anything (no zod here, to keep the entry small). */

/** Larger workshop files are refused before parsing: no real workshop comes near it. */
export const WORKSHOP_FILE_MAX_BYTES = 5 * 1024 * 1024;

/** Open answers (and commitments): each voter gives up to OPEN_ANSWERS_PER_VOTER, each 1 to OPEN_ANSWER_MAX characters after trimming. Here so the phone's page can use them without the model's schemas. */
export const OPEN_ANSWERS_PER_VOTER = 3;
export const OPEN_ANSWER_MAX = 140;
