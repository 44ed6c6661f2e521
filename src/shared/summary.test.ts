import { describe, expect, it } from 'vitest';
import type { Group, Question, Slide, Vote } from './model';
import { OTHERS_KEY, summarizeSession, type SummarySource } from './summary';

function question(id: string, dimension: string, optionIds: [string, 'leader' | 'manager' | 'neutral'][]): Question {
  return { id, type: 'choice', kind: 'choose', prompt: `Prompt of ${id}`, dimension, debrief: '', options: optionIds.map(([optionId, style]) => ({ id: optionId, label: `Option ${optionId}`, style })) };
}
const scenario = (q: Question, title = ''): Slide => ({ id: `s-${q.id}`, kind: 'scenario', section: '', minutes: 0, notes: '', title, question: q });
const group = (id: string, name: string, size: number | null): Group => ({ id, name, color: '#112233', size });
let clock = 0;
const vote = (questionId: string, voterId: string, optionId: string, groupId: string | null, voterKind: Vote['voterKind'] = groupId === voterId ? 'group' : 'device'): Vote => ({
  questionId,
  voterId,
  voterKind,
  groupId,
  optionId,
  at: new Date(Date.UTC(2026, 0, 15, 9, 0, clock++)).toISOString(),
});

/** Two groups on the screen, phones (in groups and not), hands; q1 and q3 revealed, q2 voted but hidden, q4 untouched. */
function room(): SummarySource {
  const q1 = question('q1', 'power', [
    ['a', 'leader'],
    ['b', 'manager'],
  ]);
  const q2 = question('q2', 'power', [
    ['a', 'leader'],
    ['b', 'manager'],
  ]);
  const q3 = question('q3', 'focus', [
    ['x', 'leader'],
    ['y', 'manager'],
    ['z', 'neutral'],
  ]);
  const q4 = question('q4', 'focus', [
    ['a', 'leader'],
    ['b', 'manager'],
  ]);
  return {
    id: 's1',
    title: 'Room',
    status: 'ended',
    votingMode: 'groups',
    groups: [group('red', 'Red', 5), group('blue', 'Blue', null)],
    slides: [{ id: 'title', kind: 'title', section: '', minutes: 0, notes: '', title: 'Hi', subtitle: '' }, scenario(q1, 'Power play'), scenario(q2), scenario(q3), scenario(q4)],
    dimensions: [
      { id: 'power', name: 'Power', leader: 'gives', manager: 'keeps' },
      { id: 'focus', name: 'Focus', leader: 'people', manager: 'work' },
    ],
    questions: {
      q1: { status: 'closed', revealed: true, closesAt: null },
      q2: { status: 'closed', revealed: false, closesAt: null },
      q3: { status: 'closed', revealed: true, closesAt: null },
      q4: { status: 'idle', revealed: false, closesAt: null },
    },
    votes: [
      vote('q1', 'red', 'a', 'red'),
      vote('q1', 'blue', 'b', 'blue'),
      vote('q1', 'phone-0001', 'a', 'blue'),
      vote('q1', 'phone-0002', 'a', null),
      vote('q2', 'red', 'b', 'red'),
      vote('q2', 'phone-0001', 'b', 'blue'),
      vote('q3', 'phone-0003', 'z', 'blue'),
    ],
    handCounts: { q3: { x: 4, y: 2, z: 0 }, q4: {} },
  };
}

