/**
 * The self-check (issue 17): each person rates one statement per dimension,
 * before the workshop and after it, and after it also where they now think they
 * were before ("then": response-shift bias, the yardstick moved during the day).
 *
 * Storage: each statement is an ordinary scale answer (model.ts `Vote`,
 * `optionId` the value as a string) under its own question id,
 * `selfCheckItemId(<self-check id>, <dimension>[, then])`, so the vote log, undo,
 * phone admission and rate limits treat it as any rating. The self-check's own id
 * carries its state (open, closed, revealed).
 *
 * Measures, and why:
 * - before / after / then per dimension: the mean of the ratings given, with n,
 *   the number of ratings it rests on (a group at the laptop counts once, as a phone does);
 * - shift: after − before (what changed, as the room saw itself) and after − then
 *   (the change measured against the moved yardstick), differences of the room's
 *   means, null when either side is missing;
 * - "before" is the session's first self-check with phase "before", "after" its
 *   last with phase "after": a workshop that asks twice compares start with end.
 *
 * Privacy: a person's self-check stays theirs. Only these aggregates leave the
 * core, and a mean resting on fewer ratings than the privacy floor is withheld
 * (null, with its n), so a figure of one or two people never names them.
 *
 * Differencing: two figures of the same room, shown before and after one more
 * person answered (or changed an answer), would name that person's rating by
 * their difference. So once a self-check is revealed, each statement's figure
 * is kept as shown (its state's `shownFigures`), and a later reveal replaces it
 * only when it rests on at least the privacy floor more ratings than the one
 * kept; else the kept figure is shown again. Any two figures ever shown of a
 * statement then differ by at least that many people's ratings. Counting
 * ratings, not changes, is the simplest rule that holds: an answer changed (or
 * a phone removed) never adds a rating, so it moves nothing by itself, and when
 * the figure does move its change is mixed with at least the floor's new ones.
 * Every view (projector, phones, results, report, exports, with or without
 * unrevealed answers) reads the kept figure once there is one.
 *
 * WARNING: dimension ids are user data (`__proto__` is valid): Maps and
 * prototype-free records only.
 */
import type { QuestionState, SelfCheckQuestion, SessionRecord, Slide, Vote } from './model';
import { selfCheckItemId } from './slideRules';
import { ownValue, recordOf } from './records';
import type { PulseTotals } from './followUp';

/** One answer a self-check asks for: a statement now, or its then-rating. */
export interface SelfCheckItem {
  /** The question id the answer is kept under. */
  id: string;
  dimension: string;
  prompt: string;
  /** The then-rating ("Looking back, where were you before today?"). */
  then: boolean;
}

export type SelfCheckSlide = Extract<Slide, { kind: 'selfCheck' }>;

/** The answers a self-check asks for, statement by statement (each then-rating right after its statement). */
export function selfCheckItems(question: SelfCheckQuestion): SelfCheckItem[] {
  return question.statements.flatMap((statement) => {
    const now: SelfCheckItem = { id: selfCheckItemId(question.id, statement.dimension), dimension: statement.dimension, prompt: statement.statement, then: false };
    if (question.phase !== 'after') return [now];
    return [now, { id: selfCheckItemId(question.id, statement.dimension, true), dimension: statement.dimension, prompt: statement.statement, then: true }];
  });
}

/** The session's self-check slides, in slide order. */
export function selfCheckSlidesOf(slides: readonly Slide[]): { slide: SelfCheckSlide; slideIndex: number }[] {
  return slides.flatMap((slide, slideIndex) => (slide.kind === 'selfCheck' ? [{ slide, slideIndex }] : []));
}

export interface SelfCheckItemRef {
  question: SelfCheckQuestion;
  item: SelfCheckItem;
}

const itemIndexes = new WeakMap<readonly Slide[], Map<string, SelfCheckItemRef>>();

