// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { PlenaryEvent } from '../../../shared/contract';
import type { Session } from '../../../shared/model';
import type { ApiClient } from '../../api/client';
import { ApiProvider } from '../../app/ApiContext';
import { summarizeSession } from '../../../shared/summary';
import { hiddenSession, recordOf, testSession } from '../../components/charts/testFixtures';
import ResultsView from './ResultsView';
import { ResultsSlideBody } from './ResultsSlideBody';

function fakeApi(initial: Session) {
  let session = initial;
  const listeners = new Set<(event: PlenaryEvent) => void>();
  const connectionListeners = new Set<(connected: boolean) => void>();
  const call = vi.fn(async (name: string) => {
    if (name === 'sessions.get') return session;
    if (name === 'reports.get') return summarizeSession(recordOf(session));
    throw new Error(`unexpected ${name}`);
  });
  const api = {
    call,
    // Nothing read ahead here: the view opens with its loading state, then its reads.
    peekPrefetched: () => undefined,
    subscribe: (listener: (event: PlenaryEvent) => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onConnection: (listener: (connected: boolean) => void) => {
      connectionListeners.add(listener);
      return () => connectionListeners.delete(listener);
    },
  };
  const emit = (event: PlenaryEvent) => act(() => listeners.forEach((listener) => listener(event)));
  /** The event stream drops or comes back. */
  const connection = (connected: boolean) => act(() => connectionListeners.forEach((listener) => listener(connected)));
  /** What the host holds from now on (events about it may never arrive). */
  const hostHolds = (next: Session) => {
    session = next;
  };
  return { api: api as unknown as ApiClient, emit, connection, hostHolds, call };
}

function renderResults(session: Session) {
  const fake = fakeApi(session);
  const result = render(
    <ApiProvider client={fake.api}>
      <ResultsView sessionId={session.id} />
    </ApiProvider>,
  );
  return { ...result, ...fake };
}

/** Opens every chart's table, as "Show table" does (a closed table is not built). */
function showTables(root: ParentNode = document) {
  for (const details of root.querySelectorAll('details')) {
    if (details.open) continue;
    details.open = true;
    fireEvent(details, new Event('toggle'));
  }
}

function tableOf(name: string): string[][] {
  showTables();
  const table = screen.getByRole('table', { name });
  return [...table.querySelectorAll('tbody tr')].map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent ?? ''));
}

afterEach(cleanup);

// The charts load lazily; transforming recharts the first time can take seconds on a busy machine.
beforeAll(async () => {
  await import('../../components/charts');
});
const slow = { timeout: 10_000 };

