/**
 * One session summary: every figure any view or export shows, computed once from
 * the session as the core keeps it. The presenter, the projector, phones, the
 * results, the report, the history, the comparison, the CSV and the JSON all read
 * it (directly through `reports.get`, or through the session view and exports the
 * core builds with these functions), so no view counts for itself.
 *
 * Counting (each answer once, told apart by where it came from):
 * - group: a group's vote on the shared screen (one per group and question);
 * - phone: a phone's vote (one per device and question), with the group it picked, if any;
 * - hands: the facilitator's hand count per option.
 * The lean, shares and consensus come from profile.ts, the counts from tally.ts.
 *
 * What the facilitator has not revealed stays out: a question's choices are in the
 * summary only once revealed, unless the caller asks for them
 * (`includeUnrevealed`, for an export that then says so). How many answered is
 * never secret; what they chose is. Ending a session reveals nothing by itself.
 *
 * Privacy floor: a group with fewer people than `privacyFloor` is not broken down
 * on its own; its choices join "Other groups" (which is then shown only if it
 * reaches the floor too, else it joins the room). A group's people: its size as
 * set up, else the phones that picked it. Hand counts belong to no group.
 *
 * WARNING: ids are user data (`__proto__` is a valid id): records keyed by ids are
 * prototype-free (`emptyRecord`/`recordOf` in records.ts), lookups go through Maps.
 */
import type { AskedQuestion, Group, QuestionState, QuestionStatus, ScaleQuestion, SessionRecord, Slide, Style, TextQuestion, Vote } from './model';
import { scaleValues } from './slideRules';
import { emptyRecord, recordOf } from './records';
import { sessionProfile, summarizeQuestion, type QuestionSummary, type SessionProfile } from './profile';
import { optionLetter } from './optionLetter';
import { summarizeCommitments, type CommitmentFigures } from './commitments';
import { answerKeys, tallyQuestion, votesByQuestion, votesOfRound, type QuestionTally, type VoteSource } from './tally';
import { countPhrases, scaleMean } from './openAnswers';
import { movementBetween, type GroupRoundCounts, type LeaderCount, type Movement } from './rounds';
import { selfCheckFigures, type SelfCheckFigures, type SelfCheckOptions } from './selfCheck';

/** What the summary is built from: the parts of a session record that carry votes. */
export type SummarySource = Pick<
  SessionRecord,
  'id' | 'title' | 'status' | 'votingMode' | 'groups' | 'slides' | 'dimensions' | 'questions' | 'votes' | 'handCounts'
>;

export interface SummaryOptions {
  /** Put the choices on questions the facilitator has not revealed in too (an export that asked for them). */
  includeUnrevealed?: boolean;
  /** The smallest group (people) broken down on its own; smaller ones join "Other groups". 0 or 1: every group. */
  privacyFloor?: number;
  /**
   * Whether the offline word list holds an open answer back (the core passes its
   * matcher: the list stays out of every page's bundle). Without it, none is.
   */
  heldBack?: (text: string) => boolean;
  /** The follow-up pulses' totals (src/shared/selfCheck.ts `SelfCheckOptions.followUp`): the self-check figures' third point in time. */
  followUp?: SelfCheckOptions['followUp'];
}

/** The key under which groups below the privacy floor are merged. Not a valid id, so no group can have it. */
export const OTHERS_KEY = '*others';
export const OTHERS_NAME = 'Other groups';
const OTHERS_COLOR = '#8a8f98';

export interface OptionFigures {
  optionId: string;
  /** A, B, C… */
  letter: string;
  label: string;
  style: Style;
  /** Answers per source, and together. */
  group: number;
  phone: number;
  hands: number;
  count: number;
  /** count / the question's votes; 0 without votes. */
  share: number;
}

/** One row of a question's split by group (after the privacy floor): a group, the merged others, phones without a group, or hands. */
export interface BreakdownLine {
  key: string;
  kind: 'group' | 'others' | 'ungrouped' | 'hands';
  groupId: string | null;
  name: string;
  color: string | null;
  /** Answers per option, in the question's option order. */
  counts: number[];
  total: number;
  /** Groups merged in this line (1 for a group, 0 for phones and hands). */
  groupCount: number;
}

