/**
 * What the host checks on a connection before Fastify routes anything: the Host
 * header (421 for a name that is not ours: DNS rebinding), the time a request may
 * take to arrive (408 and the connection closed), and how many connections it
 * holds at once (a limit below the descriptor limit, so a store write never fails
 * with EMFILE). See ../shared/PROTOCOL.md, "Integrity on the room's network".
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { networkInterfaces } from 'node:os';
import { apiSecurityHeaders } from './securityHeaders';

/** A request (headers and body) must have arrived within this time, or it gets 408. */
export const REQUEST_ARRIVAL_MS = 10_000;
/** How often Node looks for requests past their time (its default, 30 s, would let a slow body live 40 s). */
const TIMEOUT_CHECK_MS = 500;
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
}

/**
 * The HTTP server under Fastify (its `serverFactory`): checks Host before the
 * router sees the request, times out requests that arrive too slowly, and refuses
 * connections past the limit.
 */
export function createGuardedServer(handler: (req: IncomingMessage, res: ServerResponse) => void, options: GuardedServerOptions): Server {
  const arrival = options.requestArrivalMs ?? REQUEST_ARRIVAL_MS;
  const hosts = new HostNameCheck(options.listenHost, options.port);
  const server = createServer(
    {
      // Node answers 408 and closes the connection itself when these run out.
      requestTimeout: arrival,
      headersTimeout: arrival,
      connectionsCheckingInterval: Math.min(TIMEOUT_CHECK_MS, arrival),
    },
    (req, res) => {
      if (!hosts.allows(req.headers.host)) return misdirected(res);
      handler(req, res);
    },
  );
  // WARNING: past this, Node closes each new connection as it is accepted: a
  // descriptor is held for a moment only, and the reserve stays for the store.
  server.maxConnections = options.maxConnections ?? connectionLimitFor(descriptorLimit());
  return server;
}
