/**
 * Voting again (PROTOCOL.md "Voting again"), over the facilitator RPC and the
 * participant protocol on a real port: a second round on a revealed scenario, its
 * figures beside the first's, the CSV, the archive, undo and a restart.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChoiceQuestionResult, ResultsOutput } from '../shared/contract';
import type { ParticipantChoiceQuestion, ParticipantState } from '../shared/participant';
import type { Session, SessionRecord, Slide } from '../shared/model';
import type { SessionSummaryReport } from '../shared/summary';
import { parseCsv } from '../shared/csv';
import { startNodeHost, type NodeHost } from './host';

const TOKEN = 'test-token-again';

let dir: string;
let host: NodeHost;
let base: string;

async function startHost() {
  host = await startNodeHost({ host: '127.0.0.1', port: 0, token: TOKEN, dataDir: dir, rendererDir: null });
  base = host.server.origin;
}

async function call(command: string, input: unknown = {}): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${base}/api/rpc/${command}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify(input),
  });
  return { status: res.status, body: await res.json() };
}

async function rpc<T = unknown>(command: string, input: unknown = {}): Promise<T> {
  const { status, body } = await call(command, input);
  if (status !== 200) throw new Error(`${command} answered ${status}: ${JSON.stringify(body)}`);
  return body as T;
}

async function phoneGet(code: string): Promise<ParticipantState> {
  const res = await fetch(`${base}/api/p/${code}`);
  expect(res.status).toBe(200);
  return (await res.json()) as ParticipantState;
}

async function phoneVote(code: string, deviceId: string, questionId: string, optionId: string, groupId?: string): Promise<number> {
  const res = await fetch(`${base}/api/p/${code}/vote`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ deviceId, questionId, optionId, ...(groupId ? { groupId } : {}) }),
  });
  await res.json();
  return res.status;
}

type Scenario = Extract<Slide, { kind: 'scenario' }>;

/** A session of the built-in workshop with two groups, on its first scenario, whose leader and manager options are at hand. */
async function room() {
  const session = await rpc<Session>('sessions.create', { workshopId: 'leader-or-manager', title: 'Vote again', votingMode: 'groups', groups: ['Red', 'Blue'] });
  const index = session.slides.findIndex((slide) => slide.kind === 'scenario');
  const slide = session.slides[index] as Scenario;
  await rpc('sessions.goTo', { sessionId: session.id, slideIndex: index });
  const q = slide.question;
  const leader = q.options.find((o) => o.style === 'leader')!.id;
  const manager = q.options.find((o) => o.style === 'manager')!.id;
  const [red, blue] = [session.groups[0]!, session.groups[1]!];
  return { id: session.id, code: session.joinCode, q, leader, manager, red: red.id, blue: blue.id };
}

/** The test's own count: votes per option, every option present. */
function count(options: readonly { id: string }[], picks: readonly string[], hands: Record<string, number> = {}): Record<string, number> {
  const totals = Object.fromEntries(options.map((o) => [o.id, 0]));
  for (const pick of picks) totals[pick]! += 1;
  for (const [id, n] of Object.entries(hands)) totals[id]! += n;
  return totals;
}

/** A choice question's entry in results.get. */
async function resultOf(sessionId: string, pick: (questionId: string) => boolean): Promise<ChoiceQuestionResult> {
  const found = (await rpc<ResultsOutput>('results.get', { sessionId })).questions.find((q) => pick(q.questionId));
  if (found?.type !== 'choice') throw new Error('expected a choice question');
  return found;
}

const phone = (n: number) => `phone-device-${String(n).padStart(3, '0')}`;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'plenary-again-'));
  await startHost();
});