/** Where a question stands, what it counted, and (when shown) what the room chose. */
export interface QuestionFigures {
  questionId: string;
  slideId: string;
  slideIndex: number;
  /** 1-based among the session's scenarios. */
  number: number;
  /** The slide's title, or "Scenario N". */
  heading: string;
  prompt: string;
  dimensionId: string;
  dimensionName: string;
  status: QuestionStatus;
  /** The facilitator revealed it (ending the session does not). */
  revealed: boolean;
  /** Its choices are in this summary: revealed, or asked for. */
  shown: boolean;
  /** The round these figures are of: the last one (1 unless voted on again). */
  round: number;
  /** Answers counted, all sources (never secret: it is how many answered, not what). */
  votes: number;
  sources: Record<VoteSource, number>;
  /** Groups that answered, on the shared screen or through a phone that picked them, in the session's order. */
  groupsVoted: string[];
  /** Phones that answered. */
  phonesVoted: number;
  /** Per group id (`""` for none): phones that answered. Prototype-free. */
  phonesByGroup: Record<string, number>;
  /** Options with their counts; null while not shown. */
  options: OptionFigures[] | null;
  /** The split by group after the privacy floor; null while not shown. */
  breakdown: BreakdownLine[] | null;
  /** Shares, majority, entropy, divided (profile.ts); null while not shown. */
  figures: QuestionSummary | null;
  /** For the charts: totals and totals by group (after the floor; hands in the totals only); null while not shown. */
  totals: Record<string, number> | null;
  totalsByGroup: Record<string, Record<string, number>> | null;
  /**
   * Voting again: every round's figures, first to last (the last is these
   * figures), once a second round began; null with one round. An earlier round
   * was revealed before the next began: its figures are shown.
   */
  rounds: Omit<QuestionFigures, 'rounds'>[] | null;
  /** Voting again (src/shared/rounds.ts): how the room and the groups moved from the first round to the last; null with one round or until both are shown. */
  movement?: Movement | null;
}

export interface GroupFigures {
  id: string;
  name: string;
  color: string;
  /** Size as set up, or null. */
  size: number | null;
  /** Distinct phones that picked this group. */
  phones: number;
  /** People: the size, else the phones; null when neither is known. */
  people: number | null;
  /** Questions it answered on the shared screen. */
  screenVotes: number;
  /** Below the privacy floor: merged into "Other groups" in every breakdown. */
  merged: boolean;
}

export interface ParticipantFigures {
  /** People counted: group sizes (or their phones), phones with no group, or the most hands counted at once. */
  count: number;
  /** How `count` was found, in words a report can print after the number. */
  basis: string;
  groups: GroupFigures[];
  /** Distinct phones that answered anything. */
  phones: number;
  /** Of those, phones that picked no group. */
  ungroupedPhones: number;
  /** The most hands counted on one scenario. */
  hands: number;
  /** Groups that answered without a known size (their people are not in `count`). */
  groupsOfUnknownSize: number;
}

export interface SessionTotals {
  /** Scenarios in the session. */
  scenarios: number;
  /** Scenarios with at least one answer, shown or not. */
  votedOn: number;
  /** Scenarios the facilitator revealed. */
  revealed: number;
  /** Scenarios whose choices are in this summary. */
  shown: number;
  /** Scenarios answered but never revealed. */
  votedNotRevealed: number;
  /** Scenarios nobody answered. */
  notVotedOn: number;
  /** Every answer counted, all sources, shown or not. */
  votes: number;
  sources: Record<VoteSource, number>;
  /** Answers on shown scenarios: what the charts rest on; and per source. */
  shownVotes: number;
  shownSources: Record<VoteSource, number>;
}

// ---- Beyond multiple choice (issue 19): open answers and ratings ----

/** A phrase of an open question's cloud: answers case-folded and trimmed (a few words count as one phrase), and how many gave it. */
export interface WordCount {
  text: string;
  count: number;
}

/**
 * One open answer as the facilitator sees it, to hide it or let it through. Never
 * which phone gave it: a group's name, or the group the phone picked, at most.
 * The projector, the phones and the report show only answers neither `hidden`
 * nor `heldBack`, and only once the question is revealed.
 */
export interface OpenAnswer {
  /** The answer's own id (Vote.optionId of a text answer). */
  answerId: string;
  /** The words as given, trimmed. */
  text: string;
  source: 'group' | 'phone';
  /** The group that gave it, or the group the phone picked; null for a phone with no group. */
  groupId: string | null;
  /** The facilitator hid it (voting.setAnswerHidden): out of the cloud, the phones and the report, kept in the data. */
  hidden: boolean;
  /** The offline word list holds it back until the facilitator lets it through (voting.releaseAnswer). */
  heldBack: boolean;
  /** When it was given (ISO). */
  at: string;
  /** The round it belongs to (1 unless the question was voted on again). */
  round: number;
}

/** What every open or rating question's figures carry: where it stands and how many answered (never secret). */
export interface AnswerQuestionBase {
  questionId: string;
  slideId: string;
  slideIndex: number;
  /** 1-based among the session's open and rating questions. */
  number: number;
  /** The slide's title, or "Open question N" / "Rating N". */
  heading: string;
  prompt: string;
  /** The contrast it speaks to, when the author named one. */
  dimensionId: string | null;
  dimensionName: string | null;
  status: QuestionStatus;
  revealed: boolean;
  /** Its answers are in this summary: revealed, or asked for. */
  shown: boolean;
  /** The round these figures are of: the last one (1 unless voted on again). */
  round: number;
  /** Answers counted in this round, all sources: each open answer once, each rating once (hands included). */
  votes: number;
  sources: Record<VoteSource, number>;
  /** Groups that answered (on the shared screen or through a phone that picked them), in the session's order. */
  groupsVoted: string[];
  /** Phones that answered (each once, however many open answers it gave). */
  phonesVoted: number;
  /** Per group id (`""` for none): phones that answered. Prototype-free. */
  phonesByGroup: Record<string, number>;
}

