/**
 * The follow-up figures (src/shared/selfCheck.ts): a pulse session's totals from
 * its votes, pulses merged per dimension with the floor on the merged n, and the
 * shift from before to the follow-up.
 */
import { describe, expect, it } from 'vitest';
import type { PulseTotals } from './followUp';
import type { SelfCheckQuestion, SessionRecord, Slide, Vote } from './model';
import { mergePulses, pulseTotalsForExport, pulseTotalsOf, selfCheckFigures, type SelfCheckSource } from './selfCheck';

const question = (id: string, phase: 'before' | 'after'): SelfCheckQuestion => ({
  id,
  prompt: 'How true?',
  phase,
  min: 1,
  max: 5,
  minLabel: 'No',
  maxLabel: 'Yes',
  thenPrompt: 'Then?',
  statements: [
    { dimension: 'power', statement: 'I share power.' },
    { dimension: 'risk', statement: 'I take risks.' },
  ],
});
const slide = (q: SelfCheckQuestion): Slide => ({ id: `slide-${q.id}`, kind: 'selfCheck', section: '', minutes: 0, notes: '', title: '', question: q });
const vote = (questionId: string, voterId: string, value: number, at = '2026-03-01T10:00:00.000Z'): Vote => ({ questionId, voterId, voterKind: 'device', groupId: null, optionId: String(value), at });

const pulseRecord = (votes: Vote[]): Pick<SessionRecord, 'id' | 'slides' | 'votes'> => ({ id: 'pulse-1', slides: [slide(question('pulse', 'before'))], votes });

const totals = (pulseId: string, power: Record<string, number> | null, n: number, respondents = n): PulseTotals => ({
  pulseId,
  min: 1,
  max: 5,
  respondents,
  firstAnswerOn: '2026-03-01',
  lastAnswerOn: '2026-03-02',
  dimensions: [{ dimensionId: 'power', n, counts: power }],
});

describe('pulseTotalsOf', () => {
  it('counts each phone’s latest rating per statement, the people who answered, and the days of the first and last answers', () => {
    const record = pulseRecord([
      vote('pulse--power', 'a', 2, '2026-03-02T08:00:00.000Z'),
      vote('pulse--power', 'b', 4, '2026-02-28T23:00:00.000Z'),
      vote('pulse--power', 'a', 5, '2026-03-03T08:00:00.000Z'), // a changes its mind: 5 replaces 2
      vote('pulse--risk', 'c', 3, '2026-03-01T12:00:00.000Z'),
      vote('pulse--risk', 'd', 9), // off the scale: not a rating
    ]);
    const result = pulseTotalsOf(record)!;
    expect(result).toMatchObject({ pulseId: 'pulse-1', min: 1, max: 5, respondents: 4, firstAnswerOn: '2026-02-28', lastAnswerOn: '2026-03-03' });
    expect(result.dimensions.map((line) => [line.dimensionId, line.n, { ...line.counts }])).toEqual([
      ['power', 2, { '1': 0, '2': 0, '3': 0, '4': 1, '5': 1 }],
      ['risk', 1, { '1': 0, '2': 0, '3': 1, '4': 0, '5': 0 }],
    ]);
  });

  it('has no answers before anyone answered, and no totals without a self-check', () => {
    expect(pulseTotalsOf(pulseRecord([]))).toMatchObject({ respondents: 0, firstAnswerOn: null, lastAnswerOn: null });
    expect(pulseTotalsOf({ id: 'x', slides: [], votes: [] })).toBeNull();
  });

  it('for a file, withholds a statement’s counts under the floor and keeps its n', () => {
    const file = pulseTotalsForExport(totals('p', { '1': 1, '2': 1, '3': 0, '4': 0, '5': 0 }, 2), 3);
    expect(file.dimensions[0]).toEqual({ dimensionId: 'power', n: 2, counts: null });
    expect(pulseTotalsForExport(totals('p', { '1': 3, '2': 0, '3': 0, '4': 0, '5': 0 }, 3), 3).dimensions[0]!.counts).toEqual({ '1': 3, '2': 0, '3': 0, '4': 0, '5': 0 });
  });
});

