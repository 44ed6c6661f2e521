/**
 * Commitments (the learning loop, issue 17): what each person said they will do,
 * as the room, the facilitator and every export may see it: by dimension, never by
 * who wrote it.
 *
 * A commitment is an open answer on a commitments slide's question (a Vote whose
 * `text` is the words and `dimensionId` the contrast it is about). Here they become
 * themes: per dimension of the session, how many, and (once the facilitator has
 * revealed the slide, or an export asked for it) the texts, sorted by their words
 * so that the order they were written in (and so the moment, and so the person)
 * cannot be read from the list. Answers the facilitator hid are counted apart and
 * never listed. A split by group respects the privacy floor: groups kept by the
 * summary get their own line, small ones merge into "Other groups" or, when even
 * together too small, into the rest of the room; a split carries counts only.
 *
 * Pure and linear in the votes. WARNING: ids are user data; lookups go through Maps.
 */
import type { Dimension, Group, QuestionState, QuestionStatus, Slide, Vote } from './model';

/** One dimension's commitments. */
export interface CommitmentTheme {
  dimensionId: string;
  name: string;
  /** Commitments tied to it (hidden ones left out). */
  count: number;
  /** Their words, sorted; null while the slide is not shown. */
  texts: string[] | null;
}

/** One line of a split by group: counts per theme, in the themes' order. */
export interface CommitmentGroupLine {
  key: string;
  kind: 'group' | 'others' | 'rest';
  name: string;
  counts: number[];
  total: number;
}

export interface CommitmentFigures {
  questionId: string;
  slideId: string;
  slideIndex: number;
  /** The slide's title, or "Commitments". */
  heading: string;
  prompt: string;
  status: QuestionStatus;
  revealed: boolean;
  /** Texts are in these figures: revealed, or asked for. */
  shown: boolean;
  /** Commitments counted (hidden ones left out). */
  count: number;
  /** Commitments the facilitator hid (or the word list holds back): counted apart, never listed. */
  hiddenCount: number;
  /** Phones and groups that wrote at least one. */
  writers: number;
  /** Every dimension of the session, in its order, then any dimension id the session does not know. */
  themes: CommitmentTheme[];
  /** Counts per theme by group, after the privacy floor; empty when no group wrote any. */
  byGroup: CommitmentGroupLine[];
}

/** How the summary's privacy floor splits the groups. */
export interface CommitmentGroupFloor {
  /** Groups broken down on their own. */
  kept: readonly Pick<Group, 'id' | 'name'>[];
  /** Groups merged into "Other groups", and whether that line is shown (else they join the rest). */
  merged: ReadonlySet<string>;
  othersShown: boolean;
  othersName: string;
  restName: string;
}

export interface CommitmentSource {
  slides: readonly Slide[];
  dimensions: readonly Dimension[];
  questions: Readonly<Record<string, QuestionState>>;
  votes: readonly Vote[];
}

const byWords = (a: string, b: string) => a.localeCompare(b, 'en', { sensitivity: 'base' }) || (a < b ? -1 : a > b ? 1 : 0);

function stateOf(source: CommitmentSource, questionId: string): QuestionState | undefined {
  return Object.hasOwn(source.questions, questionId) ? source.questions[questionId] : undefined;
}

/** The votes that are commitments of a question, in its current round, with their dimension. */
export function commitmentVotes(source: CommitmentSource, questionId: string): Vote[] {
  const round = stateOf(source, questionId)?.round ?? 1;
  return source.votes.filter((vote) => vote.questionId === questionId && vote.text !== undefined && vote.dimensionId !== undefined && (vote.round ?? 1) === round);
}

