/**
 * How a vote enters a session's list of votes. One function, used both when a vote
 * is cast and when the store replays its vote log on opening, so the list read back
 * after a restart is the list the room saw.
 */
import type { Vote } from './model';
import { OPEN_ANSWERS_PER_VOTER } from './slideRules';

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
  if (at >= 0) removeVoteAt(votes, at);
  if (vote.text !== undefined) keepOpenAnswers(votes, vote);
  votes.push(vote);
  index.set(key, vote);
}

/**
 * Votes taken out of a list in place (a replaced vote, an open answer past the
 * third, voting.undo): the open-answer index below drops them without a scan.
 * A vote may come back in a list rolled back after a failed write; the index then
 * confirms it by a scan (rare).
 */
const removedVotes = new WeakSet<Vote>();

/** Takes the vote at `at` out of the list, in place; voting.undo goes through here too. */
export function removeVoteAt(votes: Vote[], at: number): void {
  const [removed] = votes.splice(at, 1);
  if (removed) removedVotes.add(removed);
}

/**
 * Each list's open answers per voter, question and round, oldest first, so
 * counting a voter's answers (the core refuses a fourth) and making room costs no
 * scan of the list: a scan per answer made a hall of phones quadratic.
 */
const openAnswerIndex = new WeakMap<Vote[], Map<string, Vote[]>>();

function openAnswersByVoter(votes: Vote[]): Map<string, Vote[]> {
  let index = openAnswerIndex.get(votes);
  if (!index) {
    index = new Map();
    for (const vote of votes) {
      if (vote.text === undefined) continue;
      const key = voterKey(vote);
      const list = index.get(key);
      if (list) list.push(vote);
      else index.set(key, [vote]);
    }
    openAnswerIndex.set(votes, index);
  }
  return index;
}

/** A voter's open answers still in the list, oldest first (the index is pruned of any gone). */
function liveOpenAnswers(votes: Vote[], vote: Vote): Vote[] {
  const index = openAnswersByVoter(votes);
  const key = voterKey(vote);
  const list = index.get(key);
  if (!list) return [];
  const live = list.filter((answer) => !removedVotes.has(answer) || votes.lastIndexOf(answer) >= 0);
  if (live.length !== list.length) index.set(key, live);
  return live;
}

/**
 * Makes room for an open answer: a voter keeps at most OPEN_ANSWERS_PER_VOTER per
 * question and round, so past them the voter's oldest goes. The core refuses a
 * fourth before it gets here; this keeps any list, replayed or not, within the
 * rule. Then indexes the new answer.
 */
function keepOpenAnswers(votes: Vote[], vote: Vote): void {
  const live = liveOpenAnswers(votes, vote);
  while (live.length >= OPEN_ANSWERS_PER_VOTER) {
    const oldest = live.shift()!;
    const at = votes.lastIndexOf(oldest);
    if (at >= 0) removeVoteAt(votes, at);
  }
  live.push(vote);
  openAnswersByVoter(votes).set(voterKey(vote), live);
}

/** How many open answers a voter has given to a question in a round. */
export function openAnswersOf(votes: Vote[], vote: Pick<Vote, 'questionId' | 'round' | 'voterKind' | 'voterId'>): number {
  return liveOpenAnswers(votes, vote as Vote).length;
}
