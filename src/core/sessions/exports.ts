/**
 * The session's exports: the CSV for a spreadsheet and the JSON archive. Both are
 * built from the one summary's rule of what may leave the core: a question's
 * choices only once the facilitator revealed it, unless the export asks for the
 * rest (`includeUnrevealed`), and then the file says so.
 */
import { toCsv } from '../../shared/csv';
import { askedQuestionsOf, commitmentQuestionIds, selfCheckItemId, type AskedQuestion, type SessionRecord, type Vote } from '../../shared/model';
import { summarizeCommitments } from '../../shared/commitments';
import { emptyRecord, recordOf } from '../../shared/records';
import { currentRound, handCountsOfRound, isRevealed, summarizeSession } from '../../shared/summary';
import { answerKeys } from '../../shared/tally';
import { heldBackByWordList } from './sessionView';
import { anyRoundRevealed, isRoundRevealed, roundOfVote } from '../../shared/rounds';
import { isSelfCheckVote, selfCheckFigures, type RatingFigure, type SelfCheckOptions } from '../../shared/selfCheck';

export interface ExportOptions {
  includeUnrevealed?: boolean | undefined;
  /** The privacy floor (settings): a self-check figure on fewer ratings stays out. */
  privacyFloor?: number | undefined;
  /** The follow-up pulses' totals (src/shared/followUp.ts), for the archive's summary. */
  followUp?: SelfCheckOptions['followUp'];
}

/**
 * docs/protocol.md's columns first (questionId, voterId, optionId, at), then `source`
 * (group, phone or hands) and `count` (1 for a vote, the number of hands for a hand
 * count), so a spreadsheet's sum of `count` is the number of answers. Then, for
 * open answers and ratings (issue 19): the question's type, an open answer's
 * words (`text`), a rating's `value`, whether the facilitator hid the answer or
 * the word list holds it back (kept in the file, marked), and the round.
 * An open answer's optionId is the answer's own id; a rating's is its value.
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
  'questionType',
  'text',
  'value',
  'hidden',
  'heldBack',
  'round',
] as const;

/** What an option or a rating's value is called in a row: the option's label, the scale's end labels. */
function labelOf(question: AskedQuestion, key: string): { label: string; style: string } {
  if (question.type === 'choice') {
    const option = question.options.find((o) => o.id === key);
    return { label: option?.label ?? '', style: option?.style ?? '' };
  }
  if (question.type === 'scale') return { label: key === String(question.min) ? question.minLabel : key === String(question.max) ? question.maxLabel : '', style: '' };
  return { label: '', style: '' };
}

/** One row per vote and one per hand-counted option or value (count > 0), in the session's question order, votes as cast. */
export function sessionCsv(record: SessionRecord, options: ExportOptions = {}): string {
  const groups = new Map(record.groups.map((g) => [g.id, g.name]));
  const rows: (string | number)[][] = [];
  const questions = askedQuestionsOf(record.slides);
  const everything = options.includeUnrevealed === true;
  // Voting again: a question keeps its revealed rounds in while its new round is hidden.
  const included = new Set(questions.filter((q) => everything || anyRoundRevealed(record, q.id)).map((q) => q.id));
  const byId = new Map(questions.map((q) => [q.id, q]));
  const hiddenOf = new Map(questions.map((q) => [q.id, new Set(Object.hasOwn(record.questions, q.id) ? (record.questions[q.id]!.hiddenAnswers ?? []) : [])]));
  const releasedOf = new Map(questions.map((q) => [q.id, new Set(Object.hasOwn(record.questions, q.id) ? (record.questions[q.id]!.releasedAnswers ?? []) : [])]));
  const keysOf = new Map(questions.map((q) => [q.id, new Set(answerKeys(q))]));
  /** Whether a round was shown to the room: an earlier round always, the last once revealed. */
  const revealedText = (question: AskedQuestion, round: number) => (isRoundRevealed(record, question.id, round) ? 'yes' : 'no');
  const yesNo = (value: boolean) => (value ? 'yes' : 'no');
  const voteRow = (question: AskedQuestion, vote: Vote) => {
    const open = question.type === 'text';
    const { label, style } = labelOf(question, vote.optionId);
    const heldBack = open && !releasedOf.get(question.id)!.has(vote.optionId) && heldBackByWordList(vote.text ?? '');
    return [
      vote.questionId,
      vote.voterId,
      vote.optionId,
      vote.at,
      vote.voterKind === 'group' ? 'group' : 'phone',
      1,
      vote.voterKind,
      vote.groupId ?? '',
      vote.groupId ? (groups.get(vote.groupId) ?? '') : '',
      label,
      style,
      question.dimension ?? '',
      question.prompt,
      revealedText(question, roundOfVote(vote)),
      question.type,
      open ? (vote.text ?? '') : '',
      question.type === 'scale' ? Number(vote.optionId) : '',
      open ? yesNo(hiddenOf.get(question.id)!.has(vote.optionId)) : '',
      open ? yesNo(heldBack) : '',
      vote.round ?? 1,
    ];
  };
  // Commitments never appear as a phone's or a group's rows: commitmentRows lists them by no one.
  const commitmentIds = commitmentQuestionIds(record.slides);
  for (const vote of record.votes) {
    const question = byId.get(vote.questionId);
    if (!question || !included.has(question.id) || commitmentIds.has(question.id)) continue;
    if (!everything && !isRoundRevealed(record, question.id, roundOfVote(vote))) continue;
    if (question.type === 'text' ? vote.text === undefined : !keysOf.get(question.id)!.has(vote.optionId)) continue;
    rows.push(voteRow(question, vote));
  }
  for (const question of questions) {
    if (!included.has(question.id) || question.type === 'text') continue;
    for (let round = 1; round <= currentRound(record, question.id); round += 1) {
      if (!everything && !isRoundRevealed(record, question.id, round)) continue;
      const counts = handCountsOfRound(record, question.id, round);
      if (!counts) continue;
      for (const key of answerKeys(question)) {
        const count = Object.hasOwn(counts, key) ? counts[key]! : 0;
        if (count <= 0) continue;
        const { label, style } = labelOf(question, key);
        // A hand count has no single voter and no moment of its own.
        rows.push([question.id, 'hands', key, '', 'hands', count, 'hands', '', '', label, style, question.dimension ?? '', question.prompt, revealedText(question, round), question.type, '', question.type === 'scale' ? Number(key) : '', '', '', round]);
      }
    }
  }
  // Rows of the room as a whole: the trailing columns (type, text, value, hidden, held back, round) filled where they mean something.
  rows.push(...selfCheckRows(record, options));
  for (const row of commitmentRows(record, options)) rows.push([...row, 'text', row[9]!, '', 'no', '', 1]);
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
  for (const figures of summarizeCommitments(record, { includeUnrevealed: options.includeUnrevealed === true, heldBack: heldBackByWordList })) {
    if (!figures.shown) continue;
    for (const theme of figures.themes) {
      for (const text of theme.texts ?? []) rows.push([figures.questionId, 'room', '', '', 'commitment', 1, 'room', '', '', text, '', theme.dimensionId, figures.prompt, figures.revealed ? 'yes' : 'no']);
    }
  }
  return rows;
}

