/**
 * The learning loop over the participant protocol, on a real port: the phones'
 * profile key (what a phone needs to work out its own person's profile, and no
 * more), and commitments (by dimension for everyone but the phone that wrote them).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ParticipantProfileKey } from '../shared/participant';
import type { Session, Slide } from '../shared/model';
import { startNodeHost, type NodeHost } from './host';

const TOKEN = 'test-token-123';
const BUILT_IN = 'leader-or-manager';

let dir: string;
let host: NodeHost;
let base: string;

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

async function phoneVote(code: string, body: unknown): Promise<number> {
  const res = await fetch(`${base}/api/p/${code}/vote`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  await res.body?.cancel();
  return res.status;
}

async function profileKey(code: string): Promise<{ status: number; text: string }> {
  const res = await fetch(`${base}/api/p/${code}/profile-key`);
  return { status: res.status, text: await res.text() };
}

type Scenario = Extract<Slide, { kind: 'scenario' }>;

function scenarios(session: Session): { slide: Scenario; index: number }[] {
  return session.slides.flatMap((slide, index) => (slide.kind === 'scenario' ? [{ slide, index }] : []));
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'plenary-loop-'));
  host = await startNodeHost({ host: '127.0.0.1', port: 0, token: TOKEN, dataDir: dir, rendererDir: null });
  base = host.server.origin;
});

afterEach(async () => {
  await host.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('GET /api/p/<code>/profile-key', () => {
  it('gives every phone the same key: revealed scenarios only, with the leans and the room’s totals, and no device', async () => {
    const session = await rpc<Session>('sessions.create', { workshopId: BUILT_IN, title: 'Profile room', votingMode: 'phones' });
    const [first, second] = scenarios(session) as [{ slide: Scenario; index: number }, { slide: Scenario; index: number }];
    const code = session.joinCode;
    const q1 = first.slide.question;
    const q2 = second.slide.question;
    for (const { index, slide } of [first, second]) {
      await rpc('sessions.goTo', { sessionId: session.id, slideIndex: index });
      await rpc('voting.open', { sessionId: session.id, questionId: slide.question.id });
      expect(await phoneVote(code, { deviceId: 'phone-one-0001', questionId: slide.question.id, optionId: slide.question.options[0]!.id })).toBe(200);
      expect(await phoneVote(code, { deviceId: 'phone-two-0002', questionId: slide.question.id, optionId: slide.question.options[1]!.id })).toBe(200);
      await rpc('voting.close', { sessionId: session.id, questionId: slide.question.id });
    }
    // Nothing is revealed yet: the key has the dimensions and no scenario.
    const before = JSON.parse((await profileKey(code)).text) as ParticipantProfileKey;
    expect(before.scenarios).toEqual([]);
    expect(before.dimensions.map((d) => d.id)).toEqual(session.dimensions.map((d) => d.id));

    await rpc('voting.reveal', { sessionId: session.id, questionId: q1.id });
    const { status, text } = await profileKey(code);
    expect(status).toBe(200);
    const key = JSON.parse(text) as ParticipantProfileKey;
    expect(key.scenarios).toEqual([
      {
        id: q1.id,
        prompt: q1.prompt,
        dimensionId: q1.dimension,
        options: q1.options.map(({ id, label, style }) => ({ id, label, style })),
        totals: Object.fromEntries(q1.options.map((o, i) => [o.id, i < 2 ? 1 : 0])),
      },
    ]);
    // The scenario not revealed stays out, and so does every device: the key is the same for anyone who asks.
    expect(text).not.toContain(q2.id);
    for (const leak of ['phone-one', 'phone-two', 'voterId', 'deviceId']) expect(text, leak).not.toContain(leak);
    expect((await profileKey(code.toLowerCase())).text).toBe(text);
    expect((await profileKey('ZZZZZZ')).status).toBe(404);
    await rpc('sessions.end', { sessionId: session.id });
    expect((await profileKey(code)).status).toBe(404);
  });
});
