import { describe, expect, it } from 'vitest';
import { summarizeCommitments, type CommitmentSource } from './commitments';
import type { Dimension, Slide, Vote } from './model';
import { recordOf } from './records';

const dimensions: Dimension[] = [
  { id: 'vision', name: 'Vision', leader: 'Sets direction', manager: 'Plans the work' },
  { id: 'trust', name: 'Trust', leader: 'Trusts', manager: 'Checks' },
];

const slides: Slide[] = [
  { id: 's1', kind: 'title', section: '', minutes: 1, notes: '', title: 'Hi', subtitle: '' },
  { id: 's2', kind: 'commitments', section: '', minutes: 8, notes: '', title: '', question: { id: 'c', type: 'text', prompt: 'What will you do?', debrief: '' } },
];

let n = 0;
function commitment(voterId: string, dimensionId: string, text: string, groupId: string | null = null, voterKind: Vote['voterKind'] = 'device'): Vote {
  n += 1;
  return { questionId: 'c', voterId, voterKind, groupId, optionId: `a${n}`, text, dimensionId, at: `2026-01-15T09:${String(n).padStart(2, '0')}:00.000Z` };
}

function source(votes: Vote[], revealed: boolean, hiddenAnswers: string[] = []): CommitmentSource {
  return { slides, dimensions, questions: recordOf([['c', { status: 'closed', revealed, closesAt: null, hiddenAnswers }]]), votes };
}

describe('commitments by dimension', () => {
  const votes = [
    commitment('phone-aaaa1', 'trust', 'I will stop checking every email'),
    commitment('phone-aaaa1', 'vision', 'I will share the why'),
    commitment('phone-bbbb2', 'vision', 'I will ask what blocks them'),
    commitment('phone-cccc3', 'trust', 'Something rude'),
  ];

  it('counts every theme, lists no texts before the reveal, and keeps hidden answers out', () => {
    const [figures] = summarizeCommitments(source(votes, false, [votes[3]!.optionId]));
    expect(figures).toMatchObject({ questionId: 'c', heading: 'Commitments', shown: false, count: 3, hiddenCount: 1, writers: 2 });
    expect(figures!.themes).toEqual([
      { dimensionId: 'vision', name: 'Vision', count: 2, texts: null },
      { dimensionId: 'trust', name: 'Trust', count: 1, texts: null },
    ]);
  });

  it('lists the texts once revealed, sorted by their words rather than by when (or by whom) they were written', () => {
    const [figures] = summarizeCommitments(source(votes, true, [votes[3]!.optionId]));
    expect(figures!.themes.map((theme) => theme.texts)).toEqual([['I will ask what blocks them', 'I will share the why'], ['I will stop checking every email']]);
    expect(JSON.stringify(figures)).not.toContain('phone-');
    expect(JSON.stringify(figures)).not.toContain('Something rude');
  });

  it('splits by group only above the privacy floor: small groups merge, and the split carries counts alone', () => {
    const grouped = [
      commitment('p1xxxxxx', 'vision', 'I will a', 'g1'),
      commitment('p2xxxxxx', 'trust', 'I will b', 'g1'),
      commitment('p3xxxxxx', 'trust', 'I will c', 'g2'),
      commitment('p4xxxxxx', 'trust', 'I will d', null),
    ];
    const [figures] = summarizeCommitments(source(grouped, true), {
      floor: { kept: [{ id: 'g1', name: 'North' }], merged: new Set(['g2']), othersShown: false, othersName: 'Other groups', restName: 'Phones with no group, and small groups' },
    });
    expect(figures!.byGroup).toEqual([
      { key: 'group:g1', kind: 'group', name: 'North', counts: [1, 1], total: 2 },
      { key: 'rest', kind: 'rest', name: 'Phones with no group, and small groups', counts: [0, 2], total: 2 },
    ]);
  });
});
