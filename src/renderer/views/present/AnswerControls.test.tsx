// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Session, Slide } from '../../../shared/model';
import type { OpenAnswer } from '../../../shared/summary';
import type { ApiClient } from '../../api/client';
import { ApiProvider } from '../../app/ApiContext';
import { answerSession } from '../../components/answers/testSession';
import { useSessionActions } from '../../components/session/useSessionActions';
import { AnswerControls } from './AnswerControls';

afterEach(cleanup);

const answer = (answerId: string, text: string, patch: Partial<OpenAnswer> = {}): OpenAnswer => ({ answerId, text, source: 'phone', groupId: null, hidden: false, heldBack: false, at: '2026-01-01T00:00:00.000Z', round: 1, ...patch });

function fakeApi(answers: OpenAnswer[]) {
  const call = vi.fn(async (name: string, _input: unknown) => {
    if (name === 'voting.answers') return { questionId: 'q-open', answers };
    if (name === 'voting.cast') return { ok: true };
    return {};
  });
  const api = { call, subscribe: () => () => {}, onConnection: () => () => {} };
  return { api: api as unknown as ApiClient, call };
}

function Harness({ session }: { session: Session }) {
  const actions = useSessionActions(session);
  return <AnswerControls session={session} slide={session.slides[0] as Extract<Slide, { kind: 'open' | 'rating' }>} actions={actions} />;
}

const groups = [
  { id: 'g1', name: 'Blue', color: '#0072b2', size: 4 },
  { id: 'g2', name: 'Red', color: '#d55e00', size: 4 },
];

describe('the presenter on an open question', () => {
  it('lists the answers as they come in, hides one with one click, and lets a held-back one through', async () => {
    const fake = fakeApi([answer('a1', 'Trust'), answer('a2', 'Listens', { hidden: true }), answer('a3', 'Damn good boss', { heldBack: true })]);
    render(
      <ApiProvider client={fake.api}>
        <Harness session={answerSession('open', { hiddenCount: 1, heldBackCount: 1 })} />
      </ApiProvider>,
    );
    await waitFor(() => expect(screen.getByText('Trust')).toBeTruthy());
    const held = screen.getByRole('region', { name: /Held back by the word list \(1\)/ });
    expect(within(held).getByText('Damn good boss')).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Answers (2) · 1 hidden' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Hide: Trust' }));
    await waitFor(() => expect(fake.call).toHaveBeenCalledWith('voting.setAnswerHidden', { sessionId: 'sess-1', questionId: 'q-open', answerId: 'a1', hidden: true }));
    fireEvent.click(screen.getByRole('button', { name: 'Show: Listens' }));
    await waitFor(() => expect(fake.call).toHaveBeenCalledWith('voting.setAnswerHidden', { sessionId: 'sess-1', questionId: 'q-open', answerId: 'a2', hidden: false }));
    fireEvent.click(screen.getByRole('button', { name: 'Let through: Damn good boss' }));
    await waitFor(() => expect(fake.call).toHaveBeenCalledWith('voting.releaseAnswer', { sessionId: 'sess-1', questionId: 'q-open', answerId: 'a3', released: true }));
  });

  it('takes a group’s answers typed at the laptop, up to 3 each', async () => {
    const fake = fakeApi([answer('b1', 'One', { source: 'group', groupId: 'g2' }), answer('b2', 'Two', { source: 'group', groupId: 'g2' }), answer('b3', 'Three', { source: 'group', groupId: 'g2' })]);
    render(
      <ApiProvider client={fake.api}>
        <Harness session={answerSession('open', {}, groups)} />
      </ApiProvider>,
    );
    await waitFor(() => expect(screen.getByText('Three')).toBeTruthy());
    const blue = screen.getByLabelText(/Blue/) as HTMLInputElement;
    fireEvent.change(blue, { target: { value: '  Fair  ' } });
    await act(async () => {
      fireEvent.submit(blue.closest('form')!);
    });
    expect(fake.call).toHaveBeenCalledWith('voting.cast', { sessionId: 'sess-1', questionId: 'q-open', voterId: 'g1', text: 'Fair' });
    await waitFor(() => expect(blue.value).toBe(''));
    const red = screen.getByLabelText(/Red/) as HTMLInputElement;
    expect(red.disabled).toBe(true);
    expect(red.placeholder).toBe('3 answers given');
  });
});

describe('the presenter on a rating', () => {
  it('lets each group rate with a button per value, and counts hands per value', async () => {
    const fake = fakeApi([]);
    render(
      <ApiProvider client={fake.api}>
        <Harness session={answerSession('rating', {}, groups)} />
      </ApiProvider>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Red rates 4' }));
    await waitFor(() => expect(fake.call).toHaveBeenCalledWith('voting.cast', { sessionId: 'sess-1', questionId: 'q-rate', voterId: 'g2', value: 4 }));
    cleanup();
    const hands = { ...answerSession('rating'), votingMode: 'hands' as const };
    render(
      <ApiProvider client={fake.api}>
        <Harness session={hands} />
      </ApiProvider>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'One more for 5' }));
    await waitFor(() => expect(fake.call).toHaveBeenCalledWith('voting.setCount', { sessionId: 'sess-1', questionId: 'q-rate', optionId: '5', count: 1 }));
  });

  it('opens, closes and reveals the question like a scenario', async () => {
    const fake = fakeApi([]);
    render(
      <ApiProvider client={fake.api}>
        <Harness session={answerSession('rating', { status: 'idle', voteCount: 0 })} />
      </ApiProvider>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Open voting (V)' }));
    await waitFor(() => expect(fake.call).toHaveBeenCalledWith('voting.open', { sessionId: 'sess-1', questionId: 'q-rate' }));
  });
});

describe('voting again on a revealed question', () => {
  it('offers Vote again once revealed, and starts the next round', async () => {
    const fake = fakeApi([]);
    render(
      <ApiProvider client={fake.api}>
        <Harness session={answerSession('rating', { status: 'closed', revealed: true, totals: { '1': 1, '2': 0, '3': 0, '4': 0, '5': 0 }, mean: 1 })} />
      </ApiProvider>,
    );
    // The same words and key as a scenario's Vote again: the round it starts, and N.
    fireEvent.click(screen.getByRole('button', { name: 'Vote again (N): round 2' }));
    await waitFor(() => expect(fake.call).toHaveBeenCalledWith('voting.reopen', { sessionId: 'sess-1', questionId: 'q-rate' }));
  });

  it('names the round Vote again starts once the question is in its second round', () => {
    render(
      <ApiProvider client={fakeApi([]).api}>
        <Harness session={answerSession('open', { status: 'closed', revealed: true, round: 2 })} />
      </ApiProvider>,
    );
    expect(screen.getByRole('button', { name: 'Vote again (N): round 3' })).toBeTruthy();
  });
});
