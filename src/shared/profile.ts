/**
 * The room's profile from the revealed tallies: per-question summaries, the
 * leader share per dimension for the room and for each group, each group's lean,
 * and the consensus ranking. The results view, the projector and the PDF report
 * all draw their figures from here, so the numbers agree everywhere.
 *
 * The input is plain data shaped like a `Session` (a session view passes as it
 * is; the report can build one from `tallyQuestion`). Questions whose `totals` are
 * null are still hidden and are left out of every figure.
 *
 * Cost: every function walks the questions, their options and the groups once, so
 * it is linear in the size of the tallies and never touches single votes: at most
 * linear in the number of votes, usually far less.
 *
 * Measures, and why:
 * - Majority share (the most-chosen option's share of the votes) is the consensus
 *   measure: "62% chose B" is easy to say to a room and to check by eye on the bar
 *   chart. A question is "divided" when no option reaches 60% (`DIVIDED_BELOW`):
 *   fewer than three in five agree. With two options that is anything closer than
 *   60/40; with three, a 50/25/25 split counts as divided too.
 * - Normalised entropy (Shannon entropy divided by its maximum, ln of the number
 *   of options) is the second number: 0 when everyone agrees, 1 when the votes are
 *   spread evenly. It breaks ties in the ranking, since it also sees how the
 *   minority splits (50/50/0 is less spread than 50/25/25).
 * - Leader share: leader-tagged votes over all votes (leader + manager + neutral).
 * - Lean: (leader - manager) / (leader + manager), from -1 (all manager-like) to +1
 *   (all leader-like); neutral votes take no side, so they stay out of the lean.
 * - "Picked the leader-like answer": a group's share of votes on the option the
 *   workshop tags `leader`. It is how often the group agreed with the workshop's own
 *   classification, not a score of the people in it.
 *
 * Hand counts arrive in `totals` but not in `totalsByGroup` (nobody knows which
 * group raised which hand): they count for the room and each question, never for a
 * group. Phones with no group are under the "" key and form their own line.
 */
import type { Dimension, Group, Question, QuestionView, Slide, Style } from './model';
import { optionLetter } from './optionLetter';

/** A question is "divided" when its most-chosen option has less than this share of the votes. */
export const DIVIDED_BELOW = 0.6;

/** The key of phones that joined no group, in `totalsByGroup` and in the profiles. */
export const UNGROUPED_KEY = '';

/** What the profile reads: the parts of a `Session` that carry results. */
export interface ResultsSource {
  slides: readonly Slide[];
  dimensions: readonly Dimension[];
  groups: readonly Pick<Group, 'id' | 'name' | 'color'>[];
  questions: Readonly<Record<string, Pick<QuestionView, 'totals' | 'totalsByGroup'> | undefined>>;
}

/** Votes counted by the workshop's style tag of the chosen option. */
export interface StyleCounts {
  leader: number;
  manager: number;
  neutral: number;
  total: number;
}

export interface OptionResult {
  id: string;
  /** A, B, C…: what groups press to vote. */
  letter: string;
  label: string;
  style: Style;
  count: number;
  /** count / voteCount; 0 when nobody voted. */
  share: number;
}

export interface QuestionSummary {
  question: Question;
  questionId: string;
  slideId: string;
  /** Position in the session's slides; -1 when summarised on its own. */
  slideIndex: number;
  /** The slide's title (e.g. "Scenario 2 · Guidance"), or "" when it has none. */
  title: string;
  dimensionId: string;
  /** The dimension's name, or its id when the workshop does not define it. */
  dimensionName: string;
  options: OptionResult[];
  voteCount: number;
  styles: StyleCounts;
  /** Leader-tagged votes / all votes; null without votes. */
  leaderShare: number | null;
  /** The most-chosen option's share; null without votes. */
  majorityShare: number | null;
  /** The most-chosen option(s); several on a tie, none without votes. */
  majorityOptionIds: string[];
  /** Shannon entropy / ln(number of options): 0 unanimous, 1 evenly spread; null without votes. */
  entropy: number | null;
  /** True when there are votes and the majority share is below `DIVIDED_BELOW`. */
  divided: boolean;
}

export interface DimensionShare {
  dimensionId: string;
  name: string;
  /** What the leader-like and manager-like sides look like (the workshop's words). */
  leaderSide: string;
  managerSide: string;
  counts: StyleCounts;
  /** Questions of this dimension with at least one counted vote. */
  questionCount: number;
  /** Leader-tagged votes / all votes on this dimension's questions; null without votes. */
  leaderShare: number | null;
}

export interface RoomProfile {
  dimensions: DimensionShare[];
  overall: StyleCounts & { leaderShare: number | null; lean: number | null };
}

