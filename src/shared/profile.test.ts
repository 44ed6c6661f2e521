import { describe, expect, it } from 'vitest';
import type { Dimension, Group, Question, QuestionView, Slide, Style } from './model';
import {
  consensusRanking,
  DIVIDED_BELOW,
  formatLean,
  formatShare,
  groupBreakdown,
  groupProfiles,
  leanOf,
  normalisedEntropy,
  roomProfile,
  sessionProfile,
  summarizeQuestion,
  visibleQuestions,
  type ResultsSource,
} from './profile';

// ------------------------------------------------------------ fixture helpers

function question(id: string, dimension: string, styles: Style[]): Question {
  return {
    id,
    type: 'choice',
    kind: 'choose',
    prompt: `Prompt of ${id}`,
    dimension,
    options: styles.map((style, index) => ({ id: 'abcdef'[index]!, label: `Option ${index}`, style })),
    debrief: '',
  };
}

function scenario(q: Question): Slide {
  return { id: `s-${q.id}`, kind: 'scenario', section: '', minutes: 0, notes: '', title: `Scenario ${q.id}`, question: q };
}

const dimension = (id: string): Dimension => ({ id, name: id.toUpperCase(), leader: `${id} leader side`, manager: `${id} manager side` });
const group = (id: string, name: string): Group => ({ id, name, color: '#112233', size: null });

type Tally = Pick<QuestionView, 'totals' | 'totalsByGroup'>;

/*
 * The hand-worked session used by most tests.
 *   q1 power  [manager, leader]            totals a3 b7    g1 {a1 b4}  g2 {a2 b1}  "" {b2}
 *   q2 focus  [leader, manager, neutral]   totals a4 b4 c2 g1 {a2 b1}  g2 {a1 b2 c1}  + hand counts a1 b1 c1
 *   q3 risk   hidden
 *   q4 power  [neutral, leader, manager]   totals a1 b2 c2 g1 {b2}     g2 {a1 c2}
 *   q5 risk   [leader, manager]            revealed, no votes
 */
const q1 = question('q1', 'power', ['manager', 'leader']);
const q2 = question('q2', 'focus', ['leader', 'manager', 'neutral']);
const q3 = question('q3', 'risk', ['leader', 'manager']);
const q4 = question('q4', 'power', ['neutral', 'leader', 'manager']);
const q5 = question('q5', 'risk', ['leader', 'manager']);

const tallies: Record<string, Tally> = {
  q1: { totals: { a: 3, b: 7 }, totalsByGroup: { g1: { a: 1, b: 4 }, g2: { a: 2, b: 1 }, '': { a: 0, b: 2 } } },
  q2: { totals: { a: 4, b: 4, c: 2 }, totalsByGroup: { g1: { a: 2, b: 1, c: 0 }, g2: { a: 1, b: 2, c: 1 } } },
  q3: { totals: null, totalsByGroup: null },
  q4: { totals: { a: 1, b: 2, c: 2 }, totalsByGroup: { g1: { a: 0, b: 2, c: 0 }, g2: { a: 1, b: 0, c: 2 } } },
  q5: { totals: { a: 0, b: 0 }, totalsByGroup: {} },
};

const titleSlide: Slide = { id: 's-title', kind: 'title', section: '', minutes: 0, notes: '', title: 'Hello', subtitle: '' };

const source: ResultsSource = {
  slides: [titleSlide, scenario(q1), scenario(q2), scenario(q3), scenario(q4), scenario(q5)],
  dimensions: [dimension('power'), dimension('focus'), dimension('risk')],
  groups: [group('g1', 'Red'), group('g2', 'Blue')],
  questions: tallies,
};

// ------------------------------------------------------------ questions