/** Every self-check answer id of a slide list, to its self-check and statement. Kept per slide list (a session's slides never change). */
export function selfCheckItemIndex(slides: readonly Slide[]): Map<string, SelfCheckItemRef> {
  let index = itemIndexes.get(slides);
  if (!index) {
    index = new Map();
    for (const { slide } of selfCheckSlidesOf(slides)) for (const item of selfCheckItems(slide.question)) index.set(item.id, { question: slide.question, item });
    itemIndexes.set(slides, index);
  }
  return index;
}

/** Whether a vote is a self-check answer: what exports and facilitator views keep to totals. */
export function isSelfCheckVote(slides: readonly Slide[], vote: Pick<Vote, 'questionId'>): boolean {
  return selfCheckItemIndex(slides).has(vote.questionId);
}

/** The value a self-check answer carries, or null when it is not a point of the scale. */
export function ratingOf(question: Pick<SelfCheckQuestion, 'min' | 'max'>, optionId: string): number | null {
  if (!/^-?\d+$/.test(optionId)) return null;
  const value = Number(optionId);
  return value >= question.min && value <= question.max ? value : null;
}

/** People (phones and groups) who answered at least one statement of a self-check; never what they said. */
export function selfCheckRespondents(slides: readonly Slide[], votes: readonly Vote[], selfCheckId: string): number {
  const index = selfCheckItemIndex(slides);
  const voters = new Set<string>();
  for (const vote of votes) {
    const ref = index.get(vote.questionId);
    if (ref && ref.question.id === selfCheckId) voters.add(`${vote.voterKind}:${vote.voterId}`);
  }
  return voters.size;
}

// ------------------------------------------------------------------ figures

/** The room's ratings of one statement at one point in time. */
export interface RatingFigure {
  /** Ratings given. */
  n: number;
  /** Their mean; null when none, or when fewer than the privacy floor (`withheld`). */
  mean: number | null;
  /** Ratings per value ("1"…"5", every point present); null when withheld. Prototype-free. */
  counts: Record<string, number> | null;
  /** Fewer ratings than the privacy floor: the mean and counts stay out. */
  withheld: boolean;
}

export interface SelfCheckDimensionFigures {
  dimensionId: string;
  dimensionName: string;
  /** The statement, as the "after" self-check (else the "before" one) words it. */
  statement: string;
  /** Null when the session has no self-check of that phase or it is not shown yet. */
  before: RatingFigure | null;
  after: RatingFigure | null;
  then: RatingFigure | null;
  /**
   * The follow-up pulse weeks later (src/shared/followUp.ts): this laptop's pulse
   * session and imported pulse files, merged; null when there is none yet.
   */
  followUp: RatingFigure | null;
  /** after − before and after − then (means), and followUp − before; null when either is missing. */
  shift: { afterMinusBefore: number | null; afterMinusThen: number | null; followUpMinusBefore: number | null };
}

/** The follow-up pulses merged into the figures: how many, on how many people, over which days. */
export interface FollowUpPhaseFigures {
  /** Pulses counted: this laptop's pulse session (if it has answers) and each imported file. */
  pulses: number;
  /** People who answered, summed over the pulses. */
  respondents: number;
  /** The days of the first and last answers (YYYY-MM-DD), over all pulses; null without answers. */
  firstAnswerOn: string | null;
  lastAnswerOn: string | null;
}

export interface SelfCheckPhaseFigures {
  selfCheckId: string;
  slideId: string;
  slideIndex: number;
  phase: 'before' | 'after';
  revealed: boolean;
  /** Its ratings are in these figures: revealed, or asked for. */
  shown: boolean;
  /** People (phones and groups) who answered at least one statement. */
  respondents: number;
}

export interface SelfCheckFigures {
  /** The scale every figure is on (the "after" self-check's, else the "before" one's). */
  min: number;
  max: number;
  minLabel: string;
  maxLabel: string;
  /** The self-checks compared: the first "before" and the last "after" (null when the session has none). */
  before: SelfCheckPhaseFigures | null;
  after: SelfCheckPhaseFigures | null;
  /** The follow-up pulses (src/shared/followUp.ts), null when there is none. */
  followUp: FollowUpPhaseFigures | null;
  /** Per dimension, in the workshop's dimension order, then any others in statement order. */
  dimensions: SelfCheckDimensionFigures[];
  /** The privacy floor applied (ratings); 0 when none. */
  privacyFloor: number;
}

