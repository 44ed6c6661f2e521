/**
 * The follow-up pack over HTTP (issue 17): a workshop session's twenty phones
 * rate themselves before and after; weeks later the session's pulse (pulses.create)
 * is answered by the same twenty over the participant protocol with its own join
 * code; the workshop session's figures then carry a third point in time equal to
 * this test's own arithmetic. The pulse file travels without a person's answer,
 * is not counted twice, and a wrong or damaged file changes nothing.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ResultsOutput } from '../shared/contract';
import type { FollowUpStatus, PulseFile } from '../shared/followUp';
import type { Session } from '../shared/model';
import type { ParticipantScaleQuestion } from '../shared/participant';
import type { SelfCheckFigures } from '../shared/selfCheck';
import type { SessionSummaryReport } from '../shared/summary';
import { startNodeHost, type NodeHost } from './host';
import { hostClient } from './testing/hostClient';

const TOKEN = 'test-token-followup';
const BUILT_IN = 'leader-or-manager';
const PHONES = 20;
const DIMENSIONS = 12;

let dirs: string[] = [];
let hosts: NodeHost[] = [];

async function startHost(dir?: string): Promise<{ host: NodeHost; dir: string }> {
  const dataDir = dir ?? (await mkdtemp(join(tmpdir(), 'plenary-followup-')));
  if (!dirs.includes(dataDir)) dirs.push(dataDir);
  const host = await startNodeHost({ host: '127.0.0.1', port: 0, token: TOKEN, dataDir, rendererDir: null });
  hosts.push(host);
  return { host, dir: dataDir };
}

const client = (host: NodeHost) => hostClient(host.server.origin, TOKEN);

const deviceOf = (phone: number) => `phone-${String(phone).padStart(2, '0')}-followup`;
// Made-up but fixed ratings: a room that starts low, ends higher, and weeks later has slipped back a little.
const beforeValue = (phone: number, d: number) => 1 + ((phone * 3 + d * 5) % 4);
const afterValue = (phone: number, d: number) => Math.min(5, 2 + ((phone + d * 2) % 4));
const thenValue = (phone: number, d: number) => 1 + ((phone + d) % 3);
const pulseValue = (phone: number, d: number) => 1 + ((phone * 7 + d) % 5);
/** In the pulse, phone 19 answers only the first six statements. */
const answersPulse = (phone: number, d: number) => phone !== 19 || d < 6;
const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
const everyPhone = (run: (phone: number) => Promise<void>) => Promise.all(Array.from({ length: PHONES }, (_, phone) => run(phone)));

afterEach(async () => {
  for (const host of hosts) await host.stop().catch(() => undefined);
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  hosts = [];
  dirs = [];
});

let laptop: Awaited<ReturnType<typeof startHost>>;
beforeEach(async () => {
  laptop = await startHost();
});

/** A workshop session whose twenty phones took both self-checks, revealed, then ended. */
async function runWorkshop(api: ReturnType<typeof client>, title: string) {
  const session = await api.rpc<Session>('sessions.create', { workshopId: BUILT_IN, title, votingMode: 'phones' });
  const checks = session.slides.flatMap((slide, index) => (slide.kind === 'selfCheck' ? [{ question: slide.question, index }] : []));
  for (const check of checks) {
    await api.rpc('sessions.goTo', { sessionId: session.id, slideIndex: check.index });
    await api.rpc('voting.open', { sessionId: session.id, questionId: check.question.id });
    const items = ((await api.phoneGet(session.joinCode)).state.question as ParticipantScaleQuestion).items!;
    await everyPhone(async (phone) => {
      for (const item of items) {
        const d = check.question.statements.findIndex((statement) => statement.dimension === item.dimension);
        const value = check.question.phase === 'before' ? beforeValue(phone, d) : item.then ? thenValue(phone, d) : afterValue(phone, d);
        await api.answer(session.joinCode, deviceOf(phone), item.id, value);
      }
    });
    await api.rpc('voting.reveal', { sessionId: session.id, questionId: check.question.id });
  }
  const ended = await api.rpc<Session>('sessions.end', { sessionId: session.id });
  return ended;
}

/** The twenty phones answer the pulse with its join code. */
async function answerPulse(api: ReturnType<typeof client>, code: string) {
  const { status, state } = await api.phoneGet(code);
  expect(status).toBe(200);
  const question = state.question as ParticipantScaleQuestion;
  expect(question).toMatchObject({ type: 'scale', status: 'open', phase: 'before', min: 1, max: 5, results: null });
  expect(question.items).toHaveLength(DIMENSIONS);
  expect(question.items!.every((item) => item.then === undefined)).toBe(true);
  await everyPhone(async (phone) => {
    for (const [d, item] of question.items!.entries()) if (answersPulse(phone, d)) await api.answer(code, deviceOf(phone), item.id, pulseValue(phone, d));
  });
  return question;
}

