/**
 * Voting again in the core (src/shared/rounds.ts has the rules): starting the next
 * round on a question, and the earlier rounds' tallies the projector shows.
 */
import type { Question, SessionRecord, Vote } from '../../shared/model';
import { emptyRecord, hasKey, recordOf } from '../../shared/records';
import { questionRound, roundOfVote, type RoundTally } from '../../shared/rounds';
import { handCountsOfRound } from '../../shared/summary';
import { tallyQuestion } from '../../shared/tally';

/**
 * Moves a revealed question to its next round, in place (inside a store update):
 * the round's hand counts go to the question's `earlierHandCounts`, the new round
 * starts with none, voting opens and the results hide. The votes stay in the list,
 * tagged by round.
 */
export function startNextRound(record: SessionRecord, questionId: string, closesAt: string | null): number {
  const round = questionRound(record, questionId);
  const state = hasKey(record.questions, questionId) ? record.questions[questionId]! : { status: 'idle' as const, revealed: false, closesAt: null };
  const counts = recordOf(Object.entries(hasKey(record.handCounts, questionId) ? record.handCounts[questionId]! : {}));
  const earlier = [...(state.earlierHandCounts ?? []), ...(Object.keys(counts).length > 0 ? [{ round, counts }] : [])];
  record.handCounts[questionId] = emptyRecord<number>();
  const next = round + 1;
  record.questions[questionId] = { ...state, status: 'open', revealed: false, closesAt, round: next, ...(earlier.length > 0 ? { earlierHandCounts: earlier } : {}) };
  return next;
}

/** A scenario's rounds before the one now running, tallied (each was revealed before the next began). */
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