export type SelfCheckSource = Pick<SessionRecord, 'slides' | 'dimensions' | 'questions' | 'votes'>;

export interface SelfCheckOptions {
  includeUnrevealed?: boolean | undefined;
  privacyFloor?: number | undefined;
  /**
   * The follow-up pulses' totals (src/shared/followUp.ts): this laptop's pulse
   * (`pulseTotalsOf`) and imported pulse files, each pulse id once (the caller
   * keeps the local one over an import of it; here a repeated id counts once too).
   * They count whatever the pulse's reveal state: they are totals, under the floor.
   */
  followUp?: readonly PulseTotals[] | undefined;
}

function isShown(source: Pick<SessionRecord, 'questions'>, id: string, includeUnrevealed: boolean): { revealed: boolean; shown: boolean } {
  const state = ownValue(source.questions, id);
  const revealed = state?.revealed === true;
  return { revealed, shown: revealed || includeUnrevealed };
}

/** Ratings per answer id of one self-check: one per voter (the store keeps a voter's latest). */
function ratingsByItem(question: SelfCheckQuestion, votes: readonly Vote[]): Map<string, number[]> {
  const ids = new Set(selfCheckItems(question).map((item) => item.id));
  const latest = new Map<string, Map<string, number>>();
  for (const vote of votes) {
    if (!ids.has(vote.questionId)) continue;
    const value = ratingOf(question, vote.optionId);
    if (value === null) continue;
    const byVoter = latest.get(vote.questionId) ?? new Map<string, number>();
    byVoter.set(`${vote.voterKind}:${vote.voterId}`, value);
    latest.set(vote.questionId, byVoter);
  }
  return new Map([...latest].map(([id, byVoter]) => [id, [...byVoter.values()]]));
}

/** Whether a figure on n ratings stays out under the privacy floor. */
export const isBelowFloor = (n: number, floor: number): boolean => n > 0 && floor > 1 && n < floor;

/** Every point of the scale, at 0: a prototype-free record. */
function emptyCounts(scale: Pick<SelfCheckQuestion, 'min' | 'max'>): Record<string, number> {
  const counts = recordOf<number>([]);
  for (let value = scale.min; value <= scale.max; value += 1) counts[String(value)] = 0;
  return counts;
}

/** A figure from counts per value (every point of the scale present), the floor applied to its n. */
function figureOfCounts(counts: Record<string, number>, floor: number): RatingFigure {
  let n = 0;
  let sum = 0;
  for (const [value, count] of Object.entries(counts)) {
    n += count;
    sum += Number(value) * count;
  }
  const withheld = isBelowFloor(n, floor);
  if (n === 0 || withheld) return { n, mean: null, counts: null, withheld };
  return { n, mean: sum / n, counts, withheld: false };
}

function ratingFigure(question: Pick<SelfCheckQuestion, 'min' | 'max'>, values: readonly number[] | undefined, floor: number): RatingFigure {
  const counts = emptyCounts(question);
  for (const value of values ?? []) counts[String(value)] = (counts[String(value)] ?? 0) + 1;
  return figureOfCounts(counts, floor);
}

// ------------------------------------------------------------------ differencing (see the header)

type ShownFigures = NonNullable<QuestionState['shownFigures']>;

/** A statement's figure may move once it rests on this many more ratings: the privacy floor, and never fewer than one. */
const moveStep = (privacyFloor: number): number => Math.max(1, Math.floor(privacyFloor));

