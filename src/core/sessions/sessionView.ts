/**
 * What each audience may see of a session. The facilitator's windows get who has
 * voted; the choices stay in the core until the question is revealed. Phones get
 * less still: the current question and, once revealed, its totals.
 */
import { questionOfSlide, type AskedQuestion, type QuestionView, type Session, type SessionRecord } from '../../shared/model';
import { emptyRecord, hasKey, recordOf } from '../../shared/records';
import type { ParticipantAnswerKey, ParticipantProfileKey, ParticipantQuestion, ParticipantState, ProfileKeyScenario } from '../../shared/participant';
import { PHONE_WORDS_MAX, scaleMean } from '../../shared/openAnswers';
import { cloudAnswersOf, cloudOf, currentRound, isRevealed, openAnswerList, questionProgress } from '../../shared/summary';
import { tallyQuestion, votesByQuestion, votesOfRound } from '../../shared/tally';
import { shippedWordList } from './wordList';
import { earlierRoundTallies } from './rounds';
import { commitmentsParticipantQuestion, commitmentsQuestionView } from './commitmentsView';
import { selfCheckFigures } from '../../shared/selfCheck';
import { selfCheckParticipantQuestion, selfCheckQuestionView } from './selfCheckView';

/**
 * The word list's verdict on an answer: what every view, phone and export of the
 * core holds back. Remembered per text: every vote event and session view asks
 * again for each answer of the question, and answers repeat ("listened").
 */
const verdicts = new Map<string, boolean>();
const VERDICTS_KEPT = 20_000;
export function heldBackByWordList(text: string): boolean {
  let verdict = verdicts.get(text);
  if (verdict === undefined) {
    verdict = shippedWordList().matches(text);
    // Past the bound it starts afresh: simpler than an LRU, and a session has far fewer answers.
    if (verdicts.size >= VERDICTS_KEPT) verdicts.clear();
    verdicts.set(text, verdict);
  }
  return verdict;
}

/**
 * Whether a question's choices may be shown: the facilitator revealed it. Ending
 * the session reveals nothing by itself; a question can still be revealed after.
 */
export function isVisible(record: SessionRecord, questionId: string): boolean {
  return isRevealed(record, questionId);
}

/**
 * One question's view from its own votes, of the round it is in. An open
 * question's texts stay out (voting.answers gives them to the facilitator): only
 * how many were hidden or held back, and the cloud once revealed.
 */
export function questionView(record: SessionRecord, question: AskedQuestion, allVotes = record.votes.filter((v) => v.questionId === question.id)): QuestionView {
  const state = (hasKey(record.questions, question.id) ? record.questions[question.id] : undefined) ?? { status: 'idle' as const, revealed: false, closesAt: null };
  const handCounts = (hasKey(record.handCounts, question.id) ? record.handCounts[question.id] : undefined) ?? emptyRecord<number>();
  const round = currentRound(record, question.id);
  const votes = round === 1 && allVotes.every((vote) => vote.round === undefined) ? allVotes : votesOfRound(allVotes, round);
  const tally = tallyQuestion(question, votes, handCounts);
  const visible = isVisible(record, question.id);
  const voterIds: string[] = [];
  let phoneVotes = 0;
  for (const vote of votes) {
    if (vote.voterKind === 'group') voterIds.push(vote.voterId);
    else phoneVotes += 1;
  }
  const open = question.type === 'text';
  const answers = open ? openAnswerList(question, votes, state, heldBackByWordList) : [];
  const progress = questionProgress(question, votes, handCounts, record.groups, tally);
  return {
    ...state,
    voterIds,
    // Phones, not answers: a phone's three open answers count once.
    phoneVotes: open ? progress.phonesVoted : phoneVotes,
    voteCount: tally.voteCount,
    totals: visible && !open ? tally.totals : null,
    totalsByGroup: visible && !open ? tally.totalsByGroup : null,
    handCounts: recordOf(Object.entries(handCounts)),
    progress,
    type: question.type,
    words: visible && open ? cloudOf(answers) : null,
    hiddenCount: answers.filter((answer) => answer.hidden).length,
    heldBackCount: answers.filter((answer) => answer.heldBack && !answer.hidden).length,
    mean: visible && question.type === 'scale' ? scaleMean(question, tally.totals) : null,
    // Voting again: a scenario's rounds before this one, revealed already, for the projector's before-and-after.
    ...(round > 1 && question.type === 'choice' ? { earlierRounds: earlierRoundTallies(record, question, round) } : {}),
  };
}

/** The facilitator's and audience's view of a session: everything but hidden choices. */
export function sessionView(record: SessionRecord): Session {
  const byQuestion = votesByQuestion(record.votes);
  const questions = emptyRecord<QuestionView>();
  for (const slide of record.slides) {
    const question = questionOfSlide(slide);
    // Commitments first: they are open answers, but their view counts them without a cloud.
    if (slide.kind === 'commitments') questions[slide.question.id] = commitmentsQuestionView(record, slide.question);
    else if (question) questions[question.id] = questionView(record, question, byQuestion.get(question.id) ?? []);
    else if (slide.kind === 'selfCheck') questions[slide.question.id] = selfCheckQuestionView(record, slide.question);
  }
  // importedPulses stay in the core: the follow-up's figures come from results.get and pulses.get, not with every event.
  const { votes: _votes, handCounts: _handCounts, questions: _questions, phones, removedDevices: _removed, importedPulses: _pulses, notes, ...rest } = record;
  // structuredClone makes plain objects again: the notes, keyed by slide ids, are copied prototype-free.
  return { ...structuredClone(rest), notes: recordOf(Object.entries(notes)), questions, phonesAdmitted: phones.length };
}