describe('ResultsView', () => {
  it('shows the room profile, group profiles, consensus and each revealed scenario as charts with tables', async () => {
    const { container } = renderResults(testSession());
    expect(await screen.findByRole('heading', { name: 'Tuesday workshop' }, slow)).toBeTruthy();
    expect(screen.getByText('3 of 4 scenarios revealed')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Report' }).getAttribute('href')).toBe('#/report/sess1');
    expect(screen.getByRole('link', { name: '← Back to presenting' }).getAttribute('href')).toBe('#/present/sess1');
    expect(screen.getByRole('link', { name: 'Library' }).getAttribute('href')).toBe('#/');

    // Radar, lean, leader-like answer, consensus, three scenarios.
    await waitFor(() => expect(container.querySelectorAll('.recharts-surface')).toHaveLength(7), slow);

    const figures = within(screen.getByRole('list', { name: 'Key figures' }))
      .getAllByRole('listitem')
      .map((item) => item.textContent);
    expect(figures).toEqual([
      '53%of all choices were leader-like',
      // q1 L7 M3, q2 L4 M4 N2, q3 L5 M5: L16 M12 N2; 16/30 leader-like, lean (16 - 12) / 28
      '14% toward leaderthe room’s lean, leader-like against manager-like',
      '2of 3 scenarios divided the room',
      'Scenario 2 · Focussplit the room most (40% for the top answer)',
    ]);

    expect(tableOf('Share of leader-like choices per dimension').map((row) => row.slice(0, 1).concat(row.slice(3, 5)))).toEqual([
      ['Power', '70%', '10'],
      ['Focus', '40%', '10'],
      ['Risk', '50%', '10'],
      ['Change', '–', '0'],
    ]);
    expect(tableOf('Scenarios from most divided to most agreed').map((row) => [row[1], row[4]])).toEqual([
      ['Scenario 2 · Focus', '40%'],
      ['Scenario 3 · Risk', '50%'],
      ['Scenario 1 · Power', '70%'],
    ]);
    showTables();
    expect(screen.getAllByRole('table', { name: 'Votes per option' })).toHaveLength(3);
    expect(screen.getByText('1 scenario is not revealed yet; it appears here once revealed.')).toBeTruthy();
  });

  it('splits a scenario by group on demand', async () => {
    const { container } = renderResults(testSession());
    const article = (await screen.findByRole('heading', { name: 'What would you do in q1?' }, slow)).closest('article')!;
    await waitFor(() => expect(article.querySelector('.recharts-surface')).not.toBeNull(), slow);
    fireEvent.click(within(article).getByLabelText('Split by group'));
    await waitFor(() => {
      showTables(article);
      expect(within(article).getByRole('table', { name: 'Votes per option and group' })).toBeTruthy();
    }, slow);
    expect(within(article).getByRole('list', { name: 'Groups' }).textContent).toBe('RedBluePhones, no group');
    expect(container.querySelectorAll('.recharts-surface').length).toBeGreaterThan(0);
  });

  it('shows a friendly empty state when nothing is revealed, then the charts once a vote is', async () => {
    const { container, emit, hostHolds } = renderResults(hiddenSession());
    expect(await screen.findByText('No results yet')).toBeTruthy();
    expect(screen.getByText(/Reveal a vote in the presenter view and it appears here/)).toBeTruthy();
    expect(container.querySelector('.recharts-surface')).toBeNull();

    const revealed = testSession({ updatedAt: '2026-01-01T11:00:00.000Z' });
    hostHolds(revealed);
    emit({ name: 'voting.revealed', data: { sessionId: 'sess1', session: revealed } });
    await waitFor(() => expect(container.querySelectorAll('.recharts-surface').length).toBeGreaterThan(0), slow);
    expect(screen.queryByText('No results yet')).toBeNull();
  });
  it('catches up when the event stream comes back: a reveal made while it was down appears', async () => {
    const { container, connection, hostHolds, call } = renderResults(hiddenSession());
    expect(await screen.findByText('No results yet')).toBeTruthy();
    connection(false);
    hostHolds(testSession({ updatedAt: '2026-01-01T11:00:00.000Z' }));
    connection(true);
    await waitFor(() => expect(container.querySelectorAll('.recharts-surface').length).toBeGreaterThan(0), slow);
    expect(screen.queryByText('No results yet')).toBeNull();
    expect(call.mock.calls.filter(([name]) => name === 'sessions.get')).toHaveLength(2);
  });
});

describe('ResultsSlideBody', () => {
  it('draws the room radar compactly for a results slide', async () => {
    const { api } = fakeApi(testSession());
    const { container } = render(
      <ApiProvider client={api}>
        <ResultsSlideBody session={testSession()} />
      </ApiProvider>,
    );
    await waitFor(() => expect(container.querySelector('.recharts-surface')).not.toBeNull(), slow);
    expect(container.querySelector('table')).toBeNull();
    expect(container.textContent).toContain('53% of the room’s 30 choices were leader-like');
  });

  it('says there are no results yet when nothing is revealed', async () => {
    const { api } = fakeApi(hiddenSession());
    render(
      <ApiProvider client={api}>
        <ResultsSlideBody session={hiddenSession()} />
      </ApiProvider>,
    );
    expect(await screen.findByText(/No results yet/)).toBeTruthy();
  });
});
