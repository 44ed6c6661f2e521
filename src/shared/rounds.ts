/**
 * Voting again (PROTOCOL.md "Voting again"): after a debrief the facilitator runs a
 * second (third…) round on a revealed question. Every round's answers are kept in
 * the one vote list, each vote tagged with its round (`Vote.round`, absent = 1);
 * the question's state names the round now running (`QuestionState.round`, absent
 * = 1). Hand counts of the round now running stay where they always were
 * (`handCounts`); those of earlier rounds move to the question's state
 * (`earlierHandCounts`) when the next round starts, so every figure of the current
 * round reads as before.
 *
 * What counts where:
 * - the current round's answers are the question's answers: progress, tiles,
 *   phones, the top-level figures of `results.get` and the summary;
 * - each round is summarised in the same shape under `rounds` once a question has
 *   more than one;
 * - "who moved" compares the first and the last round, in aggregate only: the
 *   room's leader share and the groups (after the privacy floor), never a person.
 */
import type { Question, QuestionState, SessionRecord, Vote } from './model';
import { hasKey } from './records';

/** The round a vote belongs to. */
export function roundOfVote(vote: Pick<Vote, 'round'>): number {
  return vote.round ?? 1;
}

/** The round a question is in now (1 before any reopening). */
export function currentRoundOf(state: Pick<QuestionState, 'round'> | undefined): number {
  return state?.round ?? 1;
}

/** The round now running on a question of a session. */
export function questionRound(source: Pick<SessionRecord, 'questions'>, questionId: string): number {
  return currentRoundOf(hasKey(source.questions, questionId) ? source.questions[questionId] : undefined);
}

/** Whether a round's choices may leave the core: an earlier round was revealed before the next began; the current one once revealed. */
export function isRoundRevealed(source: Pick<SessionRecord, 'questions'>, questionId: string, round: number): boolean {
  const state = hasKey(source.questions, questionId) ? source.questions[questionId] : undefined;
  if (round < currentRoundOf(state)) return true;
  return state?.revealed === true;
}

/** Whether any round of a question may leave the core (an export keeps the revealed rounds of a question being voted on again). */
export function anyRoundRevealed(source: Pick<SessionRecord, 'questions'>, questionId: string): boolean {
  return isRoundRevealed(source, questionId, 1);
}

// ---------------------------------------------------------------- who moved

/** One side of a comparison: how many answered and how many of them chose a leader-tagged option. */
export interface LeaderCount {
  answers: number;
  leader: number;
}

/** A group's (or the merged "Other groups"') answers in the first and the last round. */
export interface GroupRoundCounts {
  key: string;
  name: string;
  first: LeaderCount;
  last: LeaderCount;
}

export type Direction = 'leader' | 'manager' | 'none';

/** How the room moved between its first and last round on a question. */
export interface Movement {
  /** The rounds compared (1 and the last). */
  fromRound: number;
  toRound: number;
  /** Leader share of each round (0 to 1); null without answers. */
  firstLeaderShare: number | null;
  lastLeaderShare: number | null;
  /** Percentage points, last minus first (e.g. +18); null when either round has too few answers to show. */
  shiftPoints: number | null;
  direction: Direction;
  /** Groups whose leader share rose, fell, or stayed, among those that answered in both rounds. */
  groupsTowardLeader: number;
  groupsTowardManager: number;
  groupsUnmoved: number;
  /** Why no shift is shown, when it is not (too few answers under the privacy floor, or a round without answers). */
  withheld: string | null;
}

const share = (count: LeaderCount): number | null => (count.answers > 0 ? count.leader / count.answers : null);

/** Percentage points between two shares, to one decimal, so 2/3 → 1/3 reads "33.3" and never "33.33333". */
export function pointsBetween(first: number, last: number): number {
  return Math.round((last - first) * 1000) / 10;
}

/**
 * The room's and the groups' movement between two rounds. `floor` is the privacy
 * floor (people): a round with fewer answers than it shows no shift, since a
 * change among two or three voters points at people. Groups come already after
 * the floor (the summary's breakdown lines), so a small group is never judged alone.
 */