/** Every commitments slide's figures, in slide order. */
export function summarizeCommitments(
  source: CommitmentSource,
  options: { includeUnrevealed?: boolean; floor?: CommitmentGroupFloor; heldBack?: ((text: string) => boolean) | undefined } = {},
): CommitmentFigures[] {
  const out: CommitmentFigures[] = [];
  source.slides.forEach((slide, slideIndex) => {
    if (slide.kind !== 'commitments') return;
    const question = slide.question;
    const state = stateOf(source, question.id);
    const hidden = new Set(state?.hiddenAnswers ?? []);
    const released = new Set(state?.releasedAnswers ?? []);
    // The word list's verdict, as for any open answer: held back until the facilitator lets it through.
    const heldBack = (vote: Vote) => options.heldBack !== undefined && !released.has(vote.optionId) && options.heldBack(vote.text!);
    const revealed = state?.revealed === true;
    const shown = revealed || options.includeUnrevealed === true;
    const themes = new Map<string, { theme: CommitmentTheme; texts: string[] }>();
    for (const dimension of source.dimensions) themes.set(dimension.id, { theme: { dimensionId: dimension.id, name: dimension.name, count: 0, texts: null }, texts: [] });
    const writers = new Set<string>();
    const byGroupKey = new Map<string, Map<string, number>>();
    let hiddenCount = 0;
    for (const vote of commitmentVotes(source, question.id)) {
      if (hidden.has(vote.optionId) || heldBack(vote)) {
        hiddenCount += 1;
        continue;
      }
      const dimensionId = vote.dimensionId!;
      let entry = themes.get(dimensionId);
      if (!entry) {
        entry = { theme: { dimensionId, name: dimensionId, count: 0, texts: null }, texts: [] };
        themes.set(dimensionId, entry);
      }
      entry.theme.count += 1;
      entry.texts.push(vote.text!);
      writers.add(`${vote.voterKind}:${vote.voterId}`);
      const key = vote.groupId ?? '';
      const counts = byGroupKey.get(key) ?? new Map<string, number>();
      counts.set(dimensionId, (counts.get(dimensionId) ?? 0) + 1);
      byGroupKey.set(key, counts);
    }
    const themeList = [...themes.values()].map(({ theme, texts }) => ({ ...theme, texts: shown ? [...texts].sort(byWords) : null }));
    out.push({
      questionId: question.id,
      slideId: slide.id,
      slideIndex,
      heading: slide.title.trim() || 'Commitments',
      prompt: question.prompt,
      status: state?.status ?? 'idle',
      revealed,
      shown,
      count: themeList.reduce((sum, theme) => sum + theme.count, 0),
      hiddenCount,
      writers: writers.size,
      themes: themeList,
      byGroup: options.floor ? groupLines(themeList, byGroupKey, options.floor) : [],
    });
  });
  return out;
}

function groupLines(themes: readonly CommitmentTheme[], byGroupKey: Map<string, Map<string, number>>, floor: CommitmentGroupFloor): CommitmentGroupLine[] {
  if (![...byGroupKey.keys()].some((key) => key !== '')) return [];
  const countsOf = (keys: readonly string[]) => themes.map((theme) => keys.reduce((sum, key) => sum + (byGroupKey.get(key)?.get(theme.dimensionId) ?? 0), 0));
  const lines: CommitmentGroupLine[] = [];
  const add = (key: string, kind: CommitmentGroupLine['kind'], name: string, counts: number[]) => {
    const total = counts.reduce((sum, count) => sum + count, 0);
    if (total > 0) lines.push({ key, kind, name, counts, total });
  };
  const keptIds = new Set(floor.kept.map((group) => group.id));
  for (const group of floor.kept) add(`group:${group.id}`, 'group', group.name, countsOf([group.id]));
  const mergedKeys = [...floor.merged];
  if (floor.othersShown) add('others', 'others', floor.othersName, countsOf(mergedKeys));
  // Everyone else: phones with no group, groups the session does not know, and small groups when even together too small.
  const rest = [...byGroupKey.keys()].filter((key) => !keptIds.has(key) && (!floor.merged.has(key) || !floor.othersShown));
  add('rest', 'rest', floor.restName, countsOf(rest));
  return lines;
}
