/**
 * A phone's vote body: the schema, and a quick check for the common case. A burst
 * of a thousand phones parses a thousand bodies; zod took a few microseconds each
 * (its checks and its issue machinery), a visible share of the host's time per vote.
 */
import { z } from 'zod';
import { idSchema } from '../shared/model';
import { invalidInput } from '../shared/validation';
import type { DeviceVote } from '../core/sessions/sessionService';

/** A phone's vote, exactly docs/protocol.md's body (plus the optional group it joined). The one definition. */
export const deviceVoteSchema = z
  .object({
    deviceId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'must be 8 to 64 letters, digits, "-" or "_"'),
    questionId: idSchema,
    optionId: idSchema.optional(),
    /** A rating (scale, and a self-check's statements): an integer; its range is the question's. */
    value: z.number().int().optional(),
    /** An open answer, or a commitment: its words (the core trims and measures them). */
    text: z.string().max(1000).optional(),
    /** A commitment's dimension (commitments slides only). */
    dimensionId: idSchema.optional(),
    groupId: idSchema.optional(),
  })
  .strict()
  .refine((vote) => [vote.optionId, vote.value, vote.text].filter((given) => given !== undefined).length === 1, {
    message: 'gives one of optionId (a choice), value (a rating) or text (an open answer)',
    path: ['optionId'],
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
  if (isPlainValidVote(body)) {
    // A fresh object, as the schema's output is: nothing else of the body travels on.
    const { deviceId, questionId, optionId, groupId } = body;
    return groupId === undefined ? { deviceId, questionId, optionId } : { deviceId, questionId, optionId, groupId };
  }
  const parsed = deviceVoteSchema.safeParse(body);
  if (!parsed.success) throw invalidInput(parsed.error, 'The vote');
  const { deviceId, questionId, optionId, value, text, dimensionId, groupId } = parsed.data;
  return {
    deviceId,
    questionId,
    ...(optionId !== undefined ? { optionId } : {}),
    ...(value !== undefined ? { value } : {}),
    ...(text !== undefined ? { text } : {}),
    ...(dimensionId !== undefined ? { dimensionId } : {}),
    ...(groupId !== undefined ? { groupId } : {}),
  };
}
