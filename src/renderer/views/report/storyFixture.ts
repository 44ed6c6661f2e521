/**
 * A session record for the report's story tests: a self-check before and after
 * (with then-ratings), two scenarios voted on twice, a rating and a commitments
 * slide, answered by phones with hand-checkable numbers. The tests run it through
 * the core's own `summarizeSession`, so the story is tested on real summaries.
 */
import type { Dimension, QuestionState, Slide, Vote } from '../../../shared/model';
import { selfCheckItemId } from '../../../shared/slideRules';
import type { SummarySource } from '../../../shared/summary';

export const storyDimensions: Dimension[] = [
  { id: 'power', name: 'Power', leader: 'Hands power to the team', manager: 'Holds on to the power' },
  { id: 'focus', name: 'Focus', leader: 'Puts people first', manager: 'Puts the work first' },
  { id: 'risk', name: 'Risk', leader: 'Takes risks', manager: 'Avoids risk' },
];

const statements = storyDimensions.map((dimension) => ({ dimension: dimension.id, statement: `I ${dimension.leader.toLowerCase()}.` }));
const base = { section: '', minutes: 0, notes: '' };
const selfCheck = (id: string, phase: 'before' | 'after'): Slide => ({
  ...base,
  id: `s-${id}`,
  kind: 'selfCheck',
  title: '',
  question: { id, prompt: 'How true is each of these of you?', phase, min: 1, max: 5, minLabel: 'Not at all', maxLabel: 'Fully', thenPrompt: 'Looking back, where were you before today?', statements },
});
const scenario = (id: string, dimension: string, title: string): Slide => ({
  ...base,
  id: `s-${id}`,
  kind: 'scenario',
  title,
  question: {
    id,
    type: 'choice',
    kind: 'choose',
    prompt: `What would you do in ${id}?`,
    dimension,
    debrief: '',
    options: [
      { id: 'a', label: 'Let the team decide', style: 'leader' },
      { id: 'b', label: 'Decide yourself', style: 'manager' },
    ],
  },
});

export const storySlides: Slide[] = [
  selfCheck('sc-before', 'before'),
  scenario('q-power', 'power', 'Scenario 1 · Power'),
  scenario('q-focus', 'focus', 'Scenario 2 · Focus'),
  selfCheck('sc-after', 'after'),
  { ...base, id: 's-commit', kind: 'commitments', title: 'Monday', question: { id: 'q-commit', type: 'text', prompt: 'What will you do on Monday?', debrief: '' } },
  { ...base, id: 's-useful', kind: 'rating', title: 'Your rating', question: { id: 'q-useful', type: 'scale', prompt: 'How useful was today?', min: 1, max: 5, minLabel: 'Not at all', maxLabel: 'Very', debrief: '' } },
];

/** The five phones. */
const PHONES = ['p1', 'p2', 'p3', 'p4', 'p5'];

function vote(voterId: string, questionId: string, optionId: string, extra: Partial<Vote> = {}): Vote {
  return { questionId, voterId, voterKind: 'device', groupId: null, optionId, at: '2026-01-01T10:00:00.000Z', ...extra };
}

/**
 * - Self-check, 5 phones: before Power 2,2,2,2,2 (2.0), Focus 3 each (3.0); Risk
 *   only two phones (withheld at a floor of 3). After Power 5 each (5.0, +3.0),
 *   Focus 2 each (2.0, −1.0), Risk 4 each; then-ratings Power 1 (1.0), Focus 3,
 *   Risk 3.
 * - q-power: round 1 1 leader of 5 (20%), round 2 4 of 5 (80%): +60 points.
 *   q-focus: round 1 3 of 5 (60%), round 2 2 of 5 (40%): −20 points.
 * - Rating: 4, 5, 5, 3, 4: mean 4.2 on 1 to 5.
 * - Commitments: Power 2, Risk 1 (from three phones).
 */
export function storyVotes(): Vote[] {
  const votes: Vote[] = [];
  PHONES.forEach((phone, index) => {
    votes.push(vote(phone, selfCheckItemId('sc-before', 'power'), '2'), vote(phone, selfCheckItemId('sc-before', 'focus'), '3'));
    if (index < 2) votes.push(vote(phone, selfCheckItemId('sc-before', 'risk'), '3'));
    votes.push(
      vote(phone, selfCheckItemId('sc-after', 'power'), '5'),
      vote(phone, selfCheckItemId('sc-after', 'power', true), '1'),
      vote(phone, selfCheckItemId('sc-after', 'focus'), '2'),
      vote(phone, selfCheckItemId('sc-after', 'focus', true), '3'),
      vote(phone, selfCheckItemId('sc-after', 'risk'), '4'),
      vote(phone, selfCheckItemId('sc-after', 'risk', true), '3'),
    );
    votes.push(vote(phone, 'q-power', index < 1 ? 'a' : 'b', { round: 1 }), vote(phone, 'q-power', index < 4 ? 'a' : 'b', { round: 2 }));
    votes.push(vote(phone, 'q-focus', index < 3 ? 'a' : 'b', { round: 1 }), vote(phone, 'q-focus', index < 2 ? 'a' : 'b', { round: 2 }));
    votes.push(vote(phone, 'q-useful', String([4, 5, 5, 3, 4][index])));
  });
  votes.push(
    vote('p1', 'q-commit', 'c1', { text: 'I will let Sam chair the Monday meeting', dimensionId: 'power' }),
    vote('p2', 'q-commit', 'c2', { text: 'I will ask the team before I decide', dimensionId: 'power' }),
    vote('p3', 'q-commit', 'c3', { text: 'I will try one small pilot', dimensionId: 'risk' }),
  );
  return votes;
}

const revealed = (round?: number): QuestionState => ({ status: 'closed', revealed: true, closesAt: null, ...(round ? { round } : {}) });

/** The session record; `patch` takes slides or votes out to test a story without them. */
export function storySource(patch: Partial<SummarySource> = {}): SummarySource {
  return {
    id: 'story',
    title: 'Story day',
    status: 'ended',
    votingMode: 'phones',
    groups: [],
    slides: storySlides,
    dimensions: storyDimensions,
    questions: { 'sc-before': revealed(), 'sc-after': revealed(), 'q-power': revealed(2), 'q-focus': revealed(2), 'q-commit': revealed(), 'q-useful': revealed() },
    votes: storyVotes(),
    handCounts: {},
    ...patch,
  };
}
