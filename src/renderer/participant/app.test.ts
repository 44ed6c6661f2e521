// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startApp } from './app';
import { participantState } from './testFixtures';
import type { ParticipantState } from './types';

class FakeEventSource {
  static instances: FakeEventSource[] = [];
  readyState = 0;
  closed = false;
  onopen: (() => void) | null = null;
  onerror: (() => void) | null = null;
  private listeners: Record<string, ((event: { data: string }) => void)[]> = {};
  constructor(readonly url: string) {
    FakeEventSource.instances.push(this);
  }
  addEventListener(name: string, listener: (event: { data: string }) => void) {
    (this.listeners[name] ||= []).push(listener);
  }
  close() {
    this.closed = true;
    this.readyState = 2;
  }
  open() {
    this.readyState = 1;
    this.onopen?.();
  }
  state(state: unknown) {
    for (const listener of this.listeners.state || []) listener({ data: JSON.stringify(state) });
  }
  fail(readyState = 0) {
    this.readyState = readyState;
    this.onerror?.();
  }
}

const state = participantState;

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

let current: ParticipantState;
let getStatus: number;
let voteAnswers: (() => Promise<Response>)[];
let votes: { url: string; body: Record<string, unknown> }[];
let gets: number;
let app: { stop(): void } | null;

const $ = (selector: string) => document.querySelector<HTMLElement>(selector);
const option = (label: string) =>
  Array.from(document.querySelectorAll<HTMLButtonElement>('button.option')).find((b) => b.textContent!.includes(label))!;
const stream = () => FakeEventSource.instances[FakeEventSource.instances.length - 1]!;

function start(path = '/p/abc234'): void {
  window.history.replaceState(null, '', path);
  document.body.textContent = '';
  const root = document.createElement('div');
  document.body.appendChild(root);
  app = startApp(root);
}

beforeEach(() => {
  localStorage.clear();
  FakeEventSource.instances = [];
  current = state();
  getStatus = 200;
  voteAnswers = [];
  votes = [];
  gets = 0;
  vi.stubGlobal('EventSource', FakeEventSource);
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      if (init && init.method === 'POST') {
        votes.push({ url, body: JSON.parse(String(init.body)) });
        const answer = voteAnswers.shift();
        return answer ? answer() : json(200, { ok: true });
      }
      gets++;
      return getStatus === 200 ? json(200, current) : json(getStatus, { error: { code: 'not_found' } });
    }),
  );
});

afterEach(() => {
  if (app) app.stop();
  app = null;
  vi.unstubAllGlobals();
});

