/**
 * The learning loop over the participant protocol, on a real port: the phones'
 * profile key (what a phone needs to work out its own person's profile, and no
 * more), and commitments (by dimension for everyone but the phone that wrote them).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
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

describe('commitments over the participant protocol', () => {
  it('are kept by dimension, three at most, and no facilitator answer or export ties one to its phone', async () => {
    const session = await rpc<Session>('sessions.create', { workshopId: BUILT_IN, title: 'Commitments room', votingMode: 'phones', groups: ['Red', 'Blue'] });
    const code = session.joinCode;
    const index = session.slides.findIndex((slide) => slide.kind === 'commitments');
    const slide = session.slides[index]!;
    if (slide.kind !== 'commitments') throw new Error('the built-in workshop has a commitments slide');
    const questionId = slide.question.id;
    const [power, guidance, risk] = ['power', 'guidance', 'risk'].map((id) => session.dimensions.find((d) => d.id === id)!);
    await rpc('sessions.goTo', { sessionId: session.id, slideIndex: index });

    // The phone is told it is an open question with the dimensions to pick from.
    const state = (await (await fetch(`${base}/api/p/${code}`)).json()) as { question: { type: string; dimensions: { id: string; name: string }[]; results: unknown } };
    expect(state.question).toMatchObject({ type: 'text', results: null });
    expect(state.question.dimensions).toEqual(session.dimensions.map(({ id, name }) => ({ id, name })));
    // Not open yet: 409.
    expect(await phoneVote(code, { deviceId: 'device-alpha-1', questionId, text: 'I will wait', dimensionId: power!.id })).toBe(409);
    await rpc('voting.open', { sessionId: session.id, questionId });

    const alpha = ['I will let Sam run the Monday meeting', 'I will ask before I tell', 'I will try one small pilot'] as const;
    expect(await phoneVote(code, { deviceId: 'device-alpha-1', questionId, text: `  ${alpha[0]} `, dimensionId: power!.id, groupId: 'g1' })).toBe(200);
    expect(await phoneVote(code, { deviceId: 'device-alpha-1', questionId, text: alpha[1], dimensionId: guidance!.id, groupId: 'g1' })).toBe(200);
    expect(await phoneVote(code, { deviceId: 'device-alpha-1', questionId, text: alpha[2], dimensionId: risk!.id, groupId: 'g1' })).toBe(200);
    // A fourth is refused, and so are empty words, too many of them, and a dimension the workshop does not have.
    expect(await phoneVote(code, { deviceId: 'device-alpha-1', questionId, text: 'I will do a fourth thing', dimensionId: power!.id })).toBe(409);
    expect(await phoneVote(code, { deviceId: 'device-beta-22', questionId, text: '   ', dimensionId: power!.id })).toBe(400);
    expect(await phoneVote(code, { deviceId: 'device-beta-22', questionId, text: 'x'.repeat(141), dimensionId: power!.id })).toBe(400);
    expect(await phoneVote(code, { deviceId: 'device-beta-22', questionId, text: 'I will', dimensionId: 'nope' })).toBe(400);
    expect(await phoneVote(code, { deviceId: 'device-beta-22', questionId, text: 'I will', optionId: 'x' })).toBe(400);
    const beta = 'I will say we, not I, in the team update';
    expect(await phoneVote(code, { deviceId: 'device-beta-22', questionId, text: beta, dimensionId: power!.id })).toBe(200);
    // A group at the laptop writes its own.
    const blue = 'We will share the why behind each target';
    await rpc('voting.cast', { sessionId: session.id, questionId, voterId: 'g2', text: blue, dimensionId: guidance!.id });

    const during = await rpc<Session>('sessions.get', { sessionId: session.id });
    expect(during.questions[questionId]).toMatchObject({ voteCount: 5, phoneVotes: 2, totals: null });
    await rpc('voting.close', { sessionId: session.id, questionId });
    await rpc('voting.reveal', { sessionId: session.id, questionId });

    // The phones see the themes: per dimension, how many.
    const revealed = (await (await fetch(`${base}/api/p/${code}`)).json()) as { question: { results: { answers: number; themes: { dimensionId: string; count: number }[] } } };
    expect(revealed.question.results.answers).toBe(5);
    expect(revealed.question.results.themes.map((t) => [t.dimensionId, t.count])).toEqual([
      ['power', 2],
      ['guidance', 2],
      ['risk', 1],
    ]);

    const report = await rpc<{ commitments: { themes: { name: string; count: number; texts: string[] | null }[]; writers: number; count: number }[] }>('reports.get', { sessionId: session.id });
    const [figures] = report.commitments;
    expect(figures).toMatchObject({ count: 5, writers: 3 });
    const themes = new Map(figures!.themes.map((t) => [t.name, t.texts]));
    expect(themes.get(power!.name)).toEqual([alpha[0], beta].sort((a, b) => a.localeCompare(b)));
    expect(themes.get(guidance!.name)).toEqual([alpha[1], blue].sort((a, b) => a.localeCompare(b)));
    expect(themes.get(risk!.name)).toEqual([alpha[2]]);

    // Every facilitator answer and export: where a commitment's words are, no device id is.
    const answers: Record<string, string> = {
      'sessions.get': JSON.stringify(await rpc('sessions.get', { sessionId: session.id })),
      'results.get': JSON.stringify(await rpc('results.get', { sessionId: session.id })),
      'reports.get': JSON.stringify(report),
      'reports.get (all)': JSON.stringify(await rpc('reports.get', { sessionId: session.id, includeUnrevealed: true })),
      'reports.csv': (await rpc<{ csv: string }>('reports.csv', { sessionId: session.id })).csv,
      'reports.csv (all)': (await rpc<{ csv: string }>('reports.csv', { sessionId: session.id, includeUnrevealed: true })).csv,
    };
    // The archive keeps the admitted phones (as it does for scenario votes), but no commitment is among its votes.
    const archive = JSON.parse((await rpc<{ json: string }>('sessions.exportJson', { sessionId: session.id, includeUnrevealed: true })).json) as { session: { votes: { questionId: string }[] }; summary: unknown };
    expect(archive.session.votes.filter((vote) => vote.questionId === questionId)).toEqual([]);
    for (const words of [...alpha, beta, blue]) expect(JSON.stringify(archive.session)).not.toContain(words);
    answers['sessions.exportJson (summary)'] = JSON.stringify(archive.summary);
    for (const [name, text] of Object.entries(answers)) {
      for (const device of ['device-alpha-1', 'device-beta-22']) expect(text, `${name} names ${device}`).not.toContain(device);
    }
    for (const name of ['reports.get', 'reports.csv', 'sessions.exportJson (summary)']) expect(answers[name], name).toContain(alpha[0]);
    // The CSV's commitment rows are by no one, at no time, in no group.
    const rows = (parse(answers['reports.csv']!, { columns: true, bom: true }) as Record<string, string>[]).filter((row) => row.source === 'commitment');
    expect(rows.map((row) => [row.optionLabel, row.dimension]).sort()).toEqual(
      [[alpha[0], 'power'], [alpha[1], 'guidance'], [alpha[2], 'risk'], [beta, 'power'], [blue, 'guidance']].sort(),
    );
    for (const row of rows) expect(row, row.optionLabel).toMatchObject({ questionId, voterId: 'room', at: '', voterKind: 'room', groupId: '', groupName: '' });
    // The phones list names devices, but none of their words.
    const phones = JSON.stringify(await rpc('sessions.admittedPhones', { sessionId: session.id }));
    expect(phones).toContain('device-alpha-1');
    for (const words of [...alpha, beta]) expect(phones).not.toContain(words);
  });
});
