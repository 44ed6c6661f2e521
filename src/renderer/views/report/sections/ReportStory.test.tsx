// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { RatingFigure, SelfCheckFigures } from '../../../../shared/selfCheck';
import { summarizeSession, type SessionSummaryReport } from '../../../../shared/summary';
import { storySlides, storySource, storyVotes } from '../storyFixture';
import { ReportLearning } from './ReportLearning';
import { ReportStory, storyParts } from './ReportStory';

afterEach(cleanup);

const summaryOf = (patch: Parameters<typeof storySource>[0] = {}, privacyFloor = 3) => summarizeSession(storySource(patch), { privacyFloor });

/** The parts as drawn, in page order. */
const partsDrawn = (container: HTMLElement) => [...container.querySelectorAll('[data-story-part]')].map((part) => part.getAttribute('data-story-part'));
const part = (name: string) => screen.getByRole('region', { name: new RegExp(`^${name}`) });

const figure = (mean: number, n: number): RatingFigure => ({ n, mean, counts: null, withheld: false });

/** The follow-up pack's figures (its core is built elsewhere): the pulse beside before and after. */
function withFollowUp(summary: SessionSummaryReport): SessionSummaryReport {
  const selfCheck = summary.selfCheck!;
  const followUp: SelfCheckFigures = {
    ...selfCheck,
    followUp: { pulses: 2, respondents: 4, firstAnswerOn: '2026-02-02', lastAnswerOn: '2026-02-16' },
    dimensions: selfCheck.dimensions.map((line) => {
      const pulse = line.dimensionId === 'risk' ? { n: 2, mean: null, counts: null, withheld: true } : figure(line.dimensionId === 'power' ? 4.25 : 2.5, 4);
      return { ...line, followUp: pulse, shift: { ...line.shift, followUpMinusBefore: pulse.mean !== null && line.before?.mean != null ? pulse.mean - line.before.mean : null } };
    }),
  };
  return { ...summary, selfCheck: followUp };
}

