import { describe, expect, it } from 'vitest';
import { groupMovementText, movementBetween, pointsBetween, rankByMovement, roomMovementText, type GroupRoundCounts } from './rounds';

const group = (key: string, first: [number, number], last: [number, number]): GroupRoundCounts => ({
  key,
  name: key,
  first: { leader: first[0], answers: first[1] },
  last: { leader: last[0], answers: last[1] },
});

describe('who moved between rounds', () => {
  it('measures the room’s shift in leader share in percentage points, to one decimal', () => {
    expect(pointsBetween(0.5, 0.68)).toBe(18);
    expect(pointsBetween(2 / 3, 1 / 3)).toBe(-33.3);
    const moved = movementBetween({ first: { leader: 5, answers: 10 }, last: { leader: 17, answers: 25 } }, [], { from: 1, to: 2 });
    // 50% then 68%.
    expect(moved).toMatchObject({ firstLeaderShare: 0.5, lastLeaderShare: 0.68, shiftPoints: 18, direction: 'leader', withheld: null });
    expect(roomMovementText(moved)).toBe('The room moved 18 points toward leader.');
    const back = movementBetween({ first: { leader: 3, answers: 4 }, last: { leader: 1, answers: 4 } }, [], { from: 1, to: 3 });
    expect(back).toMatchObject({ shiftPoints: -50, direction: 'manager', toRound: 3 });
    expect(roomMovementText(back)).toBe('The room moved 50 points toward manager.');
    const still = movementBetween({ first: { leader: 2, answers: 4 }, last: { leader: 3, answers: 6 } }, [], { from: 1, to: 2 });
    expect(still).toMatchObject({ shiftPoints: 0, direction: 'none' });
    expect(roomMovementText(still)).toMatch(/did not move/);
  });

  it('counts the groups that moved each way, among those that answered in both rounds', () => {
    const moved = movementBetween(
      { first: { leader: 4, answers: 12 }, last: { leader: 9, answers: 12 } },
      [group('red', [0, 3], [2, 3]), group('blue', [1, 3], [3, 3]), group('green', [1, 3], [1, 3]), group('amber', [2, 3], [1, 3]), group('late', [0, 0], [2, 2])],
      { from: 1, to: 2 },
    );
    expect(moved).toMatchObject({ groupsTowardLeader: 2, groupsTowardManager: 1, groupsUnmoved: 1 });
    expect(groupMovementText(moved)).toBe('2 groups moved toward leader, 1 toward manager, 1 group stayed');
    const one = movementBetween({ first: { leader: 0, answers: 4 }, last: { leader: 4, answers: 4 } }, [group('red', [0, 4], [4, 4])], { from: 1, to: 2 });
    expect(groupMovementText(one)).toBe('1 group moved toward leader');
  });

  it('shows no shift for a round with fewer answers than the privacy floor, nor one without answers', () => {
    const few = movementBetween({ first: { leader: 0, answers: 3 }, last: { leader: 3, answers: 3 } }, [group('red', [0, 3], [3, 3])], { from: 1, to: 2 }, 5);
    expect(few).toMatchObject({ shiftPoints: null, direction: 'none', groupsTowardLeader: 0 });
    expect(roomMovementText(few)).toMatch(/Fewer than 5 answers/);
    expect(groupMovementText(few)).toBe('');
    expect(movementBetween({ first: { leader: 0, answers: 3 }, last: { leader: 0, answers: 0 } }, [], { from: 1, to: 2 }).withheld).toMatch(/no answers/);
    // At the floor exactly, the shift shows.
    expect(movementBetween({ first: { leader: 0, answers: 5 }, last: { leader: 5, answers: 5 } }, [], { from: 1, to: 2 }, 5).shiftPoints).toBe(100);
  });

  it('ranks scenarios by the size of the shift, either way, leaving out those without one', () => {
    const at = (id: string, first: number, last: number, answers = 10) => ({
      id,
      movement: movementBetween({ first: { leader: first, answers }, last: { leader: last, answers } }, [], { from: 1, to: 2 }, 5),
    });
    const ranked = rankByMovement([at('a', 5, 6), at('b', 8, 2), { id: 'c', movement: null }, at('d', 1, 5), at('e', 1, 2, 3), at('f', 5, 6)]);
    expect(ranked.map((item) => item.id)).toEqual(['b', 'd', 'a', 'f']);
  });
});
