/**
 * The session's exports: the CSV for a spreadsheet and the JSON archive. Both are
 * built from the one summary's rule of what may leave the core: a question's
 * choices only once the facilitator revealed it, unless the export asks for the
 * rest (`includeUnrevealed`), and then the file says so.
 */
import { toCsv } from '../../shared/csv';
import { commitmentQuestionIds, questionsOf, type SessionRecord } from '../../shared/model';
import { summarizeCommitments } from '../../shared/commitments';
import { emptyRecord, recordOf } from '../../shared/records';
import { isRevealed, summarizeSession } from '../../shared/summary';
import { selfCheckItemId } from '../../shared/model';
import { isSelfCheckVote, selfCheckFigures, type RatingFigure } from '../../shared/selfCheck';

export interface ExportOptions {
  includeUnrevealed?: boolean | undefined;
  /** The privacy floor (settings): a self-check figure on fewer ratings stays out. */
  privacyFloor?: number | undefined;
}

/**
 * docs/protocol.md's columns first (questionId, voterId, optionId, at), then `source`
 * (group, phone or hands) and `count` (1 for a vote, the number of hands for a hand
 * count), so a spreadsheet's sum of `count` is the number of answers.
 */
export const CSV_HEADER = [
  'questionId',
  'voterId',
  'optionId',
  'at',
  'source',
  'count',
  'voterKind',
  'groupId',
  'groupName',
  'optionLabel',
  'optionStyle',
  'dimension',
  'prompt',
  'revealed',
] as const;

/** One row per vote and one per hand-counted option (count > 0), in the session's question order, votes as cast. */
export function sessionCsv(record: SessionRecord, options: ExportOptions = {}): string {
  const groups = new Map(record.groups.map((g) => [g.id, g.name]));
  const rows: (string | number)[][] = [];
  const questions = questionsOf(record.slides);
  const included = new Set(questions.filter((q) => options.includeUnrevealed === true || isRevealed(record, q.id)).map((q) => q.id));
  const byId = new Map(questions.map((q) => [q.id, q]));
  for (const vote of record.votes) {
    const question = byId.get(vote.questionId);
    if (!question || !included.has(question.id)) continue;
    const option = question.options.find((o) => o.id === vote.optionId);
    if (!option) continue;
    rows.push([
      vote.questionId,
      vote.voterId,
      vote.optionId,
      vote.at,
      vote.voterKind === 'group' ? 'group' : 'phone',
      1,
      vote.voterKind,
      vote.groupId ?? '',
      vote.groupId ? (groups.get(vote.groupId) ?? '') : '',
      option.label,
      option.style,
      question.dimension,
      question.prompt,
      isRevealed(record, question.id) ? 'yes' : 'no',
    ]);
  }
  for (const question of questions) {
    if (!included.has(question.id) || !Object.hasOwn(record.handCounts, question.id)) continue;
    const counts = record.handCounts[question.id]!;
    for (const option of question.options) {
      const count = Object.hasOwn(counts, option.id) ? counts[option.id]! : 0;
      if (count <= 0) continue;
      // A hand count has no single voter and no moment of its own.
      rows.push([question.id, 'hands', option.id, '', 'hands', count, 'hands', '', '', option.label, option.style, question.dimension, question.prompt, isRevealed(record, question.id) ? 'yes' : 'no']);
    }
  }
  rows.push(...selfCheckRows(record, options));
  rows.push(...commitmentRows(record, options));
  return toCsv(CSV_HEADER, rows);
}

/**
 * Commitments in the CSV: one row each, by no one (`voterId` "room", `source`
 * "commitment", no time, no group), the words under `optionLabel`, grouped by
 * dimension and sorted by their words, so no row can be tied to a phone, a group
 * or a moment. Only once shown (revealed, or asked for); hidden ones never.
 */
function commitmentRows(record: SessionRecord, options: ExportOptions): (string | number)[][] {
  const rows: (string | number)[][] = [];
  for (const figures of summarizeCommitments(record, { includeUnrevealed: options.includeUnrevealed === true })) {
    if (!figures.shown) continue;
    for (const theme of figures.themes) {
      for (const text of theme.texts ?? []) rows.push([figures.questionId, 'room', '', '', 'commitment', 1, 'room', '', '', text, '', theme.dimensionId, figures.prompt, figures.revealed ? 'yes' : 'no']);
    }
  }
  return rows;
}

