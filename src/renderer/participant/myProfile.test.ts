import { describe, expect, it } from 'vitest';
import type { ParticipantProfileKey } from '../../shared/participant';
import { dimensionText, mergeProfileKey, myProfile, parseProfileKey, scenarioFromFrame } from './myProfile';

const scenario = (id: string, dimensionId: string, totals: [number, number, number]) => ({
  id,
  prompt: `Prompt ${id}`,
  dimensionId,
  options: [
    { id: `${id}a`, label: 'Ask the team', style: 'leader' as const },
    { id: `${id}b`, label: 'Set the plan', style: 'manager' as const },
    { id: `${id}c`, label: 'Wait', style: 'neutral' as const },
  ],
  totals: { [`${id}a`]: totals[0], [`${id}b`]: totals[1], [`${id}c`]: totals[2] },
});

const key: ParticipantProfileKey = {
  dimensions: [
    { id: 'vision', name: 'Vision' },
    { id: 'trust', name: 'Trust' },
    { id: 'unused', name: 'Unused' },
  ],
  scenarios: [scenario('q1', 'vision', [6, 2, 0]), scenario('q2', 'vision', [1, 5, 0]), scenario('q3', 'trust', [3, 3, 2]), scenario('q4', 'trust', [4, 1, 0])],
};

describe('a person’s own profile, on their phone', () => {
  it('counts their leader-tagged choices beside the room’s, per dimension and in plain words', () => {
    const votes: Record<string, string> = { q1: 'q1a', q2: 'q2a', q3: 'q3b' };
    const profile = myProfile(key, (id) => votes[id] ?? null);
    expect(profile.summary).toBe('You leaned leader on 2 of 3 scenarios; the room on 1.');
    expect(profile.unanswered).toBe(1);
    expect(profile.dimensions).toEqual([
      { id: 'vision', name: 'Vision', answered: 2, leader: 2, manager: 0, neutral: 0, roomLeaderShare: 7 / 14 },
      { id: 'trust', name: 'Trust', answered: 1, leader: 0, manager: 1, neutral: 0, roomLeaderShare: 3 / 8 },
    ]);
    expect(dimensionText(profile.dimensions[0]!)).toBe('You: leader on 2 of 2. Room: 50% leader.');
    expect(profile.scenarios.map((s) => [s.id, s.lean, s.roomLean])).toEqual([
      ['q1', 'leader', 'leader'],
      ['q2', 'leader', 'manager'],
      ['q3', 'manager', 'neutral'],
    ]);
  });

  it('says what to wait for when nothing is revealed or nothing was voted', () => {
    expect(myProfile({ dimensions: key.dimensions, scenarios: [] }, () => null).summary).toMatch(/once the facilitator reveals/);
    expect(myProfile(key, () => null).summary).toMatch(/not voted on a revealed scenario/);
    // A vote for an option the scenario does not have counts for nothing.
    expect(myProfile(key, () => 'nope').answered).toBe(0);
  });

  it('keeps what it saw and takes newer figures from the host', () => {
    const kept = { dimensions: key.dimensions, scenarios: [scenario('q1', 'vision', [1, 0, 0])] };
    const merged = mergeProfileKey(kept, { dimensions: key.dimensions, scenarios: [scenario('q1', 'vision', [6, 2, 0]), scenario('q2', 'vision', [1, 5, 0])] });
    expect(merged.scenarios.map((s) => [s.id, s.totals[`${s.id}a`]])).toEqual([
      ['q1', 6],
      ['q2', 1],
    ]);
    expect(mergeProfileKey(merged, { dimensions: [], scenarios: [] }).scenarios).toHaveLength(2);
  });

  it('reads a key defensively and builds one from a revealed frame', () => {
    expect(parseProfileKey('nope')).toBeNull();
    expect(parseProfileKey({ dimensions: [{ id: 'a', name: 'A' }, 3], scenarios: [{ id: 'x' }, scenario('q1', 'a', [1, 0, 0])] })!.scenarios.map((s) => s.id)).toEqual(['q1']);
    const frame = { id: 'q9', prompt: 'P', options: [{ id: 'x', label: 'X' }, { id: 'y', label: 'Y' }], results: { x: 2, y: 1 }, answerKey: { dimension: { id: 'vision', name: 'Vision' }, styles: { x: 'leader' as const, y: 'manager' as const } } };
    expect(scenarioFromFrame(frame)!.scenario).toEqual({ id: 'q9', prompt: 'P', dimensionId: 'vision', options: [{ id: 'x', label: 'X', style: 'leader' }, { id: 'y', label: 'Y', style: 'manager' }], totals: { x: 2, y: 1 } });
    expect(scenarioFromFrame({ ...frame, results: null })).toBeNull();
  });
});
