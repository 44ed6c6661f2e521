/**
 * The self-check over the real participant protocol (issue 17): twenty scripted
 * phones take the built-in workshop's self-check before and after; the room's
 * figures equal this test's own arithmetic; and no facilitator answer or export
 * carries one person's ratings.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ParticipantScaleQuestion, ParticipantState } from '../shared/participant';
import type { ResultsOutput } from '../shared/contract';
import type { Session, SelfCheckQuestion } from '../shared/model';
import type { SessionSummaryReport } from '../shared/summary';
import { startNodeHost, type NodeHost } from './host';
import { hostClient } from './testing/hostClient';

const TOKEN = 'test-token-selfcheck';
const BUILT_IN = 'leader-or-manager';
const DIMENSIONS = ['power', 'guidance', 'language', 'horizon', 'outcome', 'accountability', 'credit', 'direction', 'method', 'focus', 'change', 'risk'];

let dir: string;
let host: NodeHost;
let base: string;

const api = () => hostClient(base, TOKEN);
const rpc = <T = unknown>(command: string, input: unknown = {}) => api().rpc<T>(command, input);
async function phoneGet(code: string): Promise<ParticipantState> {
  const { status, state } = await api().phoneGet(code);
  expect(status).toBe(200);
  return state;
}
const phonePost = (code: string, body: unknown) => api().phonePost(code, body);
const answer = (code: string, deviceId: string, questionId: string, value: number) => api().answer(code, deviceId, questionId, value);

const deviceOf = (phone: number) => `phone-${String(phone).padStart(2, '0')}-selfcheck`;
// Each phone's ratings, made up but fixed: a room that starts low, rates its past self lower still, and ends higher.
const beforeValue = (phone: number, d: number) => 1 + ((phone * 3 + d * 5) % 4);
const afterValue = (phone: number, d: number) => Math.min(5, 2 + ((phone + d * 2) % 4));
const thenValue = (phone: number, d: number) => 1 + ((phone + d) % 3);
/** Phone 19 answers only the first six statements; phone 18 skips its then-ratings. */
const answersDimension = (phone: number, d: number) => phone !== 19 || d < 6;
const PHONES = 20;

const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;

function selfChecks(session: Session): { before: { question: SelfCheckQuestion; index: number }; after: { question: SelfCheckQuestion; index: number } } {
  const found = session.slides.flatMap((slide, index) => (slide.kind === 'selfCheck' ? [{ question: slide.question, index }] : []));
  const before = found.find((entry) => entry.question.phase === 'before')!;
  const after = found.find((entry) => entry.question.phase === 'after')!;
  return { before, after };
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'plenary-selfcheck-'));
  host = await startNodeHost({ host: '127.0.0.1', port: 0, token: TOKEN, dataDir: dir, rendererDir: null });
  base = host.server.origin;
});