/**
 * The self-check in the CSV: never a person's rating, only the room's count per
 * value and statement (`voterId` "room", `source` "self-check"), like a hand
 * count; a statement rated by fewer people than the privacy floor is left out.
 */
function selfCheckRows(record: SessionRecord, options: ExportOptions): (string | number)[][] {
  const figures = selfCheckFigures(record, { includeUnrevealed: options.includeUnrevealed, privacyFloor: options.privacyFloor });
  if (!figures) return [];
  const rows: (string | number)[][] = [];
  const add = (selfCheckId: string, revealed: boolean, dimension: string, statement: string, then: boolean, figure: RatingFigure | null) => {
    if (!figure?.counts) return;
    for (const [value, count] of Object.entries(figure.counts)) {
      if (count <= 0) continue;
      const label = then ? `then: ${value}` : value;
      rows.push([selfCheckItemId(selfCheckId, dimension, then), 'room', value, '', 'self-check', count, 'room', '', '', label, '', dimension, statement, revealed ? 'yes' : 'no']);
    }
  };
  for (const line of figures.dimensions) {
    if (figures.before) add(figures.before.selfCheckId, figures.before.revealed, line.dimensionId, line.statement, false, line.before);
    if (figures.after) {
      add(figures.after.selfCheckId, figures.after.revealed, line.dimensionId, line.statement, false, line.after);
      add(figures.after.selfCheckId, figures.after.revealed, line.dimensionId, line.statement, true, line.then);
    }
  }
  return rows;
}

/**
 * The JSON archive: `format: 'plenary-session'`, version 2. `session` reads back as
 * a session record; without `includeUnrevealed` its votes and hand counts on
 * questions not revealed are left out, and `withheld` counts them. `summary` is
 * the summary of what the file holds.
 */
export function sessionArchive(record: SessionRecord, exportedAt: string, options: ExportOptions = {}) {
  const includeUnrevealed = options.includeUnrevealed === true;
  const withheldQuestions = new Set<string>();
  let withheldVotes = 0;
  const session = structuredClone(record);
  // A person's self-check never leaves the core: the file has the room's figures (summary.selfCheck), not the answers.
  session.votes = session.votes.filter((vote) => !isSelfCheckVote(record.slides, vote));
  const selfCheckAnswers = record.votes.length - session.votes.length;
  // Nor are commitments tied to their writers: the file has them by dimension (summary.commitments), not as votes.
  const commitmentIds = commitmentQuestionIds(record.slides);
  session.votes = session.votes.filter((vote) => !commitmentIds.has(vote.questionId));
  const commitments = record.votes.length - selfCheckAnswers - session.votes.length;
  if (!includeUnrevealed) {
    session.votes = session.votes.filter((vote) => {
      if (isRevealed(record, vote.questionId)) return true;
      withheldQuestions.add(vote.questionId);
      withheldVotes += 1;
      return false;
    });
    const handCounts = emptyRecord<Record<string, number>>();
    for (const [questionId, counts] of Object.entries(record.handCounts)) {
      if (isRevealed(record, questionId)) {
        handCounts[questionId] = recordOf(Object.entries(counts));
        continue;
      }
      const hands = Object.values(counts).reduce((sum, count) => sum + Math.max(0, count), 0);
      if (hands > 0) {
        withheldQuestions.add(questionId);
        withheldVotes += hands;
      }
    }
    session.handCounts = handCounts;
  }
  return {
    format: 'plenary-session',
    version: 2,
    exportedAt,
    includesUnrevealed: includeUnrevealed,
    withheld: { questions: withheldQuestions.size, answers: withheldVotes, selfCheckAnswers, commitmentAnswers: commitments },
    // The self-check's figures with the privacy floor, whatever the rest of the summary's breakdowns show.
    summary: { ...summarizeSession(record, { includeUnrevealed }), selfCheck: selfCheckFigures(record, { includeUnrevealed, privacyFloor: options.privacyFloor }) },
    session,
  };
}
