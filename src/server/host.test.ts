import { request as httpRequest } from 'node:http';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { askedQuestionsOf, type Session, type Slide } from '../shared/model';
import { UTF8_BOM } from '../shared/csv';
import { LOCK_FILE } from '../core/store/storeLock';
import { SESSIONS_DIR } from '../core/store/store';
import { startNodeHost, type NodeHost } from './host';

const TOKEN = 'test-token-123';
const BUILT_IN = 'leader-or-manager';

let dir: string;
let host: NodeHost;
let base: string;
const readers: EventReader[] = [];

interface Answer<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

/** Calls the facilitator RPC as a script would. */
async function rpc<T = unknown>(command: string, input: unknown = {}, token: string | null = TOKEN): Promise<Answer<T>> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token !== null) headers.authorization = `Bearer ${token}`;
  const res = await fetch(`${base}/api/rpc/${command}`, { method: 'POST', headers, body: JSON.stringify(input) });
  return { status: res.status, headers: res.headers, body: (await res.json()) as T };
}

/**
 * A request sent exactly as written (fetch would tidy `..` and `%2e` away). An
 * event stream never ends, so for one only the status and headers are kept.
 */
function rawRequest(
  port: number,
  path: string,
  method = 'GET',
  body?: string,
): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const headers = body === undefined ? {} : { 'content-type': 'application/json' };
    const req = httpRequest({ host: '127.0.0.1', port, path, method, headers }, (res) => {
      if (String(res.headers['content-type']).startsWith('text/event-stream')) {
        resolve({ status: res.statusCode ?? 0, body: '(event stream)', headers: res.headers });
        req.destroy();
        return;
      }
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text, headers: res.headers }));
    });
    req.on('error', reject);
    req.end(body);
  });
}
const rawGet = (path: string) => rawRequest(host.server.port, path);

interface Frame {
  event: string;
  data: unknown;
  raw: string;
}

/** Reads a Server-Sent Events stream into frames. */
class EventReader {
  readonly frames: Frame[] = [];
  ended = false;
  private readonly controller = new AbortController();
  status = 0;
  headers: Headers | null = null;

  static async open(url: string): Promise<EventReader> {
    const reader = new EventReader();
    readers.push(reader);
    const res = await fetch(url, { signal: reader.controller.signal });
    reader.status = res.status;
    reader.headers = res.headers;
    if (res.body) void reader.pump(res.body.getReader());
    return reader;
  }

  private async pump(stream: ReadableStreamDefaultReader<Uint8Array>): Promise<void> {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for (;;) {
        const { done, value } = await stream.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const raw = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = /^event: (.*)$/m.exec(raw)?.[1];
          const data = /^data: (.*)$/m.exec(raw)?.[1];
          if (event !== undefined) this.frames.push({ event, data: data === undefined ? null : JSON.parse(data), raw });
        }
      }
    } catch {
      // Aborted by the test.
    }
    this.ended = true;
  }

  /** Waits for the n-th frame (0-based) named `event`. */
  async nth(event: string, n = 0): Promise<Frame> {
    return vi.waitFor(
      () => {
        const frame = this.frames.filter((f) => f.event === event)[n];
        if (!frame) throw new Error(`no frame ${n} "${event}" yet; have ${this.frames.map((f) => f.event).join(', ')}`);
        return frame;
      },
      { timeout: 10_000, interval: 10 },
    );
  }

  close(): void {
    this.controller.abort();
  }
}

type Scenario = Extract<Slide, { kind: 'scenario' }>;
function scenarios(session: Session): { slide: Scenario; index: number }[] {
  return session.slides.flatMap((slide, index) => (slide.kind === 'scenario' ? [{ slide, index }] : []));
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'plenary-host-'));
  host = await startNodeHost({ host: '127.0.0.1', port: 0, token: TOKEN, dataDir: join(dir, 'data'), rendererDir: null });
  base = host.server.origin;
});

