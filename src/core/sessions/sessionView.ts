/**
 * What each audience may see of a session. The facilitator's windows get who has
 * voted; the choices stay in the core until the question is revealed. Phones get
 * less still: the current question and, once revealed, its totals.
 */
import { type Question, type QuestionView, type Session, type SessionRecord, type Slide } from '../../shared/model';
import { emptyRecord, hasKey, recordOf } from '../../shared/records';
import type { ParticipantAnswerKey, ParticipantProfileKey, ParticipantState, ProfileKeyScenario } from '../../shared/participant';
import { isRevealed, questionProgress } from '../../shared/summary';
import { tallyQuestion, votesByQuestion } from '../../shared/tally';
import { commitmentsParticipantQuestion, commitmentsQuestionView } from './commitmentsView';
import { selfCheckParticipantQuestion, selfCheckQuestionView } from './selfCheckView';

/**
 * Whether a question's choices may be shown: the facilitator revealed it. Ending
 * the session reveals nothing by itself; a question can still be revealed after.
 */
export function isVisible(record: SessionRecord, questionId: string): boolean {
  return isRevealed(record, questionId);
}

function questionOf(slide: Slide | undefined): Question | null {
  return slide?.kind === 'scenario' ? slide.question : null;
}

/** One question's view from its own votes. */
export function questionView(record: SessionRecord, question: Question, votes = record.votes.filter((v) => v.questionId === question.id)): QuestionView {
  const state = (hasKey(record.questions, question.id) ? record.questions[question.id] : undefined) ?? { status: 'idle' as const, revealed: false, closesAt: null };
  const handCounts = (hasKey(record.handCounts, question.id) ? record.handCounts[question.id] : undefined) ?? emptyRecord<number>();
  const tally = tallyQuestion(question, votes, handCounts);
  const visible = isVisible(record, question.id);
  const voterIds: string[] = [];
  let phoneVotes = 0;
  for (const vote of votes) {
    if (vote.voterKind === 'group') voterIds.push(vote.voterId);
    else phoneVotes += 1;
  }
  return {
    ...state,
    voterIds,
    phoneVotes,
    voteCount: tally.voteCount,
    totals: visible ? tally.totals : null,
    totalsByGroup: visible ? tally.totalsByGroup : null,
    handCounts: recordOf(Object.entries(handCounts)),
    progress: questionProgress(question, votes, handCounts, record.groups, tally),
    type: 'choice',
    words: null,
    hiddenCount: 0,
    heldBackCount: 0,
    mean: null,
  };
}

/** The facilitator's and audience's view of a session: everything but hidden choices. */
export function sessionView(record: SessionRecord): Session {
  const byQuestion = votesByQuestion(record.votes);
  const questions = emptyRecord<QuestionView>();
  for (const slide of record.slides) {
    const question = questionOf(slide);
    if (question) questions[question.id] = questionView(record, question, byQuestion.get(question.id) ?? []);
    else if (slide.kind === 'selfCheck') questions[slide.question.id] = selfCheckQuestionView(record, slide.question);
    else if (slide.kind === 'commitments') questions[slide.question.id] = commitmentsQuestionView(record, slide.question);
  }
  const { votes: _votes, handCounts: _handCounts, questions: _questions, phones, removedDevices: _removed, notes, ...rest } = record;
  // structuredClone makes plain objects again: the notes, keyed by slide ids, are copied prototype-free.
  return { ...structuredClone(rest), notes: recordOf(Object.entries(notes)), questions, phonesAdmitted: phones.length };
}

/** The one question on the current slide, as a phone may see it. */
export function participantState(record: SessionRecord, privacyFloor = 0): ParticipantState {
  const slide = record.slides[record.slideIndex];
  const question = questionOf(slide);
  const session = { title: record.title, groups: record.groups.map(({ id, name }) => ({ id, name })) };
  if (slide?.kind === 'selfCheck' && record.status !== 'ended') return { session, question: selfCheckParticipantQuestion(record, slide, privacyFloor) };
  if (slide?.kind === 'commitments' && record.status !== 'ended') return { session, question: commitmentsParticipantQuestion(record, slide) };
  if (!question || record.status === 'ended') return { session, question: null };
  const state = hasKey(record.questions, question.id) ? record.questions[question.id] : undefined;
  const results = isVisible(record, question.id)
    ? tallyQuestion(question, record.votes.filter((v) => v.questionId === question.id), hasKey(record.handCounts, question.id) ? record.handCounts[question.id] : undefined).totals
    : null;
  return {
    session,
    question: {
      id: question.id,
      type: 'choice',
      prompt: question.prompt,
      // The style tags stay out: a phone must not see which answer the workshop calls "leader".
      options: question.options.map(({ id, label }) => ({ id, label })),
      status: state?.status === 'open' ? 'open' : 'closed',
      results,
      // Only once revealed: the room has seen the debrief, and the phone needs the key to work out its own profile.
      ...(results ? { answerKey: answerKeyOf(record, question) } : {}),
    },
  };
}

function answerKeyOf(record: SessionRecord, question: Question): ParticipantAnswerKey {
  const dimension = record.dimensions.find((d) => d.id === question.dimension);
  return {
    dimension: { id: question.dimension, name: dimension?.name ?? question.dimension },
    styles: recordOf(question.options.map((option) => [option.id, option.style] as const)),
  };
}

/**
 * The profile key for phones (docs/protocol.md): the dimensions and every revealed
 * scenario with its options' leans and the room's totals. The same for every
 * phone: the phone works out its own person's profile from its own stored votes.
 */
export function participantProfileKey(record: SessionRecord): ParticipantProfileKey {
  const byQuestion = votesByQuestion(record.votes);
  const scenarios: ProfileKeyScenario[] = [];
  for (const slide of record.slides) {
    if (slide.kind !== 'scenario' || !isVisible(record, slide.question.id)) continue;
    const question = slide.question;
    const totals = tallyQuestion(question, byQuestion.get(question.id) ?? [], hasKey(record.handCounts, question.id) ? record.handCounts[question.id] : undefined).totals;
    scenarios.push({
      id: question.id,
      prompt: question.prompt,
      dimensionId: question.dimension,
      options: question.options.map(({ id, label, style }) => ({ id, label, style })),
      totals,
    });
  }
  return { dimensions: record.dimensions.map(({ id, name }) => ({ id, name })), scenarios };
}