describe('the participant page', () => {
  it('joins by the code in the address and follows the event stream', async () => {
    start();
    expect($('#status')!.textContent).toBe('Connecting…');
    await vi.waitFor(() => expect($('#prompt')!.textContent).toBe('What would you do?'));
    expect(stream().url).toBe('/api/p/ABC234/events');
    stream().open();
    stream().state(state({ status: 'closed' }));
    expect($('#status')!.textContent).toBe('Voting is closed');
    stream().state(state(null));
    expect($('#status')!.textContent).toBe('Waiting for the next question');
  });

  it('says "Vote received" only after the host answered 200 {ok:true}', async () => {
    let answer!: (response: Response) => void;
    voteAnswers.push(() => new Promise<Response>((resolve) => (answer = resolve)));
    start();
    await vi.waitFor(() => expect(option('Decide alone')).toBeTruthy());
    option('Decide alone').click();
    expect(option('Decide alone').textContent).toContain('Sending…');
    expect(document.body.textContent).not.toContain('Vote received');
    expect(votes[0]!.url).toBe('/api/p/ABC234/vote');
    expect(votes[0]!.body).toMatchObject({ questionId: 'q1', optionId: 'b' });
    expect(String(votes[0]!.body.deviceId)).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(votes[0]!.body).not.toHaveProperty('groupId');
    answer(json(200, { ok: true }));
    await vi.waitFor(() => expect($('#vote-status')!.textContent).toBe('Vote received'));
    expect(option('Decide alone').getAttribute('aria-pressed')).toBe('true');

    // The choice survives a reload, and the device keeps its id.
    app!.stop();
    start();
    await vi.waitFor(() => expect(option('Decide alone').getAttribute('aria-pressed')).toBe('true'));
    option('Ask the team').click();
    await vi.waitFor(() => expect(option('Ask the team').getAttribute('aria-pressed')).toBe('true'));
    expect(votes[1]!.body.deviceId).toBe(votes[0]!.body.deviceId);
    expect(option('Decide alone').getAttribute('aria-pressed')).toBe('false');
  });

  it('names refusals and network failures, and retries', async () => {
    start();
    await vi.waitFor(() => expect(option('Ask the team')).toBeTruthy());
    voteAnswers.push(async () => json(409, { error: { code: 'conflict' } }));
    option('Ask the team').click();
    await vi.waitFor(() => expect($('#vote-status')!.textContent).toBe('Voting has closed'));

    voteAnswers.push(async () => json(429, { error: { code: 'rate_limited' } }));
    option('Ask the team').click();
    await vi.waitFor(() => expect($('#vote-status')!.textContent).toBe('Slow down a moment'));

    voteAnswers.push(() => Promise.reject(new TypeError('Failed to fetch')));
    option('Ask the team').click();
    await vi.waitFor(() => expect($('#vote-status')!.textContent).toBe('Not sent: check the Wi-Fi'));
    expect(option('Ask the team').getAttribute('aria-pressed')).toBe('false');
    ($('#retry') as HTMLButtonElement).click();
    await vi.waitFor(() => expect($('#vote-status')!.textContent).toBe('Vote received'));
    expect(votes).toHaveLength(4);
    expect($('#retry')!.hidden).toBe(true);
  });

  it('shows "Reconnecting…" while the stream is down and refetches on reconnect', async () => {
    start();
    await vi.waitFor(() => expect($('#prompt')).toBeTruthy());
    const es = stream();
    es.open();
    expect(gets).toBe(1);
    es.fail();
    expect($('#banner')!.textContent).toBe('Reconnecting…');
    current = state({ status: 'closed', results: { a: 2, b: 0 } });
    es.open();
    expect($('#banner')!.textContent).toBe('');
    await vi.waitFor(() => expect($('#results')!.hidden).toBe(false));
    expect(gets).toBe(2);
    expect($('#results')!.textContent).toContain('2 votes, 100%');
  });

  it('ends with a thank-you when the session ends', async () => {
    start();
    await vi.waitFor(() => expect($('#prompt')).toBeTruthy());
    stream().state({ session: { title: 'Team day', groups: [] }, question: null, ended: true });
    expect($('#status')!.textContent).toBe('This session has ended. Thank you!');
    expect(stream().closed).toBe(true);
  });

  it('offers the join form for a wrong code, and for none', async () => {
    getStatus = 404;
    start('/p/ZZZZZZ');
    await vi.waitFor(() => expect($('#status')!.textContent).toBe('No running session has that code'));
    expect(($('#code') as HTMLInputElement).value).toBe('ZZZZZZ');
    expect(FakeEventSource.instances).toHaveLength(0);
    app!.stop();
    start('/p/');
    expect($('#status')!.textContent).toBe('Type the code shown on the screen.');
    expect(gets).toBe(1);
    ($('#code') as HTMLInputElement).value = 'abc';
    $('form')!.dispatchEvent(new Event('submit', { cancelable: true }));
    expect($('#status')!.textContent).toBe('A join code has 6 letters and digits');
  });

  it('asks for the group once per session and sends it with votes', async () => {
    current = state({}, [
      { id: 'g1', name: 'Blue' },
      { id: 'g2', name: 'Red' },
    ]);
    start();
    await vi.waitFor(() => expect($('h2')!.textContent).toBe('Which group are you in?'));
    Array.from(document.querySelectorAll<HTMLButtonElement>('button.group-choice'))[1]!.click();
    expect($('#group')!.textContent).toContain('Red');
    option('Ask the team').click();
    await vi.waitFor(() => expect($('#vote-status')!.textContent).toBe('Vote received'));
    expect(votes[0]!.body.groupId).toBe('g2');

    app!.stop();
    start();
    await vi.waitFor(() => expect($('#prompt')).toBeTruthy());
    expect($('#group')!.textContent).toContain('Red');
  });
});