/** An open question's figures. */
export interface TextQuestionFigures extends AnswerQuestionBase {
  type: 'text';
  /** Answers the facilitator hid, and answers the word list holds back now (counts only: never secret). */
  hiddenCount: number;
  heldBackCount: number;
  /** Answers in the cloud (neither hidden nor held back); null while not shown. */
  cloudAnswers: number | null;
  /** Every phrase of the cloud's answers, most frequent first (ties alphabetical); null while not shown. Phones get the first 50. */
  words: WordCount[] | null;
  /**
   * Every answer of the round in the order given, hidden and held-back ones marked
   * (the facilitator's list); null while not shown. After the privacy floor: a
   * group below it is "*others" (OTHERS_KEY) or null, as in the breakdowns.
   */
  answers: OpenAnswer[] | null;
  /** Voting again: every round's figures, first to last; null with one round (as QuestionFigures.rounds). */
  rounds: Omit<TextQuestionFigures, 'rounds'>[] | null;
}

/** One point of a rating scale, with its answers per source. */
export interface ScaleValueFigures {
  value: number;
  /** "Not at all" at the lowest point, the max label at the highest, "" between. */
  label: string;
  group: number;
  phone: number;
  hands: number;
  count: number;
  /** count / the question's answers; 0 without answers. */
  share: number;
}

/** A rating's split by group (after the privacy floor): counts per value in value order, and the line's mean. */
export interface ScaleBreakdownLine extends BreakdownLine {
  mean: number | null;
}

/** A rating question's figures. */
export interface ScaleQuestionFigures extends AnswerQuestionBase {
  type: 'scale';
  min: number;
  max: number;
  minLabel: string;
  maxLabel: string;
  /** Answers per value ("1"…"5"), every value present, all sources; null while not shown. */
  counts: Record<string, number> | null;
  /** The same per value and source, lowest first; null while not shown. */
  values: ScaleValueFigures[] | null;
  /** The mean of every answer (hands included); null while not shown or without answers. */
  mean: number | null;
  /** The split by group after the privacy floor; null while not shown. */
  breakdown: ScaleBreakdownLine[] | null;
  /** Voting again: every round's figures, first to last; null with one round (as QuestionFigures.rounds). */
  rounds: Omit<ScaleQuestionFigures, 'rounds'>[] | null;
}

export type AnswerQuestionFigures = TextQuestionFigures | ScaleQuestionFigures;

export interface SessionSummaryReport {
  sessionId: string;
  /** True when choices the facilitator did not reveal are in (asked for): an export must say so. */
  includesUnrevealed: boolean;
  /** The floor applied (people); 0 when none. */
  privacyFloor: number;
  /** The scenarios (choice questions), in slide order. */
  questions: QuestionFigures[];
  /** The open (text) and rating (scale) questions, in slide order; not part of `totals` or `profile`, which are about scenarios. */
  answerQuestions: AnswerQuestionFigures[];
  /** The commitments slides (commitments.ts): by dimension, never by who wrote them; a split by group after the floor. */
  commitments: CommitmentFigures[];
  participants: ParticipantFigures;
  totals: SessionTotals;
  /** Lean, leader shares and consensus over the shown scenarios; groups after the floor. */
  profile: SessionProfile;
  /** The groups the breakdowns use: those kept, then "Other groups" when any were merged. */
  breakdownGroups: Pick<Group, 'id' | 'name' | 'color'>[];
  /** The name of the "" line in every breakdown: phones with no group, and small groups when they stay below the floor even together. */
  ungroupedName: string;
  /** The self-check's room figures (src/shared/selfCheck.ts), the floor applied to every mean; null without a self-check. */
  selfCheck: SelfCheckFigures | null;
}

type ScenarioSlide = Extract<Slide, { kind: 'scenario' }>;

function scenarioSlides(slides: readonly Slide[]): { slide: ScenarioSlide; slideIndex: number }[] {
  return slides.flatMap((slide, slideIndex) => (slide.kind === 'scenario' ? [{ slide, slideIndex }] : []));
}

/** How many answered a question, by source and by group: what the presenter's progress line and tiles show. */
export interface QuestionProgress {
  /** Answers counted, all sources. */
  answers: number;
  sources: Record<VoteSource, number>;
  groupsVoted: string[];
  phonesVoted: number;
  phonesByGroup: Record<string, number>;
}

/**
 * One question's progress from its votes: never what anyone chose. A group counts
 * as having answered when it voted on the shared screen or when a phone that
 * picked it did.
 */
