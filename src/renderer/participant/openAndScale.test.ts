// @vitest-environment jsdom
/** The phone's page for open answers and ratings (PROTOCOL.md "Question types on phones"), through the app with a fake host. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startApp } from './app';
import type { ParticipantState } from './types';
import type { ParticipantScaleQuestion, ParticipantTextQuestion } from '../../shared/participant';

function textState(patch: Partial<ParticipantTextQuestion> = {}): ParticipantState {
  return { session: { title: 'Team day', groups: [] }, question: { id: 'q-open', type: 'text', prompt: 'One word for the best boss', status: 'open', results: null, ...patch } };
}

function scaleState(patch: Partial<ParticipantScaleQuestion> = {}): ParticipantState {
  return {
    session: { title: 'Team day', groups: [] },
    question: { id: 'q-rate', type: 'scale', prompt: 'How useful was this?', min: 1, max: 5, minLabel: 'Not at all', maxLabel: 'Very', status: 'open', results: null, ...patch },
  };
}

class FakeEventSource {
  static last: FakeEventSource | null = null;
  readyState = 1;
  onopen: (() => void) | null = null;
  onerror: (() => void) | null = null;
  private listeners: ((event: { data: string }) => void)[] = [];
  constructor(readonly url: string) {
    FakeEventSource.last = this;
  }
  addEventListener(_name: string, listener: (event: { data: string }) => void) {
    this.listeners.push(listener);
  }
  close() {}
  state(state: unknown) {
    for (const listener of this.listeners) listener({ data: JSON.stringify(state) });
  }
}

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
const $ = (selector: string) => document.querySelector<HTMLElement>(selector);
const $$ = (selector: string) => Array.from(document.querySelectorAll<HTMLElement>(selector));

let current: ParticipantState;
let answers: Response[];
let sent: Record<string, unknown>[];
let app: { stop(): void } | null = null;

function start() {
  window.history.replaceState(null, '', '/p/abc234');
  document.body.textContent = '';
  const root = document.createElement('div');
  document.body.appendChild(root);
  app = startApp(root);
}

function type(text: string) {
  const input = $('#answer') as HTMLInputElement;
  input.value = text;
  input.dispatchEvent(new Event('input'));
  ($('form.answer-form') as HTMLFormElement).dispatchEvent(new Event('submit', { cancelable: true }));
}

beforeEach(() => {
  localStorage.clear();
  answers = [];
  sent = [];
  vi.stubGlobal('EventSource', FakeEventSource);
  vi.stubGlobal(
    'fetch',
    vi.fn(async (_url: string, init?: RequestInit) => {
      if (init?.method === 'POST') {
        sent.push(JSON.parse(String(init.body)));
        return answers.shift() ?? json(200, { ok: true });
      }
      return json(200, current);
    }),
  );
});

afterEach(() => {
  app?.stop();
  app = null;
  vi.unstubAllGlobals();
});

describe('an open question on the phone', () => {
  it('counts the characters, sends the trimmed answer and lists the phone’s own answers', async () => {
    current = textState();
    start();
    await vi.waitFor(() => expect($('#prompt')!.textContent).toBe('One word for the best boss'));
    expect(document.querySelector('label[for="answer"]')!.textContent).toBe('Your answer');
    expect(($('#answer') as HTMLInputElement).maxLength).toBe(140);
    const input = $('#answer') as HTMLInputElement;
    input.value = '  Listens  ';
    input.dispatchEvent(new Event('input'));
    expect($('#answer-count')!.textContent).toBe('7 / 140');
    type('  Listens  ');
    await vi.waitFor(() => expect($('#vote-status')!.textContent).toBe('Answer received'));
    expect(sent[0]).toMatchObject({ questionId: 'q-open', text: 'Listens' });
    expect(sent[0]).not.toHaveProperty('optionId');
    expect($$('.mine li').map((li) => li.textContent)).toEqual(['Listens']);
    expect(input.value).toBe('');
    expect($('#answer-count')!.textContent).toBe('0 / 140');
  });

  it('says so when nothing was typed, and sends nothing', async () => {
    current = textState();
    start();
    await vi.waitFor(() => expect($('#answer')).toBeTruthy());
    type('   ');
    expect($('#vote-status')!.textContent).toBe('Type an answer first');
    expect(sent).toEqual([]);
  });

  it('takes 3 answers, then says the phone has given them and hides the field', async () => {
    current = textState();
    start();
    await vi.waitFor(() => expect($('#answer')).toBeTruthy());
    for (const word of ['Trust', 'Listens', 'Clear']) {
      type(word);
      await vi.waitFor(() => expect($$('.mine li').map((li) => li.textContent)).toContain(word));
    }
    expect($('#answer-limit')!.textContent).toBe('You have given 3 answers');
    expect(($('form.answer-form') as HTMLElement).hidden).toBe(true);
    // Kept across a reload.
    app!.stop();
    start();
    await vi.waitFor(() => expect($$('.mine li').map((li) => li.textContent)).toEqual(['Trust', 'Listens', 'Clear']));
    expect($('#answer-limit')!.textContent).toBe('You have given 3 answers');
  });

  it('puts the host’s 409 on an open question in plain words (answers given elsewhere), and a 400 too', async () => {
    current = textState();
    start();
    await vi.waitFor(() => expect($('#answer')).toBeTruthy());
    answers.push(json(400, { error: { code: 'invalid_input', message: 'too long' } }));
    type('x');
    await vi.waitFor(() => expect($('#vote-status')!.textContent).toBe('That answer was not accepted: use 1 to 140 characters'));
    answers.push(json(409, { error: { code: 'conflict', message: 'You have given 3 answers' } }));
    type('Fourth');
    await vi.waitFor(() => expect($('#answer-limit')!.textContent).toBe('You have given 3 answers'));
    expect(($('form.answer-form') as HTMLElement).hidden).toBe(true);
  });

  it('shows the revealed words with their counts, as text', async () => {
    current = textState({ status: 'closed', results: { answers: 5, words: [{ text: 'trust', count: 3 }, { text: '<b>kind</b>', count: 2 }] } });
    start();
    await vi.waitFor(() => expect($('#results')!.hidden).toBe(false));
    expect($('#results .results-total')!.textContent).toBe('5 answers in all');
    expect($$('.word-row').map((row) => row.textContent)).toEqual(['trust3', '<b>kind</b>2']);
    expect(document.querySelector('#results b')).toBeNull();
    expect(($('form.answer-form') as HTMLElement).hidden).toBe(true);
  });
});

describe('a rating on the phone', () => {
  it('offers a big button per point with the end labels, marks the one chosen, and lets it change', async () => {
    current = scaleState();
    start();
    await vi.waitFor(() => expect($$('.scale-point')).toHaveLength(5));
    const points = $$('.scale-point') as HTMLButtonElement[];
    expect(points.map((b) => b.textContent)).toEqual(['1', '2', '3', '4', '5']);
    expect(points[0]!.getAttribute('aria-label')).toBe('1, Not at all');
    expect(points[4]!.getAttribute('aria-label')).toBe('5, Very');
    expect($('.scale-ends')!.textContent).toBe('Not at allVery');
    points[3]!.click();
    await vi.waitFor(() => expect(points[3]!.getAttribute('aria-pressed')).toBe('true'));
    expect(sent[0]).toMatchObject({ questionId: 'q-rate', value: 4 });
    expect($('#vote-status')!.textContent).toBe('Rating received');
    points[1]!.click();
    await vi.waitFor(() => expect(points[1]!.getAttribute('aria-pressed')).toBe('true'));
    expect(points[3]!.getAttribute('aria-pressed')).toBe('false');
    expect(sent[1]).toMatchObject({ value: 2 });
  });

  it('shows the distribution and the mean once revealed, and ignores taps when closed', async () => {
    current = scaleState({ status: 'closed', results: { answers: 4, counts: { '1': 0, '2': 1, '3': 0, '4': 2, '5': 1 }, mean: 3.75 } });
    start();
    await vi.waitFor(() => expect($('#results')!.hidden).toBe(false));
    expect($('.results-mean')!.textContent).toBe('Average 3.8 (1 to 5)');
    expect($$('#results li').map((li) => li.textContent)).toEqual(['10 votes, 0%', '21 vote, 25%', '30 votes, 0%', '42 votes, 50%', '51 vote, 25%']);
    ($$('.scale-point')[0] as HTMLButtonElement).click();
    expect(sent).toEqual([]);
    FakeEventSource.last!.state(scaleState({ min: 0, max: 10 }));
    expect($$('.scale-point')).toHaveLength(11);
  });
});
