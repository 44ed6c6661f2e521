/** A small session for the chart and results-view tests: hand-checkable numbers. */
import type { Dimension, Group, Question, QuestionView, Session, Slide, Style, Vote } from '../../../shared/model';
import type { SummarySource } from '../../../shared/summary';

function question(id: string, dimension: string, options: [string, Style][]): Question {
  return { id, type: 'choice', kind: 'choose', prompt: `What would you do in ${id}?`, dimension, debrief: '', options: options.map(([label, style], index) => ({ id: 'abc'[index]!, label, style })) };
}

const scenario = (q: Question, title: string): Slide => ({ id: `s-${q.id}`, kind: 'scenario', section: '', minutes: 0, notes: '', title, question: q });

function view(totals: Record<string, number> | null, totalsByGroup: Record<string, Record<string, number>> | null): QuestionView {
  const voteCount = totals ? Object.values(totals).reduce((sum, count) => sum + count, 0) : 0;
  return { status: 'closed', revealed: totals !== null, closesAt: null, voterIds: [], phoneVotes: 0, voteCount, totals, totalsByGroup, handCounts: {}, progress: { answers: voteCount, sources: { group: voteCount, phone: 0, hands: 0 }, groupsVoted: [], phonesVoted: 0, phonesByGroup: {} }, type: 'choice', words: null, hiddenCount: 0, heldBackCount: 0, mean: null };
}

export const dimensions: Dimension[] = [
  { id: 'power', name: 'Power', leader: 'Hands power to the team', manager: 'Holds on to the power' },
  { id: 'focus', name: 'Focus', leader: 'Puts people first', manager: 'Puts the work first' },
  { id: 'risk', name: 'Risk', leader: 'Takes risks', manager: 'Avoids risk' },
  { id: 'change', name: 'Change', leader: 'Challenges', manager: 'Keeps' },
];

export const groups: Group[] = [
  { id: 'g1', name: 'Red', color: '#E69F00', size: null },
  { id: 'g2', name: 'Blue', color: '#56B4E9', size: null },
];

export const qPower = question('q1', 'power', [
  ['Manager', 'manager'],
  ['Leader', 'leader'],
]);
export const qFocus = question('q2', 'focus', [
  ['Coach them through it', 'leader'],
  ['Send a checklist', 'manager'],
  ['Do it yourself', 'neutral'],
]);
export const qRisk = question('q3', 'risk', [
  ['Try the pilot', 'leader'],
  ['Wait a quarter', 'manager'],
]);
export const qChange = question('q4', 'change', [
  ['Keep the process', 'manager'],
  ['Rethink it', 'leader'],
]);

/*
 * q1 Power  a3 b7  (Red a1 b4, Blue a2 b1, phones b2)      -> 70% leader, agreed
 * q2 Focus  a4 b4 c2 (Red a2 b1, Blue a1 b2 c1, 3 by hand) -> 40% leader, divided
 * q3 Risk   a5 b5  (Red a5, Blue b5)                      -> 50% leader, divided
 * q4 Change hidden
 */
export const views: Record<string, QuestionView> = {
  q1: view({ a: 3, b: 7 }, { g1: { a: 1, b: 4 }, g2: { a: 2, b: 1 }, '': { a: 0, b: 2 } }),
  q2: view({ a: 4, b: 4, c: 2 }, { g1: { a: 2, b: 1, c: 0 }, g2: { a: 1, b: 2, c: 1 } }),
  q3: view({ a: 5, b: 5 }, { g1: { a: 5, b: 0 }, g2: { a: 0, b: 5 } }),
  q4: view(null, null),
};

const titleSlide: Slide = { id: 's-title', kind: 'title', section: '', minutes: 0, notes: '', title: 'Welcome', subtitle: '' };

/** The session as `sessions.get` answers it. */
export function testSession(overrides: Partial<Session> = {}): Session {
  return {
    id: 'sess1',
    workshopId: 'w1',
    workshopTitle: 'Leader or Manager?',
    title: 'Tuesday workshop',
    facilitator: '',
    status: 'active',
    joinCode: 'ABCDEF',
    slideIndex: 0,
    votingMode: 'groups',
    groups,
    slides: [titleSlide, scenario(qPower, 'Scenario 1 · Power'), scenario(qFocus, 'Scenario 2 · Focus'), scenario(qRisk, 'Scenario 3 · Risk'), scenario(qChange, 'Scenario 4 · Change')],
    dimensions,
    questions: views,
    notes: {},
    phoneLimit: 100,
    phoneAddressCapLifted: false,
    phonesAdmitted: 0,
    blackout: false,
    resultsByGroup: false,
    createdAt: '2026-01-01T09:00:00.000Z',
    startedAt: '2026-01-01T09:00:00.000Z',
    endedAt: null,
    updatedAt: '2026-01-01T10:00:00.000Z',
    ...overrides,
  };
}

/** The same session with nothing revealed. */
export function hiddenSession(): Session {
  const questions = Object.fromEntries(Object.entries(views).map(([id, v]) => [id, { ...v, revealed: false, totals: null, totalsByGroup: null }]));
  return testSession({ questions });
}

/**
 * A record the core could hold behind a test session, for `reports.get` in fake
 * APIs: each group's count becomes that many phone votes of the group ("" for
 * phones with none), and what the totals hold beyond them, hand counts.
 */
export function recordOf(session: Session): SummarySource {
  const votes: Vote[] = [];
  const handCounts: Record<string, Record<string, number>> = {};
  let serial = 0;
  for (const [questionId, view] of Object.entries(session.questions)) {
    if (!view.totals) continue;
    const byGroup = view.totalsByGroup ?? {};
    const grouped: Record<string, number> = {};
    for (const [groupId, counts] of Object.entries(byGroup)) {
      for (const [optionId, count] of Object.entries(counts)) {
        grouped[optionId] = (grouped[optionId] ?? 0) + count;
        for (let i = 0; i < count; i++) {
          votes.push({ questionId, voterId: `phone-${String(serial++).padStart(4, '0')}`, voterKind: 'device', groupId: groupId || null, optionId, at: session.updatedAt });
        }
      }
    }
    handCounts[questionId] = Object.fromEntries(Object.entries(view.totals).map(([optionId, total]) => [optionId, total - (grouped[optionId] ?? 0)]));
  }
  return { ...session, votes, handCounts, questions: Object.fromEntries(Object.entries(session.questions).map(([id, v]) => [id, { status: v.status, revealed: v.revealed, closesAt: v.closesAt }])) };
}