/** The one question on the current slide, as a phone may see it: its results once revealed, of the round it is in. */
export function participantState(record: SessionRecord, privacyFloor = 0): ParticipantState {
  const slide = record.slides[record.slideIndex];
  const question = questionOfSlide(slide);
  const session = { title: record.title, groups: record.groups.map(({ id, name }) => ({ id, name })) };
  if (slide?.kind === 'selfCheck' && record.status !== 'ended') return { session, question: selfCheckParticipantQuestion(record, slide, privacyFloor) };
  if (slide?.kind === 'commitments' && record.status !== 'ended') return { session, question: commitmentsParticipantQuestion(record, slide) };
  if (!question || record.status === 'ended') return { session, question: null };
  const asked = participantQuestion(record, question);
  // The slide's picture (hash and alt text only): the phone loads it from /api/p/<code>/picture/<hash>.
  if (slide?.picture) asked.picture = { asset: slide.picture.asset, alt: slide.picture.alt };
  return { session, question: asked };
}

function participantQuestion(record: SessionRecord, question: AskedQuestion): ParticipantQuestion {
  const state = hasKey(record.questions, question.id) ? record.questions[question.id] : undefined;
  const status = state?.status === 'open' ? 'open' : 'closed';
  const visible = isVisible(record, question.id);
  const votes = () => votesOfRound(record.votes.filter((v) => v.questionId === question.id), currentRound(record, question.id));
  const hands = () => (hasKey(record.handCounts, question.id) ? record.handCounts[question.id] : undefined);
  const round = currentRound(record, question.id);
  // Voting again: from round 2 on the phone is told the round, and keeps its own vote per round (a new round shows none of its earlier one).
  const base = { id: question.id, prompt: question.prompt, status, ...(round > 1 ? { round } : {}) } as const;
  switch (question.type) {
    case 'choice':
      return {
        ...base,
        type: 'choice',
        // The style tags stay out: a phone must not see which answer the workshop calls "leader".
        options: question.options.map(({ id, label }) => ({ id, label })),
        results: visible ? tallyQuestion(question, votes(), hands()).totals : null,
        // Only once revealed: the room has seen the debrief, and the phone needs the key to work out its own profile.
        ...(visible ? { answerKey: answerKeyOf(record, question) } : {}),
      };
    case 'text': {
      if (!visible) return { ...base, type: 'text', results: null };
      // Hidden and held-back answers leave the phones: neither their words nor their number.
      const answers = openAnswerList(question, votes(), state, heldBackByWordList);
      return { ...base, type: 'text', results: { answers: cloudAnswersOf(answers).length, words: cloudOf(answers).slice(0, PHONE_WORDS_MAX) } };
    }
    case 'scale': {
      const scale = { ...base, type: 'scale' as const, min: question.min, max: question.max, minLabel: question.minLabel, maxLabel: question.maxLabel };
      if (!visible) return { ...scale, results: null };
      const tally = tallyQuestion(question, votes(), hands());
      return { ...scale, results: { answers: tally.voteCount, counts: tally.totals, mean: scaleMean(question, tally.totals) } };
    }
  }
}

function answerKeyOf(record: SessionRecord, question: Extract<AskedQuestion, { type: 'choice' }>): ParticipantAnswerKey {
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
export function participantProfileKey(record: SessionRecord, privacyFloor = 0): ParticipantProfileKey {
  const byQuestion = votesByQuestion(record.votes);
  const scenarios: ProfileKeyScenario[] = [];
  for (const slide of record.slides) {
    if (slide.kind !== 'scenario' || !isVisible(record, slide.question.id)) continue;
    const question = slide.question;
    // The round now standing: after a vote again, the figures the room saw last (and the vote the phone kept last).
    const votes = votesOfRound(byQuestion.get(question.id) ?? [], currentRound(record, question.id));
    const totals = tallyQuestion(question, votes, hasKey(record.handCounts, question.id) ? record.handCounts[question.id] : undefined).totals;
    scenarios.push({
      id: question.id,
      prompt: question.prompt,
      dimensionId: question.dimension,
      options: question.options.map(({ id, label, style }) => ({ id, label, style })),
      totals,
    });
  }
  const selfCheck = selfCheckFigures(record, { privacyFloor });
  return {
    dimensions: record.dimensions.map(({ id, name }) => ({ id, name })),
    scenarios,
    selfCheck: (selfCheck?.dimensions ?? []).map((line) => ({ dimensionId: line.dimensionId, before: line.before?.mean ?? null, after: line.after?.mean ?? null, then: line.then?.mean ?? null })),
  };
}
