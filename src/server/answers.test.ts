/**
 * Open answers and ratings over the real protocols (issue 19; PROTOCOL.md
 * "Question types on phones" and "Voting again"): the built-in workshop's warm-up
 * and rating, phones and groups answering, hiding, the word list, the vote log
 * after a restart, results.get, the CSV, and a second round.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ResultsOutput } from '../shared/contract';
import type { ApiErrorBody } from '../shared/errors';
import type { Session } from '../shared/model';
import type { ParticipantState } from '../shared/participant';
import type { OpenAnswer, SessionSummaryReport } from '../shared/summary';
import { startNodeHost, type NodeHost } from './host';

const TOKEN = 'test-token-answers';
const BUILT_IN = 'leader-or-manager';

let dir: string;
let host: NodeHost;
let base: string;
const streams: AbortController[] = [];

const start = async () => {
  host = await startNodeHost({ host: '127.0.0.1', port: 0, token: TOKEN, dataDir: dir, rendererDir: null });
  base = host.server.origin;
};

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'plenary-answers-'));
  await start();
});

afterEach(async () => {
  for (const controller of streams.splice(0)) controller.abort();
  await host.stop();
  await rm(dir, { recursive: true, force: true });
});

/** A facilitator command: its status and body. */
async function call<T = unknown>(command: string, input: unknown = {}): Promise<{ status: number; body: T & { error: ApiErrorBody } }> {
  const res = await fetch(`${base}/api/rpc/${command}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify(input),
  });
  return { status: res.status, body: (await res.json()) as T & { error: ApiErrorBody } };
}

async function rpc<T = unknown>(command: string, input: unknown = {}): Promise<T> {
  const { status, body } = await call<T>(command, input);
  if (status !== 200) throw new Error(`${command} answered ${status}: ${JSON.stringify(body)}`);
  return body;
}

type PhoneBody = ParticipantState & { error: ApiErrorBody };

async function phoneGet(code: string): Promise<PhoneBody> {
  return (await (await fetch(`${base}/api/p/${code}`)).json()) as PhoneBody;
}

async function phoneVote(code: string, body: unknown): Promise<{ status: number; body: PhoneBody }> {
  const res = await fetch(`${base}/api/p/${code}/vote`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as PhoneBody };
}

/** The `state` frames of a phone's event stream, as they come. */
async function phoneStream(code: string): Promise<ParticipantState[]> {
  const controller = new AbortController();
  streams.push(controller);
  const res = await fetch(`${base}/api/p/${code}/events`, { signal: controller.signal });
  const states: ParticipantState[] = [];
  const reader = res.body!.getReader();
  void (async () => {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        buffer += decoder.decode(value, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const raw = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = /^data: (.*)$/m.exec(raw)?.[1];
          if (/^event: state$/m.test(raw) && data) states.push(JSON.parse(data) as ParticipantState);
        }
      }
    } catch {
      // aborted
    }
  })();
  return states;
}

/** A session of the built-in workshop on its open question (the warm-up) or its rating, voting open. */
async function room(kind: 'open' | 'rating', options: { votingMode?: string; phoneLimit?: number } = {}) {
  const session = await rpc<Session>('sessions.create', { workshopId: BUILT_IN, title: 'Answers room', votingMode: options.votingMode ?? 'phones', groups: ['Red', 'Blue'], ...(options.phoneLimit ? { phoneLimit: options.phoneLimit } : {}) });
  const slideIndex = session.slides.findIndex((slide) => slide.kind === kind);
  const slide = session.slides[slideIndex]!;
  if (slide.kind !== 'open' && slide.kind !== 'rating') throw new Error('no such slide');
  await rpc('sessions.goTo', { sessionId: session.id, slideIndex });
  await rpc('voting.open', { sessionId: session.id, questionId: slide.question.id });
  return { session, sessionId: session.id, code: session.joinCode, question: slide.question };
}

const answersOf = async (sessionId: string, questionId: string) => (await rpc<{ answers: OpenAnswer[] }>('voting.answers', { sessionId, questionId })).answers;

describe('an open question on phones (the built-in warm-up)', () => {
  it('is "text" on the phone, takes three answers from a phone and refuses the fourth with 409', async () => {
    const { code, question } = await room('open');
    expect(question.prompt).toBe('One thing the best person you worked for did');
    const state = await phoneGet(code);
    expect(state.question).toEqual({ id: question.id, type: 'text', prompt: question.prompt, status: 'open', results: null });
    const vote = (text: string, deviceId = 'phone-aaaa-1') => phoneVote(code, { deviceId, questionId: question.id, text });
    expect((await vote('Listened')).status).toBe(200);
    expect((await vote('Trusted me')).status).toBe(200);
    expect((await vote('Explained why')).status).toBe(200);
    const fourth = await vote('Backed me up');
    expect(fourth.status).toBe(409);
    expect(fourth.body.error.code).toBe('conflict');
    expect(fourth.body.error.message).toMatch(/at most 3 answers/);
    // Another phone has three of its own.
    expect((await vote('Backed me up', 'phone-bbbb-2')).status).toBe(200);
  });

  it('refuses with 400 an empty or too long answer, and a field the question does not take', async () => {
    const { sessionId, code, question } = await room('open');
    const send = (body: Record<string, unknown>) => phoneVote(code, { deviceId: 'phone-aaaa-1', questionId: question.id, ...body });
    for (const body of [{ text: '' }, { text: '   \n ' }, { text: 'x'.repeat(141) }, { optionId: 'a' }, { value: 3 }, { text: 'ok', value: 3 }, { text: 7 }, {}]) {
      const answer = await send(body);
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(answer.body.error.code).toBe('invalid_input');
    }
    // 140 characters after trimming are fine; white space around them is not counted.
    expect((await send({ text: `  ${'y'.repeat(140)}  ` })).status).toBe(200);
    expect((await answersOf(sessionId, question.id))[0]!.text).toBe('y'.repeat(140));
  });

  it('reveals the words with their counts, case-folded and trimmed, a few words as one phrase; hidden answers absent', async () => {
    const { sessionId, code, question } = await room('open');
    const states = await phoneStream(code);
    const given: [string, string][] = [
      ['phone-aaaa-1', 'Listened'],
      ['phone-aaaa-1', 'gave me room'],
      ['phone-bbbb-2', '  listened! '],
      ['phone-bbbb-2', 'Gave me   room'],
      ['phone-cccc-3', 'LISTENED'],
      ['phone-cccc-3', 'Shouted at Sam'],
    ];
    for (const [deviceId, text] of given) expect((await phoneVote(code, { deviceId, questionId: question.id, text })).status).toBe(200);
    // Before the reveal the facilitator sees every answer (to hide one); phones see nothing.
    const before = await answersOf(sessionId, question.id);
    expect(before.map((answer) => answer.text)).toEqual(['Listened', 'gave me room', 'listened!', 'Gave me room', 'LISTENED', 'Shouted at Sam']);
    expect(before.every((answer) => answer.source === 'phone' && !answer.hidden && !answer.heldBack)).toBe(true);
    expect(JSON.stringify(before)).not.toContain('phone-aaaa-1');
    expect((await phoneGet(code)).question!.results).toBeNull();
    const shouted = before.find((answer) => answer.text === 'Shouted at Sam')!;
    await rpc('voting.setAnswerHidden', { sessionId, questionId: question.id, answerId: shouted.answerId, hidden: true });
    await rpc('voting.reveal', { sessionId, questionId: question.id });
    const revealed = (await phoneGet(code)).question;
    expect(revealed).toMatchObject({ type: 'text', status: 'closed' });
    expect(revealed!.results).toEqual({
      answers: 5,
      words: [
        { text: 'listened', count: 3 },
        { text: 'gave me room', count: 2 },
      ],
    });
    // Hidden after the reveal too: the phones get a new state without it.
    const gave = before.find((answer) => answer.text === 'gave me room')!;
    await rpc('voting.setAnswerHidden', { sessionId, questionId: question.id, answerId: gave.answerId, hidden: true });
    await vi.waitFor(() => expect(states.at(-1)!.question!.results).toEqual({ answers: 4, words: [{ text: 'listened', count: 3 }, { text: 'gave me room', count: 1 }] }), { timeout: 10_000, interval: 20 });
    // It stays in the data, marked hidden, and can come back.
    const after = await answersOf(sessionId, question.id);
    expect(after.filter((answer) => answer.hidden).map((answer) => answer.text)).toEqual(['gave me room', 'Shouted at Sam']);
    const session = await rpc<Session>('voting.setAnswerHidden', { sessionId, questionId: question.id, answerId: gave.answerId, hidden: false });
    expect(session.questions[question.id]).toMatchObject({ type: 'text', hiddenCount: 1, words: [{ text: 'listened', count: 3 }, { text: 'gave me room', count: 2 }] });
    // Nothing in any other answer's words: the projector's session view has no texts, only the cloud.
    expect(JSON.stringify(session)).not.toContain('Shouted');
  });

  it('holds back an answer on the word list until the facilitator lets it through', async () => {
    const { sessionId, code, question } = await room('open');
    for (const text of ['Never a shit day', 'Listened', 'assessed my work fairly']) {
      expect((await phoneVote(code, { deviceId: 'phone-aaaa-1', questionId: question.id, text })).status).toBe(200);
    }
    const answers = await answersOf(sessionId, question.id);
    expect(answers.map((answer) => [answer.text, answer.heldBack])).toEqual([
      ['Never a shit day', true],
      ['Listened', false],
      // Whole words only: "assessed" holds nothing back.
      ['assessed my work fairly', false],
    ]);
    const revealed = await rpc<Session>('voting.reveal', { sessionId, questionId: question.id });
    expect(revealed.questions[question.id]).toMatchObject({ heldBackCount: 1 });
    expect((await phoneGet(code)).question!.results).toEqual({ answers: 2, words: [{ text: 'assessed my work fairly', count: 1 }, { text: 'listened', count: 1 }] });
    await rpc('voting.releaseAnswer', { sessionId, questionId: question.id, answerId: answers[0]!.answerId });
    expect((await phoneGet(code)).question!.results).toMatchObject({ answers: 3 });
    const report = await rpc<SessionSummaryReport>('reports.get', { sessionId });
    const figures = report.answerQuestions.find((q) => q.questionId === question.id)!;
    expect(figures).toMatchObject({ type: 'text', votes: 3, heldBackCount: 0, cloudAnswers: 3, phonesVoted: 1 });
  });

  it('applies the integrity limits to answers: the phone limit (403), the rate limit (429), 4 KiB (413)', async () => {
    const { code, question } = await room('open', { phoneLimit: 1 });
    expect((await phoneVote(code, { deviceId: 'phone-aaaa-1', questionId: question.id, text: 'Listened' })).status).toBe(200);
    const full = await phoneVote(code, { deviceId: 'phone-bbbb-2', questionId: question.id, text: 'Trusted me' });
    expect(full.status).toBe(403);
    expect(full.body.error.code).toBe('session_full');
    const big = await phoneVote(code, { deviceId: 'phone-aaaa-1', questionId: question.id, text: 'z'.repeat(5000) });
    expect(big.status).toBe(413);
  });
});

describe('a rating on phones (the built-in closing)', () => {
  it('carries its scale, takes integers in range and refuses others with 400; a second value replaces the first', async () => {
    const { sessionId, code, question } = await room('rating');
    expect(question.prompt).toBe('How useful was this for your work?');
    expect((await phoneGet(code)).question).toEqual({ id: question.id, type: 'scale', prompt: question.prompt, status: 'open', min: 1, max: 5, minLabel: 'Not useful', maxLabel: 'Very useful', results: null });
    const rate = (value: unknown, deviceId = 'phone-aaaa-1') => phoneVote(code, { deviceId, questionId: question.id, value });
    for (const value of [0, 6, -1, 2.5, '3', null, 1e9]) {
      const answer = await rate(value);
      expect(answer.status, String(value)).toBe(400);
      expect(answer.body.error.code).toBe('invalid_input');
    }
    expect((await phoneVote(code, { deviceId: 'phone-aaaa-1', questionId: question.id, optionId: '3' })).status).toBe(400);
    expect((await phoneVote(code, { deviceId: 'phone-aaaa-1', questionId: question.id, text: '3' })).status).toBe(400);
    for (const value of [1, 2, 3, 4, 5]) expect((await rate(value, `phone-${value}-xxxx`)).status).toBe(200);
    // phone-5-xxxx changes its mind: its 5 becomes a 4.
    expect((await rate(4, 'phone-5-xxxx')).status).toBe(200);
    await rpc('voting.setCount', { sessionId, questionId: question.id, optionId: '5', count: 2 });
    await rpc('voting.reveal', { sessionId, questionId: question.id });
    expect((await phoneGet(code)).question!.results).toEqual({ answers: 7, counts: { '1': 1, '2': 1, '3': 1, '4': 2, '5': 2 }, mean: 3.43 });
    const results = await rpc<ResultsOutput>('results.get', { sessionId });
    expect(results.questions.find((q) => q.questionId === question.id)).toMatchObject({ type: 'scale', answers: 7, counts: { '1': 1, '2': 1, '3': 1, '4': 2, '5': 2 }, mean: 3.43, voteCount: 7 });
    const report = await rpc<SessionSummaryReport>('reports.get', { sessionId });
    expect(report.answerQuestions.find((q) => q.questionId === question.id)).toMatchObject({ type: 'scale', min: 1, max: 5, mean: 3.43, votes: 7, sources: { group: 0, phone: 5, hands: 2 } });
  });

  it('refuses a hand count for a value off the scale', async () => {
    const { sessionId, question } = await room('rating');
    expect((await call('voting.setCount', { sessionId, questionId: question.id, optionId: '6', count: 2 })).status).toBe(404);
    expect((await call('voting.setCount', { sessionId, questionId: question.id, optionId: 'a', count: 2 })).status).toBe(404);
  });

  it('answers 429 past 10 ratings a second from one phone', async () => {
    const { code, question } = await room('rating');
    const statuses: number[] = [];
    for (let i = 0; i < 12; i += 1) statuses.push((await phoneVote(code, { deviceId: 'phone-aaaa-1', questionId: question.id, value: 1 + (i % 5) })).status);
    expect(statuses).toContain(429);
  });
});

describe('groups answering at the laptop', () => {
  it('keeps up to three open answers per group, undoes the last, and keeps them over a restart (the vote log)', async () => {
    const { sessionId, question, session } = await room('open', { votingMode: 'groups' });
    const [red, blue] = session.groups as [Session['groups'][number], Session['groups'][number]];
    const cast = (voterId: string, body: Record<string, unknown>) => call('voting.cast', { sessionId, questionId: question.id, voterId, ...body });
    expect((await cast(red.id, { text: 'Listened' })).status).toBe(200);
    expect((await cast(red.id, { text: 'Trusted us' })).status).toBe(200);
    expect((await cast(blue.id, { text: 'Explained why' })).status).toBe(200);
    expect((await cast(red.id, { text: 'Gave credit' })).status).toBe(200);
    expect((await cast(red.id, { text: 'One more' })).status).toBe(409);
    expect((await cast(red.id, { optionId: 'a' })).status).toBe(400);
    expect((await cast(red.id, { text: ' ' })).status).toBe(400);
    await rpc('voting.undo', { sessionId, questionId: question.id });
    expect((await answersOf(sessionId, question.id)).map((answer) => [answer.text, answer.groupId, answer.source])).toEqual([
      ['Listened', red.id, 'group'],
      ['Trusted us', red.id, 'group'],
      ['Explained why', blue.id, 'group'],
    ]);
    // Room again for a third after the undo.
    expect((await cast(red.id, { text: 'Listened' })).status).toBe(200);
    const kept = await answersOf(sessionId, question.id);
    await host.stop();
    await start();
    expect(await answersOf(sessionId, question.id)).toEqual(kept);
    await rpc('voting.reveal', { sessionId, questionId: question.id });
    const results = await rpc<ResultsOutput>('results.get', { sessionId });
    expect(results.questions.find((q) => q.questionId === question.id)).toEqual({
      questionId: question.id,
      type: 'text',
      prompt: question.prompt,
      dimension: '',
      revealed: true,
      voteCount: 4,
      round: 1,
      answers: 4,
      words: [
        { text: 'listened', count: 2 },
        { text: 'explained why', count: 1 },
        { text: 'trusted us', count: 1 },
      ],
    });
  });

  it('rates as a group: a second value replaces the first, and the breakdown by group has each line’s mean', async () => {
    const { sessionId, question, session } = await room('rating', { votingMode: 'groups' });
    const [red, blue] = session.groups as [Session['groups'][number], Session['groups'][number]];
    await rpc('voting.cast', { sessionId, questionId: question.id, voterId: red.id, value: 2 });
    await rpc('voting.cast', { sessionId, questionId: question.id, voterId: red.id, value: 5 });
    await rpc('voting.cast', { sessionId, questionId: question.id, voterId: blue.id, value: 4 });
    expect((await call('voting.cast', { sessionId, questionId: question.id, voterId: blue.id, value: 9 })).status).toBe(400);
    await rpc('voting.reveal', { sessionId, questionId: question.id });
    const report = await rpc<SessionSummaryReport>('reports.get', { sessionId });
    const figures = report.answerQuestions.find((q) => q.questionId === question.id);
    if (figures?.type !== 'scale') throw new Error('no rating');
    expect(figures.counts).toEqual({ '1': 0, '2': 0, '3': 0, '4': 1, '5': 1 });
    expect(figures.mean).toBe(4.5);
    expect(figures.values!.map((value) => [value.value, value.label, value.count])).toEqual([
      [1, 'Not useful', 0],
      [2, '', 0],
      [3, '', 0],
      [4, '', 1],
      [5, 'Very useful', 1],
    ]);
    expect(figures.breakdown!.map((line) => [line.name, line.counts, line.mean])).toEqual([
      ['Red', [0, 0, 0, 0, 1], 5],
      ['Blue', [0, 0, 0, 1, 0], 4],
    ]);
  });
});

describe('exports of open answers and ratings', () => {
  it('the CSV has one row per answer, with its text or value, hidden ones kept and marked', async () => {
    const { sessionId, code, question } = await room('open');
    await phoneVote(code, { deviceId: 'phone-aaaa-1', questionId: question.id, text: 'Listened, "always"' });
    await phoneVote(code, { deviceId: 'phone-aaaa-1', questionId: question.id, text: 'Shouted' });
    const [, shouted] = await answersOf(sessionId, question.id);
    await rpc('voting.setAnswerHidden', { sessionId, questionId: question.id, answerId: shouted!.answerId, hidden: true });
    await rpc('voting.reveal', { sessionId, questionId: question.id });
    const rating = (await rpc<Session>('sessions.get', { sessionId })).slides.findIndex((slide) => slide.kind === 'rating');
    await rpc('sessions.goTo', { sessionId, slideIndex: rating });
    const slide = (await rpc<Session>('sessions.get', { sessionId })).slides[rating]!;
    if (slide.kind !== 'rating') throw new Error('no rating');
    await rpc('voting.open', { sessionId, questionId: slide.question.id });
    await phoneVote(code, { deviceId: 'phone-aaaa-1', questionId: slide.question.id, value: 4 });
    await rpc('voting.reveal', { sessionId, questionId: slide.question.id });
    const { csv } = await rpc<{ csv: string }>('reports.csv', { sessionId });
    const rows = parse(csv, { columns: true, bom: true }) as Record<string, string>[];
    const answers = rows.filter((row) => row.questionId === question.id || row.questionId === slide.question.id);
    expect(answers.map((row) => [row.questionType, row.text, row.value, row.hidden, row.heldBack, row.round, row.voterId, row.source])).toEqual([
      ['text', 'Listened, "always"', '', 'no', 'no', '1', 'phone-aaaa-1', 'phone'],
      ['text', 'Shouted', '', 'yes', 'no', '1', 'phone-aaaa-1', 'phone'],
      ['scale', '', '4', '', '', '1', 'phone-aaaa-1', 'phone'],
    ]);
    expect(answers[0]!.optionId).toBe((await answersOf(sessionId, question.id))[0]!.answerId);
    expect(answers[2]).toMatchObject({ optionId: '4', optionLabel: '' });
    // The JSON archive keeps the hidden answer too, and its state says it is hidden.
    const { json } = await rpc<{ json: string }>('sessions.exportJson', { sessionId });
    const archive = JSON.parse(json) as { session: { votes: { text?: string }[]; questions: Record<string, { hiddenAnswers?: string[] }> }; summary: SessionSummaryReport };
    expect(archive.session.votes.map((vote) => vote.text).filter(Boolean)).toEqual(['Listened, "always"', 'Shouted']);
    expect(archive.session.questions[question.id]!.hiddenAnswers).toEqual([shouted!.answerId]);
    const cloud = archive.summary.answerQuestions.find((q) => q.questionId === question.id);
    expect(cloud?.type === 'text' && cloud.words).toEqual([{ text: 'listened, "always"', count: 1 }]);
  });
});

describe('voting again (voting.reopen)', () => {
  it('starts round 2 on a revealed question: results hide, everyone answers afresh, results.get has both rounds', async () => {
    const { sessionId, code, question } = await room('rating');
    expect((await call('voting.reopen', { sessionId, questionId: question.id })).status).toBe(409);
    await phoneVote(code, { deviceId: 'phone-aaaa-1', questionId: question.id, value: 2 });
    await phoneVote(code, { deviceId: 'phone-bbbb-2', questionId: question.id, value: 3 });
    await rpc('voting.setCount', { sessionId, questionId: question.id, optionId: '1', count: 1 });
    await rpc('voting.reveal', { sessionId, questionId: question.id });
    const reopened = await rpc<Session>('voting.reopen', { sessionId, questionId: question.id });
    expect(reopened.questions[question.id]).toMatchObject({ status: 'open', revealed: false, round: 2, totals: null, voteCount: 0, mean: null });
    expect((await phoneGet(code)).question).toMatchObject({ status: 'open', results: null });
    // The same phone answers again in the new round, and its first-round answer stays.
    expect((await phoneVote(code, { deviceId: 'phone-aaaa-1', questionId: question.id, value: 5 })).status).toBe(200);
    const hidden = await rpc<ResultsOutput>('results.get', { sessionId });
    expect(hidden.questions.find((q) => q.questionId === question.id)).toMatchObject({
      round: 2,
      revealed: false,
      counts: {},
      rounds: [
        { round: 1, voteCount: 3, answers: 3, counts: { '1': 1, '2': 1, '3': 1, '4': 0, '5': 0 }, mean: 2 },
        { round: 2, voteCount: 1, answers: 0, counts: {}, mean: null },
      ],
    });
    await rpc('voting.reveal', { sessionId, questionId: question.id });
    const shown = (await rpc<ResultsOutput>('results.get', { sessionId })).questions.find((q) => q.questionId === question.id)!;
    expect(shown).toMatchObject({ round: 2, answers: 1, counts: { '5': 1 }, mean: 5 });
    expect(shown.rounds).toHaveLength(2);
    const report = await rpc<SessionSummaryReport>('reports.get', { sessionId });
    const figures = report.answerQuestions.find((q) => q.questionId === question.id)!;
    expect(figures).toMatchObject({ round: 2, mean: 5, votes: 1 });
    expect(figures.rounds!.map((round) => [round.round, round.votes, round.type === 'scale' ? round.mean : null])).toEqual([
      [1, 3, 2],
      [2, 1, 5],
    ]);
    const { csv } = await rpc<{ csv: string }>('reports.csv', { sessionId });
    const rows = (parse(csv, { columns: true, bom: true }) as Record<string, string>[]).filter((row) => row.questionId === question.id);
    expect(rows.map((row) => [row.voterId, row.value, row.round, row.count])).toEqual([
      ['phone-aaaa-1', '2', '1', '1'],
      ['phone-bbbb-2', '3', '1', '1'],
      ['phone-aaaa-1', '5', '2', '1'],
      ['hands', '1', '1', '1'],
    ]);
  });
});