function expectArithmetic(figures: SelfCheckFigures) {
  expect(figures.dimensions).toHaveLength(DIMENSIONS);
  figures.dimensions.forEach((line, d) => {
    const phones = Array.from({ length: PHONES }, (_, phone) => phone);
    const before = phones.map((phone) => beforeValue(phone, d));
    const after = phones.map((phone) => afterValue(phone, d));
    const then = phones.map((phone) => thenValue(phone, d));
    const pulse = phones.filter((phone) => answersPulse(phone, d)).map((phone) => pulseValue(phone, d));
    expect(line.before!.mean, line.dimensionId).toBeCloseTo(mean(before), 12);
    expect(line.after!.mean).toBeCloseTo(mean(after), 12);
    expect(line.then!.mean).toBeCloseTo(mean(then), 12);
    expect(line.followUp).toMatchObject({ n: pulse.length, withheld: false });
    expect(line.followUp!.mean).toBeCloseTo(mean(pulse), 12);
    expect(line.followUp!.counts!['2']).toBe(pulse.filter((value) => value === 2).length);
    expect(line.shift.followUpMinusBefore).toBeCloseTo(mean(pulse) - mean(before), 12);
  });
  expect(figures.dimensions[0]!.followUp!.n).toBe(20);
  expect(figures.dimensions[11]!.followUp!.n).toBe(19);
  expect(figures.followUp).toMatchObject({ pulses: 1, respondents: PHONES });
}