/** A figure as kept at a reveal, read with the floor in force now (its counts were kept only when it was shown). */
function keptFigure(kept: ShownFigures['ratings'][string] | undefined, floor: number): RatingFigure {
  const n = kept?.n ?? 0;
  const counts = kept?.counts ?? null;
  if (n === 0 || counts === null || (floor > 1 && n < floor)) return { n, mean: null, counts: null, withheld: n > 0 };
  let sum = 0;
  for (const [value, count] of Object.entries(counts)) sum += Number(value) * count;
  return { n, mean: sum / n, counts: recordOf(Object.entries(counts)), withheld: false };
}

/**
 * The figures of a self-check's statements as every view shows them: the kept
 * ones once it has been revealed, else its live ratings (the floor applied).
 */
export function shownItemFigures(source: Pick<SessionRecord, 'questions' | 'votes'>, question: SelfCheckQuestion, privacyFloor: number): Map<string, RatingFigure> {
  const kept = ownValue(source.questions, question.id)?.shownFigures;
  const items = selfCheckItems(question);
  if (kept) return new Map(items.map((item) => [item.id, keptFigure(ownValue(kept.ratings, item.id), privacyFloor)]));
  const ratings = ratingsByItem(question, source.votes);
  return new Map(items.map((item) => [item.id, ratingFigure(question, ratings.get(item.id), privacyFloor)]));
}

/**
 * What a reveal keeps as shown: per statement, its live figure when it rests on
 * at least the floor more ratings than the one kept (or none was kept), else the
 * kept one. The core stores it in the self-check's state at every reveal.
 */
export function figuresToKeep(source: Pick<SessionRecord, 'questions' | 'votes'>, question: SelfCheckQuestion, privacyFloor: number): ShownFigures {
  const kept = ownValue(source.questions, question.id)?.shownFigures;
  const ratings = ratingsByItem(question, source.votes);
  const step = moveStep(privacyFloor);
  const keep = recordOf<ShownFigures['ratings'][string]>([]);
  for (const item of selfCheckItems(question)) {
    const before = kept ? ownValue(kept.ratings, item.id) : undefined;
    const live = ratingFigure(question, ratings.get(item.id), privacyFloor);
    const moves = !kept || live.n >= (before?.n ?? 0) + kept.step;
    keep[item.id] = moves ? { n: live.n, counts: live.counts } : (before ?? { n: 0, counts: null });
  }
  return { step, ratings: keep };
}

/**
 * How many more answers a revealed-before self-check needs before the figures of
 * all its rated statements can move at the next reveal; null when they can, or it
 * was never revealed.
 */
export function answersNeededToMove(source: Pick<SessionRecord, 'questions' | 'votes'>, question: SelfCheckQuestion): number | null {
  const kept = ownValue(source.questions, question.id)?.shownFigures;
  if (!kept) return null;
  const ratings = ratingsByItem(question, source.votes);
  let needed = 0;
  for (const item of selfCheckItems(question)) {
    const given = ratings.get(item.id)?.length ?? 0;
    const shown = ownValue(kept.ratings, item.id)?.n ?? 0;
    // A statement no one has rated yet holds nothing back.
    if (given > 0 || shown > 0) needed = Math.max(needed, shown + kept.step - given);
  }
  return needed > 0 ? needed : null;
}

const difference = (a: RatingFigure | null, b: RatingFigure | null): number | null => (a?.mean != null && b?.mean != null ? a.mean - b.mean : null);

/**
 * The room's self-check figures: per dimension before, after and then, and the
 * shifts. Null when the session has no self-check. Pure and linear in the votes.
 */