describe('summarizeQuestion', () => {
  it('counts, shares, leader share, majority and entropy of a 30/70 split', () => {
    const s = summarizeQuestion(q1, { a: 3, b: 7 });
    expect(s.voteCount).toBe(10);
    expect(s.options.map((o) => [o.letter, o.count, o.share])).toEqual([
      ['A', 3, 0.3],
      ['B', 7, 0.7],
    ]);
    expect(s.styles).toEqual({ leader: 7, manager: 3, neutral: 0, total: 10 });
    expect(s.leaderShare).toBeCloseTo(0.7, 10);
    expect(s.majorityShare).toBeCloseTo(0.7, 10);
    expect(s.majorityOptionIds).toEqual(['b']);
    // -(0.3 ln 0.3 + 0.7 ln 0.7) / ln 2 = 0.610864 / 0.693147
    expect(s.entropy).toBeCloseTo(0.881291, 5);
    expect(s.divided).toBe(false);
  });

  it('a 40/40/20 split with a neutral option is divided, with a tie for the majority', () => {
    const s = summarizeQuestion(q2, { a: 4, b: 4, c: 2 });
    expect(s.leaderShare).toBeCloseTo(0.4, 10);
    expect(s.majorityShare).toBeCloseTo(0.4, 10);
    expect(s.majorityOptionIds).toEqual(['a', 'b']);
    // -(2 * 0.4 ln 0.4 + 0.2 ln 0.2) / ln 3 = 1.054920 / 1.098612
    expect(s.entropy).toBeCloseTo(0.96023, 5);
    expect(s.divided).toBe(true);
  });

  it('draws the divided line at 60%: 6 of 10 is agreed, 5 of 10 is divided', () => {
    expect(DIVIDED_BELOW).toBe(0.6);
    expect(summarizeQuestion(q1, { a: 4, b: 6 }).divided).toBe(false);
    expect(summarizeQuestion(q1, { a: 5, b: 5 }).divided).toBe(true);
  });

  it('a unanimous room has entropy 0; an even split has entropy 1', () => {
    expect(summarizeQuestion(q1, { a: 0, b: 9 }).entropy).toBe(0);
    expect(summarizeQuestion(q2, { a: 3, b: 3, c: 3 }).entropy).toBeCloseTo(1, 10);
  });

  it('no votes: shares 0, every measure null, not divided', () => {
    const s = summarizeQuestion(q1, {});
    expect(s.voteCount).toBe(0);
    expect(s.options.map((o) => [o.count, o.share])).toEqual([
      [0, 0],
      [0, 0],
    ]);
    expect(s.leaderShare).toBeNull();
    expect(s.majorityShare).toBeNull();
    expect(s.majorityOptionIds).toEqual([]);
    expect(s.entropy).toBeNull();
    expect(s.divided).toBe(false);
  });

  it('ignores totals for options the question does not have, and negative counts', () => {
    const s = summarizeQuestion(q1, { a: 2, b: -4, zz: 50 });
    expect(s.voteCount).toBe(2);
    expect(s.majorityShare).toBe(1);
  });
});

describe('normalisedEntropy and leanOf', () => {
  it('handle empty and one-option cases', () => {
    expect(normalisedEntropy([])).toBeNull();
    expect(normalisedEntropy([0, 0])).toBeNull();
    expect(normalisedEntropy([5], 1)).toBe(0);
    // Half the votes on each of two of four options: ln 2 / ln 4 = 0.5
    expect(normalisedEntropy([2, 2, 0, 0])).toBeCloseTo(0.5, 10);
    expect(leanOf({ leader: 0, manager: 0, neutral: 4, total: 4 })).toBeNull();
    expect(leanOf({ leader: 3, manager: 1, neutral: 4, total: 8 })).toBeCloseTo(0.5, 10);
  });
});

describe('visibleQuestions', () => {
  it('lists revealed questions in slide order with their slide, and skips hidden ones', () => {
    const list = visibleQuestions(source);
    expect(list.map((s) => [s.questionId, s.slideIndex, s.title, s.dimensionName, s.voteCount])).toEqual([
      ['q1', 1, 'Scenario q1', 'POWER', 10],
      ['q2', 2, 'Scenario q2', 'FOCUS', 10],
      ['q4', 4, 'Scenario q4', 'POWER', 5],
      ['q5', 5, 'Scenario q5', 'RISK', 0],
    ]);
  });
});

// ------------------------------------------------------------ room

describe('roomProfile', () => {
  it('leader share per dimension, in the session order, over visible votes with hand counts', () => {
    const room = roomProfile(source);
    // power: q1 L7 M3 + q4 N1 L2 M2 = L9 M5 N1 of 15 -> 9/15
    // focus: q2 L4 M4 N2 of 10 -> 4/10 (hand counts included)
    // risk: q3 hidden, q5 no votes -> null
    expect(room.dimensions.map((d) => [d.dimensionId, d.counts, d.questionCount])).toEqual([
      ['power', { leader: 9, manager: 5, neutral: 1, total: 15 }, 2],
      ['focus', { leader: 4, manager: 4, neutral: 2, total: 10 }, 1],
      ['risk', { leader: 0, manager: 0, neutral: 0, total: 0 }, 0],
    ]);
    expect(room.dimensions[0]!.leaderShare).toBeCloseTo(0.6, 10);
    expect(room.dimensions[1]!.leaderShare).toBeCloseTo(0.4, 10);
    expect(room.dimensions[2]!.leaderShare).toBeNull();
    expect(room.dimensions[0]!.leaderSide).toBe('power leader side');
    // overall L13 M9 N3 of 25: leader share 13/25, lean (13-9)/22
    expect(room.overall.total).toBe(25);
    expect(room.overall.leaderShare).toBeCloseTo(0.52, 10);
    expect(room.overall.lean).toBeCloseTo(4 / 22, 10);
  });
});