export function questionProgress(question: AskedQuestion, votes: readonly Vote[], handCounts: Readonly<Record<string, number>> | undefined, groups: readonly Pick<Group, 'id'>[], tally?: QuestionTally): QuestionProgress {
  const counted = tally ?? tallyQuestion(question, votes, handCounts);
  const keys = new Set(answerKeys(question));
  const open = question.type === 'text';
  const answered = new Set<string>();
  const phonesByGroup = emptyRecord<number>();
  // A phone gives up to three open answers: it is counted once.
  const phones = new Set<string>();
  let phonesVoted = 0;
  for (const vote of votes) {
    if (vote.questionId !== question.id || (open ? vote.text === undefined : !keys.has(vote.optionId))) continue;
    if (vote.groupId !== null) answered.add(vote.groupId);
    if (vote.voterKind === 'device') {
      if (open) {
        if (phones.has(vote.voterId)) continue;
        phones.add(vote.voterId);
      }
      phonesVoted += 1;
      const key = vote.groupId ?? '';
      phonesByGroup[key] = (Object.hasOwn(phonesByGroup, key) ? phonesByGroup[key]! : 0) + 1;
    }
  }
  return {
    answers: counted.voteCount,
    sources: { ...counted.sourceCounts },
    groupsVoted: groups.filter((group) => answered.has(group.id)).map((group) => group.id),
    phonesVoted,
    phonesByGroup,
  };
}

/** The round a question is in (1 unless voted on again). */
export function currentRound(source: Pick<SessionRecord, 'questions'>, questionId: string): number {
  return (Object.hasOwn(source.questions, questionId) ? source.questions[questionId]!.round : undefined) ?? 1;
}

/** A question's hand counts of one round: the running round's in `handCounts`, earlier ones kept in its state. */
export function handCountsOfRound(source: Pick<SessionRecord, 'questions' | 'handCounts'>, questionId: string, round: number): Record<string, number> | undefined {
  if (round === currentRound(source, questionId)) return Object.hasOwn(source.handCounts, questionId) ? source.handCounts[questionId] : undefined;
  const state = Object.hasOwn(source.questions, questionId) ? source.questions[questionId] : undefined;
  return state?.earlierHandCounts?.find((earlier) => earlier.round === round)?.counts;
}

/** One round of a question: its votes and hand counts, and whether it is an earlier round (revealed, closed). */
interface RoundInput {
  round: number;
  votes: readonly Vote[];
  hands: Readonly<Record<string, number>> | undefined;
  earlier: boolean;
}

/** Every round of a question, first to last. */
function roundsOf(source: SummarySource, questionId: string, votes: readonly Vote[]): RoundInput[] {
  const last = currentRound(source, questionId);
  return Array.from({ length: last }, (_, index) => ({
    round: index + 1,
    votes: last === 1 ? votes : votesOfRound(votes, index + 1),
    hands: handCountsOfRound(source, questionId, index + 1),
    earlier: index + 1 < last,
  }));
}

/** Whether a question's choices may leave the core: revealed by the facilitator. */
export function isRevealed(source: Pick<SessionRecord, 'questions'>, questionId: string): boolean {
  return Object.hasOwn(source.questions, questionId) && source.questions[questionId]!.revealed === true;
}

/** The people behind each group: its size, else the distinct phones that picked it. */
function groupFigures(source: SummarySource, floor: number): GroupFigures[] {
  const phones = new Map<string, Set<string>>();
  const screen = new Map<string, Set<string>>();
  for (const vote of source.votes) {
    if (vote.groupId === null) continue;
    const into = vote.voterKind === 'device' ? phones : screen;
    const set = into.get(vote.groupId) ?? new Set<string>();
    set.add(vote.voterKind === 'device' ? vote.voterId : vote.questionId);
    into.set(vote.groupId, set);
  }
  return source.groups.map((group) => {
    const phoneCount = phones.get(group.id)?.size ?? 0;
    const people = group.size !== null && group.size > 0 ? group.size : phoneCount > 0 ? phoneCount : null;
    return {
      id: group.id,
      name: group.name,
      color: group.color,
      size: group.size,
      phones: phoneCount,
      people,
      screenVotes: screen.get(group.id)?.size ?? 0,
      // A group of unknown size cannot be judged; it is broken down, and the report says its size is not known.
      merged: floor > 1 && people !== null && people < floor,
    };
  });
}

