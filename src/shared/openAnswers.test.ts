import { describe, expect, it } from 'vitest';
import { answerTextProblem, countPhrases, phraseOf, scaleMean, tidyAnswer } from './openAnswers';
import type { Vote } from './model';
import { applyVote } from './voteList';

describe('open answers', () => {
  it('are kept tidied: white space runs become one space, trimmed; 1 to 140 characters', () => {
    expect(tidyAnswer('  gave\n me\t room  ')).toBe('gave me room');
    expect(answerTextProblem(tidyAnswer('   '))).toMatch(/at least one character/);
    expect(answerTextProblem('x'.repeat(140))).toBeNull();
    expect(answerTextProblem('x'.repeat(141))).toMatch(/at most 140/);
  });

  it('count as phrases: case-folded, trimmed of sentence punctuation, a few words as one', () => {
    expect(phraseOf('  Listened! ')).toBe('listened');
    expect(phraseOf('“Why?”')).toBe('“why?”');
    expect(phraseOf('ＬＩＳＴＥＮＥＤ')).toBe('listened');
    expect(countPhrases(['Gave me room', 'gave me  ROOM.', 'Listened', 'room', '...'])).toEqual([
      { text: 'gave me room', count: 2 },
      { text: '...', count: 1 },
      { text: 'listened', count: 1 },
      { text: 'room', count: 1 },
    ]);
  });

  it('a rating’s mean, to two decimals; null without answers', () => {
    expect(scaleMean({ min: 1, max: 5 }, { '1': 1, '5': 2 })).toBe(3.67);
    expect(scaleMean({ min: 1, max: 5 }, { '1': 0 })).toBeNull();
    // A value off the scale is not counted.
    expect(scaleMean({ min: 1, max: 5 }, { '4': 1, '9': 5 })).toBe(4);
  });
});

describe('applyVote with open answers and rounds', () => {
  const vote = (over: Partial<Vote>): Vote => ({ questionId: 'q', voterId: 'phone-1', voterKind: 'device', groupId: null, optionId: 'a', at: '2026-01-15T09:00:00.000Z', ...over });

  it('keeps each open answer, at most three per voter (the oldest goes), and replaces a rating', () => {
    const votes: Vote[] = [];
    for (const id of ['a1', 'a2', 'a3', 'a4']) applyVote(votes, vote({ optionId: id, text: id }));
    expect(votes.map((v) => v.optionId)).toEqual(['a2', 'a3', 'a4']);
    applyVote(votes, vote({ questionId: 'r', optionId: '2' }));
    applyVote(votes, vote({ questionId: 'r', optionId: '5' }));
    expect(votes.filter((v) => v.questionId === 'r').map((v) => v.optionId)).toEqual(['5']);
  });

  it('never lets a round-2 vote replace a round-1 vote, and replays to the same list', () => {
    const log = [vote({ optionId: 'a' }), vote({ optionId: 'b', round: 2 }), vote({ optionId: 'c', round: 2 }), vote({ optionId: 'x1', text: 'one', questionId: 't' }), vote({ optionId: 'x2', text: 'two', questionId: 't', round: 2 })];
    const live: Vote[] = [];
    for (const v of log) applyVote(live, v);
    expect(live.map((v) => [v.optionId, v.round ?? 1])).toEqual([
      ['a', 1],
      ['c', 2],
      ['x1', 1],
      ['x2', 2],
    ]);
    const replayed: Vote[] = [];
    for (const v of structuredClone(log)) applyVote(replayed, v);
    expect(replayed).toEqual(live);
  });
});