// ------------------------------------------------------------ groups

describe('groupProfiles', () => {
  const profiles = groupProfiles(source);

  it('lists the session groups in order, then phones with no group', () => {
    expect(profiles.map((p) => [p.groupId, p.name, p.ungrouped, p.questionCount])).toEqual([
      ['g1', 'Red', false, 3],
      ['g2', 'Blue', false, 3],
      ['', 'Phones, no group', true, 1],
    ]);
  });

  it('Red: L8 M2 of 10, lean +0.6, picked the leader-like answer 80%', () => {
    const red = profiles[0]!;
    // q1 L4 M1, q2 L2 M1 N0, q4 L2
    expect(red.counts).toEqual({ leader: 8, manager: 2, neutral: 0, total: 10 });
    expect(red.lean).toBeCloseTo(0.6, 10);
    expect(red.leaderLikeShare).toBeCloseTo(0.8, 10);
    // power L6 M1 of 7; focus L2 M1 of 3; risk none
    expect(red.dimensions[0]!.leaderShare).toBeCloseTo(6 / 7, 10);
    expect(red.dimensions[1]!.leaderShare).toBeCloseTo(2 / 3, 10);
    expect(red.dimensions[2]!.leaderShare).toBeNull();
  });

  it('Blue: L2 M6 N2 of 10, lean -0.5, picked the leader-like answer 20%', () => {
    const blue = profiles[1]!;
    // q1 L1 M2, q2 L1 M2 N1, q4 N1 M2
    expect(blue.counts).toEqual({ leader: 2, manager: 6, neutral: 2, total: 10 });
    expect(blue.lean).toBeCloseTo(-0.5, 10);
    expect(blue.leaderLikeShare).toBeCloseTo(0.2, 10);
    expect(blue.dimensions[0]!.leaderShare).toBeCloseTo(1 / 6, 10);
    expect(blue.dimensions[1]!.leaderShare).toBeCloseTo(0.25, 10);
  });

  it('phones with no group: 2 leader votes on q1; hand counts belong to no group', () => {
    const phones = profiles[2]!;
    expect(phones.counts).toEqual({ leader: 2, manager: 0, neutral: 0, total: 2 });
    expect(phones.lean).toBe(1);
    expect(phones.leaderLikeShare).toBe(1);
    const groupTotal = profiles.reduce((sum, p) => sum + p.counts.total, 0);
    expect(groupTotal).toBe(22); // 25 room votes - 3 hand counts on q2
  });

  it('one group: one profile, and no phone line when no phone voted', () => {
    const one = groupProfiles({
      ...source,
      groups: [group('g1', 'Red')],
      questions: { q1: { totals: { a: 0, b: 1 }, totalsByGroup: { g1: { a: 0, b: 1 } } } },
    });
    expect(one).toHaveLength(1);
    expect(one[0]!.lean).toBe(1);
    expect(one[0]!.leaderLikeShare).toBe(1);
  });

  it('twelve groups voting on the shared screen: nine leader-like, three manager-like', () => {
    const groups = Array.from({ length: 12 }, (_, i) => group(`g${i + 1}`, `Group ${i + 1}`));
    const totalsByGroup = Object.fromEntries(groups.map((g, i) => [g.id, i < 9 ? { a: 0, b: 1 } : { a: 1, b: 0 }]));
    const twelve: ResultsSource = { ...source, groups, questions: { q1: { totals: { a: 3, b: 9 }, totalsByGroup } } };
    const profiles12 = groupProfiles(twelve);
    expect(profiles12).toHaveLength(12);
    expect(profiles12.map((p) => p.lean)).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 1, -1, -1, -1]);
    expect(roomProfile(twelve).dimensions[0]!.leaderShare).toBeCloseTo(0.75, 10);
    expect(groupBreakdown(q1, twelve.questions.q1!, groups).series).toHaveLength(12);
  });

  it('a group without votes is listed with null figures', () => {
    const quiet = groupProfiles({ ...source, groups: [group('g1', 'Red'), group('g9', 'Silent')] });
    const silent = quiet.find((p) => p.groupId === 'g9')!;
    expect(silent.counts.total).toBe(0);
    expect(silent.lean).toBeNull();
    expect(silent.leaderLikeShare).toBeNull();
    expect(silent.questionCount).toBe(0);
  });
});

