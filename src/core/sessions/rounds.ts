/**
 * Voting again in the core (src/shared/rounds.ts has the rules): starting the next
 * round on a question, and tagging a vote with the round it is cast in.
 */
import type { ChoiceRoundResult } from '../../shared/contract';
import type { Question, SessionRecord, Vote } from '../../shared/model';
import type { RoundFigures } from '../../shared/summary';
import { emptyRecord, hasKey, recordOf } from '../../shared/records';
import { handCountsOfRound, questionRound, roundOfVote, type RoundTally } from '../../shared/rounds';
import { tallyQuestion } from '../../shared/tally';

/** The vote as cast in its question's round now running: tagged from round 2 on (round 1 votes stay as they always were). */
export function inCurrentRound(record: Pick<SessionRecord, 'questions'>, vote: Vote): Vote {
  const round = questionRound(record, vote.questionId);
  return round > 1 ? { ...vote, round } : vote;
}

/**
 * Moves a revealed question to its next round, in place (inside a store update):
 * the round's hand counts go to `handCountRounds`, the new round starts with none,
 * voting opens and the results hide. The votes stay in the list, tagged by round.
 */
export function startNextRound(record: SessionRecord, questionId: string, closesAt: string | null): number {
  const round = questionRound(record, questionId);
  const earlier = record.handCountRounds ?? (record.handCountRounds = emptyRecord<Record<string, number>[]>());
  const kept = hasKey(earlier, questionId) ? [...earlier[questionId]!] : [];
  // A round without hand counts keeps its place, so index r - 1 is always round r.
  while (kept.length < round - 1) kept.push(emptyRecord<number>());
  kept[round - 1] = recordOf(Object.entries(hasKey(record.handCounts, questionId) ? record.handCounts[questionId]! : {}));
  earlier[questionId] = kept;
  record.handCounts[questionId] = emptyRecord<number>();
  const next = round + 1;
  const state = hasKey(record.questions, questionId) ? record.questions[questionId]! : undefined;
  record.questions[questionId] = { ...(state ?? { status: 'idle', revealed: false, closesAt: null }), status: 'open', revealed: false, closesAt, round: next };
  return next;
}

/** One round in `results.get`: the question's own shape (PROTOCOL.md), for that round's answers; empty while hidden. */
export function roundResult(figures: RoundFigures): ChoiceRoundResult {
  return {
    round: figures.round,
    revealed: figures.revealed,
    totals: figures.totals ? { ...figures.totals } : {},
    totalsByGroup: figures.totalsByGroup ? { ...figures.totalsByGroup } : {},
    voteCount: figures.votes,
  };
}

/** A question's rounds before the one now running, tallied (each was revealed before the next began). */
export function earlierRoundTallies(record: SessionRecord, question: Question, current: number): RoundTally[] {
  const byRound = new Map<number, Vote[]>();
  for (const vote of record.votes) {
    if (vote.questionId !== question.id) continue;
    const round = roundOfVote(vote);
    if (round >= current) continue;
    const list = byRound.get(round);
    if (list) list.push(vote);
    else byRound.set(round, [vote]);
  }
  const rounds: RoundTally[] = [];
  for (let round = 1; round < current; round += 1) {
    const tally = tallyQuestion(question, byRound.get(round) ?? [], handCountsOfRound(record, question.id, round));
    rounds.push({ round, totals: tally.totals, totalsByGroup: tally.totalsByGroup, voteCount: tally.voteCount });
  }
  return rounds;
}
