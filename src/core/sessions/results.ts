/**
 * `results.get` (PROTOCOL.md): every question's figures in slide order, in the
 * shape its type takes: `totals` (choice), `answers` and `words` (text), or
 * `answers`, `counts` and `mean` (scale). A question voted on again carries
 * `rounds`, first to last; its top-level figures are the last round's. A round
 * not revealed is empty (an earlier round was revealed before the next began).
 */
import type { ChoiceRoundResult, QuestionResult, ResultsOutput, ScaleRoundResult, TextRoundResult } from '../../shared/contract';
import { askedQuestionsOf, type AskedQuestion, type SessionRecord } from '../../shared/model';
import { scaleMean } from '../../shared/openAnswers';
import { emptyRecord, hasKey } from '../../shared/records';
import { cloudAnswersOf, cloudOf, currentRound, handCountsOfRound, isRevealed, openAnswerList } from '../../shared/summary';
import { tallyQuestion, votesByQuestion, votesOfRound } from '../../shared/tally';

type RoundResult = ChoiceRoundResult | TextRoundResult | ScaleRoundResult;

function roundResult(record: SessionRecord, question: AskedQuestion, questionVotes: readonly SessionRecord['votes'][number][], round: number, shown: boolean, heldBack: (text: string) => boolean): RoundResult {
  const votes = votesOfRound(questionVotes, round);
  const hands = handCountsOfRound(record, question.id, round);
  const tally = tallyQuestion(question, votes, hands);
  const state = hasKey(record.questions, question.id) ? record.questions[question.id] : undefined;
  switch (question.type) {
    case 'choice':
      return { round, voteCount: tally.voteCount, totals: shown ? { ...tally.totals } : {}, totalsByGroup: shown ? { ...tally.totalsByGroup } : emptyRecord() };
    case 'text': {
      if (!shown) return { round, voteCount: tally.voteCount, answers: 0, words: [] };
      const answers = openAnswerList(question, votes, state, heldBack);
      return { round, voteCount: tally.voteCount, answers: cloudAnswersOf(answers).length, words: cloudOf(answers) };
    }
    case 'scale':
      return shown
        ? { round, voteCount: tally.voteCount, answers: tally.voteCount, counts: { ...tally.totals }, mean: scaleMean(question, tally.totals) }
        : { round, voteCount: tally.voteCount, answers: 0, counts: {}, mean: null };
  }
}

export function resultsOf(record: SessionRecord, heldBack: (text: string) => boolean): Omit<ResultsOutput, 'selfCheck'> {
  const byQuestion = votesByQuestion(record.votes);
  return {
    questions: askedQuestionsOf(record.slides).map((question): QuestionResult => {
      const votes = byQuestion.get(question.id) ?? [];
      const last = currentRound(record, question.id);
      const revealed = isRevealed(record, question.id);
      // An earlier round was revealed before the next one began: its figures stay the room's.
      const rounds = Array.from({ length: last }, (_, index) => roundResult(record, question, votes, index + 1, index + 1 < last || revealed, heldBack));
      const top = rounds[last - 1]!;
      const base = { questionId: question.id, prompt: question.prompt, dimension: question.dimension ?? '', revealed, voteCount: top.voteCount, round: last };
      const strip = ({ round: _round, voteCount: _count, ...figures }: RoundResult) => figures;
      const withRounds = last > 1 ? { rounds } : {};
      if (question.type === 'choice') return { ...base, type: 'choice', ...(strip(top) as Omit<ChoiceRoundResult, 'round' | 'voteCount'>), ...(withRounds as { rounds?: ChoiceRoundResult[] }) };
      if (question.type === 'text') return { ...base, type: 'text', ...(strip(top) as Omit<TextRoundResult, 'round' | 'voteCount'>), ...(withRounds as { rounds?: TextRoundResult[] }) };
      return { ...base, type: 'scale', min: question.min, max: question.max, ...(strip(top) as Omit<ScaleRoundResult, 'round' | 'voteCount'>), ...(withRounds as { rounds?: ScaleRoundResult[] }) };
    }),
  };
}