// Sixty phones' worth of answers per test over HTTP: room for a loaded machine (no speed is asserted).
describe('the follow-up pulse over HTTP', { timeout: 90_000 }, () => {
  it('twenty phones answer the pulse weeks later; the workshop session’s figures carry before, after, then and follow-up, equal to our arithmetic', async () => {
    const api = client(laptop.host);
    const workshop = await runWorkshop(api, 'Leaders in March');

    const fresh = await api.rpc<FollowUpStatus>('pulses.get', { sessionId: workshop.id });
    expect(fresh).toMatchObject({ available: true, unavailableReason: null, pulse: null, imported: [], min: 1, max: 5, minLabel: 'Not like me', maxLabel: 'Very like me' });
    expect(fresh.statements).toHaveLength(DIMENSIONS);
    expect(fresh.statements[0]).toMatchObject({ dimensionId: 'power', dimensionName: expect.any(String) as string });
    const suggested = new Date(new Date(workshop.endedAt!).getTime() + 30 * 86_400_000).toISOString().slice(0, 10);
    expect(fresh.suggestedOn).toBe(suggested);
    await expect(api.rpc('pulses.export', { sessionId: workshop.id })).rejects.toThrow(/409.*no follow-up pulse/);

    const made = await api.rpc<FollowUpStatus>('pulses.create', { sessionId: workshop.id });
    expect(made.pulse).toMatchObject({ status: 'active', respondents: 0 });
    // The addresses phones open, as the presenter's phone panel gives them for the pulse's own session.
    const phonePanel = await api.rpc<{ joinUrls: string[] }>('sessions.phones', { sessionId: made.pulse!.sessionId });
    expect(made.pulse!.joinUrls).toEqual(phonePanel.joinUrls);
    expect(made.pulse!.joinUrls.every((url) => url.endsWith(`/p/${made.pulse!.joinCode}`))).toBe(true);
    // One pulse per session: asking again returns it.
    expect((await api.rpc<FollowUpStatus>('pulses.create', { sessionId: workshop.id })).pulse!.sessionId).toBe(made.pulse!.sessionId);
    const pulseSession = await api.rpc<Session>('sessions.get', { sessionId: made.pulse!.sessionId });
    expect(pulseSession).toMatchObject({ title: 'Follow-up: Leaders in March', followUpOf: workshop.id, votingMode: 'phones', groups: [], status: 'active', workshopId: workshop.workshopId });
    // A pulse is not followed up itself, nor is it a place to import.
    await expect(api.rpc('pulses.create', { sessionId: pulseSession.id })).rejects.toThrow(/400.*follow-up pulse itself/);
    expect((await api.rpc<FollowUpStatus>('pulses.get', { sessionId: pulseSession.id })).available).toBe(false);

    await answerPulse(api, made.pulse!.joinCode);
    expect((await api.rpc<FollowUpStatus>('pulses.get', { sessionId: workshop.id })).pulse!.respondents).toBe(PHONES);

    const results = await api.rpc<ResultsOutput>('results.get', { sessionId: workshop.id });
    expectArithmetic(results.selfCheck!);
    const report = await api.rpc<SessionSummaryReport>('reports.get', { sessionId: workshop.id });
    expect(report.selfCheck).toEqual(results.selfCheck);
    const archive = JSON.parse((await api.rpc<{ json: string }>('sessions.exportJson', { sessionId: workshop.id })).json) as { summary: SessionSummaryReport };
    expect(archive.summary.selfCheck).toEqual(results.selfCheck);
    // The CSV: the follow-up's counts per statement and value, for the room, under followUp--<dimension>.
    const csvRows = parse((await api.rpc<{ csv: string }>('reports.csv', { sessionId: workshop.id })).csv, { columns: true, skip_empty_lines: true, bom: true }) as Record<string, string>[];
    const powerFollowUp = csvRows.filter((row) => row['questionId'] === 'followUp--power');
    expect(powerFollowUp.every((row) => row['voterId'] === 'room' && row['source'] === 'self-check' && row['optionLabel']!.startsWith('follow-up: '))).toBe(true);
    expect(powerFollowUp.reduce((sum, row) => sum + Number(row['count']), 0)).toBe(PHONES);
    expect(Number(powerFollowUp.find((row) => row['optionId'] === '3')?.count ?? 0)).toBe(Array.from({ length: PHONES }, (_, phone) => pulseValue(phone, 0)).filter((value) => value === 3).length);

    // Its own export, imported back into the same session: listed, not counted twice.
    const exported = await api.rpc<{ filename: string; text: string }>('pulses.export', { sessionId: workshop.id });
    expect(exported.filename).toBe('leaders-in-march-pulse.json');
    const file = JSON.parse(exported.text) as PulseFile;
    expect(file).toMatchObject({ format: 'plenary-pulse', version: 1, followUpOf: workshop.id, sessionTitle: 'Leaders in March', privacyFloor: 3 });
    expect(file.pulse).toMatchObject({ pulseId: pulseSession.id, respondents: PHONES });
    for (let phone = 0; phone < PHONES; phone += 1) expect(exported.text.includes(deviceOf(phone))).toBe(false);
    const imported = await api.rpc<FollowUpStatus>('pulses.import', { sessionId: workshop.id, text: exported.text, fileName: exported.filename });
    expect(imported.imported).toEqual([expect.objectContaining({ pulseId: pulseSession.id, fileName: 'leaders-in-march-pulse.json', respondents: PHONES, sameAsLocal: true })]);
    // Again: it replaces itself.
    expect((await api.rpc<FollowUpStatus>('pulses.import', { sessionId: workshop.id, text: exported.text })).imported).toHaveLength(1);
    const again = await api.rpc<ResultsOutput>('results.get', { sessionId: workshop.id });
    expect(again.selfCheck).toEqual(results.selfCheck);
    // The session view never carries the imported pulses.
    expect(Object.keys(await api.rpc<Session>('sessions.get', { sessionId: workshop.id }))).not.toContain('importedPulses');
  });

  it('the pulse’s own answers, exports and phone list hold no one’s rating', async () => {
    const api = client(laptop.host);
    const workshop = await runWorkshop(api, 'Private pulse');
    const { pulse } = await api.rpc<FollowUpStatus>('pulses.create', { sessionId: workshop.id });
    await answerPulse(api, pulse!.joinCode);
    const sessionId = pulse!.sessionId;
    const csv = (await api.rpc<{ csv: string }>('reports.csv', { sessionId, includeUnrevealed: true })).csv;
    const rows = parse(csv, { columns: true, skip_empty_lines: true, bom: true }) as Record<string, string>[];
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row) => row['source'] === 'self-check' && row['voterId'] === 'room')).toBe(true);
    const archive = JSON.parse((await api.rpc<{ json: string }>('sessions.exportJson', { sessionId, includeUnrevealed: true })).json) as { session: { votes: unknown[]; phones: object[] }; withheld: { selfCheckAnswers: number } };
    expect(archive.session.votes).toEqual([]);
    expect(archive.withheld.selfCheckAnswers).toBe(PHONES * DIMENSIONS - 6);
    expect(archive.session.phones.every((phone) => Object.keys(phone).sort().join() === 'address,admittedAt,deviceId')).toBe(true);
    const admitted = await api.rpc<{ phones: object[] }>('sessions.admittedPhones', { sessionId });
    expect(admitted.phones).toHaveLength(PHONES);
    // How many answers each phone gave, never what.
    expect(admitted.phones.every((phone) => Object.keys(phone).sort().join() === 'address,admittedAt,deviceId,votes')).toBe(true);
    await expect(api.rpc('voting.answers', { sessionId, questionId: 'pulse' })).rejects.toThrow(/404/);
    const view = await api.rpc<Session>('sessions.get', { sessionId });
    expect(view.questions['pulse']).toMatchObject({ voteCount: PHONES, totals: null, totalsByGroup: null });
  });

  it('refuses a file that is not JSON, not a pulse file, of another session, on another scale or with a statement the session does not ask; nothing changes', async () => {
    const api = client(laptop.host);
    const workshop = await runWorkshop(api, 'Careful imports');
    const { pulse } = await api.rpc<FollowUpStatus>('pulses.create', { sessionId: workshop.id });
    await answerPulse(api, pulse!.joinCode);
    const text = (await api.rpc<{ text: string }>('pulses.export', { sessionId: workshop.id })).text;
    const good = JSON.parse(text) as PulseFile;
    const before = await api.rpc<ResultsOutput>('results.get', { sessionId: workshop.id });
    const importing = (body: unknown) => api.rpc('pulses.import', { sessionId: workshop.id, text: typeof body === 'string' ? body : JSON.stringify(body) });

    await expect(importing('{"format": "plenary-pulse", ')).rejects.toThrow(/not JSON/);
    await expect(importing({ format: 'plenary-session', version: 2 })).rejects.toThrow(/session archive, not a pulse file/);
    await expect(importing({ ...good, version: 9 })).rejects.toThrow(/version 9; this Plenary reads version 1/);
    await expect(importing({ ...good, pulse: { ...good.pulse, respondents: -1 } })).rejects.toThrow(/damaged at pulse\.respondents/);
    await expect(importing({ ...good, pulse: { ...good.pulse, pulseId: 'elsewhere', max: 7 } })).rejects.toThrow(/rated from 1 to 7.*from 1 to 5/);
    await expect(importing({ ...good, pulse: { ...good.pulse, pulseId: 'elsewhere', dimensions: [...good.pulse.dimensions, { dimensionId: 'humour', n: 1, counts: null }] } })).rejects.toThrow(/"humour", which this session's self-check does not ask/);
    await expect(importing({ ...good, pulse: { ...good.pulse, pulseId: 'elsewhere', dimensions: [{ ...good.pulse.dimensions[0]!, n: 3 }] } })).rejects.toThrow(/add up to 20, not 3/);

    // A second laptop, with a session of its own: the pulse is not its session's.
    const other = client((await startHost()).host);
    const elsewhere = await other.rpc<Session>('sessions.create', { workshopId: BUILT_IN, title: 'Another room', votingMode: 'phones' });
    await expect(other.rpc('pulses.import', { sessionId: elsewhere.id, text })).rejects.toThrow(/This pulse follows up "Careful imports", not this session\./);
    expect((await other.rpc<FollowUpStatus>('pulses.get', { sessionId: elsewhere.id })).imported).toEqual([]);

    const status = await api.rpc<FollowUpStatus>('pulses.get', { sessionId: workshop.id });
    expect(status.imported).toEqual([]);
    expect(await api.rpc<ResultsOutput>('results.get', { sessionId: workshop.id })).toEqual(before);

    // A pulse run elsewhere (another id) joins as a second pulse: the counts add up.
    await importing({ ...good, pulse: { ...good.pulse, pulseId: 'other-laptop' } });
    const merged = (await api.rpc<ResultsOutput>('results.get', { sessionId: workshop.id })).selfCheck!;
    expect(merged.followUp).toMatchObject({ pulses: 2, respondents: 2 * PHONES });
    expect(merged.dimensions[0]!.followUp!.n).toBe(2 * PHONES);
    expect(merged.dimensions[0]!.followUp!.mean).toBeCloseTo(before.selfCheck!.dimensions[0]!.followUp!.mean!, 12);
  });

  it('after a restart the pulse’s code still lets phones in; deleting the session deletes its pulse', async () => {
    let api = client(laptop.host);
    const workshop = await runWorkshop(api, 'Restarted');
    // Another session running beside it, so two join codes are live.
    const beside = await api.rpc<Session>('sessions.create', { workshopId: BUILT_IN, title: 'Beside', votingMode: 'phones' });
    const { pulse } = await api.rpc<FollowUpStatus>('pulses.create', { sessionId: workshop.id });
    await laptop.host.stop();
    hosts = hosts.filter((host) => host !== laptop.host);
    const restarted = await startHost(laptop.dir);
    api = client(restarted.host);
    expect((await api.phoneGet(beside.joinCode)).status).toBe(200);
    const question = (await api.phoneGet(pulse!.joinCode)).state.question as ParticipantScaleQuestion;
    expect(question.status).toBe('open');
    await api.answer(pulse!.joinCode, 'phone-after-restart', question.items![0]!.id, 4);
    expect((await api.rpc<FollowUpStatus>('pulses.get', { sessionId: workshop.id })).pulse).toMatchObject({ respondents: 1, status: 'active', joinCode: pulse!.joinCode });

    await api.rpc('sessions.delete', { sessionId: workshop.id });
    await expect(api.rpc('sessions.get', { sessionId: pulse!.sessionId })).rejects.toThrow(/404/);
    expect((await api.phoneGet(pulse!.joinCode)).status).toBe(404);
    expect((await api.phoneGet(beside.joinCode)).status).toBe(200);
  });
});
