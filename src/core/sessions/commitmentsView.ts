/**
 * What the facilitator's windows and phones see of a commitments slide (issue 17),
 * and the checks a commitment passes before it is kept. A person's commitments
 * stay theirs: the facilitator's view counts them and says which groups wrote,
 * never which phone wrote what; phones get the themes (per dimension, counts) and
 * the texts once revealed, hidden ones left out, with no device or group name.
 */
import { OPEN_ANSWER_MAX, OPEN_ANSWERS_PER_VOTER, type QuestionView, type SessionRecord, type Slide, type TextQuestion, type Vote } from '../../shared/model';
import type { ParticipantTextQuestion } from '../../shared/participant';
import { ApiError } from '../../shared/errors';
import { emptyRecord, ownValue } from '../../shared/records';
import { commitmentVotes, summarizeCommitments } from '../../shared/commitments';
import { shippedWordList } from './wordList';

export type CommitmentsSlide = Extract<Slide, { kind: 'commitments' }>;

/** The commitments slide asking this question, if any. */
export function commitmentsSlideOf(record: Pick<SessionRecord, 'slides'>, questionId: string): CommitmentsSlide | undefined {
  return record.slides.find((slide): slide is CommitmentsSlide => slide.kind === 'commitments' && slide.question.id === questionId);
}

/**
 * Checks a commitment (its words and dimension, and the voter's count) and gives
 * the words trimmed. Throws invalid_input for bad words or an unknown dimension,
 * conflict for a fourth commitment from the same voter.
 */
export function checkCommitment(record: SessionRecord, question: TextQuestion, voter: Pick<Vote, 'voterId' | 'voterKind'>, text: string | undefined, dimensionId: string | undefined): string {
  const words = typeof text === 'string' ? text.trim() : '';
  if (words.length === 0 || words.length > OPEN_ANSWER_MAX) throw new ApiError('invalid_input', `A commitment is 1 to ${OPEN_ANSWER_MAX} characters.`, 'text');
  if (dimensionId === undefined || !record.dimensions.some((d) => d.id === dimensionId)) {
    throw new ApiError('invalid_input', 'Pick which of the workshop’s contrasts this commitment is about.', 'dimensionId');
  }
  const given = commitmentVotes(record, question.id).filter((vote) => vote.voterKind === voter.voterKind && vote.voterId === voter.voterId).length;
  if (given >= OPEN_ANSWERS_PER_VOTER) throw new ApiError('conflict', `Each person writes at most ${OPEN_ANSWERS_PER_VOTER} commitments.`);
  return words;
}

/** The presenter's view of a commitments question: how many were written and by whom in numbers; never the texts (voting.answers and reports.get have them, by dimension). */
export function commitmentsQuestionView(record: SessionRecord, question: TextQuestion): QuestionView {
  const state = ownValue(record.questions, question.id) ?? { status: 'idle' as const, revealed: false, closesAt: null };
  const hidden = new Set(state.hiddenAnswers ?? []);
  const voterIds = new Set<string>();
  const phones = new Set<string>();
  const answered = new Set<string>();
  const phonesByGroup = emptyRecord<number>();
  let count = 0;
  const sources = { group: 0, phone: 0, hands: 0 };
  for (const vote of commitmentVotes(record, question.id)) {
    count += 1;
    if (vote.groupId !== null) answered.add(vote.groupId);
    if (vote.voterKind === 'group') {
      voterIds.add(vote.voterId);
      sources.group += 1;
    } else {
      sources.phone += 1;
      if (!phones.has(vote.voterId)) {
        phones.add(vote.voterId);
        const group = vote.groupId ?? '';
        phonesByGroup[group] = (ownValue(phonesByGroup, group) ?? 0) + 1;
      }
    }
  }
  return {
    ...state,
    type: 'text',
    voterIds: [...voterIds],
    phoneVotes: phones.size,
    voteCount: count,
    totals: null,
    totalsByGroup: null,
    handCounts: emptyRecord(),
    progress: {
      answers: count,
      sources,
      groupsVoted: record.groups.filter((group) => answered.has(group.id)).map((group) => group.id),
      phonesVoted: phones.size,
      phonesByGroup,
    },
    words: null,
    hiddenCount: [...hidden].length,
    heldBackCount: 0,
    mean: null,
  };
}

/**
 * A commitments question as a phone sees it (docs/protocol.md "Commitments"):
 * `type: "text"` as PROTOCOL.md has it, plus the dimensions to pick from; once
 * revealed, `results` carries the answers' count, their words and the themes.
 */
export function commitmentsParticipantQuestion(record: SessionRecord, slide: CommitmentsSlide): ParticipantTextQuestion {
  const question = slide.question;
  const state = ownValue(record.questions, question.id);
  const [figures] = summarizeCommitments({ ...record, slides: [slide] }, { heldBack: (text) => shippedWordList().matches(text) });
  let results: ParticipantTextQuestion['results'] = null;
  if (state?.revealed === true && figures) {
    const counts = new Map<string, { text: string; count: number }>();
    for (const theme of figures.themes) {
      for (const text of theme.texts ?? []) {
        const key = text.toLocaleLowerCase('en').replace(/\s+/g, ' ');
        const entry = counts.get(key) ?? { text: key, count: 0 };
        entry.count += 1;
        counts.set(key, entry);
      }
    }
    const words = [...counts.values()].sort((a, b) => b.count - a.count || (a.text < b.text ? -1 : 1)).slice(0, 50);
    results = {
      answers: figures.count,
      words,
      // Counts only: the texts are the projector's to show (a thousand phones need not each carry every one).
      themes: figures.themes.filter((theme) => theme.count > 0).map((theme) => ({ dimensionId: theme.dimensionId, name: theme.name, count: theme.count })),
    };
  }
  return {
    id: question.id,
    type: 'text',
    prompt: question.prompt,
    status: state?.status === 'open' ? 'open' : 'closed',
    results,
    dimensions: record.dimensions.map(({ id, name }) => ({ id, name })),
  };
}