afterEach(async () => {
  for (const reader of readers.splice(0)) reader.close();
  await host.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('the Node host', () => {
  it('answers /api/health with 200 {"ok":true}', async () => {
    const res = await fetch(`${base}/api/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
  });

  it('prints the ready line docs/protocol.md promises', () => {
    expect(host.readyLine).toBe(`Plenary is ready: http://127.0.0.1:${host.server.port}/?token=${TOKEN}`);
    expect(host.server.port).toBeGreaterThan(0);
  });

  it('sends the security headers on API answers, errors and event streams', async () => {
    const answers = [
      (await fetch(`${base}/api/health`)).headers,
      (await rpc('workshops.list')).headers,
      (await rpc('workshops.list', {}, null)).headers,
      (await fetch(`${base}/nothing-here`)).headers,
    ];
    const stream = await EventReader.open(`${base}/api/events?token=${TOKEN}`);
    answers.push(stream.headers!);
    for (const headers of answers) {
      // Not pages: the strictest policy, nothing may load.
      expect(headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
      expect(headers.get('x-content-type-options')).toBe('nosniff');
      expect(headers.get('x-frame-options')).toBe('DENY');
      expect(headers.get('referrer-policy')).toBe('no-referrer');
    }
  });
});

describe('the facilitator RPC', () => {
  it('answers 401 without the token, or with a wrong one, and does nothing', async () => {
    const none = await rpc('sessions.create', { workshopId: BUILT_IN }, null);
    expect(none.status).toBe(401);
    expect(none.body).toMatchObject({ error: { code: 'unauthorized' } });
    const wrong = await rpc('sessions.create', { workshopId: BUILT_IN }, 'test-token-124');
    expect(wrong.status).toBe(401);
    const res = await fetch(`${base}/api/rpc/sessions.create`, {
      method: 'POST',
      headers: { authorization: TOKEN, 'content-type': 'application/json' },
      body: JSON.stringify({ workshopId: BUILT_IN }),
    });
    expect(res.status).toBe(401);
    expect((await rpc<unknown[]>('sessions.list')).body).toEqual([]);
  });

  it('does not let a percent-encoded path slip past the token check', async () => {
    for (const path of ['/api/%72pc/sessions.create', '/api/rp%63/sessions.create', '/api/RPC/sessions.create', '/api/rpc/sessions%2Ecreate']) {
      const res = await rawRequest(host.server.port, path, 'POST', JSON.stringify({ workshopId: BUILT_IN }));
      expect([401, 404], path).toContain(res.status);
    }
    for (const path of ['/api/%65vents?token=nope', '/api/%65vents', '/api/events/?token=nope', '/api/Events?token=nope']) {
      const res = await rawGet(path);
      expect([401, 404], path).toContain(res.status);
    }
    // The HEAD route Fastify adds beside each GET carries the same check.
    for (const path of ['/api/events', '/api/events?token=nope', '/api/%65vents']) {
      const res = await rawRequest(host.server.port, path, 'HEAD');
      expect([401, 404], `HEAD ${path}`).toContain(res.status);
    }
    expect((await rpc<unknown[]>('sessions.list')).body).toEqual([]);
  });

  it('answers 404 for an unknown command', async () => {
    const res = await rpc('sessions.explode');
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ error: { code: 'not_found' } });
  });

  it('answers 400 {error:{code,message,path}} when the input fails its schema', async () => {
    const res = await rpc('sessions.goTo', { sessionId: 'abc', slideIndex: 'three' });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ error: { code: 'invalid_input', message: expect.stringMatching(/^slideIndex: /), path: 'slideIndex' } });
    const malformed = await fetch(`${base}/api/rpc/sessions.list`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: '{"oops":',
    });
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({ error: { code: 'invalid_input' } });
  });

  it('answers 404 for an unknown session id', async () => {
    const res = await rpc('sessions.get', { sessionId: 'does-not-exist' });
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ error: { code: 'not_found', message: expect.stringContaining('does-not-exist') } });
  });

  it('answers 409 for a vote on a closed question', async () => {
    const session = (await rpc<Session>('sessions.create', { workshopId: BUILT_IN, groups: ['Red'] })).body;
    const q = scenarios(session)[0]!.slide.question;
    await rpc('voting.open', { sessionId: session.id, questionId: q.id });
    await rpc('voting.close', { sessionId: session.id, questionId: q.id });
    const res = await rpc('voting.cast', { sessionId: session.id, questionId: q.id, voterId: 'g1', optionId: q.options[0]!.id });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ error: { code: 'conflict' } });
  });

  it('answers every command of docs/protocol.md with the fields it names', async () => {
    const list = await rpc<{ id: string; title: string; builtIn: boolean }[]>('workshops.list');
    expect(list.status).toBe(200);
    expect(list.body[0]).toMatchObject({ id: BUILT_IN, title: 'Leader or Manager?', builtIn: true });

    const created = await rpc<Session>('sessions.create', { workshopId: BUILT_IN, title: 'Friday', groups: ['Red', 'Blue'] });
    expect(created.status).toBe(200);
    const session = created.body;
    const expectSession = (value: Session) => {
      expect(value).toMatchObject({ id: session.id, title: 'Friday', joinCode: session.joinCode });
      expect(typeof value.id).toBe('string');
      expect(['active', 'ended']).toContain(value.status);
      expect(typeof value.slideIndex).toBe('number');
      expect(value.groups.map((g) => [typeof g.id, g.name])).toEqual([
        ['string', 'Red'],
        ['string', 'Blue'],
      ]);
      for (const slide of value.slides) {
        expect(typeof slide.id).toBe('string');
        expect(typeof slide.kind).toBe('string');
        if (slide.kind === 'scenario') {
          expect(typeof slide.question.id).toBe('string');
          expect(typeof slide.question.prompt).toBe('string');
          for (const option of slide.question.options) expect([typeof option.id, typeof option.label]).toEqual(['string', 'string']);
        }
      }
    };
    expectSession(session);
    expect(session.joinCode).toMatch(/^[2-9A-HJ-NP-Z]{6}$/);

    const got = await rpc<Session>('sessions.get', { sessionId: session.id });
    expect(got.status).toBe(200);
    expectSession(got.body);

    const sessions = await rpc<{ id: string; title: string; status: string }[]>('sessions.list');
    expect(sessions.body).toEqual([expect.objectContaining({ id: session.id, title: 'Friday', status: 'active' })]);

    const { slide, index } = scenarios(session)[0]!;
    const q = slide.question;
    const moved = await rpc<Session>('sessions.goTo', { sessionId: session.id, slideIndex: index });
    expect(moved.status).toBe(200);
    expectSession(moved.body);
    expect(moved.body.slideIndex).toBe(index);

    const opened = await rpc<Session>('voting.open', { sessionId: session.id, questionId: q.id });
    expectSession(opened.body);
    expect(opened.body.questions[q.id]!.status).toBe('open');
    const red = session.groups[0]!.id;
    const cast = await rpc('voting.cast', { sessionId: session.id, questionId: q.id, voterId: red, optionId: q.options[0]!.id });
    expect(cast).toMatchObject({ status: 200, body: { ok: true } });
    const counted = await rpc('voting.setCount', { sessionId: session.id, questionId: q.id, optionId: q.options[1]!.id, count: 4 });
    expect(counted).toMatchObject({ status: 200, body: { ok: true } });
    const closed = await rpc<Session>('voting.close', { sessionId: session.id, questionId: q.id });
    expectSession(closed.body);
    expect(closed.body.questions[q.id]!.status).toBe('closed');

    const hidden = await rpc<{ questions: { questionId: string; totals: Record<string, number> }[] }>('results.get', { sessionId: session.id });
    expect(hidden.body.questions.find((r) => r.questionId === q.id)!.totals).toEqual({});

    const revealed = await rpc<Session>('voting.reveal', { sessionId: session.id, questionId: q.id });
    expectSession(revealed.body);
    const results = await rpc<{ questions: { questionId: string; totals: Record<string, number> }[] }>('results.get', { sessionId: session.id });
    expect(results.status).toBe(200);
    expect(results.body.questions.find((r) => r.questionId === q.id)!.totals).toEqual({ [q.options[0]!.id]: 1, [q.options[1]!.id]: 4 });
    // Every question: the scenarios' choices, the warm-up's open question the closing rating and the commitments.
    expect(results.body.questions.length).toBe(askedQuestionsOf(session.slides).length);
    expect(results.body.questions.length).toBe(scenarios(session).length + 3);

    const csv = await rpc<{ filename: string; csv: string }>('reports.csv', { sessionId: session.id });
    expect(csv.status).toBe(200);
    expect(csv.body.filename).toMatch(/\.csv$/);
    const lines = csv.body.csv.slice(UTF8_BOM.length).trimEnd().split('\r\n');
    expect(lines[0]).toMatch(/^"questionId","voterId","optionId","at"/);
    // The group's vote, then the hand count (one row per option counted, marked as hands).
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain(`"${q.id}","${red}","${q.options[0]!.id}"`);
    expect(lines[2]).toContain(`"${q.id}","hands","${q.options[1]!.id}","","hands","4"`);

    const ended = await rpc<Session>('sessions.end', { sessionId: session.id });
    expectSession(ended.body);
    expect(ended.body.status).toBe('ended');
    expect((await rpc<{ status: string }[]>('sessions.list')).body[0]!.status).toBe('ended');
  });
});