export interface GroupProfile {
  /** The group's id, or `UNGROUPED_KEY` for phones with no group. */
  groupId: string;
  name: string;
  color: string;
  ungrouped: boolean;
  counts: StyleCounts;
  dimensions: DimensionShare[];
  /** (leader - manager) / (leader + manager), -1..+1; null when neither was chosen. */
  lean: number | null;
  /** "Picked the leader-like answer": leader-tagged votes / all the group's votes; null without votes. */
  leaderLikeShare: number | null;
  /** Visible questions this group voted on. */
  questionCount: number;
}

/** One series of a per-group breakdown: a group, phones with no group, or hand counts. */
export interface BreakdownSeries {
  key: string;
  kind: 'group' | 'ungrouped' | 'hands';
  groupId: string | null;
  name: string;
  color: string | null;
}

export interface BreakdownRow {
  optionId: string;
  total: number;
  /** Votes per series key; every series present. */
  counts: Record<string, number>;
}

export interface GroupBreakdown {
  /** The series with at least one vote on this question, groups in the session's order. */
  series: BreakdownSeries[];
  rows: BreakdownRow[];
}

export interface SessionProfile {
  /** Visible questions, in slide order (with or without votes). */
  questions: QuestionSummary[];
  /** Questions still hidden (not revealed, session running). */
  hiddenCount: number;
  /** Votes over all visible questions. */
  voteCount: number;
  room: RoomProfile;
  groups: GroupProfile[];
  /** Visible questions with votes, most divided first. */
  consensus: QuestionSummary[];
}

const NO_GROUP_NAME = 'Phones, no group';
const HANDS_NAME = 'Hand count';

function emptyCounts(): StyleCounts {
  return { leader: 0, manager: 0, neutral: 0, total: 0 };
}

function addStyleCounts(into: StyleCounts, question: Question, totals: Readonly<Record<string, number>>): number {
  let added = 0;
  for (const option of question.options) {
    const count = validCount(totals[option.id]);
    into[option.style] += count;
    added += count;
  }
  into.total += added;
  return added;
}

function validCount(value: number | undefined): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : 0;
}

