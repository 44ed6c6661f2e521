import { describe, expect, it } from 'vitest';
import type { Session } from '../../../shared/model';
import type { AnswerQuestionFigures, SessionSummaryReport } from '../../../shared/summary';
import { answerRows, type ComparedSession } from './historyData';

const base = { slideId: 's', slideIndex: 0, number: 1, dimensionId: null, dimensionName: null, status: 'closed' as const, round: 1, sources: { group: 0, phone: 3, hands: 0 }, groupsVoted: [], phonesVoted: 3, phonesByGroup: {} };

function text(shown: boolean, words: { text: string; count: number }[]): AnswerQuestionFigures {
  return { ...base, type: 'text', questionId: 'q-open', heading: 'Warm-up', prompt: 'One word', revealed: shown, shown, votes: 5, hiddenCount: 1, heldBackCount: 0, cloudAnswers: shown ? 4 : null, words: shown ? words : null, answers: null, rounds: null };
}

function scale(mean: number | null): AnswerQuestionFigures {
  return { ...base, type: 'scale', questionId: 'q-rate', heading: 'Rating 1', prompt: 'How useful?', revealed: true, shown: true, votes: 4, min: 1, max: 5, minLabel: '', maxLabel: '', counts: {}, values: [], mean, breakdown: [], rounds: null };
}

const item = (answerQuestions: AnswerQuestionFigures[]): ComparedSession => ({ session: {} as Session, summary: { answerQuestions } as unknown as SessionSummaryReport });

describe('comparing open questions and ratings', () => {
  it('names each room’s top answers and each rating’s average, once revealed', () => {
    const rows = answerRows([
      item([text(true, [{ text: 'trust', count: 3 }, { text: 'fair', count: 2 }, { text: 'kind', count: 1 }, { text: 'calm', count: 1 }]), scale(3.75)]),
      item([text(false, [])]),
    ]);
    expect(rows.map((row) => row.name)).toEqual(['Warm-up', 'Rating 1']);
    expect(rows[0]!.cells.map((cell) => cell.text)).toEqual(['trust (3), fair (2), kind (1)', 'not revealed']);
    expect(rows[1]!.cells.map((cell) => cell.text)).toEqual(['average 3.8 of 1 to 5', 'not asked']);
  });
});
