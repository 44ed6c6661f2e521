import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ParticipantState } from '../shared/participant';
import type { ApiErrorBody } from '../shared/errors';
import type { Session, Slide } from '../shared/model';
import { startNodeHost, type NodeHost } from './host';
import { apiSecurityHeaders } from './securityHeaders';

const TOKEN = 'test-token-123';
const BUILT_IN = 'leader-or-manager';

let dir: string;
let host: NodeHost;
let base: string;
const streams: AbortController[] = [];

async function rpc<T = unknown>(command: string, input: unknown = {}): Promise<T> {
  const res = await fetch(`${base}/api/rpc/${command}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify(input),
  });
  const body = (await res.json()) as T;
  if (res.status !== 200) throw new Error(`${command} answered ${res.status}: ${JSON.stringify(body)}`);
  return body;
}

/** An answer's body: a phone's state, or an error. */
type PhoneBody = ParticipantState & { error: ApiErrorBody };

/** What a phone sees. */
async function phoneGet(code: string): Promise<{ status: number; body: PhoneBody }> {
  const res = await fetch(`${base}/api/p/${code}`);
  return { status: res.status, body: (await res.json()) as PhoneBody };
}

/** A phone's vote, body as given (a string is sent as it is). */
async function phoneVote(code: string, body: unknown): Promise<{ status: number; body: PhoneBody }> {
  const res = await fetch(`${base}/api/p/${code}/vote`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as PhoneBody };
}

interface Frame {
  event: string;
  data: ParticipantState;
}

/** A phone's event stream, read frame by frame. */
async function openPhoneStream(code: string): Promise<{ status: number; frames: Frame[]; raw: () => string; states: (n: number) => Promise<Frame[]> }> {
  const controller = new AbortController();
  streams.push(controller);
  const res = await fetch(`${base}/api/p/${code}/events`, { signal: controller.signal });
  const frames: Frame[] = [];
  let all = '';
  if (res.status === 200 && res.body) {
    const reader = res.body.getReader();
    void (async () => {
      const decoder = new TextDecoder();
      let buffer = '';
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) return;
          const text = decoder.decode(value, { stream: true });
          all += text;
          buffer += text;
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const raw = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const event = /^event: (.*)$/m.exec(raw)?.[1];
            const data = /^data: (.*)$/m.exec(raw)?.[1];
            if (event) frames.push({ event, data: data ? JSON.parse(data) : null });
          }
        }
      } catch {
        // aborted
      }
    })();
  }
  return {
    status: res.status,
    frames,
    raw: () => all,
    states: (n) =>
      vi.waitFor(
        () => {
          const states = frames.filter((f) => f.event === 'state');
          if (states.length < n) throw new Error(`have ${states.length} state frames, waiting for ${n}`);
          return states;
        },
        { timeout: 10_000, interval: 10 },
      ),
  };
}

type Scenario = Extract<Slide, { kind: 'scenario' }>;
function scenarios(session: Session): { slide: Scenario; index: number }[] {
  return session.slides.flatMap((slide, index) => (slide.kind === 'scenario' ? [{ slide, index }] : []));
}

/** A session with the first two scenarios at hand, on the first one's slide. */
async function room() {
  const session = await rpc<Session>('sessions.create', { workshopId: BUILT_IN, title: 'Phones room', votingMode: 'phones', groups: ['Red', 'Blue'] });
  const [first, second] = scenarios(session) as [{ slide: Scenario; index: number }, { slide: Scenario; index: number }];
  await rpc('sessions.goTo', { sessionId: session.id, slideIndex: first.index });
  return { session, code: session.joinCode, first, second, q: first.slide.question, q2: second.slide.question };
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'plenary-phones-'));
  host = await startNodeHost({ host: '127.0.0.1', port: 0, token: TOKEN, dataDir: dir, rendererDir: null });
  base = host.server.origin;
});

afterEach(async () => {
  for (const controller of streams.splice(0)) controller.abort();
  await host.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('GET /api/p/<code>', () => {
  it('has exactly the protocol shape, and reads the code case-insensitively', async () => {
    const { session, code, q } = await room();
    await rpc('voting.open', { sessionId: session.id, questionId: q.id });
    for (const typed of [code, code.toLowerCase(), `${code.slice(0, 3).toLowerCase()}${code.slice(3)}`]) {
      const { status, body } = await phoneGet(typed);
      expect(status).toBe(200);
      expect(Object.keys(body).sort()).toEqual(['question', 'session']);
      expect(body.session.title).toBe('Phones room');
      expect(Object.keys(body.question!).sort()).toEqual(['id', 'options', 'prompt', 'results', 'status', 'type']);
      expect(body.question).toEqual({
        id: q.id,
        type: 'choice',
        prompt: q.prompt,
        options: q.options.map(({ id, label }) => ({ id, label })),
        status: 'open',
        results: null,
      });
    }
  });

  it('has question null on a slide that is not a scenario', async () => {
    const { session, code } = await room();
    await rpc('sessions.goTo', { sessionId: session.id, slideIndex: 0 });
    const { status, body } = await phoneGet(code);
    expect(status).toBe(200);
    expect(body).toMatchObject({ session: { title: 'Phones room' }, question: null });
  });

  it('shows a question that is not open as closed, with results null until the reveal, then the totals', async () => {
    const { session, code, q } = await room();
    expect((await phoneGet(code)).body.question).toMatchObject({ id: q.id, status: 'closed', results: null });
    await rpc('voting.open', { sessionId: session.id, questionId: q.id });
    await phoneVote(code, { deviceId: 'phone-aaaa-1', questionId: q.id, optionId: q.options[0]!.id });
    await phoneVote(code, { deviceId: 'phone-bbbb-2', questionId: q.id, optionId: q.options[1]!.id });
    await phoneVote(code, { deviceId: 'phone-cccc-3', questionId: q.id, optionId: q.options[1]!.id });
    expect((await phoneGet(code)).body.question!.results).toBeNull();
    await rpc('voting.close', { sessionId: session.id, questionId: q.id });
    expect((await phoneGet(code)).body.question).toMatchObject({ status: 'closed', results: null });
    await rpc('voting.reveal', { sessionId: session.id, questionId: q.id });
    expect((await phoneGet(code)).body.question!.results).toEqual({ [q.options[0]!.id]: 1, [q.options[1]!.id]: 2 });
  });

  it('answers 404 for an unknown code, a malformed one, and an ended session', async () => {
    const { session, code } = await room();
    expect((await phoneGet('ZZZZZZ')).status).toBe(404);
    expect((await phoneGet('not a code!')).status).toBe(404);
    expect((await phoneGet('ZZZZZZ')).body).toMatchObject({ error: { code: 'not_found' } });
    await rpc('sessions.end', { sessionId: session.id });
    expect((await phoneGet(code)).status).toBe(404);
  });
});

describe('POST /api/p/<code>/vote', () => {
  it('answers 200 {"ok":true}; the same device again replaces its vote', async () => {
    const { session, code, q } = await room();
    await rpc('voting.open', { sessionId: session.id, questionId: q.id });
    const [a, b] = q.options.map((o) => o.id) as [string, string];
    const first = await phoneVote(code, { deviceId: 'device_0001', questionId: q.id, optionId: a });
    expect(first).toEqual({ status: 200, body: { ok: true } });
    // The vote is recorded (the facilitator sees how many phones voted) before the answer.
    expect((await rpc<Session>('sessions.get', { sessionId: session.id })).questions[q.id]!).toMatchObject({ voterIds: [], phoneVotes: 1 });
    expect((await phoneVote(code.toLowerCase(), { deviceId: 'device_0001', questionId: q.id, optionId: b })).status).toBe(200);
    await rpc('voting.reveal', { sessionId: session.id, questionId: q.id });
    expect((await phoneGet(code)).body.question!.results).toEqual({ [a]: 0, [b]: 1 });
  });

  it('answers a vote, and a refused one, as JSON with every security header', async () => {
    const { session, code, q } = await room();
    await rpc('voting.open', { sessionId: session.id, questionId: q.id });
    const send = (body: unknown) =>
      fetch(`${base}/api/p/${code}/vote`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    for (const res of [await send({ deviceId: 'device_0001', questionId: q.id, optionId: q.options[0]!.id }), await send({ deviceId: 'short' })]) {
      expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
      expect(res.headers.get('cache-control')).toBe('no-store');
      for (const [name, value] of Object.entries(apiSecurityHeaders)) expect(res.headers.get(name), name).toBe(value);
    }
  });

  it('takes the group a phone joined', async () => {
    const { session, code, q } = await room();
    await rpc('voting.open', { sessionId: session.id, questionId: q.id });
    expect((await phoneVote(code, { deviceId: 'device_0001', questionId: q.id, optionId: q.options[0]!.id, groupId: 'g2' })).status).toBe(200);
    expect((await phoneVote(code, { deviceId: 'device_0002', questionId: q.id, optionId: q.options[0]!.id, groupId: 'g9' })).status).toBe(400);
    const view = await rpc<Session>('voting.reveal', { sessionId: session.id, questionId: q.id });
    expect(view.questions[q.id]!.totalsByGroup).toEqual({ g2: { [q.options[0]!.id]: 1, [q.options[1]!.id]: 0 } });
  });

  it('answers 400 for malformed JSON, a failed schema, or an unknown option', async () => {
    const { session, code, q } = await room();
    await rpc('voting.open', { sessionId: session.id, questionId: q.id });
    const ok = { deviceId: 'device_0001', questionId: q.id, optionId: q.options[0]!.id };
    const cases: [string, unknown][] = [
      ['malformed JSON', '{"deviceId": "device_0001",'],
      ['not an object', '[1,2,3]'],
      ['deviceId of 7 characters', { ...ok, deviceId: 'abcdefg' }],
      ['deviceId of 65 characters', { ...ok, deviceId: 'a'.repeat(65) }],
      ['deviceId with a space', { ...ok, deviceId: 'device 0001' }],
      ['deviceId with a dot', { ...ok, deviceId: 'device.0001' }],
      ['deviceId with a slash', { ...ok, deviceId: 'device/0001' }],
      ['no deviceId', { questionId: q.id, optionId: q.options[0]!.id }],
      ['a number for optionId', { ...ok, optionId: 7 }],
      ['an extra field', { ...ok, weight: 100 }],
      ['an unknown option', { ...ok, optionId: 'zz' }],
    ];
    for (const [what, body] of cases) {
      const res = await phoneVote(code, body);
      expect(res.status, what).toBe(400);
      expect(res.body.error.code, what).toBe('invalid_input');
      expect(res.body.error.message, what).toEqual(expect.any(String));
    }
    // 8 and 64 characters are fine.
    expect((await phoneVote(code, { ...ok, deviceId: 'A1_-b2c3' })).status).toBe(200);
    expect((await phoneVote(code, { ...ok, deviceId: 'z'.repeat(64) })).status).toBe(200);
    expect((await rpc<Session>('sessions.get', { sessionId: session.id })).questions[q.id]!.voteCount).toBe(2);
  });

  it('answers 404 for an unknown code', async () => {
    const { session, q } = await room();
    await rpc('voting.open', { sessionId: session.id, questionId: q.id });
    const res = await phoneVote('ZZZZZZ', { deviceId: 'device_0001', questionId: q.id, optionId: q.options[0]!.id });
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('not_found');
  });

  it('answers 409 when the question is not open, or not the one on the screen', async () => {
    const { session, code, q, q2, second } = await room();
    const vote = (questionId: string, optionId: string) => phoneVote(code, { deviceId: 'device_0001', questionId, optionId });
    expect((await vote(q.id, q.options[0]!.id)).status).toBe(409);
    await rpc('voting.open', { sessionId: session.id, questionId: q.id });
    // Open, but another slide is showing.
    await rpc('sessions.goTo', { sessionId: session.id, slideIndex: second.index });
    expect((await vote(q.id, q.options[0]!.id)).status).toBe(409);
    // On the screen, but not open.
    const notOpen = await vote(q2.id, q2.options[0]!.id);
    expect(notOpen.status).toBe(409);
    expect(notOpen.body.error.code).toBe('conflict');
    await rpc('voting.open', { sessionId: session.id, questionId: q2.id });
    await rpc('voting.close', { sessionId: session.id, questionId: q2.id });
    expect((await vote(q2.id, q2.options[0]!.id)).status).toBe(409);
    expect((await rpc<Session>('sessions.get', { sessionId: session.id })).questions[q.id]!.voteCount).toBe(0);
  });

  it('answers 413 for a body over 4 KiB', async () => {
    const { session, code, q } = await room();
    await rpc('voting.open', { sessionId: session.id, questionId: q.id });
    const body = JSON.stringify({ deviceId: 'device_0001', questionId: q.id, optionId: q.options[0]!.id, padding: 'x'.repeat(4200) });
    const res = await phoneVote(code, body);
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('too_large');
  });

  it('answers 429 to the 11th vote within a second from one device, and not to another device', async () => {
    const { session, code, q } = await room();
    await rpc('voting.open', { sessionId: session.id, questionId: q.id });
    const vote = { deviceId: 'device_busy', questionId: q.id, optionId: q.options[0]!.id };
    // Sent at once, so all eleven arrive well within one second.
    const statuses = (await Promise.all(Array.from({ length: 11 }, () => phoneVote(code, vote)))).map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(10);
    expect(statuses.filter((s) => s === 429)).toHaveLength(1);
    expect((await phoneVote(code, { ...vote, deviceId: 'device_calm' })).status).toBe(200);
  });
});

describe('GET /api/p/<code>/events', () => {
  it('sends `event: state` on connect and again on a change', async () => {
    const { session, code, q } = await room();
    const phone = await openPhoneStream(code.toLowerCase());
    expect(phone.status).toBe(200);
    const [first] = await phone.states(1);
    expect(first!.data).toEqual((await phoneGet(code)).body);
    expect(first!.data.question).toMatchObject({ id: q.id, status: 'closed' });

    await rpc('voting.open', { sessionId: session.id, questionId: q.id });
    const states = await phone.states(2);
    expect(states[1]!.data).toEqual((await phoneGet(code)).body);
    expect(states[1]!.data.question!.status).toBe('open');
    expect(phone.raw()).toContain('event: state\ndata: ');
  });

  it('sends a change to 200 streams at once, the same frame to each, as GET /api/p/<code> has it', async () => {
    // A title beyond ASCII: the chunk sizes on the wire count bytes, not characters.
    const session = await rpc<Session>('sessions.create', { workshopId: BUILT_IN, title: 'Salle plénière — 🙂', votingMode: 'phones', phoneLimit: 500 });
    const [first] = scenarios(session) as [{ slide: Scenario; index: number }];
    await rpc('sessions.goTo', { sessionId: session.id, slideIndex: first.index });
    const code = session.joinCode;
    const phones = await Promise.all(Array.from({ length: 200 }, () => openPhoneStream(code)));
    expect(phones.every((phone) => phone.status === 200)).toBe(true);
    await Promise.all(phones.map((phone) => phone.states(1)));
    const before = phones.map((phone) => phone.raw().length);

    await rpc('voting.open', { sessionId: session.id, questionId: first.slide.question.id });
    const expected = `event: state\ndata: ${JSON.stringify((await phoneGet(code)).body)}\n\n`;
    await Promise.all(phones.map((phone) => phone.states(2)));
    const changes = new Set(phones.map((phone, i) => phone.raw().slice(before[i])));
    expect([...changes]).toEqual([expected]);
    expect(phones.every((phone) => phone.frames.filter((f) => f.event === 'state')[1]!.data.question!.status === 'open')).toBe(true);
  });

  it('answers 404 for an unknown code', async () => {
    await room();
    expect((await openPhoneStream('ZZZZZZ')).status).toBe(404);
  });

  it('never carries other devices or their votes, nor the style tags before the reveal', async () => {
    const { session, code, q } = await room();
    const phone = await openPhoneStream(code);
    await phone.states(1);
    await rpc('voting.open', { sessionId: session.id, questionId: q.id });
    await phone.states(2);
    await phoneVote(code, { deviceId: 'mine-device-1', questionId: q.id, optionId: q.options[0]!.id });
    await phoneVote(code, { deviceId: 'other-device-2', questionId: q.id, optionId: q.options[1]!.id });
    await phoneVote(code, { deviceId: 'other-device-3', questionId: q.id, optionId: q.options[1]!.id, groupId: 'g1' });
    await rpc('voting.setCount', { sessionId: session.id, questionId: q.id, optionId: q.options[0]!.id, count: 3 });
    await rpc('voting.reveal', { sessionId: session.id, questionId: q.id });
    const states = await vi.waitFor(
      () => {
        const found = phone.frames.filter((f) => f.event === 'state');
        if (!found.some((f) => f.data.question?.results)) throw new Error('no reveal yet');
        return found;
      },
      { timeout: 10_000, interval: 10 },
    );
    // Votes change nothing a phone sees until the reveal, so none of them is sent.
    expect(states.map((s) => [s.data.question!.status, s.data.question!.results !== null])).toEqual([
      ['closed', false],
      ['open', false],
      ['closed', true],
    ]);
    expect(states.at(-1)!.data.question!.results).toEqual({ [q.options[0]!.id]: 4, [q.options[1]!.id]: 2 });
    const everything = phone.raw();
    for (const leak of ['other-device', 'mine-device', '"style"', 'voterIds', '"votes"', 'optionId', 'handCounts', 'debrief']) {
      expect(everything, leak).not.toContain(leak);
    }
    // Which answer is "leader" comes only with the reveal, as the answer key (docs/protocol.md).
    const beforeReveal = states.slice(0, -1).map((s) => JSON.stringify(s.data)).join('');
    for (const leak of ['"leader"', '"manager"', 'answerKey']) expect(beforeReveal, leak).not.toContain(leak);
    const revealed = states.at(-1)!.data.question;
    expect(revealed?.type === 'choice' && revealed.answerKey).toEqual({
      dimension: { id: q.dimension, name: expect.any(String) },
      styles: Object.fromEntries(q.options.map((o) => [o.id, o.style])),
    });
    const snapshot = JSON.stringify((await phoneGet(code)).body);
    for (const leak of ['other-device', '"style"', 'voterIds', 'debrief']) expect(snapshot, leak).not.toContain(leak);
  });

  it('tells the phones when the session ends, then closes', async () => {
    const { session, code } = await room();
    const phone = await openPhoneStream(code);
    await phone.states(1);
    await rpc('sessions.end', { sessionId: session.id });
    const states = await phone.states(2);
    expect(states[1]!.data.question).toBeNull();
    expect(host.server.phonesConnected(session.id)).toBe(0);
  });
});
