/**
 * The HTTP host (Fastify): the facilitator RPC (token-guarded), its event stream,
 * the participant protocol for phones, and the built renderer, exactly as
 * docs/protocol.md describes them.
 */
import { timingSafeEqual } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { asUserError, type Core } from '../core/createCore';
import { isCommandName } from '../shared/contract';
import { WORKSHOP_FILE_MAX_BYTES } from '../shared/limits';
import { ApiError, httpStatusOf, type ApiErrorCode } from '../shared/errors';
import { createGuardedServer } from './connectionGuards';
import { parseDeviceVote } from './deviceVote';
import { ParticipantHub } from './participantHub';
import { SlidingWindowLimiter } from './rateLimiter';
import { apiSecurityHeaders, securityHeadersFor } from './securityHeaders';
import { openEventStream, type EventStream } from './sse';
import { TurnPacer } from './turnPacer';

export interface HttpServerOptions {
  core: Core;
  /** The facilitator token; every RPC call and the event stream need it. */
  token: string;
  /** The built renderer (out/renderer); null serves the API alone. */
  rendererDir: string | null;
  logger?: boolean;
  /** The address the server will listen on: a Host header may name it (421 otherwise). */
  listenHost?: string;
  /** Connections held at once (tests lower it); see connectionGuards.ts. */
  maxConnections?: number;
  /** How long a request may take to arrive before 408 (tests shorten it). */
  requestArrivalMs?: number;
  /** How long a turn of the event loop may take in requests (tests shorten it); see intakePacer.ts. */
  intakeMsPerTurn?: number;
}

/**
 * An import carries a whole workshop file (WORKSHOP_FILE_MAX_BYTES, pictures
 * embedded), JSON-escaped inside the RPC body: its own limit, on its own route,
 * so no other command takes bodies that large.
 */
export const IMPORT_BODY_LIMIT = Math.ceil(WORKSHOP_FILE_MAX_BYTES * 1.25);
const HASH_PATTERN = /^[0-9a-f]{64}$/;

/** Bigger vote bodies are refused before parsing (docs/protocol.md: 413 over 4 KiB). */
export const VOTE_BODY_LIMIT = 4 * 1024;
/** One device may vote at most this often a second. */
export const VOTES_PER_SECOND = 10;
/** Wrong join codes one network address may try in JOIN_GUESS_WINDOW_MS before it gets 429. */
export const JOIN_GUESSES = 20;
export const JOIN_GUESS_WINDOW_MS = 10_000;
const JOIN_CODE_PATTERN = /^[A-Za-z0-9-]{4,12}$/;
const JSON_TYPE = 'application/json; charset=utf-8';
const VOTE_OK = JSON.stringify({ ok: true });
/**
 * Vote acknowledgements answered per turn of the event loop. A burst's votes land
 * on the disk together; in slices of this size the facilitator's RPC waits behind
 * one slice (about 15 ms on the test machine), not behind all 10,000 (bench/hall.ts).
 */
const ACKS_PER_TURN = 200;