/** The questionId prefix of the follow-up pulses' rows in the CSV (`followUp--<dimension>`). */
export const FOLLOW_UP_CSV_ID = 'followUp';

/**
 * The self-check in the CSV: never a person's rating, only the room's count per
 * value and statement (`voterId` "room", `source` "self-check"), like a hand
 * count; a statement rated by fewer people than the privacy floor is left out.
 */
function selfCheckRows(record: SessionRecord, options: ExportOptions): (string | number)[][] {
  const figures = selfCheckFigures(record, { includeUnrevealed: options.includeUnrevealed, privacyFloor: options.privacyFloor, followUp: options.followUp });
  if (!figures) return [];
  const rows: (string | number)[][] = [];
  const add = (selfCheckId: string, revealed: boolean, dimension: string, statement: string, then: boolean, figure: RatingFigure | null, followUp = false) => {
    if (!figure?.counts) return;
    for (const [value, count] of Object.entries(figure.counts)) {
      if (count <= 0) continue;
      const label = then ? `then: ${value}` : followUp ? `follow-up: ${value}` : value;
      const questionId = followUp ? `${FOLLOW_UP_CSV_ID}--${dimension}` : selfCheckItemId(selfCheckId, dimension, then);
      rows.push([questionId, 'room', value, '', 'self-check', count, 'room', '', '', label, '', dimension, statement, revealed ? 'yes' : 'no', 'selfCheck', '', Number(value), '', '', 1]);
    }
  };
  for (const line of figures.dimensions) {
    if (figures.before) add(figures.before.selfCheckId, figures.before.revealed, line.dimensionId, line.statement, false, line.before);
    if (figures.after) {
      add(figures.after.selfCheckId, figures.after.revealed, line.dimensionId, line.statement, false, line.after);
      add(figures.after.selfCheckId, figures.after.revealed, line.dimensionId, line.statement, true, line.then);
    }
    // The follow-up pulses' merged counts (docs/follow-up.md): totals that count whatever the pulse's reveal state.
    if (figures.followUp) add(FOLLOW_UP_CSV_ID, true, line.dimensionId, line.statement, false, line.followUp, true);
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
  // A self-check's kept figures are the core's (src/shared/selfCheck.ts "Differencing"): the file has them as summary.selfCheck.
  for (const state of Object.values(session.questions)) delete state.shownFigures;
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
    summary: { ...summarizeSession(record, { includeUnrevealed, heldBack: heldBackByWordList }), selfCheck: selfCheckFigures(record, { includeUnrevealed, privacyFloor: options.privacyFloor, followUp: options.followUp }) },
    session,
  };
}