function ratio(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

/** Leader share of some style counts: leader / (leader + manager + neutral); null without votes. */
export function leaderShareOf(counts: StyleCounts): number | null {
  return ratio(counts.leader, counts.leader + counts.manager + counts.neutral);
}

/** Lean from manager (-1) to leader (+1): (leader - manager) / (leader + manager); null when both are 0. */
export function leanOf(counts: StyleCounts): number | null {
  const sides = counts.leader + counts.manager;
  return sides > 0 ? (counts.leader - counts.manager) / sides : null;
}

/** Normalised Shannon entropy of some counts over `optionCount` options: 0 unanimous, 1 even; null without votes. */
export function normalisedEntropy(counts: readonly number[], optionCount = counts.length): number | null {
  let total = 0;
  for (const count of counts) total += validCount(count);
  if (total === 0) return null;
  if (optionCount < 2) return 0;
  let entropy = 0;
  for (const count of counts) {
    const c = validCount(count);
    if (c > 0) entropy -= (c / total) * Math.log(c / total);
  }
  // Clamp the float noise of an even split (e.g. 1.0000000000000002).
  return Math.min(1, Math.max(0, entropy / Math.log(optionCount)));
}

/** Summarises one question from its totals: counts, shares, leader share, majority, entropy, divided. */
export function summarizeQuestion(
  question: Question,
  totals: Readonly<Record<string, number>>,
  where: { slideId?: string; slideIndex?: number; title?: string; dimensionName?: string } = {},
): QuestionSummary {
  const styles = emptyCounts();
  const voteCount = addStyleCounts(styles, question, totals);
  let top = 0;
  const counts = question.options.map((option) => validCount(totals[option.id]));
  for (const count of counts) top = Math.max(top, count);
  const options = question.options.map((option, index) => {
    const count = counts[index] ?? 0;
    return { id: option.id, letter: optionLetter(index), label: option.label, style: option.style, count, share: voteCount > 0 ? count / voteCount : 0 };
  });
  const majorityShare = ratio(top, voteCount);
  return {
    question,
    questionId: question.id,
    slideId: where.slideId ?? '',
    slideIndex: where.slideIndex ?? -1,
    title: where.title ?? '',
    dimensionId: question.dimension,
    dimensionName: where.dimensionName ?? question.dimension,
    options,
    voteCount,
    styles,
    leaderShare: leaderShareOf(styles),
    majorityShare,
    majorityOptionIds: voteCount > 0 ? options.filter((option) => option.count === top).map((option) => option.id) : [],
    entropy: normalisedEntropy(counts, question.options.length),
    divided: majorityShare !== null && majorityShare < DIVIDED_BELOW,
  };
}

/** The revealed questions of a session in slide order, each summarised; hidden ones are skipped. */
export function visibleQuestions(source: ResultsSource): QuestionSummary[] {
  const names = new Map(source.dimensions.map((dimension) => [dimension.id, dimension.name]));
  const summaries: QuestionSummary[] = [];
  source.slides.forEach((slide, slideIndex) => {
    if (slide.kind !== 'scenario') return;
    const totals = source.questions[slide.question.id]?.totals;
    if (!totals) return;
    summaries.push(
      summarizeQuestion(slide.question, totals, {
        slideId: slide.id,
        slideIndex,
        title: slide.title,
        dimensionName: names.get(slide.question.dimension) ?? slide.question.dimension,
      }),
    );
  });
  return summaries;
}

function dimensionShares(dimensions: readonly Dimension[], byDimension: Map<string, { counts: StyleCounts; questionCount: number }>): DimensionShare[] {
  return dimensions.map((dimension) => {
    const entry = byDimension.get(dimension.id);
    const counts = entry ? { ...entry.counts } : emptyCounts();
    return {
      dimensionId: dimension.id,
      name: dimension.name,
      leaderSide: dimension.leader,
      managerSide: dimension.manager,
      counts,
      questionCount: entry?.questionCount ?? 0,
      leaderShare: leaderShareOf(counts),
    };
  });
}

function accumulate(
  byDimension: Map<string, { counts: StyleCounts; questionCount: number }>,
  question: Question,
  totals: Readonly<Record<string, number>>,
): number {
  let entry = byDimension.get(question.dimension);
  if (!entry) {
    entry = { counts: emptyCounts(), questionCount: 0 };
    byDimension.set(question.dimension, entry);
  }
  const added = addStyleCounts(entry.counts, question, totals);
  if (added > 0) entry.questionCount += 1;
  return added;
}

function sumCounts(parts: Iterable<{ counts: StyleCounts }>): StyleCounts {
  const sum = emptyCounts();
  for (const { counts } of parts) {
    sum.leader += counts.leader;
    sum.manager += counts.manager;
    sum.neutral += counts.neutral;
    sum.total += counts.total;
  }
  return sum;
}

/**
 * The room's leader share per dimension (the session's dimensions, in order), over
 * all visible votes, hand counts included. Questions on a dimension the workshop
 * does not define count in `overall` only.
 */
export function roomProfile(source: ResultsSource): RoomProfile {
  const byDimension = new Map<string, { counts: StyleCounts; questionCount: number }>();
  for (const slide of source.slides) {
    if (slide.kind !== 'scenario') continue;
    const totals = source.questions[slide.question.id]?.totals;
    if (totals) accumulate(byDimension, slide.question, totals);
  }
  const overall = sumCounts(byDimension.values());
  return {
    dimensions: dimensionShares(source.dimensions, byDimension),
    overall: { ...overall, leaderShare: leaderShareOf(overall), lean: leanOf(overall) },
  };
}

/**
 * Each group's profile: leader share per dimension, lean and "picked the
 * leader-like answer". Every session group is listed (in order, even without votes);
 * phones with no group follow as one more line when they voted (votes under a
 * group id the session does not know join them). Hand counts are left out.
 */
export function groupProfiles(source: ResultsSource): GroupProfile[] {
  const known = new Map<string, { byDimension: Map<string, { counts: StyleCounts; questionCount: number }>; questionCount: number }>();
  for (const group of source.groups) known.set(group.id, { byDimension: new Map(), questionCount: 0 });
  if (!known.has(UNGROUPED_KEY)) known.set(UNGROUPED_KEY, { byDimension: new Map(), questionCount: 0 });
  for (const slide of source.slides) {
    if (slide.kind !== 'scenario') continue;
    const byGroup = source.questions[slide.question.id]?.totalsByGroup;
    if (!byGroup) continue;
    for (const [groupId, totals] of Object.entries(byGroup)) {
      const entry = known.get(groupId) ?? known.get(UNGROUPED_KEY)!;
      if (accumulate(entry.byDimension, slide.question, totals) > 0) entry.questionCount += 1;
    }
  }
  const profile = (groupId: string, name: string, color: string, ungrouped: boolean): GroupProfile => {
    const entry = known.get(groupId)!;
    const counts = sumCounts(entry.byDimension.values());
    return {
      groupId,
      name,
      color,
      ungrouped,
      counts,
      dimensions: dimensionShares(source.dimensions, entry.byDimension),
      lean: leanOf(counts),
      leaderLikeShare: leaderShareOf(counts),
      questionCount: entry.questionCount,
    };
  };
  const profiles = source.groups.map((group) => profile(group.id, group.name, group.color, false));
  const ungrouped = profile(UNGROUPED_KEY, NO_GROUP_NAME, '#6b7280', true);
  if (ungrouped.counts.total > 0) profiles.push(ungrouped);
  return profiles;
}

/**
 * Questions with votes, most divided first: lowest majority share, then the
 * higher normalised entropy, then slide order. Questions without votes are left out.
 */
export function consensusRanking(summaries: readonly QuestionSummary[]): QuestionSummary[] {
  return summaries
    .filter((summary) => summary.voteCount > 0)
    .sort(
      (a, b) =>
        (a.majorityShare ?? 1) - (b.majorityShare ?? 1) ||
        (b.entropy ?? 0) - (a.entropy ?? 0) ||
        a.slideIndex - b.slideIndex,
    );
}

/**
 * One question's votes per option split by group, for a stacked bar: the session's
 * groups that voted (in order), phones with no group, and whatever hand counts add
 * to the totals. Each row's series counts add up to its total.
 */
export function groupBreakdown(
  question: Question,
  view: Pick<QuestionView, 'totals' | 'totalsByGroup'>,
  groups: readonly Pick<Group, 'id' | 'name' | 'color'>[],
): GroupBreakdown {
  const totals = view.totals ?? {};
  const byGroup = view.totalsByGroup ?? {};
  const knownIds = new Set(groups.map((group) => group.id));
  const series: BreakdownSeries[] = [];
  const rows: BreakdownRow[] = question.options.map((option) => ({ optionId: option.id, total: validCount(totals[option.id]), counts: {} }));
  const sumOf = (groupTotals: Readonly<Record<string, number>> | undefined) =>
    question.options.reduce((sum, option) => sum + validCount(groupTotals?.[option.id]), 0);

  for (const group of groups) {
    const groupTotals = byGroup[group.id];
    if (sumOf(groupTotals) === 0) continue;
    const key = `group:${group.id}`;
    series.push({ key, kind: 'group', groupId: group.id, name: group.name, color: group.color });
    rows.forEach((row) => (row.counts[key] = validCount(groupTotals?.[row.optionId])));
  }
  // Phones with no group, and any group id the session no longer knows.
  const strays = Object.entries(byGroup).filter(([groupId]) => !knownIds.has(groupId));
  const strayCount = (optionId: string) => strays.reduce((sum, [, groupTotals]) => sum + validCount(groupTotals[optionId]), 0);
  if (strays.some(([, groupTotals]) => sumOf(groupTotals) > 0)) {
    const key = 'ungrouped';
    series.push({ key, kind: 'ungrouped', groupId: UNGROUPED_KEY, name: NO_GROUP_NAME, color: null });
    rows.forEach((row) => (row.counts[key] = strayCount(row.optionId)));
  }
  // What the totals hold beyond the groups' votes: hand counts.
  const hands = rows.map((row) => Math.max(0, row.total - Object.values(row.counts).reduce((sum, count) => sum + count, 0)));
  if (hands.some((count) => count > 0)) {
    const key = 'hands';
    series.push({ key, kind: 'hands', groupId: null, name: HANDS_NAME, color: null });
    rows.forEach((row, index) => (row.counts[key] = hands[index] ?? 0));
  }
  return { series, rows };
}

/** Everything the results view and the report show, in one pass over the tallies. */
export function sessionProfile(source: ResultsSource): SessionProfile {
  const questions = visibleQuestions(source);
  let scenarioCount = 0;
  for (const slide of source.slides) if (slide.kind === 'scenario') scenarioCount += 1;
  return {
    questions,
    hiddenCount: scenarioCount - questions.length,
    voteCount: questions.reduce((sum, summary) => sum + summary.voteCount, 0),
    room: roomProfile(source),
    groups: groupProfiles(source),
    consensus: consensusRanking(questions),
  };
}

/** A share as a whole percent ("62%"), or "–" when there is none. Every view rounds the same way. */
export function formatShare(share: number | null): string {
  return share === null ? '–' : `${Math.round(share * 100)}%`;
}

/** A lean in words: "40% toward leader", "25% toward manager", "Balanced", or "No leader/manager votes". */
export function formatLean(lean: number | null): string {
  if (lean === null) return 'No leader/manager votes';
  const percent = Math.round(Math.abs(lean) * 100);
  if (percent === 0) return 'Balanced';
  return `${percent}% toward ${lean > 0 ? 'leader' : 'manager'}`;
}

/** How the workshop's style tag reads next to an option: "Leader-like", "Manager-like" or "Neutral". */
export function styleTag(style: Style): string {
  return style === 'leader' ? 'Leader-like' : style === 'manager' ? 'Manager-like' : 'Neutral';
}
