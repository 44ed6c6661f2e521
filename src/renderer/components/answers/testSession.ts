/** A session on an open question or a rating, as the core's snapshots show it, for the views' tests. */
import type { QuestionView, Session, Slide } from '../../../shared/model';
import type { WordCount } from '../../../shared/summary';

export function answerSession(kind: 'open' | 'rating', patch: Partial<QuestionView> = {}, groups: Session['groups'] = []): Session {
  const slide: Slide =
    kind === 'open'
      ? { id: 's-open', kind: 'open', section: '', minutes: 2, notes: '', title: '', question: { id: 'q-open', type: 'text', prompt: 'One word for the best boss', debrief: 'Ask who said trust.' } }
      : { id: 's-rate', kind: 'rating', section: '', minutes: 2, notes: '', title: '', question: { id: 'q-rate', type: 'scale', prompt: 'How useful was this?', min: 1, max: 5, minLabel: 'Not at all', maxLabel: 'Very', debrief: '' } };
  const questionId = kind === 'open' ? 'q-open' : 'q-rate';
  const view: QuestionView = {
    type: kind === 'open' ? 'text' : 'scale',
    status: 'open',
    revealed: false,
    closesAt: null,
    voterIds: [],
    phoneVotes: 4,
    voteCount: 4,
    totals: null,
    totalsByGroup: null,
    handCounts: {},
    progress: { answers: 4, sources: { group: 0, phone: 4, hands: 0 }, groupsVoted: [], phonesVoted: 2, phonesByGroup: {} },
    words: null,
    hiddenCount: 0,
    heldBackCount: 0,
    mean: null,
    ...patch,
  };
  return {
    id: 'sess-1',
    workshopId: 'w',
    workshopTitle: 'W',
    title: 'Team day',
    facilitator: '',
    status: 'active',
    joinCode: 'ABC234',
    slideIndex: 0,
    votingMode: groups.length ? 'groups' : 'phones',
    groups,
    slides: [slide],
    dimensions: [],
    questions: { [questionId]: view },
    notes: {},
    blackout: false,
    resultsByGroup: false,
    createdAt: '2026-01-01T00:00:00.000Z',
    startedAt: '2026-01-01T00:00:00.000Z',
    endedAt: null,
    updatedAt: '2026-01-01T00:00:00.000Z',
    phoneLimit: 100,
    phoneAddressCapLifted: false,
    phonesAdmitted: 2,
  };
}

export const sampleWords: WordCount[] = [
  { text: 'trust', count: 3 },
  { text: 'listens', count: 2 },
  { text: 'gave me room to grow', count: 1 },
];