afterEach(async () => {
  await host.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('the self-check over the participant protocol', () => {
  it('20 phones rate themselves before and after; results.get per dimension is the room’s before, after and then, equal to our own arithmetic', async () => {
    const session = await rpc<Session>('sessions.create', { workshopId: BUILT_IN, title: 'Self-check room', votingMode: 'phones', groups: ['Red', 'Blue'] });
    const code = session.joinCode;
    const { before, after } = selfChecks(session);

    // Before: the phones see every statement on one question, a scale.
    await rpc('sessions.goTo', { sessionId: session.id, slideIndex: before.index });
    await rpc('voting.open', { sessionId: session.id, questionId: before.question.id });
    const shown = (await phoneGet(code)).question as ParticipantScaleQuestion;
    expect(shown).toMatchObject({ id: before.question.id, type: 'scale', min: 1, max: 5, minLabel: 'Not like me', maxLabel: 'Very like me', status: 'open', results: null, phase: 'before' });
    expect(shown.items!.map((item) => item.dimension)).toEqual(DIMENSIONS);
    expect(shown.items!.every((item) => item.then === undefined && item.results === null && item.prompt.length > 10)).toBe(true);

    await Promise.all(
      Array.from({ length: PHONES }, async (_, phone) => {
        const items = shown.items!;
        for (let d = 0; d < DIMENSIONS.length; d += 1) {
          if (answersDimension(phone, d)) await answer(code, deviceOf(phone), items[d]!.id, beforeValue(phone, d));
        }
      }),
    );
    // A second value replaces the first: phone 0 changes its mind on "power".
    await answer(code, deviceOf(0), shown.items![0]!.id, 5);
    const rated = (phone: number, d: number) => (phone === 0 && d === 0 ? 5 : beforeValue(phone, d));

    // The facilitator sees how many answered, never what.
    const running = await rpc<Session>('sessions.get', { sessionId: session.id });
    expect(running.questions[before.question.id]).toMatchObject({ status: 'open', voteCount: PHONES, phoneVotes: PHONES, totals: null, totalsByGroup: null });
    const hidden = await rpc<ResultsOutput>('results.get', { sessionId: session.id });
    expect(hidden.selfCheck!.before).toMatchObject({ revealed: false, shown: false, respondents: PHONES });
    expect(hidden.selfCheck!.dimensions.every((line) => line.before === null)).toBe(true);

    await rpc('voting.reveal', { sessionId: session.id, questionId: before.question.id });
    const revealedPhone = (await phoneGet(code)).question as ParticipantScaleQuestion;
    const powerRatings = Array.from({ length: PHONES }, (_, phone) => rated(phone, 0));
    expect(revealedPhone.items![0]!.results).toMatchObject({ answers: PHONES, mean: mean(powerRatings) });

    // After: the same statements now and then.
    await rpc('sessions.goTo', { sessionId: session.id, slideIndex: after.index });
    await rpc('voting.open', { sessionId: session.id, questionId: after.question.id });
    const later = (await phoneGet(code)).question as ParticipantScaleQuestion;
    expect(later.phase).toBe('after');
    expect(later.thenPrompt).toBe('Looking back, where were you before today?');
    expect(later.items).toHaveLength(24);
    // A before statement is not on the screen any more.
    expect(await phonePost(code, { deviceId: deviceOf(1), questionId: shown.items![1]!.id, value: 3 })).toBe(409);
    await Promise.all(
      Array.from({ length: PHONES }, async (_, phone) => {
        for (let d = 0; d < DIMENSIONS.length; d += 1) {
          if (!answersDimension(phone, d)) continue;
          const now = later.items!.find((item) => item.dimension === DIMENSIONS[d] && !item.then)!;
          const then = later.items!.find((item) => item.dimension === DIMENSIONS[d] && item.then)!;
          await answer(code, deviceOf(phone), now.id, afterValue(phone, d));
          if (phone !== 18) await answer(code, deviceOf(phone), then.id, thenValue(phone, d));
        }
      }),
    );
    await rpc('voting.reveal', { sessionId: session.id, questionId: after.question.id });

    const results = await rpc<ResultsOutput>('results.get', { sessionId: session.id });
    const figures = results.selfCheck!;
    expect(figures.before).toMatchObject({ selfCheckId: before.question.id, revealed: true, respondents: PHONES });
    expect(figures.after).toMatchObject({ selfCheckId: after.question.id, revealed: true, respondents: PHONES });
    expect(figures.dimensions.map((line) => line.dimensionId)).toEqual(DIMENSIONS);
    DIMENSIONS.forEach((dimension, d) => {
      const phones = Array.from({ length: PHONES }, (_, phone) => phone).filter((phone) => answersDimension(phone, d));
      const beforeValues = phones.map((phone) => rated(phone, d));
      const afterValues = phones.map((phone) => afterValue(phone, d));
      const thenValues = phones.filter((phone) => phone !== 18).map((phone) => thenValue(phone, d));
      const line = figures.dimensions[d]!;
      expect(line.before, dimension).toMatchObject({ n: beforeValues.length, withheld: false });
      expect(line.before!.mean).toBeCloseTo(mean(beforeValues), 12);
      expect(line.after).toMatchObject({ n: afterValues.length });
      expect(line.after!.mean).toBeCloseTo(mean(afterValues), 12);
      expect(line.then).toMatchObject({ n: thenValues.length });
      expect(line.then!.mean).toBeCloseTo(mean(thenValues), 12);
      expect(line.shift.afterMinusBefore).toBeCloseTo(mean(afterValues) - mean(beforeValues), 12);
      expect(line.shift.afterMinusThen).toBeCloseTo(mean(afterValues) - mean(thenValues), 12);
      // The counts per value add up to n, every point of the scale present.
      expect(Object.keys(line.before!.counts!)).toEqual(['1', '2', '3', '4', '5']);
      expect(Object.values(line.before!.counts!).reduce((sum, count) => sum + count, 0)).toBe(beforeValues.length);
      expect(line.before!.counts!['3']).toBe(beforeValues.filter((value) => value === 3).length);
    });
    expect(figures.dimensions[0]!.before!.n).toBe(20);
    expect(figures.dimensions[11]!.before!.n).toBe(19);
    expect(figures.dimensions[11]!.then!.n).toBe(18);

    // The one summary says the same.
    const report = await rpc<SessionSummaryReport>('reports.get', { sessionId: session.id });
    expect(report.selfCheck).toEqual(figures);
  });

  it('no facilitator answer or export carries one phone’s self-check: only how many answered, and room totals', async () => {
    const session = await rpc<Session>('sessions.create', { workshopId: BUILT_IN, title: 'Private room', votingMode: 'phones' });
    const code = session.joinCode;
    const { before } = selfChecks(session);
    await rpc('sessions.goTo', { sessionId: session.id, slideIndex: before.index });
    await rpc('voting.open', { sessionId: session.id, questionId: before.question.id });
    const items = ((await phoneGet(code)).question as ParticipantScaleQuestion).items!;
    const phones = Array.from({ length: 5 }, (_, phone) => deviceOf(phone));
    for (const [phone, deviceId] of phones.entries()) {
      for (const [d, item] of items.entries()) await answer(code, deviceId, item.id, 1 + ((phone + d) % 5));
    }
    await rpc('voting.reveal', { sessionId: session.id, questionId: before.question.id });

    const answers: Record<string, string> = {
      'sessions.get': JSON.stringify(await rpc('sessions.get', { sessionId: session.id })),
      'results.get': JSON.stringify(await rpc('results.get', { sessionId: session.id })),
      'reports.get': JSON.stringify(await rpc('reports.get', { sessionId: session.id, includeUnrevealed: true })),
      'reports.csv': (await rpc<{ csv: string }>('reports.csv', { sessionId: session.id, includeUnrevealed: true })).csv,
      'sessions.exportJson': (await rpc<{ json: string }>('sessions.exportJson', { sessionId: session.id, includeUnrevealed: true })).json,
      'sessions.list': JSON.stringify(await rpc('sessions.list')),
    };
    // The archive lists the phones the session admitted (as it always has: id, address, when), with no answer of theirs.
    const archived = JSON.parse(answers['sessions.exportJson']!) as { session: { phones: { deviceId: string }[] } };
    expect(archived.session.phones.map((phone) => phone.deviceId).sort()).toEqual(phones);
    expect(archived.session.phones.every((phone) => Object.keys(phone).sort().join() === 'address,admittedAt,deviceId')).toBe(true);
    archived.session.phones = [];
    answers['sessions.exportJson'] = JSON.stringify(archived);
    for (const [command, text] of Object.entries(answers)) {
      for (const deviceId of phones) expect(text.includes(deviceId), `${command} names ${deviceId}`).toBe(false);
    }
    // The archive keeps the session, not the self-check's answers; the CSV has one row per value and statement, for the room.
    const archive = JSON.parse(answers['sessions.exportJson']!) as { session: { votes: unknown[] }; withheld: { selfCheckAnswers: number }; summary: SessionSummaryReport };
    expect(archive.session.votes).toEqual([]);
    expect(archive.withheld.selfCheckAnswers).toBe(5 * 12);
    expect(archive.summary.selfCheck!.dimensions[0]!.before!.n).toBe(5);
    const rows = parse(answers['reports.csv']!, { columns: true, skip_empty_lines: true, bom: true }) as Record<string, string>[];
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row) => row['source'] === 'self-check' && row['voterId'] === 'room' && row['voterKind'] === 'room')).toBe(true);
    const power = rows.filter((row) => row['questionId'] === items[0]!.id);
    expect(power.reduce((sum, row) => sum + Number(row['count']), 0)).toBe(5);
    expect(power.map((row) => row['optionId']).sort()).toEqual(['1', '2', '3', '4', '5']);
    // The session view says how many answered.
    const view = JSON.parse(answers['sessions.get']!) as Session;
    expect(view.questions[before.question.id]).toMatchObject({ voteCount: 5, phoneVotes: 5, totals: null });
  });

  it('withholds a mean resting on fewer ratings than the privacy floor, everywhere', async () => {
    await rpc('settings.update', { reportMinGroupSize: 3 });
    const session = await rpc<Session>('sessions.create', { workshopId: BUILT_IN, title: 'Two people', votingMode: 'phones' });
    const { before } = selfChecks(session);
    await rpc('sessions.goTo', { sessionId: session.id, slideIndex: before.index });
    await rpc('voting.open', { sessionId: session.id, questionId: before.question.id });
    const items = ((await phoneGet(session.joinCode)).question as ParticipantScaleQuestion).items!;
    await answer(session.joinCode, deviceOf(1), items[0]!.id, 5);
    await answer(session.joinCode, deviceOf(2), items[0]!.id, 1);
    await rpc('voting.reveal', { sessionId: session.id, questionId: before.question.id });
    const results = await rpc<ResultsOutput>('results.get', { sessionId: session.id });
    expect(results.selfCheck!.dimensions[0]!.before).toEqual({ n: 2, mean: null, counts: null, withheld: true });
    const phone = (await phoneGet(session.joinCode)).question as ParticipantScaleQuestion;
    expect(phone.items![0]!.results).toBeNull();
    const csv = (await rpc<{ csv: string }>('reports.csv', { sessionId: session.id, includeUnrevealed: true })).csv;
    expect(csv.includes('self-check')).toBe(false);
    const report = await rpc<SessionSummaryReport>('reports.get', { sessionId: session.id });
    expect(report.selfCheck!.dimensions[0]!.before!.mean).toBeNull();
  });

  it('a self-check revealed again shows the same figures until the privacy floor more people answered: no one rating can be read off the difference', async () => {
    await rpc('settings.update', { reportMinGroupSize: 3 });
    const session = await rpc<Session>('sessions.create', { workshopId: BUILT_IN, title: 'Differencing', votingMode: 'phones' });
    const { before } = selfChecks(session);
    const id = { sessionId: session.id, questionId: before.question.id };
    await rpc('sessions.goTo', { sessionId: session.id, slideIndex: before.index });
    await rpc('voting.open', id);
    const items = ((await phoneGet(session.joinCode)).question as ParticipantScaleQuestion).items!;
    const power = items[0]!.id;
    for (let phone = 0; phone < 10; phone += 1) await answer(session.joinCode, deviceOf(phone), power, 2);
    await rpc('voting.reveal', id);
    const figuresNow = async () => {
      const results = await rpc<ResultsOutput>('results.get', { sessionId: session.id });
      const report = await rpc<SessionSummaryReport>('reports.get', { sessionId: session.id, includeUnrevealed: true });
      const exported = JSON.parse((await rpc<{ json: string }>('sessions.exportJson', { sessionId: session.id, includeUnrevealed: true })).json) as { summary: SessionSummaryReport; session: { questions: Record<string, object> } };
      expect(exported.session.questions[before.question.id]).not.toHaveProperty('shownFigures');
      const phone = ((await phoneGet(session.joinCode)).question as ParticipantScaleQuestion).items![0]!.results;
      const shown = report.selfCheck!.dimensions[0]!.before;
      expect(exported.summary.selfCheck!.dimensions[0]!.before).toEqual(shown);
      // While it is open again, the results hide it, as any unrevealed question.
      expect(results.selfCheck!.dimensions[0]!.before).toEqual(results.selfCheck!.before!.revealed ? shown : null);
      return { shown, phone };
    };
    const first = await figuresNow();
    expect(first.shown).toMatchObject({ n: 10, mean: 2 });
    expect(first.phone).toMatchObject({ answers: 10, mean: 2 });

    // Reopened: one more person answers 5, and one of the ten changes 2 to 5.
    await rpc('voting.open', id);
    await answer(session.joinCode, deviceOf(10), power, 5);
    await answer(session.joinCode, deviceOf(0), power, 5);
    const reopened = await rpc<Session>('sessions.get', { sessionId: session.id });
    expect(reopened.questions[before.question.id]).toMatchObject({ selfCheckAnswersNeeded: 2 });
    expect(reopened.questions[before.question.id]).not.toHaveProperty('shownFigures');
    // While it is open, the report with unrevealed answers shows the kept figures too.
    expect((await figuresNow()).shown).toEqual(first.shown);
    await rpc('voting.reveal', id);
    expect(await figuresNow()).toEqual(first);

    // Two more (three new ratings since the reveal, the floor): the figures move, the change mixed with theirs.
    await rpc('voting.open', id);
    await answer(session.joinCode, deviceOf(11), power, 4);
    await answer(session.joinCode, deviceOf(12), power, 4);
    await rpc('voting.reveal', id);
    const moved = await figuresNow();
    expect(moved.shown).toMatchObject({ n: 13, mean: (8 * 2 + 5 + 5 + 4 + 4 + 2) / 13 });
    expect(moved.phone).toMatchObject({ answers: 13 });
    const after = await rpc<Session>('sessions.get', { sessionId: session.id });
    expect(after.questions[before.question.id]).toMatchObject({ selfCheckAnswersNeeded: 3 });
  });

  it('refuses a rating off the scale, a choice body, a statement not on the screen, and any answer once closed', async () => {
    const session = await rpc<Session>('sessions.create', { workshopId: BUILT_IN, title: 'Refusals', votingMode: 'phones' });
    const code = session.joinCode;
    const { before, after } = selfChecks(session);
    await rpc('sessions.goTo', { sessionId: session.id, slideIndex: before.index });
    const items = ((await phoneGet(code)).question as ParticipantScaleQuestion).items!;
    expect(await phonePost(code, { deviceId: deviceOf(1), questionId: items[0]!.id, value: 3 })).toBe(409); // not open yet
    await rpc('voting.open', { sessionId: session.id, questionId: before.question.id });
    expect(await phonePost(code, { deviceId: deviceOf(1), questionId: items[0]!.id, value: 6 })).toBe(400);
    expect(await phonePost(code, { deviceId: deviceOf(1), questionId: items[0]!.id, value: 0 })).toBe(400);
    expect(await phonePost(code, { deviceId: deviceOf(1), questionId: items[0]!.id, value: 2.5 })).toBe(400);
    expect(await phonePost(code, { deviceId: deviceOf(1), questionId: items[0]!.id, optionId: '3' })).toBe(400);
    expect(await phonePost(code, { deviceId: deviceOf(1), questionId: `${after.question.id}--power`, value: 3 })).toBe(409);
    expect(await phonePost(code, { deviceId: deviceOf(1), questionId: before.question.id, value: 3 })).toBe(409);
    expect(await phonePost(code, { deviceId: deviceOf(1), questionId: items[0]!.id, value: 3 })).toBe(200);
    await rpc('voting.close', { sessionId: session.id, questionId: before.question.id });
    expect(await phonePost(code, { deviceId: deviceOf(1), questionId: items[1]!.id, value: 3 })).toBe(409);
    const view = await rpc<Session>('sessions.get', { sessionId: session.id });
    expect(view.questions[before.question.id]).toMatchObject({ status: 'closed', voteCount: 1 });
  });

  it('groups at the laptop rate themselves in one go (voting.castSelfCheck); each counts once, and undo takes back the latest', async () => {
    const session = await rpc<Session>('sessions.create', { workshopId: BUILT_IN, title: 'Groups room', votingMode: 'groups', groups: ['Red', 'Blue', 'Green'] });
    const { before } = selfChecks(session);
    const [red, blue, green] = session.groups.map((group) => group.id) as [string, string, string];
    const itemId = (dimension: string) => `${before.question.id}--${dimension}`;
    const all = (value: (d: number) => number) => DIMENSIONS.map((dimension, d) => ({ itemId: itemId(dimension), value: value(d) }));
    await expect(rpc('voting.castSelfCheck', { sessionId: session.id, selfCheckId: before.question.id, voterId: red, ratings: all(() => 3) })).rejects.toThrow(/409/);
    await rpc('voting.open', { sessionId: session.id, questionId: before.question.id });
    await rpc('voting.castSelfCheck', { sessionId: session.id, selfCheckId: before.question.id, voterId: red, ratings: all(() => 2) });
    await rpc('voting.castSelfCheck', { sessionId: session.id, selfCheckId: before.question.id, voterId: blue, ratings: all((d) => 1 + (d % 5)) });
    // Red changes its mind on one statement: it replaces, not adds.
    await rpc('voting.castSelfCheck', { sessionId: session.id, selfCheckId: before.question.id, voterId: red, ratings: [{ itemId: itemId('power'), value: 4 }] });
    await rpc('voting.castSelfCheck', { sessionId: session.id, selfCheckId: before.question.id, voterId: green, ratings: all(() => 5) });
    await expect(rpc('voting.castSelfCheck', { sessionId: session.id, selfCheckId: before.question.id, voterId: green, ratings: [{ itemId: itemId('power'), value: 9 }] })).rejects.toThrow(/400/);
    await expect(rpc('voting.castSelfCheck', { sessionId: session.id, selfCheckId: before.question.id, voterId: green, ratings: [{ itemId: 'q-power', value: 3 }] })).rejects.toThrow(/404/);
    await expect(rpc('voting.castSelfCheck', { sessionId: session.id, selfCheckId: before.question.id, voterId: 'nobody', ratings: all(() => 3) })).rejects.toThrow(/404/);

    const view = await rpc<Session>('sessions.get', { sessionId: session.id });
    expect(view.questions[before.question.id]).toMatchObject({ voteCount: 3, voterIds: [red, blue, green], totals: null });
    // Undo takes back Green's latest rating (its "risk").
    await rpc('voting.undo', { sessionId: session.id, questionId: before.question.id });
    await rpc('voting.reveal', { sessionId: session.id, questionId: before.question.id });
    const figures = (await rpc<ResultsOutput>('results.get', { sessionId: session.id })).selfCheck!;
    const power = figures.dimensions.find((line) => line.dimensionId === 'power')!;
    expect(power.before).toMatchObject({ n: 3, mean: (4 + 1 + 5) / 3 });
    const risk = figures.dimensions.find((line) => line.dimensionId === 'risk')!;
    expect(risk.before).toMatchObject({ n: 2, withheld: true, mean: null });
    expect(figures.dimensions.find((line) => line.dimensionId === 'change')!.before).toMatchObject({ n: 3, mean: (2 + 1 + 5) / 3 });
  });
});
