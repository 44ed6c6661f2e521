/**
 * What the host checks on a connection before Fastify routes anything: the Host
 * header (421 for a name that is not ours: DNS rebinding), the time a request may
 * take to arrive (408 and the connection closed), and how many connections it
 * holds at once (a limit below the descriptor limit, so a store write never fails
 * with EMFILE). See docs/protocol.md, "Integrity on the room's network".
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { networkInterfaces } from 'node:os';
import { IntakePacer } from './intakePacer';
import { apiSecurityHeaders } from './securityHeaders';

/** A request (headers and body) must have arrived within this time, or it gets 408. */
export const REQUEST_ARRIVAL_MS = 10_000;
/** How often the reaper looks for requests past their time. */
const REAP_EVERY_MS = 250;
/** Connections closed per turn of the event loop: 5,000 at once would hold it for a third of a second. */
const REAP_PER_TURN = 200;
/** Node's own timeouts stay as a backstop, this much later than ours. */
const BACKSTOP_MS = 2000;
/**
 * How long one turn of the event loop may spend taking in requests before the
 * other connections wait for the next turn (intakePacer.ts): the facilitator's
 * RPC waits at most about this long behind a flood of votes. Counted in requests
 * instead (200 a turn), the closing and reopening of a thousand connections cost
 * the 1,000-phone burst a third more CPU time; by time, that burst is hardly paced.
 */
export const INTAKE_MS_PER_TURN = 20;
/** Descriptors kept out of the connection limit: the store's files, logs, the lock, a folder fsync. */
const MIN_RESERVED_DESCRIPTORS = 256;

/** The soft limit on open files, from /proc on Linux (Node raises it to the hard limit at start); null where unknown. */
export function descriptorLimit(limitsText?: string): number | null {
  let text = limitsText;
  if (text === undefined) {
    try {
      text = readFileSync('/proc/self/limits', 'utf8');
    } catch {
      return null;
    }
  }
  const match = /^Max open files\s+(\d+|unlimited)/m.exec(text);
  if (!match?.[1] || match[1] === 'unlimited') return null;
  return Number(match[1]);
}

/**
 * How many connections the host holds at once: the descriptor limit less a reserve
 * (an eighth, at least 256); past it a new connection is closed at once. Where the
 * limit is unknown (Windows, macOS without /proc), 4,000, far below their defaults
 * for a process that raised its limit (Node does) and above any room's phones.
 */
export function connectionLimitFor(limit: number | null): number {
  if (limit === null) return 4000;
  const reserve = Math.max(MIN_RESERVED_DESCRIPTORS, Math.ceil(limit / 8));
  return Math.max(16, limit - reserve);
}

const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]'];

/** `::1` → `[::1]`: a Host header writes an IPv6 address in brackets. */
const hostForm = (address: string) => (address.includes(':') ? `[${address.toLowerCase()}]` : address.toLowerCase());

/** Every address of this computer's interfaces, as a Host header writes them. */
export function interfaceHostNames(interfaces = networkInterfaces()): string[] {
  const names: string[] = [];
  for (const entries of Object.values(interfaces)) {
    for (const entry of entries ?? []) {
      // A link-local IPv6 address carries its zone (fe80::1%eth0), which no Host header can name.
      if (!entry.address.includes('%')) names.push(hostForm(entry.address));
    }
  }
  return names;
}

/**
 * Decides whether a Host header names this host: its listening address,
 * localhost, 127.0.0.1, [::1] or one of its interfaces' addresses, with its port
 * (which a browser leaves out only for port 80). The interfaces are read again at
 * most every few seconds: a laptop joins the room's network after starting.
 */
export class HostNameCheck {
  private names = new Set<string>();
  private readAt = -Infinity;

  constructor(
    private readonly listenHost: string,
    private readonly port: () => number,
    private readonly interfaces: () => string[] = interfaceHostNames,
    private readonly now: () => number = () => Date.now(),
  ) {}

  allows(header: string | undefined): boolean {
    if (!header) return false;
    const wanted = header.toLowerCase();
    if (this.names.has(wanted)) return true;
    // A miss may be a new address (or the port just chosen): look again, at most every 2 s.
    if (this.now() - this.readAt < 2000) return false;
    this.refresh();
    return this.names.has(wanted);
  }

  private refresh(): void {
    this.readAt = this.now();
    const port = this.port();
    const hosts = new Set([...LOOPBACK_NAMES, hostForm(this.listenHost), ...this.interfaces()]);
    const names = new Set<string>();
    for (const host of hosts) {
      names.add(`${host}:${port}`);
      if (port === 80) names.add(host);
    }
    this.names = names;
  }
}

const REQUEST_TIMEOUT = 'HTTP/1.1 408 Request Timeout\r\nConnection: close\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: 76\r\n\r\n{"error":{"code":"timeout","message":"The request took too long to arrive."}}';

/**
 * Closes connections whose request has not fully arrived in time, with 408.
 * Node can do it itself (requestTimeout), but it closes every expired connection
 * in one go: 5,000 slow bodies that came together left the loop for 300 ms at
 * once, and the facilitator's RPC waited behind them. Here they are closed a few
 * hundred per turn, and the RPC goes between.
 */
