/**
 * What each audience may see of a session. The facilitator's windows get who has
 * voted; the choices stay in the core until the question is revealed. Phones get
 * less still: the current question and, once revealed, its totals.
 */
import type { Question, QuestionView, Session, SessionRecord, Slide } from '../../shared/model';
import type { ParticipantState } from '../../shared/participant';
import { tallyQuestion, votesByQuestion } from '../../shared/tally';

/** Whether a question's choices may be shown: revealed, or the session is over. */
export function isVisible(record: SessionRecord, questionId: string): boolean {
  return record.status === 'ended' || record.questions[questionId]?.revealed === true;
}

function questionOf(slide: Slide | undefined): Question | null {
  return slide?.kind === 'scenario' ? slide.question : null;
}

/** One question's view from its own votes. */
export function questionView(record: SessionRecord, question: Question, votes = record.votes.filter((v) => v.questionId === question.id)): QuestionView {
  const state = record.questions[question.id] ?? { status: 'idle' as const, revealed: false, closesAt: null };
  const handCounts = record.handCounts[question.id] ?? {};
  const tally = tallyQuestion(question, votes, handCounts);
  const visible = isVisible(record, question.id);
  return {
    ...state,
    voterIds: votes.map((vote) => vote.voterId),
    voteCount: tally.voteCount,
    totals: visible ? tally.totals : null,
    totalsByGroup: visible ? tally.totalsByGroup : null,
    handCounts: { ...handCounts },
  };
}

/** The facilitator's and audience's view of a session: everything but hidden choices. */
export function sessionView(record: SessionRecord): Session {
  const byQuestion = votesByQuestion(record.votes);
  const questions: Record<string, QuestionView> = {};
  for (const slide of record.slides) {
    const question = questionOf(slide);
    if (question) questions[question.id] = questionView(record, question, byQuestion.get(question.id) ?? []);
  }
  const { votes: _votes, handCounts: _handCounts, ...rest } = record;
  return { ...structuredClone(rest), questions };
}

/** The one question on the current slide, as a phone may see it. */
export function participantState(record: SessionRecord): ParticipantState {
  const question = questionOf(record.slides[record.slideIndex]);
  const session = { title: record.title, groups: record.groups.map(({ id, name }) => ({ id, name })) };
  if (!question || record.status === 'ended') return { session, question: null };
  const state = record.questions[question.id];
  const results = isVisible(record, question.id)
    ? tallyQuestion(question, record.votes.filter((v) => v.questionId === question.id), record.handCounts[question.id]).totals
    : null;
  return {
    session,
    question: {
      id: question.id,
      prompt: question.prompt,
      // The style tags stay out: a phone must not see which answer the workshop calls "leader".
      options: question.options.map(({ id, label }) => ({ id, label })),
      status: state?.status === 'open' ? 'open' : 'closed',
      results,
    },
  };
}
