import type { IncomingMessage } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { createGuardedServer } from './connectionGuards';
import { IntakePacer } from './intakePacer';

/** A clock that moves on a millisecond each time it is read: each request takes 1 ms. */
function ticking() {
  let ms = 0;
  return () => ms++;
}
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** A socket as the pacer sees it: a handle whose reads can be stopped and started. */
const started: string[] = [];
function fakeSocket(name = '') {
  const socket = new EventEmitter() as EventEmitter & { destroyed: boolean; _handle: { reading: boolean; readStart(): number; readStop(): number } };
  socket.destroyed = false;
  socket._handle = {
    reading: true,
    readStart: () => started.push(name),
    readStop: () => 0,
  };
  return socket;
}
const asSocket = (fake: ReturnType<typeof fakeSocket>) => fake as unknown as Socket;
const requestOn = (socket: ReturnType<typeof fakeSocket>, url: string, authorization?: string) =>
  ({ socket, url, headers: authorization ? { authorization } : {} }) as unknown as IncomingMessage;

describe('IntakePacer', () => {
  it('once a turn spent its time on requests, stops reading every connection that has sent nothing yet, and reads them again next turn', async () => {
    const pacer = new IntakePacer({ budgetMs: 2, now: ticking() });
    const sockets = Array.from({ length: 5 }, () => fakeSocket());
    for (const socket of sockets) pacer.connection(asSocket(socket));
    pacer.request(requestOn(sockets[0]!, '/api/p/CODE/vote'));
    pacer.request(requestOn(sockets[1]!, '/api/p/CODE/vote'));
    expect(sockets.every((socket) => socket._handle.reading)).toBe(true);
    pacer.request(requestOn(sockets[1]!, '/api/p/CODE/vote'));
    // Its time spent: the three that sent nothing are held; the two it is reading have given all they had.
    expect(sockets.map((socket) => socket._handle.reading)).toEqual([true, true, false, false, false]);
    expect(pacer.heldBack).toBe(3);
    await nextTurn();
    expect(sockets.every((socket) => socket._handle.reading)).toBe(true);
    expect(pacer.heldBack).toBe(0);
    expect(pacer.closings).toBe(1);
  });

  it('reads the facilitator’s new connection again the moment its request shows whose it is, and its requests and streams never close the intake', async () => {
    const pacer = new IntakePacer({ budgetMs: 1, now: ticking(), isExempt: (request) => request.headers.authorization === 'Bearer T', isStream: (request) => request.url!.endsWith('/events') });
    const [phone, facilitator, stream, other] = [fakeSocket(), fakeSocket(), fakeSocket(), fakeSocket()];
    for (const socket of [phone, facilitator, stream, other]) pacer.connection(asSocket(socket));
    pacer.request(requestOn(phone, '/api/p/CODE/vote'));
    pacer.request(requestOn(phone, '/api/p/CODE/vote'));
    expect(facilitator._handle.reading).toBe(false);
    // Its request came in the chunk already read: it is read again at once.
    pacer.request(requestOn(facilitator, '/api/rpc/sessions.get', 'Bearer T'));
    expect(facilitator._handle.reading).toBe(true);
    await nextTurn();
    // A new turn of facilitator requests and a stream: however many, nothing is held.
    for (let i = 0; i < 5; i += 1) pacer.request(requestOn(facilitator, '/api/rpc/sessions.get', 'Bearer T'));
    pacer.request(requestOn(stream, '/api/p/CODE/events'));
    expect(other._handle.reading).toBe(true);
    expect(pacer.closings).toBe(1);
  });

  it('starts again only what it stopped: a connection Node stopped reading stays as Node left it', async () => {
    const pacer = new IntakePacer({ budgetMs: 1, now: ticking() });
    const [phone, stoppedByNode] = [fakeSocket(), fakeSocket()];
    stoppedByNode._handle.reading = false;
    for (const socket of [phone, stoppedByNode]) pacer.connection(asSocket(socket));
    pacer.request(requestOn(phone, '/api/p/CODE/vote'));
    pacer.request(requestOn(phone, '/api/p/CODE/vote'));
    await nextTurn();
    expect(stoppedByNode._handle.reading).toBe(false);
  });

  it('reads the held connections again newest first, so the facilitator’s new connection goes before a flood on older ones', async () => {
    const pacer = new IntakePacer({ budgetMs: 1, now: ticking() });
    const [voter, older, old, newest] = [fakeSocket('voter'), fakeSocket('older'), fakeSocket('old'), fakeSocket('newest')];
    for (const socket of [voter, older, old, newest]) pacer.connection(asSocket(socket));
    pacer.request(requestOn(voter, '/api/p/CODE/vote'));
    pacer.request(requestOn(voter, '/api/p/CODE/vote'));
    started.length = 0;
    await nextTurn();
    expect(started).toEqual(['newest', 'old', 'older']);
  });

  it('leaves a connection that has sent a request alone: only the silent are held', () => {
    const pacer = new IntakePacer({ budgetMs: 1, now: ticking() });
    const [idle, busy] = [fakeSocket(), fakeSocket()];
    for (const socket of [idle, busy]) pacer.connection(asSocket(socket));
    pacer.request(requestOn(idle, '/api/p/CODE'));
    pacer.request(requestOn(busy, '/api/p/CODE/vote'));
    expect(pacer.closings).toBe(1);
    expect([idle._handle.reading, busy._handle.reading]).toEqual([true, true]);
  });
});