describe('the facilitator event stream', () => {
  it('refuses a stream without the right token', async () => {
    expect((await fetch(`${base}/api/events`)).status).toBe(401);
    expect((await fetch(`${base}/api/events?token=wrong-token-000`)).status).toBe(401);
  });

  it('sends `event: slide.changed` with the session after sessions.goTo', async () => {
    const session = (await rpc<Session>('sessions.create', { workshopId: BUILT_IN })).body;
    const stream = await EventReader.open(`${base}/api/events?token=${TOKEN}`);
    expect(stream.status).toBe(200);
    expect(stream.headers!.get('content-type')).toMatch(/^text\/event-stream/);
    await rpc('sessions.goTo', { sessionId: session.id, slideIndex: 2 });
    const frame = await stream.nth('slide.changed');
    expect(frame.raw.startsWith('event: slide.changed\ndata: ')).toBe(true);
    expect(frame.data).toMatchObject({ sessionId: session.id, session: { id: session.id, slideIndex: 2 } });
  });
});

describe('pages and paths', () => {
  let rendererHost: NodeHost;
  let renderer: string;

  beforeEach(async () => {
    renderer = join(dir, 'renderer');
    await mkdir(renderer);
    await writeFile(join(renderer, 'index.html'), '<!doctype html><title>Plenary app</title>');
    await writeFile(join(renderer, 'participant.html'), '<!doctype html><title>Plenary phone</title>');
    await writeFile(join(renderer, '.secret-dotfile'), 'dotfile secret');
    await writeFile(join(dir, 'secret.txt'), 'outside secret');
    // The main host keeps its folder; this one serves the renderer from a second folder.
    rendererHost = await startNodeHost({ host: '127.0.0.1', port: 0, token: TOKEN, dataDir: join(dir, 'data2'), rendererDir: renderer });
  });
  afterEach(async () => {
    await rendererHost.stop();
  });

  const get = (path: string) => rawRequest(rendererHost.server.port, path);

  it('serves the app and the participant page, with the security headers', async () => {
    const app = await get('/');
    expect(app.status).toBe(200);
    expect(app.body).toContain('Plenary app');
    expect(app.headers['content-security-policy']).toContain("default-src 'self'");
    expect(app.headers['x-content-type-options']).toBe('nosniff');
    expect(app.headers['content-security-policy']).toContain("script-src 'self'");
    const phone = await get('/p/abcdef');
    expect(phone.status).toBe(200);
    expect(phone.body).toContain('Plenary phone');
    expect(phone.headers['content-security-policy']).toContain("script-src 'self'");
    expect(phone.headers['x-content-type-options']).toBe('nosniff');
  });

  it('answers 404 for paths that try to leave the renderer folder, and serves no dotfiles', async () => {
    for (const path of [
      '/p/../../etc/passwd',
      '/api/p/..%2F..%2Fetc%2Fpasswd',
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/%2E%2E%2Fsecret.txt',
      '/p/..%2F..%2Fsecret.txt',
      '/..%5csecret.txt',
      '/.secret-dotfile',
    ]) {
      const res = await get(path);
      expect(res.status, path).toBe(404);
      expect(res.body, path).not.toMatch(/secret|root:/);
    }
  });

  it('answers 404 for the same paths on a host without a renderer', async () => {
    for (const path of ['/p/../../etc/passwd', '/api/p/..%2F..%2Fetc%2Fpasswd', '/../secret.txt']) {
      const res = await rawGet(path);
      expect(res.status, path).toBe(404);
    }
  });
});

