/**
 * Counting votes. Every figure the app shows (screen, results, report, CSV) comes
 * from these functions, so the numbers agree everywhere. Linear in the votes.
 *
 * WARNING: option and group ids are chosen by workshop authors and facilitators
 * (`__proto__` and `constructor` are valid ids), so every record keyed by one is
 * made without a prototype and read with `Object.hasOwn`: a plain `{}` would
 * count a vote for `toString` or write through `__proto__`.
 */
import type { AskedQuestion, Vote } from './model';
import { scaleValues } from './slideRules';
import { emptyRecord, recordOf } from './records';

/** Where a counted answer came from: a group on the shared screen, a phone, or the facilitator's hand count. */
export type VoteSource = 'group' | 'phone' | 'hands';

export interface QuestionTally {
  /** Votes per option id, every option present. Hand counts are added in. */
  totals: Record<string, number>;
  /** Per group id ("" for phones with no group), votes per option id. Hand counts belong to no group. */
  totalsByGroup: Record<string, Record<string, number>>;
  /** The same totals told apart by source; each option present in each. */
  bySource: Record<VoteSource, Record<string, number>>;
  /** Counted answers: group votes + phone votes + hands. */
  voteCount: number;
  /** Counted answers per source. */
  sourceCounts: Record<VoteSource, number>;
}

/**
 * The keys a question's answers are counted under: a choice's option ids, a
 * rating's values as strings ("1"…"5"). An open question has none: each answer is
 * its own (its words are counted as phrases, in openAnswers.ts).
 */
export function answerKeys(question: AskedQuestion): string[] {
  if (question.type === 'choice') return question.options.map((option) => option.id);
  if (question.type === 'scale') return scaleValues(question).map(String);
  return [];
}

// Prototype-free: an option or group id such as `__proto__` or `constructor` is a key like any other.
function zeroes(question: AskedQuestion): Record<string, number> {
  return recordOf(answerKeys(question).map((key) => [key, 0] as const));
}

/** Whether a vote counts for a question: a known option or value, or (open question) an answer with words. */
function counts(question: AskedQuestion, totals: Record<string, number>, vote: Vote): boolean {
  if (vote.questionId !== question.id) return false;
  return question.type === 'text' ? vote.text !== undefined : Object.hasOwn(totals, vote.optionId);
}

/** A question's votes of one round (absent round: 1). */
export function votesOfRound(votes: readonly Vote[], round: number): Vote[] {
  return votes.filter((vote) => (vote.round ?? 1) === round);
}

/** Groups votes by question id in one pass. */
export function votesByQuestion(votes: readonly Vote[]): Map<string, Vote[]> {
  const byQuestion = new Map<string, Vote[]>();
  for (const vote of votes) {
    const list = byQuestion.get(vote.questionId);
    if (list) list.push(vote);
    else byQuestion.set(vote.questionId, [vote]);
  }
  return byQuestion;
}

/**
 * Tallies one question from its votes and hand counts, each counted once and told
 * apart by source. Votes for unknown options (and hand counts for them) are ignored.
 * An open question's totals stay empty (its answers are counted, not keyed); a
 * rating counts like a choice whose options are its values. Callers pass one
 * round's votes.
 */
export function tallyQuestion(question: AskedQuestion, votes: readonly Vote[], handCounts: Readonly<Record<string, number>> = {}): QuestionTally {
  const totals = zeroes(question);
  const totalsByGroup = emptyRecord<Record<string, number>>();
  const bySource: Record<VoteSource, Record<string, number>> = { group: zeroes(question), phone: zeroes(question), hands: zeroes(question) };
  const sourceCounts: Record<VoteSource, number> = { group: 0, phone: 0, hands: 0 };
  const open = question.type === 'text';
  for (const vote of votes) {
    if (!counts(question, totals, vote)) continue;
    const source: VoteSource = vote.voterKind === 'group' ? 'group' : 'phone';
    sourceCounts[source] += 1;
    if (open) continue;
    totals[vote.optionId]! += 1;
    bySource[source][vote.optionId]! += 1;
    const groupKey = vote.groupId ?? '';
    const group = Object.hasOwn(totalsByGroup, groupKey) ? totalsByGroup[groupKey]! : (totalsByGroup[groupKey] = zeroes(question));
    group[vote.optionId]! += 1;
  }
  for (const [optionId, count] of Object.entries(handCounts)) {
    if (!Object.hasOwn(totals, optionId) || !Number.isInteger(count) || count <= 0) continue;
    totals[optionId]! += count;
    bySource.hands[optionId]! += count;
    sourceCounts.hands += count;
  }
  return { totals, totalsByGroup, bySource, voteCount: sourceCounts.group + sourceCounts.phone + sourceCounts.hands, sourceCounts };
}