describe('the guarded server under a flood of pipelined votes', () => {
  const sockets: Socket[] = [];
  afterEach(() => {
    for (const socket of sockets.splice(0)) socket.destroy();
  });

  it('takes the requests in over several turns, answers them all, and lets the facilitator’s request go before the flood ends', async () => {
    const PHONES = 40;
    const PIPELINED = 10;
    let turn = 0;
    let counting = true;
    const tick = () => {
      turn += 1;
      if (counting) setImmediate(tick);
    };
    setImmediate(tick);
    const perTurn = new Map<number, number>();
    const order: string[] = [];
    const server = createGuardedServer(
      (request, response) => {
        const who = request.headers.authorization === 'Bearer T' ? 'facilitator' : 'phone';
        order.push(who);
        if (who === 'phone') perTurn.set(turn, (perTurn.get(turn) ?? 0) + 1);
        request.resume();
        request.on('end', () => response.end('{"ok":true}'));
      },
      { listenHost: '127.0.0.1', port: () => (server.address() as AddressInfo).port, intakeMsPerTurn: 1, isPriority: (request) => request.headers.authorization === 'Bearer T' },
    );
    let accepted = 0;
    server.on('connection', () => (accepted += 1));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    try {
      const open = () =>
        new Promise<Socket>((resolve, reject) => {
          const socket = connect({ host: '127.0.0.1', port }, () => resolve(socket));
          socket.once('error', reject);
          sockets.push(socket);
        });
      const phones = await Promise.all(Array.from({ length: PHONES }, open));
      const facilitator = await open();
      // Connected as phones that loaded the page are: the host has taken every connection in.
      while (accepted < PHONES + 1) await nextTurn();
      const body = '{"deviceId":"abcdefgh","questionId":"q","optionId":"o"}';
      const vote = `POST /api/p/CODE/vote HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body}`;
      const answers = phones.map(
        (socket) =>
          new Promise<number>((resolve) => {
            let text = '';
            socket.setEncoding('latin1');
            socket.on('data', (chunk: string) => {
              text += chunk;
              const oks = text.split('HTTP/1.1 200').length - 1;
              if (oks === PIPELINED) resolve(oks);
            });
          }),
      );
      for (const socket of phones) socket.write(vote.repeat(PIPELINED));
      const facilitatorAnswer = new Promise<void>((resolve) => facilitator.once('data', () => resolve()));
      facilitator.write(`POST /api/rpc/sessions.get HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nAuthorization: Bearer T\r\nContent-Length: 2\r\n\r\n{}`);
      const answered = await Promise.all(answers);
      await facilitatorAnswer;
      expect(answered.reduce((sum, n) => sum + n, 0)).toBe(PHONES * PIPELINED);
      // 400 requests take the host several milliseconds: taken in over several turns, not one.
      expect(perTurn.size).toBeGreaterThanOrEqual(3);
      expect(Math.max(...perTurn.values())).toBeLessThan(PHONES * PIPELINED);
      // The facilitator's request, written after every vote, goes within the first turns, not behind all 400 of them.
      expect(order.indexOf('facilitator')).toBeGreaterThan(-1);
      expect(order.indexOf('facilitator')).toBeLessThan((PHONES * PIPELINED) / 2);
    } finally {
      counting = false;
      for (const socket of sockets.splice(0)) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