describe('summarizeSession', () => {
  it('counts each answer once, told apart by source, and the session totals', () => {
    const summary = summarizeSession(room());
    expect(summary.totals).toEqual({
      scenarios: 4,
      votedOn: 3,
      revealed: 2,
      shown: 2,
      votedNotRevealed: 1,
      notVotedOn: 1,
      votes: 4 + 2 + 1 + 6,
      sources: { group: 3, phone: 4, hands: 6 },
      shownVotes: 4 + 7,
      shownSources: { group: 2, phone: 3, hands: 6 },
    });
    const [q1, q2, q3, q4] = summary.questions;
    expect(q1).toMatchObject({ heading: 'Power play', number: 1, votes: 4, sources: { group: 2, phone: 2, hands: 0 }, groupsVoted: ['red', 'blue'], phonesVoted: 2, shown: true });
    expect(q1!.options!.map((o) => [o.optionId, o.group, o.phone, o.hands, o.count])).toEqual([
      ['a', 1, 2, 0, 3],
      ['b', 1, 0, 0, 1],
    ]);
    expect(q1!.figures).toMatchObject({ voteCount: 4, majorityShare: 0.75, leaderShare: 0.75 });
    // Hands count for the room, under their own line in the split.
    expect(q3!.breakdown!.map((line) => [line.kind, line.counts])).toEqual([
      ['group', [0, 0, 1]],
      ['hands', [4, 2, 0]],
    ]);
    expect(q3!.totals).toEqual({ x: 4, y: 2, z: 1 });
    expect(q4).toMatchObject({ heading: 'Scenario 4', votes: 0, shown: false, options: null });
    // Phones of a group make the group "answered", even with no vote on the screen.
    expect(q3!.groupsVoted).toEqual(['blue']);
    expect(q2!.votes).toBe(2);
  });

  it('keeps what was not revealed in the core: counts only, no choice, even after the session ended', () => {
    const summary = summarizeSession(room());
    const q2 = summary.questions[1]!;
    expect(q2).toMatchObject({ revealed: false, shown: false, votes: 2, options: null, breakdown: null, figures: null, totals: null, totalsByGroup: null });
    expect(JSON.stringify(q2)).not.toContain('"b"');
    // The profile rests on the revealed questions only.
    expect(summary.profile.voteCount).toBe(11);
    expect(summary.profile.questions.map((q) => q.questionId)).toEqual(['q1', 'q3']);
    expect(summary.includesUnrevealed).toBe(false);
  });

  it('brings the unrevealed choices in when asked, and says so', () => {
    const summary = summarizeSession(room(), { includeUnrevealed: true });
    expect(summary.includesUnrevealed).toBe(true);
    expect(summary.questions[1]).toMatchObject({ revealed: false, shown: true, totals: { a: 0, b: 2 } });
    expect(summary.totals).toMatchObject({ revealed: 2, shown: 4 });
  });

  it('counts participants: sizes where given, phones otherwise, hands when more were counted', () => {
    const { participants } = summarizeSession(room());
    // Red: 5 people (its size); Blue: no size, two distinct phones picked it; one phone without a group.
    expect(participants.groups.map((g) => [g.id, g.people, g.phones, g.screenVotes])).toEqual([
      ['red', 5, 0, 2],
      ['blue', 2, 2, 1],
    ]);
    expect(participants).toMatchObject({ count: 8, phones: 3, ungroupedPhones: 1, hands: 6, groupsOfUnknownSize: 0 });

    const hands = summarizeSession({ ...room(), groups: [], votes: [], handCounts: { q1: { a: 12, b: 8 }, q3: { x: 5 } } });
    expect(hands.participants).toMatchObject({ count: 20, hands: 20, basis: 'the most hands counted on one scenario' });
    expect(hands.totals).toMatchObject({ votes: 25, votedOn: 2, sources: { group: 0, phone: 0, hands: 25 } });

    const sized = summarizeSession({ ...room(), groups: [group('red', 'Red', 5), group('blue', 'Blue', 4)], votes: [], handCounts: {} });
    expect(sized.participants).toMatchObject({ count: 9, basis: 'the groups’ sizes added up' });
  });

  it('merges groups below the privacy floor into "Other groups", or into the room when they stay too few', () => {
    const source = room();
    source.groups = [group('red', 'Red', 5), group('blue', 'Blue', 2), group('gold', 'Gold', 2)];
    source.votes = [vote('q1', 'red', 'a', 'red'), vote('q1', 'blue', 'b', 'blue'), vote('q1', 'gold', 'a', 'gold')];
    const floored = summarizeSession(source, { privacyFloor: 3 });
    expect(floored.participants.groups.map((g) => g.merged)).toEqual([false, true, true]);
    expect(floored.questions[0]!.breakdown!.map((line) => [line.kind, line.name, line.counts, line.groupCount])).toEqual([
      ['group', 'Red', [1, 0], 1],
      ['others', 'Other groups (2)', [1, 1], 2],
    ]);
    expect(floored.breakdownGroups.map((g) => g.id)).toEqual(['red', OTHERS_KEY]);
    expect(floored.profile.groups.map((g) => [g.groupId, g.counts.total])).toEqual([
      ['red', 1],
      [OTHERS_KEY, 2],
    ]);
    // The room's figures do not change.
    expect(floored.questions[0]!.totals).toEqual({ a: 2, b: 1 });

    // One small group alone would be itself under another name: it joins the room.
    source.groups = [group('red', 'Red', 5), group('blue', 'Blue', 2)];
    source.votes = [vote('q1', 'red', 'a', 'red'), vote('q1', 'blue', 'b', 'blue')];
    const alone = summarizeSession(source, { privacyFloor: 3 });
    expect(alone.questions[0]!.breakdown!.map((line) => line.kind)).toEqual(['group', 'ungrouped']);
    expect(alone.profile.groups.map((g) => g.groupId)).toEqual(['red', '']);

    // Without a floor every group is its own line.
    expect(summarizeSession(source).questions[0]!.breakdown!.map((line) => line.name)).toEqual(['Red', 'Blue']);
  });

  it('keeps ids such as __proto__ and constructor as plain data', () => {
    const q = question('__proto__', 'constructor', [
      ['__proto__', 'leader'],
      ['constructor', 'manager'],
      ['toString', 'neutral'],
    ]);
    const source: SummarySource = {
      ...room(),
      groups: [group('__proto__', 'Proto', 4), group('hasOwnProperty', 'Own', 4)],
      slides: [scenario(q)],
      dimensions: [{ id: 'constructor', name: 'Constructor', leader: 'l', manager: 'm' }],
      questions: JSON.parse('{"__proto__": {"status": "closed", "revealed": true, "closesAt": null}}') as SummarySource['questions'],
      votes: [vote('__proto__', '__proto__', '__proto__', '__proto__'), vote('__proto__', 'hasOwnProperty', 'constructor', 'hasOwnProperty'), vote('__proto__', 'phone-1234', 'valueOf', null)],
      handCounts: JSON.parse('{"__proto__": {"toString": 3, "__proto__": 1}}') as SummarySource['handCounts'],
    };
    const summary = summarizeSession(source);
    const figures = summary.questions[0]!;
    expect(figures.revealed).toBe(true);
    // The vote for an option that does not exist (valueOf) is not counted.
    expect(figures.options!.map((o) => [o.optionId, o.count])).toEqual([
      ['__proto__', 2],
      ['constructor', 1],
      ['toString', 3],
    ]);
    expect(Object.getPrototypeOf(figures.totals)).toBeNull();
    expect(Object.keys(figures.totalsByGroup!)).toEqual(['__proto__', 'hasOwnProperty']);
    expect(figures.groupsVoted).toEqual(['__proto__', 'hasOwnProperty']);
    expect(summary.profile.room.dimensions[0]).toMatchObject({ dimensionId: 'constructor', counts: { leader: 2, manager: 1, neutral: 3, total: 6 } });
    // Nothing leaked onto Object.prototype.
    expect(({} as Record<string, unknown>).toString).toBe(Object.prototype.toString);
    expect(Object.keys(Object.prototype)).toEqual([]);
  });
});
