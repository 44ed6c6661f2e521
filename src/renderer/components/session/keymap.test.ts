import { describe, expect, it } from 'vitest';
import { DIGIT_JOIN_MS, initialKeyState, interpretKey, nextTarget, PENDING_MS, revealRefusal, type KeyAction, type KeyContext } from './keymap';

/** Types `keys` (each [key, ms after the previous]) and returns what they did. */
function type(keys: [string, number][], context: KeyContext = { groupCount: 12, optionCount: 3 }) {
  let state = initialKeyState;
  let now = 1_000_000;
  const actions: KeyAction[] = [];
  const messages: string[] = [];
  for (const [key, after] of keys) {
    now += after;
    const result = interpretKey(key, state, now, context);
    state = result.state;
    if (result.action) actions.push(result.action);
    if (result.message) messages.push(result.message);
  }
  return { votes: actions.filter((a) => a.type === 'vote'), actions, messages };
}

describe('group numbers by keyboard', () => {
  it('1 then 0 within a second, then A, is group 10 voting A', () => {
    expect(type([['1', 0], ['0', 200], ['a', 300]]).votes).toEqual([{ type: 'vote', groupNumber: 10, optionIndex: 0 }]);
    expect(type([['1', 0], ['2', 999], ['C', 100]]).votes).toEqual([{ type: 'vote', groupNumber: 12, optionIndex: 2 }]);
  });

  it('1 alone, followed by a letter or after the pause, is group 1', () => {
    expect(type([['1', 0], ['b', 100]]).votes).toEqual([{ type: 'vote', groupNumber: 1, optionIndex: 1 }]);
    expect(type([['1', 0], ['b', 3000]]).votes).toEqual([{ type: 'vote', groupNumber: 1, optionIndex: 1 }]);
    // After the pause a new digit starts a new number: 1 … 2 A is group 2.
    expect(type([['1', 0], ['2', DIGIT_JOIN_MS + 1], ['a', 100]]).votes).toEqual([{ type: 'vote', groupNumber: 2, optionIndex: 0 }]);
  });

  it('1, 3 with 12 groups names no group: it says so and records nothing, and the letter after it votes for nobody', () => {
    const { votes, actions, messages } = type([['1', 0], ['3', 200], ['a', 200]]);
    expect(votes).toEqual([]);
    expect(messages[0]).toBe('There is no group 13: nothing was recorded.');
    // The letter is swallowed: "B" after a wrong number must not black out the projector.
    expect(actions.filter((a) => a.type !== 'pickGroup')).toEqual([]);
    expect(type([['1', 0], ['3', 200], ['b', 200]]).actions.some((a) => a.type === 'blackout')).toBe(false);
  });

  it('with 4 groups, 5 says so at once; 0 alone is no group', () => {
    expect(type([['5', 0]], { groupCount: 4, optionCount: 3 }).messages).toEqual(['There is no group 5: nothing was recorded.']);
    expect(type([['0', 0], ['a', 100]]).votes).toEqual([]);
    expect(type([['0', 0], ['a', 100]]).messages).toEqual(['There is no group 0: nothing was recorded.']);
  });

  it('an option the question does not have says so and records nothing', () => {
    const { votes, messages } = type([['2', 0], ['d', 100]], { groupCount: 4, optionCount: 3 });
    expect(votes).toEqual([]);
    expect(messages).toEqual(['There is no option D: nothing was recorded.']);
  });

  it('a number waits for its letter only so long; then letters are keys again', () => {
    const { votes, actions } = type([['2', 0], ['b', PENDING_MS + 1]], { groupCount: 4, optionCount: 3 });
    expect(votes).toEqual([]);
    expect(actions.at(-1)).toEqual({ type: 'blackout' });
  });

  it('shows the group being typed (pickGroup) for a real group', () => {
    expect(type([['1', 0], ['1', 100]]).actions).toEqual([
      { type: 'pickGroup', groupNumber: 1 },
      { type: 'pickGroup', groupNumber: 11 },
    ]);
  });
});

describe('other keys', () => {
  it('Home and End go to the first and last slide; J opens the picker; T the timer', () => {
    expect(type([['Home', 0], ['End', 0], ['j', 0], ['T', 0]]).actions).toEqual([{ type: 'first' }, { type: 'last' }, { type: 'picker' }, { type: 'timer' }]);
  });
});

describe('reveal', () => {
  it('is refused before any vote is in, and allowed once one is', () => {
    expect(revealRefusal({ voteCount: 0, revealed: false })).toMatch(/no vote is in/);
    expect(revealRefusal({ voteCount: 1, revealed: false })).toBeNull();
    expect(revealRefusal(undefined)).not.toBeNull();
    expect(revealRefusal({ voteCount: 0, revealed: false }, 'hands')).toMatch(/no hand is counted/);
  });
});

describe('quick slide moves', () => {
  it('each press moves one slide from where the previous press was going', () => {
    const cursor = { target: null as number | null };
    const shown = 0;
    const targets: number[] = [];
    for (let press = 0; press < 10; press++) {
      const target = nextTarget(cursor, shown, 25, 'next');
      if (target !== null) {
        cursor.target = target;
        targets.push(target);
      }
    }
    expect(targets).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('stops at the ends, and Home/End jump', () => {
    expect(nextTarget({ target: null }, 24, 25, 'next')).toBeNull();
    expect(nextTarget({ target: null }, 0, 25, 'previous')).toBeNull();
    expect(nextTarget({ target: null }, 7, 25, 'first')).toBe(0);
    expect(nextTarget({ target: 3 }, 0, 25, 'last')).toBe(24);
    expect(nextTarget({ target: null }, 7, 25, 12)).toBe(12);
  });
});