function tokenMatches(given: string | undefined, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function sendError(reply: FastifyReply, code: ApiErrorCode, message: string, path?: string) {
  return reply
    .code(httpStatusOf(code))
    .header('Cache-Control', 'no-store')
    .send({ error: path === undefined ? { code, message } : { code, message, path } });
}

function bearerOf(request: { headers: IncomingHttpHeaders }): string | undefined {
  const header = request.headers.authorization;
  return header?.startsWith('Bearer ') ? header.slice('Bearer '.length).trim() : undefined;
}

/** Builds the server (not yet listening). */
export async function buildHttpServer(options: HttpServerOptions): Promise<{ app: FastifyInstance; participants: ParticipantHub }> {
  const { core, token } = options;
  const app = Fastify({
    logger: options.logger ?? false,
    // Facilitator RPC bodies carry whole workshops and pictures (assets.add: 5 MB, base64); imports have their own route.
    bodyLimit: 12 * 1024 * 1024,
    // Lets a SIGTERM finish quickly even with phones holding event streams open.
    forceCloseConnections: true,
    return503OnClosing: true,
    // Our own node:http server: the Host check, the arrival timeouts and the
    // connection limit all act before Fastify routes anything.
    serverFactory: (handler) => {
      const server = createGuardedServer(handler, {
        listenHost: options.listenHost ?? '127.0.0.1',
        port: () => (server.address() as AddressInfo | null)?.port ?? 0,
        ...(options.maxConnections === undefined ? {} : { maxConnections: options.maxConnections }),
        ...(options.requestArrivalMs === undefined ? {} : { requestArrivalMs: options.requestArrivalMs }),
        ...(options.intakeMsPerTurn === undefined ? {} : { intakeMsPerTurn: options.intakeMsPerTurn }),
        // The facilitator's connection is never held back behind a flood of phones.
        isPriority: (request) => tokenMatches(bearerOf(request), token),
      });
      return server;
    },
  });
  const participants = new ParticipantHub(core);
  const facilitatorStreams = new Set<EventStream>();
  const limiter = new SlidingWindowLimiter(VOTES_PER_SECOND, 1000);
  const acknowledgements = new TurnPacer(ACKS_PER_TURN);
  // Counts wrong codes only: a phone that typed the right one is never slowed down.
  const joinGuesses = new SlidingWindowLimiter(JOIN_GUESSES, JOIN_GUESS_WINDOW_MS);

  // Every answer, errors and files included. A callback, not an async hook: this runs
  // for each of a burst's thousand votes, and a promise per answer is work for nothing.
  app.addHook('onSend', (_request, reply, payload, done) => {
    reply.headers(securityHeadersFor(reply.getHeader('content-type')));
    done(null, payload);
  });

  app.setErrorHandler((caught: FastifyError, _request, reply) => {
    const error = asUserError(caught) as FastifyError;
    if (error instanceof ApiError) return sendError(reply, error.code, error.message, error.path);
    const status = error.statusCode ?? 500;
    if (status === 413) return sendError(reply, 'too_large', 'The request is too large.');
    if (status === 400 || status === 415) return sendError(reply, 'invalid_input', `The request body is not valid JSON (${error.message}).`);
    // The static files answer 403 to `..`; to a visitor that is simply not there.
    if (status === 404 || status === 403) return sendError(reply, 'not_found', 'Not found.');
    if (status < 500) return reply.code(status).send({ error: { code: 'invalid_input', message: error.message } });
    console.error('Plenary: an RPC failed', error);
    return sendError(reply, 'internal', 'Something went wrong on the host. Your data is safe; try again.');
  });

  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/')) return sendError(reply, 'not_found', 'There is nothing at this address.');
    return reply.code(404).type('text/plain; charset=utf-8').send('Not found');
  });

  // ------------------------------------------------------------ facilitator

  app.get('/api/health', async (_request, reply) => reply.header('Cache-Control', 'no-store').send({ ok: true }));

  /**
   * The token check, on the two facilitator routes themselves rather than as a hook
   * on every request: phones' requests no longer pass through it. WARNING: it must
   * stay attached to the matched route, not to a test on the URL's text: the router
   * decodes `/api/%72pc/...` to `/api/rpc/...`, so a test on request.url can be walked around.
   */
  const facilitatorOnly = {
    onRequest: async (request: FastifyRequest, reply: FastifyReply) => {
      // An event stream or a picture is opened by the browser itself (EventSource, <img>), which cannot send a header.
      const inQuery = request.routeOptions.url === '/api/events' || request.routeOptions.url === '/api/assets/:asset';
      const given = inQuery ? (bearerOf(request) ?? (request.query as { token?: string }).token) : bearerOf(request);
      if (!tokenMatches(given, token)) return sendError(reply, 'unauthorized', 'This needs the facilitator token.');
    },
  };

  app.post<{ Params: { command: string } }>('/api/rpc/:command', facilitatorOnly, async (request, reply) => {
    const { command } = request.params;
    if (!isCommandName(command)) return sendError(reply, 'not_found', `There is no command ${command}.`);
    const output = await core.call(command, request.body ?? {});
    return reply.header('Cache-Control', 'no-store').send(output);
  });
  // A fixed route wins over `:command` in Fastify's router: the one command with the larger body limit.
  app.post('/api/rpc/workshops.import', { ...facilitatorOnly, bodyLimit: IMPORT_BODY_LIMIT }, async (request, reply) => {
    const output = await core.call('workshops.import', request.body ?? {});
    return reply.header('Cache-Control', 'no-store').send(output);
  });

  /** A kept picture, as its bytes: named by its hash, so a cached copy never goes stale. */
  const sendPicture = async (reply: FastifyReply, asset: string) => {
    const picture = HASH_PATTERN.test(asset) ? await core.assets.read(asset) : null;
    if (!picture) return sendError(reply, 'not_found', 'There is no such picture.');
    return reply.header('Cache-Control', 'private, max-age=31536000, immutable').type(picture.mediaType).send(picture.bytes);
  };

  app.get<{ Params: { asset: string } }>('/api/assets/:asset', facilitatorOnly, async (request, reply) => sendPicture(reply, request.params.asset));

  app.get('/api/events', facilitatorOnly, (request, reply) => {
    reply.hijack();
    const stream = openEventStream(reply.raw, apiSecurityHeaders, () => {
      facilitatorStreams.delete(stream);
      unsubscribe();
    });
    facilitatorStreams.add(stream);
    const unsubscribe = core.events.on((event) => stream.send(event.name, event.data));
    request.raw.on('close', () => stream.close());
  });

  // ------------------------------------------------------------ participants

  /**
   * The join code of a participant request, once its address may still guess. An
   * address that tried JOIN_GUESSES wrong codes in the window gets 429 for every
   * code, the right one too: otherwise the refusals would tell a guesser when it hit.
   */
  const codeOf = (request: FastifyRequest<{ Params: { code: string } }>) => {
    if (joinGuesses.isFull(request.ip)) throw new ApiError('rate_limited', 'Too many wrong join codes from this network; wait a few seconds and check the code on the screen.');
    const { code } = request.params;
    if (JOIN_CODE_PATTERN.test(code) && core.sessions.isJoinCode(code)) return code;
    joinGuesses.allow(request.ip);
    throw new ApiError('not_found', 'No running session has that code. Check the code on the screen.');
  };

  app.get<{ Params: { code: string } }>('/api/p/:code', async (request, reply) => {
    const state = core.sessions.participantState(codeOf(request));
    return reply.header('Cache-Control', 'no-store').send(state);
  });

  // What a phone needs to work out its own person's profile: the same for every phone, revealed scenarios only.
  app.get<{ Params: { code: string } }>('/api/p/:code/profile-key', async (request, reply) => {
    const key = core.sessions.profileKey(codeOf(request));
    return reply.header('Cache-Control', 'no-store').send(key);
  });

  app.post<{ Params: { code: string } }>('/api/p/:code/vote', { bodyLimit: VOTE_BODY_LIMIT }, async (request, reply) => {
    const code = codeOf(request);
    const vote = parseDeviceVote(request.body);
    // The allowance is spent only by a vote that passed every check: a refused one costs nothing.
    await core.sessions.castFromDevice(code, vote, {
      address: request.ip,
      allow: () => {
        if (!limiter.allow(vote.deviceId)) throw new ApiError('rate_limited', 'Too many votes from this phone; wait a second.');
      },
    });
    await acknowledgements.pass();
    // The answer's text is always the same: sent as it is, without serialising it per vote.
    return reply.header('Cache-Control', 'no-store').type(JSON_TYPE).send(VOTE_OK);
  });

  /**
   * The picture of the question on the current slide, and no other: a phone with
   * the code learns nothing the room's screen does not show it.
   */
  app.get<{ Params: { code: string; asset: string } }>('/api/p/:code/picture/:asset', async (request, reply) => {
    const code = codeOf(request);
    const shown = core.sessions.participantState(code).question?.picture?.asset;
    if (shown === undefined || shown !== request.params.asset) return sendError(reply, 'not_found', 'This picture is not on the screen now.');
    return sendPicture(reply, shown);
  });

  app.get<{ Params: { code: string } }>('/api/p/:code/events', (request, reply) => {
    const code = codeOf(request);
    const sessionId = core.sessions.sessionIdForCode(code);
    const state = core.sessions.participantState(code);
    reply.hijack();
    const stream = openEventStream(reply.raw, apiSecurityHeaders, () => participants.remove(sessionId, stream));
    participants.add(sessionId, stream, state);
  });

  // ------------------------------------------------------------ pages

  const rendererDir = options.rendererDir;
  if (rendererDir && existsSync(join(rendererDir, 'index.html'))) {
    await app.register(fastifyStatic, { root: rendererDir, index: false, wildcard: true, serveDotFiles: false, dotfiles: 'ignore', cacheControl: false });
    app.get('/', (_request, reply) => reply.header('Cache-Control', 'no-store').sendFile('index.html'));
    // Without a code the page shows its "type the code" form.
    app.get('/p/', (_request, reply) => reply.header('Cache-Control', 'no-store').sendFile('participant.html'));
    app.get<{ Params: { code: string } }>('/p/:code', (request, reply) => {
      // The page itself, for any well-formed code: it asks /api/p/<code>, which is where guesses are counted.
      if (!JOIN_CODE_PATTERN.test(request.params.code)) throw new ApiError('not_found', 'No running session has that code. Check the code on the screen.');
      return reply.header('Cache-Control', 'no-store').sendFile('participant.html');
    });
  } else {
    app.get('/', (_request, reply) =>
      reply.type('text/plain; charset=utf-8').send('Plenary is running, but the app is not built. Run `npm run build`, then start again.'),
    );
  }

  app.addHook('onClose', async () => {
    participants.closeAll();
    for (const stream of facilitatorStreams) stream.close();
  });

  return { app, participants };
}
