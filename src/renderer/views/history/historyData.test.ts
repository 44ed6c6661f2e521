import { describe, expect, it } from 'vitest';
import type { Session, SessionSummary, Slide } from '../../../shared/model';
import { summarizeSession } from '../../../shared/summary';
import { recordOf } from '../../components/charts/testFixtures';
import { compareAxes, compareProblem, compared, dimensionRows, matchesQuery, scenarioCellText, scenarioRows } from './historyData';

const summary = (over: Partial<SessionSummary>): SessionSummary => ({
  id: 's1',
  title: 'Tuesday cohort',
  status: 'ended',
  workshopId: 'w1',
  workshopTitle: 'Leader or Manager?',
  facilitator: 'Dana',
  createdAt: '2026-01-15T09:00:00.000Z',
  endedAt: null,
  groupCount: 3,
  voteCount: 12,
  votedOn: 3,
  revealed: 3,
  scenarioCount: 15,
  participants: 12,
  followUpOf: null,
  canFollowUp: false,
  ...over,
});

describe('the history list', () => {
  it('matches every word of the search in title, workshop, facilitator or date', () => {
    expect(matchesQuery(summary({}), '')).toBe(true);
    expect(matchesQuery(summary({}), 'tuesday dana')).toBe(true);
    expect(matchesQuery(summary({}), 'leader 2026-01-15')).toBe(true);
    expect(matchesQuery(summary({}), 'tuesday thursday')).toBe(false);
  });

  it('compares two or more sessions of one workshop only', () => {
    expect(compareProblem([summary({})])).toMatch(/at least two/);
    expect(compareProblem([summary({}), summary({ id: 's2', workshopId: 'w2' })])).toMatch(/different workshops/);
    expect(compareProblem([summary({}), summary({ id: 's2' })])).toBeNull();
  });
});

function session(id: string, totals: Record<string, Record<string, number> | null>, extraSlides: Slide[] = []): Session {
  const slides: Slide[] = [
    {
      id: 'sl-1',
      kind: 'scenario',
      section: '',
      minutes: 0,
      notes: '',
      title: 'Scenario 1 · Power',
      question: { id: 'q1', type: 'choice', kind: 'classify', prompt: 'Who holds the power?', dimension: 'power', debrief: '', options: [{ id: 'a', label: 'Manager', style: 'manager' }, { id: 'b', label: 'Leader', style: 'leader' }] },
    },
    {
      id: 'sl-2',
      kind: 'scenario',
      section: '',
      minutes: 0,
      notes: '',
      title: '',
      question: { id: 'q2', type: 'choice', kind: 'classify', prompt: 'Who talks of we?', dimension: 'language', debrief: '', options: [{ id: 'a', label: 'Leader', style: 'leader' }, { id: 'b', label: 'Manager', style: 'manager' }] },
    },
    ...extraSlides,
  ];
  const view = (t: Record<string, number> | null) => ({ status: 'closed' as const, revealed: t !== null, closesAt: null, voterIds: [], phoneVotes: 0, voteCount: 0, totals: t, totalsByGroup: t ? {} : null, handCounts: {}, progress: { answers: 0, sources: { group: 0, phone: 0, hands: 0 }, groupsVoted: [], phonesVoted: 0, phonesByGroup: {} }, type: 'choice' as const, words: null, hiddenCount: 0, heldBackCount: 0, mean: null });
  return {
    id,
    workshopId: 'w1',
    workshopTitle: 'Leader or Manager?',
    title: id,
    facilitator: '',
    status: 'ended',
    joinCode: 'ABC234',
    slideIndex: 0,
    votingMode: 'groups',
    groups: [],
    slides,
    dimensions: [
      { id: 'power', name: 'Power', leader: 'Hands power over', manager: 'Holds on to it' },
      { id: 'language', name: 'Language', leader: 'We', manager: 'I' },
    ],
    questions: Object.fromEntries(Object.entries(totals).map(([q, t]) => [q, view(t)])),
    notes: {},
    phoneLimit: 100,
    phoneAddressCapLifted: false,
    phonesAdmitted: 0,
    blackout: false,
    resultsByGroup: false,
    createdAt: '2026-01-15T09:00:00.000Z',
    startedAt: '2026-01-15T09:00:00.000Z',
    endedAt: null,
    updatedAt: '2026-01-15T09:00:00.000Z',
  };
}

describe('the comparison tables', () => {
  // Each session's summary as the core makes it; in "one", q2 got two votes that were never revealed.
  const one = session('one', { q1: { a: 1, b: 3 }, q2: null });
  const two = session('two', { q1: { a: 2, b: 2 }, q2: { a: 0, b: 0 } });
  const oneRecord = recordOf(one);
  oneRecord.votes.push(
    { questionId: 'q2', voterId: 'phone-x1', voterKind: 'device', groupId: null, optionId: 'a', at: one.updatedAt },
    { questionId: 'q2', voterId: 'phone-x2', voterKind: 'device', groupId: null, optionId: 'b', at: one.updatedAt },
  );
  const items = compared([one, two], [summarizeSession(oneRecord), summarizeSession(recordOf(two))]);

  it('lays every session on one radar with the same spokes; a dimension a session did not cover has no point', () => {
    const { axes, uncovered } = compareAxes(items);
    expect(axes).toEqual([{ dimensionId: 'power', name: 'Power', values: [75, 50], notCovered: [] }]);
    expect(uncovered).toEqual(['Language']);
    const covered = compared([one, two], [summarizeSession(oneRecord, { includeUnrevealed: true }), summarizeSession(recordOf(two))]);
    expect(compareAxes(covered).axes[1]).toEqual({ dimensionId: 'language', name: 'Language', values: [50, null], notCovered: ['two'] });
  });

  it('gives the leader share per dimension, a column per session', () => {
    const rows = dimensionRows(items);
    expect(rows.map((row) => row.name)).toEqual(['Power', 'Language']);
    expect(rows[0]!.cells).toEqual([
      { leaderShare: 0.75, votes: 4 },
      { leaderShare: 0.5, votes: 4 },
    ]);
    expect(rows[1]!.cells.map((cell) => cell.leaderShare)).toEqual([null, null]);
  });

  it('gives each scenario’s majority per session, and says when it is hidden or has no votes', () => {
    const rows = scenarioRows(items);
    expect(rows.map((row) => row.name)).toEqual(['Scenario 1 · Power', 'Scenario 2']);
    expect(rows[0]!.cells.map(scenarioCellText)).toEqual(['B · 75%', 'A / B · 50%']);
    expect(rows[0]!.cells[1]).toMatchObject({ state: 'voted', divided: true, leaderShare: 0.5 });
    expect(rows[1]!.cells.map(scenarioCellText)).toEqual(['not revealed', 'no votes']);
  });
});
