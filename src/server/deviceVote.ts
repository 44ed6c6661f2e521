/**
 * A phone's vote body: the schema, and a quick check for the common case. A burst
 * of a thousand phones parses a thousand bodies; zod took a few microseconds each
 * (its checks and its issue machinery), a visible share of the host's time per vote.
 */
import { z } from 'zod';
import { idSchema } from '../shared/model';
import { invalidInput } from '../shared/validation';
import type { DeviceVote } from '../core/sessions/sessionService';

/**
 * A phone's vote, exactly docs/protocol.md's body (plus the optional group it
 * joined). The one definition. Exactly one answer: `optionId` (choice), `text`
 * (an open answer) or `value` (a rating); which one the question takes, and the
 * text's length and the value's range, the core checks against the question.
 */
export const deviceVoteSchema = z
  .object({
    deviceId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'must be 8 to 64 letters, digits, "-" or "_"'),
    questionId: idSchema,
    optionId: idSchema.optional(),
    // The body is at most 4 KiB; the core trims and allows 1 to 140 characters.
    text: z.string().optional(),
    /** A rating (scale, and a self-check's statements): its range is the question's. */
    value: z.number().optional(),
    /** A commitment's dimension (commitments slides only). */
    dimensionId: idSchema.optional(),
    groupId: idSchema.optional(),
  })
  .strict()
  .superRefine((vote, ctx) => {
    const given = [vote.optionId, vote.text, vote.value].filter((field) => field !== undefined).length;
    if (given !== 1) ctx.addIssue({ code: 'custom', path: ['optionId'], message: 'needs exactly one answer: optionId (a choice), text (an open answer) or value (a rating)' });
  });

// WARNING: these restate deviceVoteSchema and idSchema (1 to 64 of [A-Za-z0-9_-]);
// deviceVote.test.ts checks that the two agree. Change both together.
const DEVICE_ID = /^[A-Za-z0-9_-]{8,64}$/;
const ID = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * True only for a body the schema accepts as it stands: a plain object with
 * exactly the known keys, each a well-formed string. Anything else, however
 * slightly off, is left to the schema, which finds the words for the refusal.
 */
function isPlainValidVote(body: unknown): body is DeviceVote {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return false;
  const vote = body as Record<string, unknown>;
  let keys = 0;
  for (const key in vote) {
    if (!Object.hasOwn(vote, key)) return false;
    if (key !== 'deviceId' && key !== 'questionId' && key !== 'optionId' && key !== 'groupId') return false;
    keys += 1;
  }
  const { deviceId, questionId, optionId, groupId } = vote;
  return (
    keys === (groupId === undefined ? 3 : 4) &&
    typeof deviceId === 'string' &&
    DEVICE_ID.test(deviceId) &&
    typeof questionId === 'string' &&
    ID.test(questionId) &&
    typeof optionId === 'string' &&
    ID.test(optionId) &&
    (groupId === undefined || (typeof groupId === 'string' && ID.test(groupId)))
  );
}

/** Validates a vote body: the vote, or throws invalid_input with the schema's message. */
export function parseDeviceVote(body: unknown): DeviceVote {
  // The quick check knows the choice's body only; an answer or a rating goes to the schema.
  if (isPlainValidVote(body)) {
    // A fresh object, as the schema's output is: nothing else of the body travels on.
    const { deviceId, questionId, optionId, groupId } = body;
    return groupId === undefined ? { deviceId, questionId, optionId } : { deviceId, questionId, optionId, groupId };
  }
  const parsed = deviceVoteSchema.safeParse(body);
  if (!parsed.success) throw invalidInput(parsed.error, 'The vote');
  // Only the fields given: an absent answer stays absent, as the quick path's does.
  const { deviceId, questionId, optionId, text, value, dimensionId, groupId } = parsed.data;
  return {
    deviceId,
    questionId,
    ...(optionId === undefined ? {} : { optionId }),
    ...(text === undefined ? {} : { text }),
    ...(value === undefined ? {} : { value }),
    ...(dimensionId === undefined ? {} : { dimensionId }),
    ...(groupId === undefined ? {} : { groupId }),
  };
}
