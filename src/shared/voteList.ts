/**
 * How a vote enters a session's list of votes. One function, used both when a vote
 * is cast and when the store replays its vote log on opening, so the list read back
 * after a restart is the list the room saw.
 */
import type { Vote } from './model';

/** One voter's vote on one question: (question, voter kind, voter). */
const voteKey = (vote: Vote) =>
  // An open answer (a commitment too) is kept beside the voter's others: each has its own id.
  vote.text === undefined ? `${vote.questionId}\n${vote.voterKind}\n${vote.voterId}` : `${vote.questionId}\n${vote.voterKind}\n${vote.voterId}\n${vote.optionId}`;

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
  votes.push(vote);
  index.set(key, vote);
}