describe('mergePulses', () => {
  const scale = { min: 1, max: 5 };
  it('adds the counts per dimension across pulses, and applies the floor to the merged n', () => {
    const small = totals('a', { '1': 0, '2': 2, '3': 0, '4': 0, '5': 0 }, 2);
    const other = totals('b', { '1': 0, '2': 0, '3': 0, '4': 1, '5': 0 }, 1);
    // Alone each is under a floor of 3; together they make 3 ratings, shown.
    expect(mergePulses([small], scale, ['power'], 3)!.figures.get('power')).toEqual({ n: 2, mean: null, counts: null, withheld: true });
    const merged = mergePulses([small, other], scale, ['power'], 3)!;
    expect(merged.figures.get('power')).toMatchObject({ n: 3, mean: (2 + 2 + 4) / 3, withheld: false });
    expect(merged.phase).toEqual({ pulses: 2, respondents: 3, firstAnswerOn: '2026-03-01', lastAnswerOn: '2026-03-02' });
  });

  it('counts a pulse id once, leaves out pulses on another scale or without answers, and adds nothing for withheld counts', () => {
    const a = totals('a', { '1': 0, '2': 0, '3': 3, '4': 0, '5': 0 }, 3);
    const withheld = totals('w', null, 2);
    const otherScale = { ...totals('s', { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0, '6': 0, '7': 9 }, 9), max: 7 };
    const empty = totals('e', { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 }, 0, 0);
    const merged = mergePulses([a, a, withheld, otherScale, empty], scale, ['power', 'risk'], 0)!;
    expect(merged.phase.pulses).toBe(2);
    expect(merged.figures.get('power')).toMatchObject({ n: 3, mean: 3 });
    // No pulse asked "risk": no figure for it.
    expect(merged.figures.has('risk')).toBe(false);
    expect(mergePulses([empty], scale, ['power'], 0)).toBeNull();
  });
});

describe('selfCheckFigures with follow-up pulses', () => {
  it('gives per dimension the follow-up figure and followUp − before, whatever the pulse’s reveal state', () => {
    const before = question('sc-before', 'before');
    const source = {
      slides: [slide(before)],
      dimensions: [
        { id: 'power', name: 'Power', leader: 'shares', manager: 'holds' },
        { id: 'risk', name: 'Risk', leader: 'takes', manager: 'avoids' },
      ],
      questions: { 'sc-before': { status: 'closed', revealed: true, closesAt: null } },
      votes: [vote('sc-before--power', 'a', 1), vote('sc-before--power', 'b', 2), vote('sc-before--power', 'c', 3)],
    } satisfies SelfCheckSource;
    const pulse = totals('p', { '1': 0, '2': 0, '3': 0, '4': 2, '5': 1 }, 3);
    const figures = selfCheckFigures(source, { privacyFloor: 3, followUp: [pulse] })!;
    const power = figures.dimensions.find((line) => line.dimensionId === 'power')!;
    expect(power.followUp).toMatchObject({ n: 3, mean: 13 / 3 });
    expect(power.shift.followUpMinusBefore).toBeCloseTo(13 / 3 - 2, 12);
    expect(figures.followUp).toEqual({ pulses: 1, respondents: 3, firstAnswerOn: '2026-03-01', lastAnswerOn: '2026-03-02' });
    expect(figures.dimensions.find((line) => line.dimensionId === 'risk')!.followUp).toBeNull();
    // Without pulses: no follow-up anywhere.
    const plain = selfCheckFigures(source, { privacyFloor: 3 })!;
    expect(plain.followUp).toBeNull();
    expect(plain.dimensions[0]!.followUp).toBeNull();
    expect(plain.dimensions[0]!.shift.followUpMinusBefore).toBeNull();
  });
});
