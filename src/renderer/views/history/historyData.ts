/**
 * The history's and the comparison's arrangement, kept out of the views so it is
 * tested on its own: search, whether a selection can be compared, and the rows of
 * the comparison's radar and tables. Every figure comes from each session's
 * summary (`reports.get`); nothing is counted here.
 */
import type { Question, Session, SessionSummary } from '../../../shared/model';
import { formatShare } from '../../../shared/profile';
import type { QuestionFigures, SessionSummaryReport } from '../../../shared/summary';
import type { FollowUpPhaseFigures, RatingFigure } from '../../../shared/selfCheck';

/** True when every word of the query appears in the session's title, workshop, facilitator or date. */
export function matchesQuery(session: SessionSummary, query: string): boolean {
  const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = [session.title, session.workshopTitle, session.facilitator, session.createdAt.slice(0, 10), formatWhen(session.createdAt)].join(' ').toLowerCase();
  return words.every((word) => haystack.includes(word));
}

/**
 * One line of the history: a workshop's session, or a follow-up pulse
 * (src/shared/followUp.ts) listed right under the session it follows up (its
 * `parent`; null when that session is gone), never as a run of its own.
 */
export interface HistoryEntry {
  session: SessionSummary;
  parent: SessionSummary | null;
}

/** The follow-up pulses of a session, in the list's order. */
export function pulsesOf(sessions: readonly SessionSummary[], sessionId: string): SessionSummary[] {
  return sessions.filter((session) => session.followUpOf === sessionId);
}

/**
 * The history's lines for a search: each workshop's session (newest first, as the
 * list comes) with its pulses under it. A search that finds a pulse shows its
 * session too, and one that finds a session shows its pulses, so a pulse is never
 * listed without the session it belongs to (unless that session was deleted).
 */
export function historyEntries(sessions: readonly SessionSummary[], query: string): HistoryEntry[] {
  const byId = new Map(sessions.map((session) => [session.id, session]));
  const isPulseOfKnown = (session: SessionSummary) => session.followUpOf !== null && byId.has(session.followUpOf);
  const entries: HistoryEntry[] = [];
  for (const session of sessions) {
    if (isPulseOfKnown(session)) continue;
    const pulses = pulsesOf(sessions, session.id);
    const shown = matchesQuery(session, query) || pulses.some((pulse) => matchesQuery(pulse, query));
    if (!shown) continue;
    // A pulse whose session is gone still says what it is.
    entries.push({ session, parent: null });
    for (const pulse of pulses) entries.push({ session: pulse, parent: session });
  }
  return entries;
}

/** What the delete confirmation says: the votes go, and a session's follow-up pulses with it. */
export function deleteMessage(session: SessionSummary, pulses: readonly SessionSummary[]): string {
  const votes = `${session.voteCount} vote${session.voteCount === 1 ? '' : 's'}`;
  if (session.followUpOf !== null) return `This follow-up pulse “${session.title}” and its ${votes} will be deleted for good; imported pulse files of its session stay. Export the pulse file first if you may need it.`;
  if (pulses.length === 0) return `“${session.title}” and its ${votes} will be deleted for good. Export the CSV or JSON first if you may need them.`;
  const answers = pulses.reduce((sum, pulse) => sum + pulse.voteCount, 0);
  return `“${session.title}” and its ${votes} will be deleted for good, and its follow-up pulse goes too (${answers} answer${answers === 1 ? '' : 's'}). Export the CSV or JSON, and the pulse file, first if you may need them.`;
}

/** Why these sessions cannot be compared, or null when they can. */
export function compareProblem(sessions: readonly Pick<SessionSummary, 'workshopId' | 'workshopTitle'>[]): string | null {
  if (sessions.length < 2) return 'Select at least two sessions of the same workshop.';
  const workshops = new Set(sessions.map((session) => session.workshopId));
  if (workshops.size > 1) return 'These sessions come from different workshops; only sessions of one workshop can be compared.';
  return null;
}