// ------------------------------------------------------------ consensus

describe('consensusRanking', () => {
  it('most divided first; questions without votes left out; ties by slide order', () => {
    // q2 and q4 both 40% majority and the same entropy (40/40/20); q1 70%.
    const ranked = consensusRanking(visibleQuestions(source));
    expect(ranked.map((s) => s.questionId)).toEqual(['q2', 'q4', 'q1']);
  });

  it('breaks a majority tie by entropy: 50/25/25 is more divided than 50/50/0', () => {
    const spread = summarizeQuestion(q2, { a: 2, b: 1, c: 1 }, { slideIndex: 9 });
    const two = summarizeQuestion(q4, { a: 2, b: 2, c: 0 }, { slideIndex: 1 });
    expect(consensusRanking([two, spread]).map((s) => s.questionId)).toEqual(['q2', 'q4']);
  });
});

// ------------------------------------------------------------ breakdown

describe('groupBreakdown', () => {
  it('splits each option by group and adds phones with no group', () => {
    const b = groupBreakdown(q1, tallies.q1!, source.groups);
    expect(b.series.map((s) => [s.key, s.kind, s.name])).toEqual([
      ['group:g1', 'group', 'Red'],
      ['group:g2', 'group', 'Blue'],
      ['ungrouped', 'ungrouped', 'Phones, no group'],
    ]);
    expect(b.rows).toEqual([
      { optionId: 'a', total: 3, counts: { 'group:g1': 1, 'group:g2': 2, ungrouped: 0 } },
      { optionId: 'b', total: 7, counts: { 'group:g1': 4, 'group:g2': 1, ungrouped: 2 } },
    ]);
  });

  it('puts what hand counts add to the totals in their own series', () => {
    const b = groupBreakdown(q2, tallies.q2!, source.groups);
    expect(b.series.map((s) => s.key)).toEqual(['group:g1', 'group:g2', 'hands']);
    expect(b.rows.map((r) => r.counts)).toEqual([
      { 'group:g1': 2, 'group:g2': 1, hands: 1 },
      { 'group:g1': 1, 'group:g2': 2, hands: 1 },
      { 'group:g1': 0, 'group:g2': 1, hands: 1 },
    ]);
  });

  it('is empty for a hidden question', () => {
    const b = groupBreakdown(q3, tallies.q3!, source.groups);
    expect(b.series).toEqual([]);
    expect(b.rows.map((r) => r.total)).toEqual([0, 0]);
  });
});

// ------------------------------------------------------------ the whole profile

describe('sessionProfile', () => {
  it('gathers the same figures in one object', () => {
    const p = sessionProfile(source);
    expect(p.questions.map((s) => s.questionId)).toEqual(['q1', 'q2', 'q4', 'q5']);
    expect(p.hiddenCount).toBe(1);
    expect(p.voteCount).toBe(25);
    expect(p.consensus.map((s) => s.questionId)).toEqual(['q2', 'q4', 'q1']);
    expect(p.room.overall.total).toBe(25);
    expect(p.groups).toHaveLength(3);
  });

  it('a session with nothing revealed: no figures, nothing divided', () => {
    const hidden: ResultsSource = {
      ...source,
      questions: Object.fromEntries(Object.keys(tallies).map((id) => [id, { totals: null, totalsByGroup: null }])),
    };
    const p = sessionProfile(hidden);
    expect(p.questions).toEqual([]);
    expect(p.hiddenCount).toBe(5);
    expect(p.voteCount).toBe(0);
    expect(p.consensus).toEqual([]);
    expect(p.room.dimensions.every((d) => d.leaderShare === null)).toBe(true);
    expect(p.room.overall.leaderShare).toBeNull();
    expect(p.groups.map((g) => g.lean)).toEqual([null, null]);
  });

  it('a workshop with no scenarios and no dimensions', () => {
    const p = sessionProfile({ slides: [titleSlide], dimensions: [], groups: [], questions: {} });
    expect(p).toMatchObject({ questions: [], hiddenCount: 0, voteCount: 0, consensus: [], groups: [] });
    expect(p.room.dimensions).toEqual([]);
  });
});

describe('formatting', () => {
  it('rounds shares to whole percents and says the lean in words', () => {
    expect(formatShare(0.125)).toBe('13%');
    expect(formatShare(2 / 3)).toBe('67%');
    expect(formatShare(null)).toBe('–');
    expect(formatLean(0.6)).toBe('60% toward leader');
    expect(formatLean(-0.5)).toBe('50% toward manager');
    expect(formatLean(0.001)).toBe('Balanced');
    expect(formatLean(null)).toBe('No leader/manager votes');
  });
});
