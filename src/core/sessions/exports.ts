/**
 * The session's exports: the CSV for a spreadsheet and the JSON archive. Both are
 * built from the one summary's rule of what may leave the core: a question's
 * choices only once the facilitator revealed it, unless the export asks for the
 * rest (`includeUnrevealed`), and then the file says so.
 */
import { toCsv } from '../../shared/csv';
import { questionsOf, type SessionRecord } from '../../shared/model';
import { emptyRecord, recordOf } from '../../shared/records';
import { isRevealed, summarizeSession } from '../../shared/summary';
import { anyRoundRevealed, handCountsOfRound, isRoundRevealed, questionRound, roundOfVote } from '../../shared/rounds';

export interface ExportOptions {
  includeUnrevealed?: boolean | undefined;
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
  'round',
] as const;

/** One row per vote and one per hand-counted option (count > 0), in the session's question order, votes as cast. */
export function sessionCsv(record: SessionRecord, options: ExportOptions = {}): string {
  const groups = new Map(record.groups.map((g) => [g.id, g.name]));
  const rows: (string | number)[][] = [];
  const questions = questionsOf(record.slides);
  const everything = options.includeUnrevealed === true;
  // A question voted on again keeps its revealed rounds in while its new round is hidden.
  const included = new Set(questions.filter((q) => everything || anyRoundRevealed(record, q.id)).map((q) => q.id));
  const byId = new Map(questions.map((q) => [q.id, q]));
  for (const vote of record.votes) {
    const question = byId.get(vote.questionId);
    if (!question || !included.has(question.id)) continue;
    const round = roundOfVote(vote);
    if (!everything && !isRoundRevealed(record, question.id, round)) continue;
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
      isRoundRevealed(record, question.id, round) ? 'yes' : 'no',
      round,
    ]);
  }
  for (const question of questions) {
    if (!included.has(question.id)) continue;
    for (let round = 1; round <= questionRound(record, question.id); round += 1) {
      const revealed = isRoundRevealed(record, question.id, round);
      if (!everything && !revealed) continue;
      const counts = handCountsOfRound(record, question.id, round);
      for (const option of question.options) {
        const count = Object.hasOwn(counts, option.id) ? counts[option.id]! : 0;
        if (count <= 0) continue;
        // A hand count has no single voter and no moment of its own.
        rows.push([question.id, 'hands', option.id, '', 'hands', count, 'hands', '', '', option.label, option.style, question.dimension, question.prompt, revealed ? 'yes' : 'no', round]);
      }
    }
  }
  return toCsv(CSV_HEADER, rows);
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
  if (!includeUnrevealed) {
    session.votes = record.votes.filter((vote) => {
      // Earlier rounds were revealed before the next began: they stay, and carry their round.
      if (isRoundRevealed(record, vote.questionId, roundOfVote(vote))) return true;
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
    withheld: { questions: withheldQuestions.size, answers: withheldVotes },
    summary: summarizeSession(record, { includeUnrevealed }),
    session,
  };
}