/** A session's date and time in the reader's words. */
export function formatWhen(iso: string, locale?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString(locale, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
}

/**
 * A calendar day (YYYY-MM-DD, as the follow-up's dates are kept) in the reader's
 * words: "3 Feb 2026", or long: "Tuesday, 3 February 2026". The day as written,
 * whatever the reader's time zone.
 */
export function dayText(isoDay: string, locale?: string, long = false): string {
  const date = new Date(`${isoDay}T12:00:00Z`);
  if (Number.isNaN(date.getTime())) return isoDay;
  return date.toLocaleDateString(locale, long ? { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' } : { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });
}

export interface ComparedSession {
  session: Session;
  summary: SessionSummaryReport;
}

export function compared(sessions: readonly Session[], summaries: readonly SessionSummaryReport[]): ComparedSession[] {
  return sessions.map((session, index) => ({ session, summary: summaries[index]! }));
}

/** The dimensions of the sessions compared, in the first session's order, then any others. */
function dimensionOrder(items: readonly ComparedSession[]): { id: string; name: string }[] {
  const order: { id: string; name: string }[] = [];
  const seen = new Set<string>();
  for (const { session } of items) {
    for (const dimension of session.dimensions) {
      if (seen.has(dimension.id)) continue;
      seen.add(dimension.id);
      order.push({ id: dimension.id, name: dimension.name });
    }
  }
  return order;
}

export interface RadarAxis {
  dimensionId: string;
  name: string;
  /** Per session (in order): the leader share as a percentage, or null where the session did not cover it. */
  values: (number | null)[];
  /** Titles of the sessions that did not cover it (no revealed answers on it). */
  notCovered: string[];
}

/**
 * The one radar's axes: every dimension at least one session covered, the same for
 * all; a session that did not cover one has no point on that spoke (not a zero).
 * Dimensions nobody covered are returned apart, to be named under the chart.
 */
export function compareAxes(items: readonly ComparedSession[]): { axes: RadarAxis[]; uncovered: string[] } {
  const axes: RadarAxis[] = [];
  const uncovered: string[] = [];
  for (const { id, name } of dimensionOrder(items)) {
    const values = items.map(({ summary }) => {
      const share = summary.profile.room.dimensions.find((d) => d.dimensionId === id)?.leaderShare ?? null;
      return share === null ? null : Math.round(share * 1000) / 10;
    });
    if (values.every((value) => value === null)) uncovered.push(name);
    else axes.push({ dimensionId: id, name, values, notCovered: items.filter((_, index) => values[index] === null).map(({ session }) => session.title) });
  }
  return { axes, uncovered };
}

export interface DimensionRow {
  dimensionId: string;
  name: string;
  /** Per session (in order): leader share and the votes it rests on. */
  cells: { leaderShare: number | null; votes: number }[];
}

/** Leader share per dimension, a column per session. Dimensions in the first session's order, then any others. */
export function dimensionRows(items: readonly ComparedSession[]): DimensionRow[] {
  return dimensionOrder(items).map(({ id, name }) => ({
    dimensionId: id,
    name,
    cells: items.map(({ summary }) => {
      const share = summary.profile.room.dimensions.find((d) => d.dimensionId === id);
      return { leaderShare: share?.leaderShare ?? null, votes: share?.counts.total ?? 0 };
    }),
  }));
}

export type ScenarioCell =
  | { state: 'missing' }
  | { state: 'hidden' }
  | { state: 'noVotes' }
  | { state: 'voted'; majority: string; majorityShare: number | null; leaderShare: number | null; votes: number; divided: boolean };

export interface ScenarioRow {
  questionId: string;
  name: string;
  prompt: string;
  cells: ScenarioCell[];
}

/** "B", or "A / B" on a tie. */
function majorityLetters(figures: QuestionFigures): string {
  const summary = figures.figures!;
  return summary.options
    .filter((option) => summary.majorityOptionIds.includes(option.id))
    .map((option) => option.letter)
    .join(' / ');
}

/**
 * Each scenario's result per session: the most-chosen option and its share, and
 * the leader share. Scenarios are matched by question id, in the first session's
 * order; a session whose copy of the workshop lacks one shows it as missing.
 */
export function scenarioRows(items: readonly ComparedSession[]): ScenarioRow[] {
  const order: { question: Question; title: string; number: number }[] = [];
  const seen = new Set<string>();
  for (const { session } of items) {
    let number = 0;
    for (const slide of session.slides) {
      if (slide.kind !== 'scenario') continue;
      number += 1;
      if (seen.has(slide.question.id)) continue;
      seen.add(slide.question.id);
      order.push({ question: slide.question, title: slide.title, number });
    }
  }
  return order.map(({ question, title, number }) => ({
    questionId: question.id,
    name: title.trim() || `Scenario ${number}`,
    prompt: question.prompt,
    cells: items.map(({ summary }): ScenarioCell => {
      const figures = summary.questions.find((q) => q.questionId === question.id);
      if (!figures) return { state: 'missing' };
      if (!figures.shown || !figures.figures) return figures.votes === 0 ? { state: 'noVotes' } : { state: 'hidden' };
      if (figures.votes === 0) return { state: 'noVotes' };
      return {
        state: 'voted',
        majority: majorityLetters(figures),
        majorityShare: figures.figures.majorityShare,
        leaderShare: figures.figures.leaderShare,
        votes: figures.votes,
        divided: figures.figures.divided,
      };
    }),
  }));
}

/** A scenario cell in words, e.g. "B · 62%". */
export function scenarioCellText(cell: ScenarioCell): string {
  switch (cell.state) {
    case 'missing':
      return 'not in this session';
    case 'hidden':
      return 'not revealed';
    case 'noVotes':
      return 'no votes';
    default:
      return `${cell.majority} · ${formatShare(cell.majorityShare)}`;
  }
}

/** One open question or rating across the sessions compared: per session, its top phrases or its mean, once revealed. */
export interface AnswerRow {
  questionId: string;
  type: 'text' | 'scale';
  name: string;
  prompt: string;
  cells: { state: 'shown' | 'hidden' | 'none'; text: string; answers: number }[];
}

/** How many phrases of an open question the comparison names per session. */
const TOP_WORDS = 3;

/** The open questions and ratings of the sessions compared, in the first session's order: what each room said or rated. */
export function answerRows(items: readonly ComparedSession[]): AnswerRow[] {
  const rows = new Map<string, AnswerRow>();
  items.forEach(({ summary }, index) => {
    for (const figures of summary.answerQuestions) {
      let row = rows.get(figures.questionId);
      if (!row) {
        row = { questionId: figures.questionId, type: figures.type, name: figures.heading, prompt: figures.prompt, cells: items.map(() => ({ state: 'none' as const, text: 'not asked', answers: 0 })) };
        rows.set(figures.questionId, row);
      }
      let text = figures.votes === 0 ? 'no answers' : 'not revealed';
      if (figures.shown && figures.votes > 0) {
        if (figures.type === 'text') text = (figures.words ?? []).slice(0, TOP_WORDS).map((word) => `${word.text} (${word.count})`).join(', ') || 'no answers to show';
        else text = figures.mean === null ? 'no answers' : `average ${(Math.round(figures.mean * 10) / 10).toFixed(1)} of ${figures.min} to ${figures.max}`;
      }
      row.cells[index] = { state: figures.shown && figures.votes > 0 ? 'shown' : 'hidden', text, answers: figures.votes };
    }
  });
  return [...rows.values()];
}

/** One session's self-check of one dimension at the four points in time; null figures where it was not asked. */
export interface LearningCell {
  /** The session has no self-check at all (its workshop's copy had none). */
  noSelfCheck: boolean;
  before: RatingFigure | null;
  after: RatingFigure | null;
  then: RatingFigure | null;
  followUp: RatingFigure | null;
}

export interface LearningRow {
  dimensionId: string;
  name: string;
  /** Per session, in order. */
  cells: LearningCell[];
}

/**
 * The learning table of the comparison: per dimension, each session's room
 * before, after, then (looking back) and weeks later (its follow-up pulses), from
 * each summary's `selfCheck` (the privacy floor already applied by the core).
 * Dimensions in the first session's order, then any others. Empty when no session
 * has a self-check.
 */
export function learningRows(items: readonly ComparedSession[]): LearningRow[] {
  const order = new Map<string, string>();
  for (const { summary } of items) for (const line of summary.selfCheck?.dimensions ?? []) if (!order.has(line.dimensionId)) order.set(line.dimensionId, line.dimensionName);
  return [...order].map(([dimensionId, name]) => ({
    dimensionId,
    name,
    cells: items.map(({ summary }): LearningCell => {
      const line = summary.selfCheck?.dimensions.find((d) => d.dimensionId === dimensionId);
      return { noSelfCheck: summary.selfCheck === null, before: line?.before ?? null, after: line?.after ?? null, then: line?.then ?? null, followUp: line?.followUp ?? null };
    }),
  }));
}

/** A session's follow-up pulses in words: "14 people · 3 Feb to 12 Feb 2026", or that there is none yet. */
export function followUpLine(pulse: FollowUpPhaseFigures | null, locale?: string): string {
  if (!pulse) return 'no follow-up pulse yet';
  const people = `${pulse.respondents} ${pulse.respondents === 1 ? 'person' : 'people'}`;
  const day = (iso: string) => dayText(iso, locale);
  const pulses = pulse.pulses > 1 ? ` in ${pulse.pulses} pulses` : '';
  if (!pulse.firstAnswerOn || !pulse.lastAnswerOn) return `${people}${pulses}`;
  const when = pulse.firstAnswerOn === pulse.lastAnswerOn ? day(pulse.firstAnswerOn) : `${day(pulse.firstAnswerOn)} to ${day(pulse.lastAnswerOn)}`;
  return `${people}${pulses} · ${when}`;
}