describe('The session in brief', () => {
  it('tells the four parts in order: reaction, learning, moved most, commitments', () => {
    const summary = summaryOf();
    expect(storyParts(summary)).toEqual(['reaction', 'learning', 'moved', 'commitments']);
    const { container } = render(<ReportStory summary={summary} />);
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('The session in brief');
    expect(partsDrawn(container)).toEqual(['reaction', 'learning', 'moved', 'commitments']);
    expect(screen.getAllByRole('heading', { level: 3 }).map((heading) => heading.textContent)).toEqual([
      'Reaction: how people rated it',
      'Learning: before, after, then',
      'Moved most: what the discussion moved',
      'Commitments: what people will do',
    ]);
  });

  it('gives each rating its mean on its scale, its answers and its distribution, and says what it rests on', () => {
    render(<ReportStory summary={summaryOf()} />);
    const reaction = part('Reaction');
    // 4, 5, 5, 3, 4: mean 4.2 on 1 to 5.
    expect(within(reaction).getByTestId('scale-mean').textContent).toBe('Average4.21 to 5 · 5 answers');
    const bars = [...reaction.querySelectorAll('[data-value]')].map((bar) => [bar.getAttribute('data-value'), bar.getAttribute('data-count')]);
    expect(bars).toEqual([
      ['1', '0'],
      ['2', '0'],
      ['3', '1'],
      ['4', '2'],
      ['5', '2'],
    ]);
    expect(reaction.textContent).toContain('How useful was today?');
    expect(reaction.textContent).toContain('Rests on 5 answers: 5 phone votes.');
  });

  it('leads learning with the biggest shifts either way, says who it rests on, and withholds what the floor holds back', () => {
    render(<ReportStory summary={summaryOf()} />);
    const learning = part('Learning');
    expect(within(learning).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      'Power rose from 2.0 to 5.0 (+3.0); then (looking back) 1.0.',
      'Focus fell from 3.0 to 2.0 (−1.0); then (looking back) 3.0.',
    ]);
    // Risk: two ratings before, under the floor of 3.
    expect(learning.textContent).toContain('Withheld: fewer than 3 ratings on Risk.');
    expect(learning.textContent).toContain('Rests on the self-check of 5 people before and 5 after (before: 2 to 5 ratings · then: 5 ratings · after: 5 ratings).');
    expect(learning.textContent).toContain('“The self-check” below');
    expect(learning.textContent).not.toContain('weeks later');
  });

  it('ranks the scenarios voted on again as MovedRanking does, with the answers per round', () => {
    render(<ReportStory summary={summaryOf()} />);
    const moved = part('Moved most');
    const rows = within(moved).getAllByRole('row').slice(1);
    expect(rows.map((row) => [within(row).getByRole('rowheader').textContent, row.querySelector('[data-direction]')!.textContent])).toEqual([
      ['Scenario 1 · Power', '+60'],
      ['Scenario 2 · Focus', '−20'],
    ]);
    expect(moved.textContent).toContain('Rests on 5 answers per round. A round with fewer than 3 answers is not compared (withheld).');
  });

  it('counts commitments by contrast, the most first, with no words and no writer', () => {
    render(<ReportStory summary={summaryOf()} />);
    const commitments = part('Commitments');
    expect(within(commitments).getAllByRole('listitem').map((item) => item.textContent)).toEqual(['Power 2', 'Risk 1']);
    expect(commitments.textContent).toContain('Rests on 3 commitments from 3 people and groups.');
    expect(commitments.textContent).not.toContain('I will');
    for (const phone of ['p1', 'p2', 'p3']) expect(document.body.textContent).not.toMatch(new RegExp(`\\b${phone}\\b`));
  });

  it('leaves out the parts the session does not have, and the whole section when it has none', () => {
    const noRatingNoCommitments = storySlides.filter((slide) => slide.kind !== 'rating' && slide.kind !== 'commitments');
    const first = render(<ReportStory summary={summaryOf({ slides: noRatingNoCommitments })} />);
    expect(partsDrawn(first.container)).toEqual(['learning', 'moved']);
    first.unmount();

    // Voted once only, no self-check: reaction and commitments.
    const onceOnly = summaryOf({
      slides: storySlides.filter((slide) => slide.kind !== 'selfCheck'),
      questions: { 'q-power': { status: 'closed', revealed: true, closesAt: null }, 'q-commit': { status: 'closed', revealed: true, closesAt: null }, 'q-useful': { status: 'closed', revealed: true, closesAt: null } },
      votes: storyVotes().filter((vote) => vote.round !== 2),
    });
    const second = render(<ReportStory summary={onceOnly} />);
    expect(partsDrawn(second.container)).toEqual(['reaction', 'commitments']);
    second.unmount();

    // A rating nobody saw revealed is no reaction yet.
    const unrevealedRating = summaryOf({ slides: storySlides.filter((slide) => slide.kind === 'rating'), questions: { 'q-useful': { status: 'closed', revealed: false, closesAt: null } } });
    const third = render(<ReportStory summary={unrevealedRating} />);
    expect(third.container.innerHTML).toBe('');
  });

  it('applies a higher floor: every self-check mean and every round comparison withheld, and said so', () => {
    render(<ReportStory summary={summaryOf({}, 6)} />);
    const learning = part('Learning');
    expect(within(learning).queryAllByRole('listitem')).toHaveLength(0);
    expect(learning.textContent).toContain('Too few people rated both times to compare before and after.');
    expect(learning.textContent).toContain('Withheld: fewer than 6 ratings on Power, Focus, Risk.');
    const moved = part('Moved most');
    expect(within(moved).queryByRole('table')).toBeNull();
    expect(within(moved).getByRole('list', { name: 'Voted on again, not compared' }).textContent).toContain('Fewer than 6 answers in a round: not shown');
    expect(moved.textContent).toContain('A round with fewer than 6 answers is not compared (withheld).');
    expect(document.body.textContent).not.toContain('5.0');
  });

  it('adds the follow-up pulse, weeks later, when the summary has one', () => {
    render(<ReportStory summary={withFollowUp(summaryOf())} />);
    const learning = part('Learning');
    expect(within(learning).getByRole('heading').textContent).toBe('Learning: before, after, then, weeks later');
    expect(within(learning).getAllByRole('listitem')[0]!.textContent).toBe('Power rose from 2.0 to 5.0 (+3.0); then (looking back) 1.0; weeks later 4.3.');
    expect(learning.textContent).toMatch(/Weeks later, 4 people answered the follow-up pulse over 2 pulses, .*2026 to .*2026\./);
    expect(learning.textContent).toContain('Withheld: fewer than 3 ratings on Risk.');
    expect(learning.textContent).toContain('weeks later: 2 to 4 ratings');
  });
});

describe('ReportLearning', () => {
  const columns = () => [...screen.getByTestId('self-check-table').querySelectorAll('thead th')].map((cell) => cell.textContent);
  const row = (name: string) => [...screen.getByTestId('self-check-table').querySelectorAll('tbody tr')].find((tr) => tr.querySelector('th')?.textContent === name)!;

  it('has no follow-up column without a pulse', () => {
    render(<ReportLearning summary={summaryOf()} />);
    expect(columns()).toEqual(['Dimension', 'Before', 'Then (looking back)', 'After', 'After − before', 'After − then']);
  });

  it('shows "Weeks later" beside before and after once the summary has a follow-up pulse', () => {
    render(<ReportLearning summary={withFollowUp(summaryOf())} />);
    expect(columns()).toEqual(['Dimension', 'Before', 'Then (looking back)', 'After', 'After − before', 'After − then', 'Weeks later', 'Weeks later − before']);
    expect([...row('Power').querySelectorAll('td')].slice(-2).map((cell) => cell.textContent)).toEqual(['4.3 (n = 4)', '+2.3']);
    expect([...row('Risk').querySelectorAll('td')].slice(-2).map((cell) => cell.textContent)).toEqual(['too few to show (n = 2)', '–']);
    expect(screen.getByRole('region', { name: /The self-check/ }).textContent).toContain('Weeks later, 4 people answered the follow-up pulse');
  });
});