function participantFigures(source: SummarySource, groups: GroupFigures[], handsMax: number): ParticipantFigures {
  const devices = new Set<string>();
  const ungrouped = new Set<string>();
  const known = new Set(source.groups.map((group) => group.id));
  for (const vote of source.votes) {
    if (vote.voterKind !== 'device') continue;
    devices.add(vote.voterId);
    if (vote.groupId === null || !known.has(vote.groupId)) ungrouped.add(vote.voterId);
  }
  const sized = groups.every((group) => group.size !== null && group.size > 0) && groups.length > 0;
  const people = groups.reduce((sum, group) => sum + (group.people ?? 0), 0) + ungrouped.size;
  const unknown = groups.filter((group) => group.people === null && group.screenVotes > 0).length;
  let count = people;
  let basis = sized ? 'the groups’ sizes added up' : devices.size > 0 ? 'phones that answered' : 'no one counted';
  if (sized && ungrouped.size > 0) basis = 'the groups’ sizes and the phones with no group';
  if (!sized && devices.size > 0 && groups.some((group) => group.size !== null && group.size > 0)) basis = 'group sizes and phones that answered';
  if (handsMax > count) {
    count = handsMax;
    basis = 'the most hands counted on one scenario';
  }
  return { count, basis, groups, phones: devices.size, ungroupedPhones: ungrouped.size, hands: handsMax, groupsOfUnknownSize: unknown };
}

/**
 * Merges the groups below the floor into one "Other groups" entry; that entry too
 * joins phones-without-a-group's neighbour, the room, when it stays below the floor.
 */
function floorGroups(groups: GroupFigures[], floor: number): { kept: Set<string>; othersShown: boolean; merged: Set<string> } {
  const merged = new Set(groups.filter((group) => group.merged).map((group) => group.id));
  const kept = new Set(groups.filter((group) => !group.merged).map((group) => group.id));
  const othersPeople = groups.filter((group) => group.merged).reduce((sum, group) => sum + (group.people ?? 0), 0);
  return { kept, merged, othersShown: merged.size > 0 && (floor <= 1 || othersPeople >= floor) };
}

/** Small groups that stay below the floor even together count with the phones that have no group. */
function ungroupedName(floor: { merged: Set<string>; othersShown: boolean }): string {
  return floor.merged.size > 0 && !floor.othersShown ? 'Phones with no group, and small groups' : 'Phones, no group';
}

function questionBreakdown(
  question: AskedQuestion,
  tally: QuestionTally,
  groups: readonly GroupFigures[],
  floor: { kept: Set<string>; merged: Set<string>; othersShown: boolean },
): { lines: BreakdownLine[]; totalsByGroup: Record<string, Record<string, number>> } {
  const optionIds = answerKeys(question);
  const countsOf = (totals: Readonly<Record<string, number>> | undefined) => optionIds.map((id) => (totals && Object.hasOwn(totals, id) ? totals[id]! : 0));
  const lines: BreakdownLine[] = [];
  const totalsByGroup = emptyRecord<Record<string, number>>();
  const add = (line: Omit<BreakdownLine, 'total'>) => {
    const total = line.counts.reduce((sum, count) => sum + count, 0);
    if (total === 0) return;
    lines.push({ ...line, total });
    if (line.groupId !== null) totalsByGroup[line.groupId] = recordOf(optionIds.map((id, index) => [id, line.counts[index]!] as const));
  };
  const others = optionIds.map(() => 0);
  let othersGroups = 0;
  for (const group of groups) {
    const counts = countsOf(Object.hasOwn(tally.totalsByGroup, group.id) ? tally.totalsByGroup[group.id] : undefined);
    if (floor.kept.has(group.id)) add({ key: `group:${group.id}`, kind: 'group', groupId: group.id, name: group.name, color: group.color, counts, groupCount: 1 });
    else if (counts.some((count) => count > 0)) {
      counts.forEach((count, index) => (others[index]! += count));
      othersGroups += 1;
    }
  }
  // Phones with no group, and any group id the session does not know.
  const known = new Set(groups.map((group) => group.id));
  const ungrouped = optionIds.map(() => 0);
  for (const [groupId, totals] of Object.entries(tally.totalsByGroup)) {
    if (known.has(groupId)) continue;
    countsOf(totals).forEach((count, index) => (ungrouped[index]! += count));
  }
  if (floor.othersShown) {
    add({ key: OTHERS_KEY, kind: 'others', groupId: OTHERS_KEY, name: `${OTHERS_NAME} (${othersGroups})`, color: OTHERS_COLOR, counts: others, groupCount: othersGroups });
  } else {
    // Too few people even together: their answers count for the room alone, beside the phones with no group.
    others.forEach((count, index) => (ungrouped[index]! += count));
  }
  add({ key: 'ungrouped', kind: 'ungrouped', groupId: '', name: ungroupedName(floor), color: null, counts: ungrouped, groupCount: 0 });
  add({ key: 'hands', kind: 'hands', groupId: null, name: 'Hand count', color: null, counts: countsOf(tally.bySource.hands), groupCount: 0 });
  return { lines, totalsByGroup };
}

type AnswerSlide = Extract<Slide, { kind: 'open' | 'rating' }>;

function answerQuestionSlides(slides: readonly Slide[]): { slide: AnswerSlide; slideIndex: number }[] {
  return slides.flatMap((slide, slideIndex) => (slide.kind === 'open' || slide.kind === 'rating' ? [{ slide, slideIndex }] : []));
}

