/**
 * How a vote enters a session's list of votes. One function, used both when a vote
 * is cast and when the store replays its vote log on opening, so the list read back
 * after a restart is the list the room saw.
 */
import { OPEN_ANSWERS_PER_VOTER, type Vote } from './model';

/** One voter's answers on one question in one round: (question, round, voter kind, voter). */
const voterKey = (vote: Vote) => `${vote.questionId}\n${vote.round ?? 1}\n${vote.voterKind}\n${vote.voterId}`;
/**
 * What a vote replaces: the same voter's earlier vote on the question in the same
 * round (a choice or a rating), or nothing for an open answer, which is kept
 * beside the voter's others: its key names the answer too.
 */
const voteKey = (vote: Vote) => (vote.text === undefined ? voterKey(vote) : `${voterKey(vote)}\n${vote.optionId}`);

/**
 * Each list's latest vote per voter and question, so a vote finds the one it
 * replaces without scanning the list: a scan per vote made a burst of a thousand
 * phones quadratic. Keyed by the array itself, so a list read anew gets a fresh
 * index. It may hold a vote that is gone (voting.undo splices the list, not the
 * index); a hit is therefore confirmed by the vote's position in the list.
 */
const latestVotes = new WeakMap<Vote[], Map<string, Vote>>();

function latestVotesOf(votes: Vote[]): Map<string, Vote> {
  let index = latestVotes.get(votes);
  if (!index) {
    index = new Map(votes.map((vote) => [voteKey(vote), vote]));
    latestVotes.set(votes, index);
  }
  return index;
}

/**
 * Adds `vote` at the end of `votes` (the newest is last, for undo), removing the
 * same voter's earlier vote on the question. Same voter kind too: a phone may pick
 * a group's id as its device id, and must not replace the group's vote. In place,
 * not a filtered copy: a burst of a thousand phones would copy the list a thousand
 * times.
 */
export function applyVote(votes: Vote[], vote: Vote): void {
  const index = latestVotesOf(votes);
  const key = voteKey(vote);
  const earlier = index.get(key);
  // Identity search, and only when this voter has voted before.
  const at = earlier ? votes.lastIndexOf(earlier) : -1;
  if (at >= 0) votes.splice(at, 1);
  if (vote.text !== undefined) keepOpenAnswers(votes, vote);
  votes.push(vote);
  index.set(key, vote);
}

/**
 * Makes room for an open answer: a voter keeps at most OPEN_ANSWERS_PER_VOTER per
 * question and round, so past them the voter's oldest goes. The core refuses a
 * fourth before it gets here; this keeps any list, replayed or not, within the
 * rule. One pass of plain comparisons over the list (choices and ratings, the
 * bulk of a burst, never come here).
 */
function keepOpenAnswers(votes: Vote[], vote: Vote): void {
  const mine: number[] = [];
  const round = vote.round ?? 1;
  for (let i = 0; i < votes.length; i += 1) {
    const other = votes[i]!;
    if (other.text !== undefined && other.voterId === vote.voterId && other.questionId === vote.questionId && other.voterKind === vote.voterKind && (other.round ?? 1) === round) mine.push(i);
  }
  for (let drop = mine.length - (OPEN_ANSWERS_PER_VOTER - 1) - 1; drop >= 0; drop -= 1) votes.splice(mine[drop]!, 1);
}

/** How many open answers a voter has given to a question in a round. */
export function openAnswersOf(votes: readonly Vote[], vote: Pick<Vote, 'questionId' | 'round' | 'voterKind' | 'voterId'>): number {
  let count = 0;
  for (const other of votes) {
    if (other.text !== undefined && other.questionId === vote.questionId && (other.round ?? 1) === (vote.round ?? 1) && other.voterKind === vote.voterKind && other.voterId === vote.voterId) count += 1;
  }
  return count;
}
