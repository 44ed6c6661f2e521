/**
 * Counting votes. Every figure the app shows (screen, results, report, CSV) comes
 * from these functions, so the numbers agree everywhere. Linear in the votes.
 */
import { emptyRecord, hasKey, recordOf, type Question, type Vote } from './model';

export interface QuestionTally {
  /** Votes per option id, every option present. Hand counts are added in. */
  totals: Record<string, number>;
  /** Per group id ("" for phones with no group), votes per option id. */
  totalsByGroup: Record<string, Record<string, number>>;
  voteCount: number;
}

// Prototype-free: an option or group id such as `__proto__` or `constructor` is a key like any other.
function zeroes(question: Question): Record<string, number> {
  return recordOf(question.options.map((option) => [option.id, 0] as const));
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

/** Tallies one question from its votes and hand counts. Votes for unknown options are ignored. */
export function tallyQuestion(question: Question, votes: readonly Vote[], handCounts: Readonly<Record<string, number>> = {}): QuestionTally {
  const totals = zeroes(question);
  const totalsByGroup = emptyRecord<Record<string, number>>();
  let voteCount = 0;
  for (const vote of votes) {
    if (vote.questionId !== question.id || !hasKey(totals, vote.optionId)) continue;
    totals[vote.optionId] = (totals[vote.optionId] ?? 0) + 1;
    const groupKey = vote.groupId ?? '';
    const group = (totalsByGroup[groupKey] ??= zeroes(question));
    group[vote.optionId] = (group[vote.optionId] ?? 0) + 1;
    voteCount += 1;
  }
  for (const [optionId, count] of Object.entries(handCounts)) {
    if (!hasKey(totals, optionId) || count <= 0) continue;
    totals[optionId] = (totals[optionId] ?? 0) + count;
    voteCount += count;
  }
  return { totals, totalsByGroup, voteCount };
}