describe('stopping', () => {
  it('resolves with the data on disk and the folder free, even with streams open', async () => {
    const session = (await rpc<Session>('sessions.create', { workshopId: BUILT_IN, groups: ['Red'] })).body;
    const q = scenarios(session)[0]!.slide.question;
    await rpc('voting.open', { sessionId: session.id, questionId: q.id });
    const stream = await EventReader.open(`${base}/api/events?token=${TOKEN}`);
    const phone = await EventReader.open(`${base}/api/p/${session.joinCode}/events`);
    await phone.nth('state');
    const vote = rpc('voting.cast', { sessionId: session.id, questionId: q.id, voterId: 'g1', optionId: q.options[1]!.id });
    expect((await vote).status).toBe(200);

    await host.stop();
    await vi.waitFor(() => expect(stream.ended && phone.ended).toBe(true));
    const dataDir = join(dir, 'data');
    const file = JSON.parse(await readFile(join(dataDir, SESSIONS_DIR, `${session.id}.json`), 'utf8')) as {
      session: { votes: { voterId: string; optionId: string }[] };
    };
    expect(file.session.votes).toEqual([expect.objectContaining({ voterId: 'g1', optionId: q.options[1]!.id })]);
    expect(await readdir(dataDir)).not.toContain(LOCK_FILE);
    await expect(fetch(`${base}/api/health`)).rejects.toThrow();
    // Stopping twice is harmless (afterEach stops again).
    await host.stop();
  });
});