/** A question's state, or the state of one never opened. */
function stateOf(source: Pick<SessionRecord, 'questions'>, questionId: string): QuestionState {
  return Object.hasOwn(source.questions, questionId) ? source.questions[questionId]! : { status: 'idle', revealed: false, closesAt: null };
}

/**
 * An open question's answers as the facilitator sees them, in the order given,
 * hidden and held-back ones marked. `votes`: the question's votes of one round.
 */
export function openAnswerList(
  question: Pick<TextQuestion, 'id'>,
  votes: readonly Vote[],
  state: { hiddenAnswers?: string[] | undefined; releasedAnswers?: string[] | undefined } | undefined,
  heldBack: ((text: string) => boolean) | undefined,
): OpenAnswer[] {
  const hidden = new Set(state?.hiddenAnswers ?? []);
  const released = new Set(state?.releasedAnswers ?? []);
  const answers: OpenAnswer[] = [];
  for (const vote of votes) {
    if (vote.questionId !== question.id || vote.text === undefined) continue;
    answers.push({
      answerId: vote.optionId,
      text: vote.text,
      source: vote.voterKind === 'group' ? 'group' : 'phone',
      groupId: vote.groupId,
      hidden: hidden.has(vote.optionId),
      heldBack: !released.has(vote.optionId) && heldBack !== undefined && heldBack(vote.text),
      at: vote.at,
      round: vote.round ?? 1,
    });
  }
  return answers;
}

/** The answers that count in the cloud: neither hidden nor held back. */
export const cloudAnswersOf = (answers: readonly OpenAnswer[]): OpenAnswer[] => answers.filter((answer) => !answer.hidden && !answer.heldBack);

/** An open question's cloud: the phrases of its answers not hidden or held back, most frequent first. */
export function cloudOf(answers: readonly OpenAnswer[]): WordCount[] {
  return countPhrases(cloudAnswersOf(answers).map((answer) => answer.text));
}

/** A rating's points with their labels and answers per source. */
function scaleValueFigures(question: ScaleQuestion, tally: QuestionTally): ScaleValueFigures[] {
  const values = scaleValues(question);
  return values.map((value) => {
    const key = String(value);
    const count = tally.totals[key]!;
    return {
      value,
      label: value === question.min ? question.minLabel : value === question.max ? question.maxLabel : '',
      group: tally.bySource.group[key]!,
      phone: tally.bySource.phone[key]!,
      hands: tally.bySource.hands[key]!,
      count,
      share: tally.voteCount === 0 ? 0 : count / tally.voteCount,
    };
  });
}

interface AnswerFiguresContext {
  dimensionNames: ReadonlyMap<string, string>;
  includeUnrevealed: boolean;
  heldBack: ((text: string) => boolean) | undefined;
  groups: readonly GroupFigures[];
  floor: { kept: Set<string>; merged: Set<string>; othersShown: boolean };
}

/** An open or rating question's figures of one round (without `rounds`). */
function answerRoundFigures(
  source: SummarySource,
  slide: AnswerSlide,
  place: { slideIndex: number; number: number; typeNumber: number },
  input: RoundInput,
  context: AnswerFiguresContext,
): Omit<TextQuestionFigures, 'rounds'> | Omit<ScaleQuestionFigures, 'rounds'> {
  const question = slide.question;
  const state = stateOf(source, question.id);
  const hands = slide.kind === 'rating' ? input.hands : undefined;
  const tally = tallyQuestion(question, input.votes, hands);
  const progress = questionProgress(question, input.votes, hands, source.groups, tally);
  const revealed = input.earlier || state.revealed === true;
  const shown = revealed || context.includeUnrevealed;
  const base: AnswerQuestionBase = {
    questionId: question.id,
    slideId: slide.id,
    slideIndex: place.slideIndex,
    number: place.number,
    heading: slide.title.trim() || `${slide.kind === 'open' ? 'Open question' : 'Rating'} ${place.typeNumber}`,
    prompt: question.prompt,
    dimensionId: question.dimension ?? null,
    dimensionName: question.dimension === undefined ? null : (context.dimensionNames.get(question.dimension) ?? question.dimension),
    status: input.earlier ? 'closed' : state.status,
    revealed,
    shown,
    round: input.round,
    votes: progress.answers,
    sources: progress.sources,
    groupsVoted: progress.groupsVoted,
    phonesVoted: progress.phonesVoted,
    phonesByGroup: progress.phonesByGroup,
  };
  if (question.type === 'text') {
    const answers = openAnswerList(question, input.votes, state, context.heldBack);
    const hiddenCount = answers.filter((answer) => answer.hidden).length;
    const heldBackCount = answers.filter((answer) => answer.heldBack && !answer.hidden).length;
    if (!shown) return { ...base, type: 'text', hiddenCount, heldBackCount, cloudAnswers: null, words: null, answers: null };
    // The privacy floor: a small group's answers are not told apart from the others' (as in every breakdown).
    const { kept, merged, othersShown } = context.floor;
    const floored = answers.map((answer) =>
      answer.groupId === null || kept.has(answer.groupId) ? answer : { ...answer, groupId: merged.has(answer.groupId) && othersShown ? OTHERS_KEY : null },
    );
    return { ...base, type: 'text', hiddenCount, heldBackCount, cloudAnswers: cloudAnswersOf(answers).length, words: cloudOf(answers), answers: floored };
  }
  const scale = { type: 'scale' as const, min: question.min, max: question.max, minLabel: question.minLabel, maxLabel: question.maxLabel };
  if (!shown) return { ...base, ...scale, counts: null, values: null, mean: null, breakdown: null };
  const { lines } = questionBreakdown(question, tally, context.groups, context.floor);
  const keys = answerKeys(question);
  const breakdown = lines.map((line) => ({ ...line, mean: scaleMean(question, recordOf(keys.map((key, index) => [key, line.counts[index]!] as const))) }));
  return { ...base, ...scale, counts: { ...tally.totals }, values: scaleValueFigures(question, tally), mean: scaleMean(question, tally.totals), breakdown };
}