export function movementBetween(
  room: { first: LeaderCount; last: LeaderCount },
  groups: readonly GroupRoundCounts[],
  rounds: { from: number; to: number },
  floor = 0,
): Movement {
  const firstLeaderShare = share(room.first);
  const lastLeaderShare = share(room.last);
  const least = Math.max(1, Math.floor(floor));
  let withheld: string | null = null;
  if (room.first.answers === 0 || room.last.answers === 0) withheld = 'A round has no answers yet.';
  else if (room.first.answers < least || room.last.answers < least) withheld = `Fewer than ${least} answers in a round: not shown, to keep people unidentifiable.`;
  const shiftPoints = withheld === null && firstLeaderShare !== null && lastLeaderShare !== null ? pointsBetween(firstLeaderShare, lastLeaderShare) : null;
  let towardLeader = 0;
  let towardManager = 0;
  let unmoved = 0;
  if (withheld === null) {
    for (const group of groups) {
      const before = share(group.first);
      const after = share(group.last);
      if (before === null || after === null) continue;
      const points = pointsBetween(before, after);
      if (points > 0) towardLeader += 1;
      else if (points < 0) towardManager += 1;
      else unmoved += 1;
    }
  }
  return {
    fromRound: rounds.from,
    toRound: rounds.to,
    firstLeaderShare,
    lastLeaderShare,
    shiftPoints,
    direction: shiftPoints === null || shiftPoints === 0 ? 'none' : shiftPoints > 0 ? 'leader' : 'manager',
    groupsTowardLeader: towardLeader,
    groupsTowardManager: towardManager,
    groupsUnmoved: unmoved,
    withheld,
  };
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "The room moved 18 points toward leader", in words for the projector and the report. */
export function roomMovementText(movement: Movement): string {
  if (movement.withheld !== null || movement.shiftPoints === null) return movement.withheld ?? 'Not enough answers to compare.';
  if (movement.shiftPoints === 0) return 'The room did not move: the same leader share in both rounds.';
  const points = Math.abs(movement.shiftPoints);
  return `The room moved ${points} ${points === 1 ? 'point' : 'points'} toward ${movement.direction}.`;
}

/** "4 groups moved toward leader, 1 toward manager"; '' when no group answered in both rounds. */
export function groupMovementText(movement: Movement): string {
  if (movement.withheld !== null) return '';
  const parts: string[] = [];
  if (movement.groupsTowardLeader > 0) parts.push(`${plural(movement.groupsTowardLeader, 'group', 'groups')} moved toward leader`);
  if (movement.groupsTowardManager > 0) parts.push(`${parts.length > 0 ? movement.groupsTowardManager : plural(movement.groupsTowardManager, 'group', 'groups')} ${parts.length > 0 ? 'toward manager' : 'moved toward manager'}`);
  if (movement.groupsUnmoved > 0) parts.push(`${plural(movement.groupsUnmoved, 'group', 'groups')} stayed`);
  return parts.join(', ');
}

/** Scenarios ranked by how far the discussion moved the room (largest shift first, either way); those without a shift are left out. */
export function rankByMovement<T extends { movement: Movement | null }>(items: readonly T[]): T[] {
  return items
    .filter((item) => item.movement !== null && item.movement.shiftPoints !== null)
    .map((item, index) => ({ item, index }))
    .sort((a, b) => Math.abs(b.item.movement!.shiftPoints!) - Math.abs(a.item.movement!.shiftPoints!) || a.index - b.index)
    .map(({ item }) => item);
}

/** One earlier round of a question, as the session view carries it for the projector: revealed, so its totals show. */
export interface RoundTally {
  round: number;
  totals: Record<string, number>;
  /** Per group id ("" for phones with no group), totals per option. */
  totalsByGroup: Record<string, Record<string, number>>;
  voteCount: number;
}

function leaderOf(question: Pick<Question, 'options'>, totals: Readonly<Record<string, number>>): LeaderCount {
  let answers = 0;
  let leader = 0;
  for (const option of question.options) {
    const count = Object.hasOwn(totals, option.id) ? totals[option.id]! : 0;
    answers += count;
    if (option.style === 'leader') leader += count;
  }
  return { answers, leader };
}

/**
 * The projector's "who moved": the room and the session's groups between two
 * rounds' tallies (the split by group the projector shows already; phones with no
 * group are the room's, never a line of their own). `floor` as in movementBetween.
 */
export function movementOfTallies(
  question: Pick<Question, 'options'>,
  first: Pick<RoundTally, 'round' | 'totals' | 'totalsByGroup'>,
  last: Pick<RoundTally, 'round' | 'totals' | 'totalsByGroup'>,
  groups: readonly { id: string; name: string }[],
  floor = 0,
): Movement {
  const lines: GroupRoundCounts[] = [];
  for (const group of groups) {
    if (!Object.hasOwn(first.totalsByGroup, group.id) || !Object.hasOwn(last.totalsByGroup, group.id)) continue;
    lines.push({ key: group.id, name: group.name, first: leaderOf(question, first.totalsByGroup[group.id]!), last: leaderOf(question, last.totalsByGroup[group.id]!) });
  }
  return movementBetween({ first: leaderOf(question, first.totals), last: leaderOf(question, last.totals) }, lines, { from: first.round, to: last.round }, floor);
}
