/**
 * Ids are plain data: a workshop file and a facilitator may choose any id the
 * schema allows, `__proto__`, `constructor` and `hasOwnProperty` included, and no
 * such id changes how any other request is answered. A real host on a loopback
 * port, a session run on such a workshop from start to CSV and through a restart.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseCsv } from '../shared/csv';
import type { Session, WorkshopContent } from '../shared/model';
import { encodeWorkshopFile } from '../shared/workshopFile';
import { startNodeHost, type NodeHost } from './host';

const TOKEN = 'test-token-plain-ids';
let dir: string;
let host: NodeHost;
let base: string;

async function start() {
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

async function rpc<T>(command: string, input: unknown = {}): Promise<T> {
  const { status, body } = await call(command, input);
  if (status !== 200) throw new Error(`${command} answered ${status}: ${JSON.stringify(body)}`);
  return body as T;
}

const hostile: WorkshopContent = {
  title: 'Hostile ids',
  description: '',
  dimensions: [{ id: 'toString', name: 'Prototype', leader: 'Plain data', manager: 'Magic keys' }],
  slides: [
    { id: 'constructor', kind: 'title', title: 'Welcome', subtitle: '', section: '', minutes: 0, notes: '' },
    {
      id: '__proto__',
      kind: 'scenario',
      title: '',
      section: '',
      minutes: 0,
      notes: '',
      question: {
        id: '__proto__',
        type: 'choice',
        kind: 'classify',
        prompt: 'Is a key just a key?',
        dimension: 'toString',
        debrief: '',
        options: [
          { id: 'polluted', label: 'Polluted', style: 'leader' },
          { id: 'hasOwnProperty', label: 'Has own property', style: 'manager' },
          { id: 'valueOf', label: 'Value of', style: 'neutral' },
        ],
      },
    },
    { id: 'toString', kind: 'results', title: '', section: '', minutes: 0, notes: '' },
  ],
};

/** Every read-only command, on this session and beyond it: each must answer 200. */
async function everythingAnswers(sessionId: string) {
  const commands: [string, unknown][] = [
    ['app.info', {}],
    ['settings.get', {}],
    ['workshops.list', {}],
    ['sessions.list', {}],
    ['sessions.get', { sessionId }],
    ['sessions.phones', { sessionId }],
    ['sessions.admittedPhones', { sessionId }],
    ['results.get', { sessionId }],
    ['reports.csv', { sessionId }],
    ['sessions.exportJson', { sessionId }],
    ['workshops.get', { workshopId: 'leader-or-manager' }],
  ];
  for (const [command, input] of commands) expect((await call(command, input)).status, command).toBe(200);
  // A strict schema elsewhere still accepts a clean input: nothing was added to Object.prototype.
  const other = await rpc<Session>('sessions.create', { workshopId: 'leader-or-manager', votingMode: 'phones' });
  expect((await call('settings.update', { theme: 'dark' })).status).toBe(200);
  expect((await fetch(`${base}/api/p/${other.joinCode}`)).status).toBe(200);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(typeof Object.prototype.hasOwnProperty).toBe('function');
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'plenary-plain-ids-'));
  await start();
});
afterEach(async () => {
  await host.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('a workshop whose ids are the names of Object.prototype', () => {
  it('runs a whole session (hand count, votes, phones, note, results, CSV, restart) and every other request answers as before', async () => {
    const workshop = await rpc<{ id: string }>('workshops.import', { text: encodeWorkshopFile(hostile), fileName: 'hostile.plenary.json' });
    const session = await rpc<Session>('sessions.create', {
      workshopId: workshop.id,
      groups: [
        { id: '__proto__', name: 'Proto' },
        { id: 'constructor', name: 'Builders' },
      ],
    });
    expect(session.groups.map((g) => g.id)).toEqual(['__proto__', 'constructor']);
    const sessionId = session.id;
    await rpc('sessions.goTo', { sessionId, slideIndex: 1 });
    await rpc('voting.open', { sessionId, questionId: '__proto__' });
    await rpc('voting.cast', { sessionId, questionId: '__proto__', voterId: '__proto__', optionId: 'polluted' });
    await rpc('voting.cast', { sessionId, questionId: '__proto__', voterId: 'constructor', optionId: 'hasOwnProperty' });
    await rpc('voting.setCount', { sessionId, questionId: '__proto__', optionId: 'polluted', count: 2 });
    await rpc('voting.setCount', { sessionId, questionId: '__proto__', optionId: 'hasOwnProperty', count: 1 });
    const phone = await fetch(`${base}/api/p/${session.joinCode}/vote`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ deviceId: 'phone-of-proto', questionId: '__proto__', optionId: 'valueOf', groupId: '__proto__' }),
    });
    expect(phone.status).toBe(200);
    await rpc('sessions.setNote', { sessionId, slideId: '__proto__', text: 'A key is a key.' });
    await rpc('sessions.setNote', { sessionId, slideId: 'constructor', text: 'Opening.' });
    await everythingAnswers(sessionId);

    const view = await rpc<Session>('sessions.get', { sessionId });
    expect(Object.hasOwn(view.questions, '__proto__')).toBe(true);
    expect(view.questions['__proto__']).toMatchObject({ status: 'open', voterIds: ['__proto__', 'constructor'], phoneVotes: 1, voteCount: 6 });
    await rpc('voting.reveal', { sessionId, questionId: '__proto__' });

    const expectResults = async () => {
      const results = await rpc<{ questions: { questionId: string; totals: Record<string, number>; totalsByGroup: Record<string, Record<string, number>> }[] }>('results.get', { sessionId });
      const question = results.questions.find((q) => q.questionId === '__proto__')!;
      expect(question.totals).toEqual({ polluted: 3, hasOwnProperty: 2, valueOf: 1 });
      expect(Object.hasOwn(question.totalsByGroup, '__proto__')).toBe(true);
      expect(question.totalsByGroup['__proto__']).toEqual({ polluted: 1, hasOwnProperty: 0, valueOf: 1 });
      expect(question.totalsByGroup['constructor']).toEqual({ polluted: 0, hasOwnProperty: 1, valueOf: 0 });
      const { csv } = await rpc<{ csv: string }>('reports.csv', { sessionId });
      const rows = parseCsv(csv);
      const [header, ...body] = rows;
      const column = (name: string) => header!.indexOf(name);
      expect(body.map((row) => [row[column('questionId')], row[column('voterId')], row[column('optionId')]])).toEqual([
        ['__proto__', '__proto__', 'polluted'],
        ['__proto__', 'constructor', 'hasOwnProperty'],
        ['__proto__', 'phone-of-proto', 'valueOf'],
        // Hand counts are rows too, one per option counted, marked as hands.
        ['__proto__', 'hands', 'polluted'],
        ['__proto__', 'hands', 'hasOwnProperty'],
      ]);
      const reread = await rpc<Session>('sessions.get', { sessionId });
      // JSON.parse, not a literal: in a literal `__proto__:` would set the prototype.
      expect(reread.notes).toEqual(JSON.parse('{"__proto__":"A key is a key.","constructor":"Opening."}'));
      expect(reread.questions['__proto__']!.handCounts).toEqual({ polluted: 2, hasOwnProperty: 1 });
    };
    await expectResults();

    await host.stop();
    await start();
    await expectResults();
    await everythingAnswers(sessionId);
  });
});