/** An open or rating question's figures: its last round's, with every round's once voted on again. */
function answerQuestionFigures(
  source: SummarySource,
  slide: AnswerSlide,
  place: { slideIndex: number; number: number; typeNumber: number },
  votes: readonly Vote[],
  context: AnswerFiguresContext,
): AnswerQuestionFigures {
  const rounds = roundsOf(source, slide.question.id, votes).map((input) => answerRoundFigures(source, slide, place, input, context));
  const last = rounds[rounds.length - 1]!;
  // The union is of one type per question: the rounds share the last one's.
  return { ...last, rounds: rounds.length > 1 ? rounds : null } as AnswerQuestionFigures;
}

/**
 * The whole session's figures. Pure and linear in votes plus options: the core
 * serves it as `reports.get` and builds its exports and session views from it.
 */
export function summarizeSession(source: SummarySource, options: SummaryOptions = {}): SessionSummaryReport {
  const includeUnrevealed = options.includeUnrevealed === true;
  const privacyFloor = Math.max(0, Math.floor(options.privacyFloor ?? 0));
  const byQuestion = votesByQuestion(source.votes);
  const dimensionNames = new Map(source.dimensions.map((dimension) => [dimension.id, dimension.name]));
  const scenarios = scenarioSlides(source.slides);
  let handsMax = 0;
  const groups = groupFigures(source, privacyFloor);
  const floor = floorGroups(groups, privacyFloor);

  const totals: SessionTotals = { scenarios: scenarios.length, votedOn: 0, revealed: 0, shown: 0, votedNotRevealed: 0, notVotedOn: 0, votes: 0, sources: { group: 0, phone: 0, hands: 0 }, shownVotes: 0, shownSources: { group: 0, phone: 0, hands: 0 } };
  /** A scenario's figures of one round (without `rounds`). */
  const choiceRound = (slide: ScenarioSlide, slideIndex: number, index: number, input: RoundInput): Omit<QuestionFigures, 'rounds'> => {
    const question = slide.question;
    const tally = tallyQuestion(question, input.votes, input.hands);
    const progress = questionProgress(question, input.votes, input.hands, source.groups, tally);
    const state = stateOf(source, question.id);
    const revealed = input.earlier || state.revealed === true;
    const shown = revealed || includeUnrevealed;
    const heading = slide.title.trim() || `Scenario ${index + 1}`;
    const dimensionName = dimensionNames.get(question.dimension) ?? question.dimension;
    if (!input.earlier) {
      handsMax = Math.max(handsMax, tally.sourceCounts.hands);
      totals.votes += tally.voteCount;
      for (const key of ['group', 'phone', 'hands'] as const) totals.sources[key] += tally.sourceCounts[key];
      if (tally.voteCount > 0) totals.votedOn += 1;
      if (revealed) totals.revealed += 1;
      if (tally.voteCount > 0 && !revealed) totals.votedNotRevealed += 1;
      if (shown) {
        totals.shown += 1;
        totals.shownVotes += tally.voteCount;
        for (const key of ['group', 'phone', 'hands'] as const) totals.shownSources[key] += tally.sourceCounts[key];
      }
    }
    const base = {
      questionId: question.id,
      slideId: slide.id,
      slideIndex,
      number: index + 1,
      heading,
      prompt: question.prompt,
      dimensionId: question.dimension,
      dimensionName,
      status: input.earlier ? ('closed' as const) : state.status,
      revealed,
      shown,
      round: input.round,
      votes: progress.answers,
      sources: progress.sources,
      groupsVoted: progress.groupsVoted,
      phonesVoted: progress.phonesVoted,
      phonesByGroup: progress.phonesByGroup,
    };
    if (!shown) return { ...base, options: null, breakdown: null, figures: null, totals: null, totalsByGroup: null };
    const figures = summarizeQuestion(question, tally.totals, { slideId: slide.id, slideIndex, title: slide.title, dimensionName });
    const { lines, totalsByGroup } = questionBreakdown(question, tally, groups, floor);
    return {
      ...base,
      options: question.options.map((option, optionIndex) => ({
        optionId: option.id,
        letter: optionLetter(optionIndex),
        label: option.label,
        style: option.style,
        group: tally.bySource.group[option.id]!,
        phone: tally.bySource.phone[option.id]!,
        hands: tally.bySource.hands[option.id]!,
        count: tally.totals[option.id]!,
        share: figures.options[optionIndex]!.share,
      })),
      breakdown: lines,
      figures,
      totals: tally.totals,
      totalsByGroup,
    };
  };
  const questions = scenarios.map(({ slide, slideIndex }, index): QuestionFigures => {
    const rounds = roundsOf(source, slide.question.id, byQuestion.get(slide.question.id) ?? []).map((input) => choiceRound(slide, slideIndex, index, input));
    return { ...rounds[rounds.length - 1]!, rounds: rounds.length > 1 ? rounds : null, ...(rounds.length > 1 ? { movement: roundsMovement(rounds, privacyFloor) } : {}) };
  });
  const answerSlides = answerQuestionSlides(source.slides);
  const answerQuestions = answerSlides.map(({ slide, slideIndex }, index) =>
    answerQuestionFigures(
      source,
      slide,
      { slideIndex, number: index + 1, typeNumber: answerSlides.slice(0, index + 1).filter((other) => other.slide.kind === slide.kind).length },
      byQuestion.get(slide.question.id) ?? [],
      { dimensionNames, includeUnrevealed, heldBack: options.heldBack, groups, floor },
    ),
  );
  for (const figures of answerQuestions) if (figures.type === 'scale') handsMax = Math.max(handsMax, figures.sources.hands);
  const participants = participantFigures(source, groups, handsMax);

  totals.notVotedOn = totals.scenarios - totals.votedOn;
  const breakdownGroups: Pick<Group, 'id' | 'name' | 'color'>[] = groups.filter((group) => floor.kept.has(group.id)).map(({ id, name, color }) => ({ id, name, color }));
  if (floor.othersShown) breakdownGroups.push({ id: OTHERS_KEY, name: OTHERS_NAME, color: OTHERS_COLOR });
  const shownQuestions = recordOf(questions.map((figures) => [figures.questionId, { totals: figures.totals, totalsByGroup: figures.totalsByGroup }] as const));
  const profile = sessionProfile({ slides: source.slides, dimensions: source.dimensions, groups: breakdownGroups, questions: shownQuestions, ungroupedName: ungroupedName(floor) });
  const selfCheck = selfCheckFigures(source, { includeUnrevealed, privacyFloor, followUp: options.followUp });
  return { sessionId: source.id, includesUnrevealed: includeUnrevealed, privacyFloor, questions, answerQuestions, commitments: summarizeCommitments(source, {
    includeUnrevealed,
    heldBack: options.heldBack,
    floor: { kept: groups.filter((group) => floor.kept.has(group.id)), merged: floor.merged, othersShown: floor.othersShown, othersName: OTHERS_NAME, restName: ungroupedName(floor) },
  }), participants, totals, profile, breakdownGroups, ungroupedName: ungroupedName(floor), selfCheck };
}