afterEach(async () => {
  await host.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('voting.reopen', () => {
  it('gives a reopened scenario two rounds in results.get, each equal to the test’s own count, the top level holding the last', async () => {
    const r = await room();
    // Round 1: 6 phones (4 manager, 2 leader), Red on the screen for manager, 3 hands for leader.
    const firstPhones = [r.manager, r.manager, r.manager, r.manager, r.leader, r.leader];
    await rpc('voting.open', { sessionId: r.id, questionId: r.q.id });
    for (const [n, pick] of firstPhones.entries()) expect(await phoneVote(r.code, phone(n), r.q.id, pick, n % 2 ? r.blue : r.red)).toBe(200);
    await rpc('voting.cast', { sessionId: r.id, questionId: r.q.id, voterId: r.red, optionId: r.manager });
    await rpc('voting.setCount', { sessionId: r.id, questionId: r.q.id, optionId: r.leader, count: 3 });
    await rpc('voting.reveal', { sessionId: r.id, questionId: r.q.id });

    const reopened = await rpc<Session>('voting.reopen', { sessionId: r.id, questionId: r.q.id });
    expect(reopened.questions[r.q.id]).toMatchObject({ status: 'open', revealed: false, round: 2, voteCount: 0, totals: null });

    // Round 2: 5 of the 6 phones vote again (4 leader, 1 manager), Red moves to leader, 2 hands for manager.
    const secondPhones = [r.leader, r.leader, r.leader, r.leader, r.manager];
    for (const [n, pick] of secondPhones.entries()) expect(await phoneVote(r.code, phone(n), r.q.id, pick, n % 2 ? r.blue : r.red)).toBe(200);
    await rpc('voting.cast', { sessionId: r.id, questionId: r.q.id, voterId: r.red, optionId: r.leader });
    await rpc('voting.setCount', { sessionId: r.id, questionId: r.q.id, optionId: r.manager, count: 2 });

    // While round 2 is hidden: round 1 is known, round 2 is not.
    let results = await resultOf(r.id, (id) => id === r.q.id);
    const round1 = count(r.q.options, [...firstPhones, r.manager], { [r.leader]: 3 });
    expect(results.rounds!.map((round) => [round.round, round.revealed, round.voteCount])).toEqual([[1, true, 10], [2, false, 8]]);
    expect(results.rounds![0]!.totals).toEqual(round1);
    expect(results.rounds![1]!.totals).toEqual({});
    expect(results.totals).toEqual({});

    await rpc('voting.reveal', { sessionId: r.id, questionId: r.q.id });
    results = await resultOf(r.id, (id) => id === r.q.id);
    const round2 = count(r.q.options, [...secondPhones, r.leader], { [r.manager]: 2 });
    expect(results.rounds!.map((round) => round.totals)).toEqual([round1, round2]);
    expect(results.totals).toEqual(round2);
    expect(results.voteCount).toBe(8);
    expect(results.round).toBe(2);
    // The room's leader share: 5 of 10, then 5 of 8: 12.5 points toward leader.
    expect(results.movement).toMatchObject({ fromRound: 1, toRound: 2, shiftPoints: 12.5, direction: 'leader' });
    // Red: phones 0, 2, 4 and its screen vote: 1 of 4 leader, then 3 of 4 (phone 4 went to manager); Blue: 1 of 3, then 2 of 2.
    expect(results.movement).toMatchObject({ groupsTowardLeader: 2, groupsTowardManager: 0 });

    // A question never reopened has no rounds.
    const others = (await rpc<ResultsOutput>('results.get', { sessionId: r.id })).questions.filter((q) => q.questionId !== r.q.id);
    expect(others.length).toBeGreaterThan(0);
    for (const other of others) expect(other.rounds).toBeUndefined();
  });

  it('lets phones vote afresh: the new round is open with nothing of theirs, and an earlier vote does not count in it', async () => {
    const r = await room();
    await rpc('voting.open', { sessionId: r.id, questionId: r.q.id });
    expect(await phoneVote(r.code, phone(1), r.q.id, r.manager)).toBe(200);
    expect(await phoneVote(r.code, phone(2), r.q.id, r.manager)).toBe(200);
    await rpc('voting.reveal', { sessionId: r.id, questionId: r.q.id });
    const revealed = (await phoneGet(r.code)).question as ParticipantChoiceQuestion;
    expect(revealed).toMatchObject({ status: 'closed', results: { [r.manager]: 2 } });
    expect(revealed.round).toBeUndefined();

    await rpc('voting.reopen', { sessionId: r.id, questionId: r.q.id });
    const fresh = (await phoneGet(r.code)).question as ParticipantChoiceQuestion;
    expect(fresh).toMatchObject({ id: r.q.id, status: 'open', results: null, round: 2 });
    expect((await rpc<Session>('sessions.get', { sessionId: r.id })).questions[r.q.id]).toMatchObject({ voteCount: 0, phoneVotes: 0 });
    expect((await rpc<{ voted: number }>('sessions.phones', { sessionId: r.id })).voted).toBe(0);

    // Phone 1 votes leader in round 2; phone 2 does not vote again.
    expect(await phoneVote(r.code, phone(1), r.q.id, r.leader)).toBe(200);
    expect((await rpc<Session>('sessions.get', { sessionId: r.id })).questions[r.q.id]).toMatchObject({ voteCount: 1, phoneVotes: 1 });
    await rpc('voting.reveal', { sessionId: r.id, questionId: r.q.id });
    expect(((await phoneGet(r.code)).question as ParticipantChoiceQuestion).results).toEqual(count(r.q.options, [r.leader]));
    const results = await resultOf(r.id, (id) => id === r.q.id);
    expect(results.rounds!.map((round) => round.totals)).toEqual([count(r.q.options, [r.manager, r.manager]), count(r.q.options, [r.leader])]);

    // A third round works the same way.
    await rpc('voting.reopen', { sessionId: r.id, questionId: r.q.id });
    expect(((await phoneGet(r.code)).question as ParticipantChoiceQuestion).round).toBe(3);
  });

  it('answers 409 for a question that is not revealed, 404 for one that does not exist, and 409 once the session ended', async () => {
    const r = await room();
    const reopen = () => call('voting.reopen', { sessionId: r.id, questionId: r.q.id });
    expect((await reopen()).status).toBe(409);
    await rpc('voting.open', { sessionId: r.id, questionId: r.q.id });
    expect((await reopen()).status).toBe(409);
    await rpc('voting.close', { sessionId: r.id, questionId: r.q.id });
    const closed = await reopen();
    expect(closed.status).toBe(409);
    expect(closed.body).toMatchObject({ error: { code: 'conflict', message: expect.stringMatching(/reveal/i) } });
    expect((await call('voting.reopen', { sessionId: r.id, questionId: 'no-such-question' })).status).toBe(404);
    await rpc('voting.reveal', { sessionId: r.id, questionId: r.q.id });
    await rpc('sessions.end', { sessionId: r.id });
    expect((await reopen()).status).toBe(409);
  });

  it('undoes only the round now running, and keeps both rounds’ hand counts apart', async () => {
    const r = await room();
    await rpc('voting.open', { sessionId: r.id, questionId: r.q.id });
    await rpc('voting.cast', { sessionId: r.id, questionId: r.q.id, voterId: r.red, optionId: r.manager });
    await rpc('voting.setCount', { sessionId: r.id, questionId: r.q.id, optionId: r.manager, count: 4 });
    await rpc('voting.reveal', { sessionId: r.id, questionId: r.q.id });
    const reopened = await rpc<Session>('voting.reopen', { sessionId: r.id, questionId: r.q.id });
    // The hand-count form starts empty for the new round.
    expect(reopened.questions[r.q.id]!.handCounts).toEqual({});
    expect((await call('voting.undo', { sessionId: r.id, questionId: r.q.id })).status).toBe(409);
    await rpc('voting.cast', { sessionId: r.id, questionId: r.q.id, voterId: r.blue, optionId: r.leader });
    await rpc('voting.undo', { sessionId: r.id, questionId: r.q.id });
    expect((await call('voting.undo', { sessionId: r.id, questionId: r.q.id })).status).toBe(409);
    await rpc('voting.cast', { sessionId: r.id, questionId: r.q.id, voterId: r.red, optionId: r.leader });
    await rpc('voting.setCount', { sessionId: r.id, questionId: r.q.id, optionId: r.leader, count: 1 });
    await rpc('voting.reveal', { sessionId: r.id, questionId: r.q.id });
    const results = await resultOf(r.id, (id) => id === r.q.id);
    expect(results.rounds!.map((round) => round.totals)).toEqual([
      count(r.q.options, [r.manager], { [r.manager]: 4 }),
      count(r.q.options, [r.leader], { [r.leader]: 1 }),
    ]);
  });

  it('writes a round column in the CSV, leaving out a hidden round, and carries the rounds in the JSON archive', async () => {
    const r = await room();
    await rpc('voting.open', { sessionId: r.id, questionId: r.q.id });
    await phoneVote(r.code, phone(1), r.q.id, r.manager);
    await rpc('voting.setCount', { sessionId: r.id, questionId: r.q.id, optionId: r.leader, count: 2 });
    await rpc('voting.reveal', { sessionId: r.id, questionId: r.q.id });
    await rpc('voting.reopen', { sessionId: r.id, questionId: r.q.id });
    await phoneVote(r.code, phone(1), r.q.id, r.leader);
    await phoneVote(r.code, phone(2), r.q.id, r.leader);

    const rowsOf = async (includeUnrevealed?: boolean) => {
      const { csv } = await rpc<{ csv: string }>('reports.csv', { sessionId: r.id, ...(includeUnrevealed ? { includeUnrevealed } : {}) });
      const [header, ...rows] = parseCsv(csv);
      const at = (name: string) => header!.indexOf(name);
      expect(at('round')).toBeGreaterThan(0);
      return rows.filter((row) => row[at('questionId')] === r.q.id).map((row) => [row[at('round')], row[at('voterId')], row[at('optionId')], row[at('count')], row[at('revealed')]]);
    };
    // Round 2 is hidden: only round 1's rows.
    expect(await rowsOf()).toEqual([
      ['1', phone(1), r.manager, '1', 'yes'],
      ['1', 'hands', r.leader, '2', 'yes'],
    ]);
    expect(await rowsOf(true)).toEqual([
      ['1', phone(1), r.manager, '1', 'yes'],
      ['2', phone(1), r.leader, '1', 'no'],
      ['2', phone(2), r.leader, '1', 'no'],
      ['1', 'hands', r.leader, '2', 'yes'],
    ]);
    await rpc('voting.reveal', { sessionId: r.id, questionId: r.q.id });
    expect((await rowsOf()).map((row) => row[0])).toEqual(['1', '2', '2', '1']);

    const { json } = await rpc<{ json: string }>('sessions.exportJson', { sessionId: r.id });
    const archive = JSON.parse(json) as { session: SessionRecord; summary: SessionSummaryReport };
    expect(archive.session.votes.filter((v) => v.questionId === r.q.id).map((v) => [v.voterId, v.optionId, v.round ?? 1])).toEqual([
      [phone(1), r.manager, 1],
      [phone(1), r.leader, 2],
      [phone(2), r.leader, 2],
    ]);
    expect(archive.session.questions[r.q.id]!.round).toBe(2);
    expect(archive.session.questions[r.q.id]!.earlierHandCounts).toEqual([{ round: 1, counts: { [r.leader]: 2 } }]);
    const figures = archive.summary.questions.find((q) => q.questionId === r.q.id)!;
    expect(figures.rounds!.map((round) => round.totals)).toEqual([count(r.q.options, [r.manager], { [r.leader]: 2 }), count(r.q.options, [r.leader, r.leader])]);
  });

  it('keeps every round through a restart: the vote log replays each vote into its own round', async () => {
    const r = await room();
    await rpc('voting.open', { sessionId: r.id, questionId: r.q.id });
    for (let n = 0; n < 4; n += 1) await phoneVote(r.code, phone(n), r.q.id, r.manager);
    await rpc('voting.reveal', { sessionId: r.id, questionId: r.q.id });
    await rpc('voting.reopen', { sessionId: r.id, questionId: r.q.id });
    // These go to the vote log only (no snapshot after them).
    for (let n = 0; n < 3; n += 1) await phoneVote(r.code, phone(n), r.q.id, r.leader);
    const before = await rpc<ResultsOutput>('results.get', { sessionId: r.id });

    await host.stop();
    await startHost();
    expect(await rpc<ResultsOutput>('results.get', { sessionId: r.id })).toEqual(before);
    await rpc('voting.reveal', { sessionId: r.id, questionId: r.q.id });
    const results = await resultOf(r.id, (id) => id === r.q.id);
    expect(results.rounds!.map((round) => round.totals)).toEqual([count(r.q.options, [r.manager, r.manager, r.manager, r.manager]), count(r.q.options, [r.leader, r.leader, r.leader])]);
    // The phones' state after the restart still says round 2.
    expect(((await phoneGet(r.code)).question as ParticipantChoiceQuestion).round).toBe(2);
  });
});
