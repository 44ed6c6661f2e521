/**
 * What the facilitator's windows and phones see of a self-check (issue 17). A
 * person's ratings stay theirs: the facilitator's view says how many answered
 * and which groups did, never what anyone rated; phones get the room's figures
 * per statement once revealed, the privacy floor applied.
 */
import type { QuestionView, SelfCheckQuestion, SessionRecord } from '../../shared/model';
import type { ParticipantScaleQuestion } from '../../shared/participant';
import { emptyRecord, ownValue } from '../../shared/records';
import { isRevealed } from '../../shared/summary';
import { answersNeededToMove, selfCheckItems, shownItemFigures, type SelfCheckSlide } from '../../shared/selfCheck';

/** The self-check's answer ids, and who answered any of them (voter key → the vote's group). */
function respondents(record: SessionRecord, question: SelfCheckQuestion) {
  const ids = new Set(selfCheckItems(question).map((item) => item.id));
  const voters = new Map<string, { kind: 'group' | 'device'; groupId: string | null }>();
  for (const vote of record.votes) {
    if (ids.has(vote.questionId)) voters.set(`${vote.voterKind}:${vote.voterId}`, { kind: vote.voterKind, groupId: vote.groupId });
  }
  return voters;
}

/** The self-check's state and progress for the presenter: how many people answered (a group once, a phone once); never totals. */
export function selfCheckQuestionView(record: SessionRecord, question: SelfCheckQuestion): QuestionView {
  // The figures kept at the last reveal are the core's to apply, not the presenter's to read.
  const { shownFigures: _kept, ...state } = ownValue(record.questions, question.id) ?? { status: 'idle' as const, revealed: false, closesAt: null };
  const needed = answersNeededToMove(record, question);
  const voters = respondents(record, question);
  const voterIds: string[] = [];
  const answered = new Set<string>();
  const phonesByGroup = emptyRecord<number>();
  let phones = 0;
  for (const [key, voter] of voters) {
    if (voter.groupId !== null) answered.add(voter.groupId);
    if (voter.kind === 'group') voterIds.push(key.slice('group:'.length));
    else {
      phones += 1;
      const group = voter.groupId ?? '';
      phonesByGroup[group] = (ownValue(phonesByGroup, group) ?? 0) + 1;
    }
  }
  const count = voterIds.length + phones;
  return {
    ...state,
    ...(needed !== null ? { selfCheckAnswersNeeded: needed } : {}),
    // A self-check is answered as ratings (PROTOCOL.md: a phone sees a "scale"); its figures are the summary's selfCheck.
    type: 'scale',
    words: null,
    hiddenCount: 0,
    heldBackCount: 0,
    mean: null,
    voterIds,
    phoneVotes: phones,
    voteCount: count,
    // WARNING: never a self-check's totals here: the session view goes to every facilitator window and event.
    totals: null,
    totalsByGroup: null,
    handCounts: emptyRecord(),
    progress: {
      answers: count,
      sources: { group: voterIds.length, phone: phones, hands: 0 },
      groupsVoted: record.groups.filter((group) => answered.has(group.id)).map((group) => group.id),
      phonesVoted: phones,
      phonesByGroup,
    },
  };
}

/** The self-check as a phone sees it (docs/protocol.md "Self-check on phones"). */
export function selfCheckParticipantQuestion(record: SessionRecord, slide: SelfCheckSlide, privacyFloor: number): ParticipantScaleQuestion {
  const question = slide.question;
  const state = ownValue(record.questions, question.id);
  const revealed = isRevealed(record, question.id);
  const items = selfCheckItems(question);
  // The same figures as every other view: kept as last revealed (src/shared/selfCheck.ts "Differencing").
  const figures = revealed ? shownItemFigures(record, question, privacyFloor) : null;
  const itemResults = (id: string) => {
    const figure = figures?.get(id);
    if (!figure || figure.mean === null || figure.counts === null) return null;
    return { answers: figure.n, counts: figure.counts, mean: figure.mean };
  };
  return {
    id: question.id,
    type: 'scale',
    prompt: question.prompt,
    status: state?.status === 'open' ? 'open' : 'closed',
    min: question.min,
    max: question.max,
    minLabel: question.minLabel,
    maxLabel: question.maxLabel,
    results: revealed ? { answers: respondents(record, question).size, counts: emptyRecord(), mean: null } : null,
    phase: question.phase,
    thenPrompt: question.thenPrompt,
    items: items.map((item) => ({ id: item.id, prompt: item.prompt, dimension: item.dimension, ...(item.then ? { then: true as const } : {}), results: itemResults(item.id) })),
  };
}