/** Answers and leader-tagged answers in some counts, by the question's option order. */
function leaderCount(options: readonly OptionFigures[], counts: readonly number[]): LeaderCount {
  let answers = 0;
  let leader = 0;
  options.forEach((option, index) => {
    const count = counts[index] ?? 0;
    answers += count;
    if (option.style === 'leader') leader += count;
  });
  return { answers, leader };
}

/**
 * Who moved (src/shared/rounds.ts): the first and the last round compared, when
 * both are shown; the room, and each group line of the breakdown (after the
 * privacy floor, so a small group is judged only inside "Other groups").
 */
function roundsMovement(rounds: readonly Omit<QuestionFigures, 'rounds'>[], privacyFloor: number): Movement | null {
  const first = rounds[0];
  const last = rounds[rounds.length - 1];
  if (!first || !last || first === last || !first.options || !last.options || !first.breakdown || !last.breakdown) return null;
  const room = (round: Omit<QuestionFigures, 'rounds'>) => leaderCount(round.options!, round.options!.map((option) => option.count));
  const lastLines = new Map(last.breakdown.map((line) => [line.key, line]));
  const groups: GroupRoundCounts[] = [];
  for (const line of first.breakdown) {
    if (line.kind !== 'group' && line.kind !== 'others') continue;
    const after = lastLines.get(line.key);
    if (!after) continue;
    groups.push({ key: line.key, name: line.name, first: leaderCount(first.options, line.counts), last: leaderCount(last.options, after.counts) });
  }
  return movementBetween({ first: room(first), last: room(last) }, groups, { from: first.round, to: last.round }, privacyFloor);
}