export function selfCheckFigures(source: SelfCheckSource, options: SelfCheckOptions = {}): SelfCheckFigures | null {
  const slides = selfCheckSlidesOf(source.slides);
  if (slides.length === 0) return null;
  const includeUnrevealed = options.includeUnrevealed === true;
  const privacyFloor = Math.max(0, Math.floor(options.privacyFloor ?? 0));
  const beforeSlide = slides.find(({ slide }) => slide.question.phase === 'before') ?? null;
  const afterSlide = slides.findLast(({ slide }) => slide.question.phase === 'after') ?? null;
  const scale = (afterSlide ?? beforeSlide ?? slides[0]!).slide.question;

  const phase = (entry: typeof beforeSlide): SelfCheckPhaseFigures | null => {
    if (!entry) return null;
    const question = entry.slide.question;
    return {
      selfCheckId: question.id,
      slideId: entry.slide.id,
      slideIndex: entry.slideIndex,
      phase: question.phase,
      ...isShown(source, question.id, includeUnrevealed),
      respondents: selfCheckRespondents(source.slides, source.votes, question.id),
    };
  };
  const before = phase(beforeSlide);
  const after = phase(afterSlide);
  const beforeFigures = beforeSlide && before?.shown ? shownItemFigures(source, beforeSlide.slide.question, privacyFloor) : null;
  const afterFigures = afterSlide && after?.shown ? shownItemFigures(source, afterSlide.slide.question, privacyFloor) : null;

  // Dimensions in the workshop's order, then any a statement names that the workshop does not (an older file).
  const statements = new Map<string, string>();
  for (const entry of [beforeSlide, afterSlide]) for (const statement of entry?.slide.question.statements ?? []) statements.set(statement.dimension, statement.statement);
  const names = new Map(source.dimensions.map((dimension) => [dimension.id, dimension.name]));
  const order = [...source.dimensions.map((dimension) => dimension.id).filter((id) => statements.has(id)), ...[...statements.keys()].filter((id) => !names.has(id))];

  const followUp = mergePulses(options.followUp ?? [], scale, order, privacyFloor);

  const dimensions = order.map((dimensionId): SelfCheckDimensionFigures => {
    const asks = (entry: typeof beforeSlide) => entry !== null && entry.slide.question.statements.some((statement) => statement.dimension === dimensionId);
    const beforeFigure = beforeSlide && beforeFigures && asks(beforeSlide) ? (beforeFigures.get(selfCheckItemId(beforeSlide.slide.question.id, dimensionId)) ?? null) : null;
    const afterAsks = afterSlide !== null && afterFigures !== null && asks(afterSlide);
    const afterFigure = afterAsks ? (afterFigures.get(selfCheckItemId(afterSlide.slide.question.id, dimensionId)) ?? null) : null;
    const thenFigure = afterAsks ? (afterFigures.get(selfCheckItemId(afterSlide.slide.question.id, dimensionId, true)) ?? null) : null;
    return {
      dimensionId,
      dimensionName: names.get(dimensionId) ?? dimensionId,
      statement: statements.get(dimensionId) ?? '',
      before: beforeFigure,
      after: afterFigure,
      then: thenFigure,
      followUp: followUp?.figures.get(dimensionId) ?? null,
      shift: {
        afterMinusBefore: difference(afterFigure, beforeFigure),
        afterMinusThen: difference(afterFigure, thenFigure),
        followUpMinusBefore: difference(followUp?.figures.get(dimensionId) ?? null, beforeFigure),
      },
    };
  });
  return { min: scale.min, max: scale.max, minLabel: scale.minLabel, maxLabel: scale.maxLabel, before, after, followUp: followUp?.phase ?? null, dimensions, privacyFloor };
}

// ------------------------------------------------------------------ follow-up pulses

/**
 * The pulses merged (src/shared/followUp.ts): per dimension the counts added up
 * across pulses, the floor applied to the MERGED n (several small pulses make one
 * figure the room can see, as several groups do). Only pulses on the session's
 * scale count; a pulse whose statement came with its counts withheld (fewer
 * ratings than the exporting laptop's floor: only n travelled) adds nothing to
 * that statement's figure, whose n is then the ratings its mean rests on. Null
 * when no pulse has answers. Each pulse id counts once (the first given).
 */
