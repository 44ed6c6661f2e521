// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { answerSession, sampleWords } from '../../components/answers/testSession';
import { ProjectedSlide } from './ProjectedSlide';

afterEach(cleanup);

describe('the projector on an open question', () => {
  it('shows the prompt and how many answered before the reveal, never the texts', () => {
    render(<ProjectedSlide session={answerSession('open')} joinUrl={undefined} label="Slide" />);
    expect(screen.getByRole('heading', { name: 'One word for the best boss' })).toBeTruthy();
    expect(screen.getByTestId('answer-count').textContent).toBe('4 answers');
    expect(screen.getByRole('status').textContent).toContain('Voting is open');
    expect(screen.queryByTestId('word-cloud')).toBeNull();
  });

  it('once revealed, shows every phrase in the cloud, a ranked list beside it and a table for screen readers', () => {
    render(<ProjectedSlide session={answerSession('open', { status: 'closed', revealed: true, words: sampleWords })} joinUrl={undefined} label="Slide" />);
    const cloud = screen.getByTestId('word-cloud');
    expect(Array.from(cloud.querySelectorAll('li')).map((li) => li.textContent).sort()).toEqual(['gave me room to grow', 'listens', 'trust']);
    expect(cloud.querySelector('li[data-count="3"]')!.textContent).toBe('trust');
    const list = screen.getByRole('list', { name: 'Answers, most given first' });
    expect(within(list).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['trust3', 'listens2', 'gave me room to grow1']);
    const table = screen.getByRole('table', { name: /One word for the best boss: answers and how many gave each/ });
    expect(within(table).getAllByRole('row')).toHaveLength(4);
  });

  it('says so when every answer was hidden', () => {
    render(<ProjectedSlide session={answerSession('open', { status: 'closed', revealed: true, words: [], hiddenCount: 4 })} joinUrl={undefined} label="Slide" />);
    expect(screen.getByText('No answers to show')).toBeTruthy();
  });
});

describe('the projector on a rating', () => {
  it('shows the scale before the reveal, and the distribution with the mean after', () => {
    const { rerender } = render(<ProjectedSlide session={answerSession('rating')} joinUrl={undefined} label="Slide" />);
    expect(screen.getByText('Rate from 1 (Not at all) to 5 (Very).')).toBeTruthy();
    expect(screen.queryByTestId('scale-bars')).toBeNull();
    rerender(<ProjectedSlide session={answerSession('rating', { status: 'closed', revealed: true, totals: { '1': 0, '2': 1, '3': 0, '4': 2, '5': 1 }, mean: 3.75 })} joinUrl={undefined} label="Slide" />);
    const bars = screen.getByTestId('scale-bars');
    expect(Array.from(bars.querySelectorAll('li')).map((li) => [li.getAttribute('data-value'), li.getAttribute('data-count')])).toEqual([
      ['1', '0'],
      ['2', '1'],
      ['3', '0'],
      ['4', '2'],
      ['5', '1'],
    ]);
    expect(screen.getByTestId('scale-mean').textContent).toBe('Average3.81 to 5 · 4 answers');
    const table = screen.getByRole('table', { name: /How useful was this\?: answers per value, average 3.8/ });
    expect(within(table).getByRole('rowheader', { name: '1 (Not at all)' })).toBeTruthy();
    expect(within(table).getByRole('rowheader', { name: '5 (Very)' })).toBeTruthy();
  });
});