class SlowRequestReaper {
  /** Each connection's deadline, and the request it waits for (none yet: its headers). */
  private readonly deadlines = new Map<Socket, { at: number; request: IncomingMessage | null }>();
  private readonly timer: ReturnType<typeof setInterval>;
  private reaping = false;

  constructor(private readonly limitMs: number) {
    this.timer = setInterval(() => this.sweep(), Math.min(REAP_EVERY_MS, limitMs / 4));
    this.timer.unref();
  }

  /** A connection, or a new request on it: its headers and body must arrive within the limit from now. */
  expect(socket: Socket, request: IncomingMessage | null): void {
    if (!this.deadlines.has(socket)) socket.once('close', () => this.deadlines.delete(socket));
    this.deadlines.set(socket, { at: Date.now() + this.limitMs, request });
  }

  private sweep(): void {
    if (this.reaping) return;
    const now = Date.now();
    const expired: Socket[] = [];
    for (const [socket, deadline] of this.deadlines) {
      if (deadline.at > now) continue;
      // Arrived whole (a GET at once, a body since): the answer may take as long as
      // it takes, an event stream for hours. The next request on it starts a new deadline.
      if (deadline.request?.complete) deadline.at = Infinity;
      else expired.push(socket);
    }
    if (expired.length === 0) return;
    this.reaping = true;
    const closeSome = (from: number) => {
      for (const socket of expired.slice(from, from + REAP_PER_TURN)) {
        this.deadlines.delete(socket);
        if (socket.destroyed) continue;
        socket.end(REQUEST_TIMEOUT);
        socket.destroySoon();
      }
      if (from + REAP_PER_TURN < expired.length) setImmediate(() => closeSome(from + REAP_PER_TURN));
      else this.reaping = false;
    };
    closeSome(0);
  }

  stop(): void {
    clearInterval(this.timer);
    this.deadlines.clear();
  }
}

/** 421, as plain JSON, for a request that named some other host. Nothing else runs. */
function misdirected(res: ServerResponse): void {
  const body = JSON.stringify({ error: { code: 'misdirected', message: 'This host does not answer to that name.' } });
  res.writeHead(421, { ...apiSecurityHeaders, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'close' });
  res.end(body);
}

export interface GuardedServerOptions {
  listenHost: string;
  /** The port once listening (0 was asked for: the system picks one). */
  port: () => number;
  /** Connections held at once; defaults to connectionLimitFor(descriptorLimit()). */
  maxConnections?: number;
  /** Defaults to REQUEST_ARRIVAL_MS; tests shorten it. */
  requestArrivalMs?: number;
  /** Defaults to INTAKE_MS_PER_TURN; tests give their own. */
  intakeMsPerTurn?: number;
  /** A request whose connection is never held back by the intake's pacing (the facilitator's). */
  isPriority?: (request: IncomingMessage) => boolean;
}

/** An event stream's request (`/api/events`, `/api/p/<code>/events`): its connection sends nothing after it. */
const isEventStream = (request: IncomingMessage) => (request.url ?? '').split('?', 1)[0]!.endsWith('/events');

/**
 * The HTTP server under Fastify (its `serverFactory`): checks Host before the
 * router sees the request, times out requests that arrive too slowly, and refuses
 * connections past the limit; and paces how many requests it takes in per turn
 * (intakePacer.ts), so a flood of votes never holds the facilitator's click.
 */
export function createGuardedServer(handler: (req: IncomingMessage, res: ServerResponse) => void, options: GuardedServerOptions): Server {
  const arrival = options.requestArrivalMs ?? REQUEST_ARRIVAL_MS;
  const hosts = new HostNameCheck(options.listenHost, options.port);
  const reaper = new SlowRequestReaper(arrival);
  const intake = new IntakePacer({
    budgetMs: options.intakeMsPerTurn ?? INTAKE_MS_PER_TURN,
    isStream: isEventStream,
    ...(options.isPriority ? { isExempt: options.isPriority } : {}),
  });
  const server = createServer(
    {
      // A backstop: Node answers 408 itself a little after the reaper would have.
      requestTimeout: arrival + BACKSTOP_MS,
      headersTimeout: arrival + BACKSTOP_MS,
      connectionsCheckingInterval: 1000,
    },
    (req, res) => {
      // The headers came in time; now the body has the same time from here.
      reaper.expect(req.socket, req);
      intake.request(req);
      if (!hosts.allows(req.headers.host)) return misdirected(res);
      handler(req, res);
    },
  );
  // A connection's first request must come in time too (slow headers).
  server.on('connection', (socket: Socket) => {
    reaper.expect(socket, null);
    intake.connection(socket);
  });
  server.on('close', () => {
    reaper.stop();
    intake.stop();
  });
  // WARNING: past this, Node closes each new connection as it is accepted: a
  // descriptor is held for a moment only, and the reserve stays for the store.
  server.maxConnections = options.maxConnections ?? connectionLimitFor(descriptorLimit());
  return server;
}
