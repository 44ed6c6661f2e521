import { describe, expect, it } from 'vitest';
import { ApiError } from '../shared/errors';
import { deviceVoteSchema, parseDeviceVote } from './deviceVote';

/** parseDeviceVote's answer: the vote, or the error it threw. */
function outcome(body: unknown): { ok: true; vote: unknown } | { ok: false; error: unknown } {
  try {
    return { ok: true, vote: parseDeviceVote(body) };
  } catch (error) {
    return { ok: false, error };
  }
}

/** What the schema alone answers. */
function schemaOutcome(body: unknown) {
  const parsed = deviceVoteSchema.safeParse(body);
  return parsed.success ? { ok: true as const, vote: parsed.data } : { ok: false as const };
}

const ok = { deviceId: 'device_0001', questionId: 'q-1', optionId: 'a' };

const cases: [string, unknown][] = [
  ['a plain vote', ok],
  ['with a group', { ...ok, groupId: 'g2' }],
  ['8 characters', { ...ok, deviceId: 'A1_-b2c3' }],
  ['64 characters', { ...ok, deviceId: 'z'.repeat(64) }],
  ['7 characters', { ...ok, deviceId: 'abcdefg' }],
  ['65 characters', { ...ok, deviceId: 'a'.repeat(65) }],
  ['a space', { ...ok, deviceId: 'device 0001' }],
  ['a dot', { ...ok, deviceId: 'device.0001' }],
  ['a trailing newline', { ...ok, deviceId: 'device_0001\n' }],
  ['a non-ASCII letter', { ...ok, deviceId: 'devicé_0001' }],
  ['an astral character', { ...ok, optionId: '😀' }],
  ['an empty question id', { ...ok, questionId: '' }],
  ['a 64-character option id', { ...ok, optionId: 'o'.repeat(64) }],
  ['a 65-character option id', { ...ok, optionId: 'o'.repeat(65) }],
  ['an option id with a slash', { ...ok, optionId: 'a/b' }],
  ['a number for optionId', { ...ok, optionId: 7 }],
  ['null for the group', { ...ok, groupId: null }],
  ['undefined for the group', { ...ok, groupId: undefined }],
  ['an empty group id', { ...ok, groupId: '' }],
  ['an extra field', { ...ok, weight: 100 }],
  ['no deviceId', { questionId: 'q-1', optionId: 'a' }],
  ['no optionId', { deviceId: 'device_0001', questionId: 'q-1' }],
  ['an array', [ok]],
  ['null', null],
  ['a string', JSON.stringify(ok)],
  ['a number', 42],
  ['a String object', { ...ok, deviceId: new String('device_0001') }],
  ['an inherited extra field', Object.assign(Object.create({ weight: 100 }) as object, ok)],
  ['a __proto__ key', JSON.parse('{"deviceId":"device_0001","questionId":"q-1","optionId":"a","__proto__":{"x":1}}')],
];

describe('parseDeviceVote', () => {
  it.each(cases)('agrees with the schema: %s', (_what, body) => {
    const expected = schemaOutcome(body);
    const got = outcome(body);
    expect(got.ok).toBe(expected.ok);
    if (expected.ok && got.ok) expect(got.vote).toEqual(expected.vote);
    if (!got.ok) {
      expect(got.error).toBeInstanceOf(ApiError);
      expect((got.error as ApiError).code).toBe('invalid_input');
    }
  });

  it('returns a fresh object, never the body itself', () => {
    const body = { ...ok };
    const vote = parseDeviceVote(body);
    expect(vote).toEqual(ok);
    expect(vote).not.toBe(body);
  });

  it('agrees with the schema on many random near-valid bodies', () => {
    // A small deterministic generator: ids drawn from the allowed characters and a few others, around the length limits.
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const alphabet = 'Aa0_-z9Z. /é\n';
    const id = () => {
      const lengths = [0, 1, 7, 8, 9, 63, 64, 65];
      const length = lengths[Math.floor(random() * lengths.length)]!;
      let text = '';
      for (let i = 0; i < length; i++) text += random() < 0.97 ? alphabet[Math.floor(random() * 6)] : alphabet[Math.floor(random() * alphabet.length)];
      return text;
    };
    const value = () => (random() < 0.9 ? id() : [1, null, true, {}, []][Math.floor(random() * 5)]);
    for (let i = 0; i < 3000; i++) {
      const body: Record<string, unknown> = {};
      for (const key of ['deviceId', 'questionId', 'optionId', 'groupId', 'extra']) {
        const chance = key === 'groupId' ? 0.4 : key === 'extra' ? 0.03 : 0.97;
        if (random() < chance) body[key] = value();
      }
      const expected = schemaOutcome(body);
      const got = outcome(body);
      expect(got.ok, JSON.stringify(body)).toBe(expected.ok);
      if (expected.ok && got.ok) expect(got.vote).toEqual(expected.vote);
    }
  });
});