export function mergePulses(pulses: readonly PulseTotals[], scale: Pick<SelfCheckQuestion, 'min' | 'max'>, dimensionIds: readonly string[], privacyFloor: number): { phase: FollowUpPhaseFigures; figures: Map<string, RatingFigure> } | null {
  const seen = new Set<string>();
  const counted = pulses.filter((pulse) => {
    if (seen.has(pulse.pulseId) || pulse.min !== scale.min || pulse.max !== scale.max || pulse.respondents === 0) return false;
    seen.add(pulse.pulseId);
    return true;
  });
  if (counted.length === 0) return null;
  const days = (pick: (pulse: PulseTotals) => string | null) => counted.map(pick).filter((day): day is string => day !== null).sort();
  const first = days((pulse) => pulse.firstAnswerOn);
  const last = days((pulse) => pulse.lastAnswerOn);
  const phase: FollowUpPhaseFigures = {
    pulses: counted.length,
    respondents: counted.reduce((sum, pulse) => sum + pulse.respondents, 0),
    firstAnswerOn: first[0] ?? null,
    lastAnswerOn: last[last.length - 1] ?? null,
  };
  const figures = new Map<string, RatingFigure>();
  for (const dimensionId of dimensionIds) {
    const counts = emptyCounts(scale);
    let asked = false;
    for (const pulse of counted) {
      const line = pulse.dimensions.find((dimension) => dimension.dimensionId === dimensionId);
      if (!line) continue;
      asked = true;
      for (const [value, count] of Object.entries(line.counts ?? {})) {
        // A value off the scale cannot be one (the import refuses such a file): left out rather than trusted.
        if (ratingOf(scale, value) !== null && count > 0) counts[value] = (counts[value] ?? 0) + count;
      }
    }
    if (asked) figures.set(dimensionId, figureOfCounts(counts, privacyFloor));
  }
  return { phase, figures };
}

/** The day (YYYY-MM-DD) of an ISO time. */
const dayOf = (at: string): string => at.slice(0, 10);

/**
 * A pulse session's totals (src/shared/followUp.ts): per statement of its
 * self-check how many rated each value, how many people answered, and the days
 * of the first and last answers. Raw counts: an export applies the floor to each
 * statement, the figures to the merged n. Null when the session has no self-check.
 */
export function pulseTotalsOf(record: Pick<SessionRecord, 'id' | 'slides' | 'votes'>): PulseTotals | null {
  const entry = selfCheckSlidesOf(record.slides)[0];
  if (!entry) return null;
  const question = entry.slide.question;
  const ratings = ratingsByItem(question, record.votes);
  const index = selfCheckItemIndex(record.slides);
  let firstAnswerOn: string | null = null;
  let lastAnswerOn: string | null = null;
  for (const vote of record.votes) {
    if (index.get(vote.questionId)?.question.id !== question.id || ratingOf(question, vote.optionId) === null) continue;
    const day = dayOf(vote.at);
    if (firstAnswerOn === null || day < firstAnswerOn) firstAnswerOn = day;
    if (lastAnswerOn === null || day > lastAnswerOn) lastAnswerOn = day;
  }
  return {
    pulseId: record.id,
    min: question.min,
    max: question.max,
    respondents: selfCheckRespondents(record.slides, record.votes, question.id),
    firstAnswerOn,
    lastAnswerOn,
    dimensions: question.statements.map(({ dimension }) => {
      const counts = emptyCounts(question);
      const values = ratings.get(selfCheckItemId(question.id, dimension)) ?? [];
      for (const value of values) counts[String(value)] = (counts[String(value)] ?? 0) + 1;
      return { dimensionId: dimension, n: values.length, counts };
    }),
  };
}

/** A pulse's totals as a file carries them: each statement's counts withheld (null, n kept) under the floor. */
export function pulseTotalsForExport(totals: PulseTotals, privacyFloor: number): PulseTotals {
  return {
    ...totals,
    dimensions: totals.dimensions.map((line) => ({ ...line, counts: line.counts === null || line.n === 0 || isBelowFloor(line.n, privacyFloor) ? null : recordOf(Object.entries(line.counts)) })),
  };
}

export * from './ownSelfCheck';
