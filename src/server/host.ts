/**
 * Starting and stopping the Node host: the core on its store, and the HTTP server.
 * `npm run serve` and the desktop app's "Let phones vote" both come through here.
 */
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { networkInterfaces } from 'node:os';
import { openCore, type Core } from '../core/createCore';
import type { CoreDeps } from '../core/deps';
import { buildHttpServer } from './httpServer';
import { lanAddresses } from './lanAddresses';

export interface HostOptions {
  host: string;
  port: number;
  token: string;
  rendererDir: string | null;
  /** Connections held at once; the default follows the descriptor limit (connectionGuards.ts). */
  maxConnections?: number;
  /** How long a request may take to arrive before 408; 10 s unless a test shortens it. */
  requestArrivalMs?: number;
}

export interface RunningServer {
  /** The address as it should be printed and opened: http://HOST:PORT */
  origin: string;
  port: number;
  close(): Promise<void>;
  phonesConnected(sessionId: string): number;
}

/** A random facilitator token: 24 bytes, URL-safe. */
export function makeToken(): string {
  return randomBytes(24).toString('base64url');
}

/** Every non-internal IPv4 address of this computer, in the order the OS lists them. */
export function lanIPv4Addresses(interfaces = networkInterfaces()): string[] {
  return lanAddresses(interfaces).map((entry) => entry.address);
}

/**
 * Where phones can reach a server bound to `host`: a wildcard address means every
 * LAN address (phones cannot open 0.0.0.0); loopback reaches no phone at all.
 */
export function joinOriginsFor(host: string, port: number, addresses = lanIPv4Addresses()): string[] {
  if (host === '0.0.0.0' || host === '::') return addresses.map((address) => `http://${address}:${port}`);
  if (host === 'localhost' || host.startsWith('127.') || host === '::1') return [];
  return [`http://${host.includes(':') ? `[${host}]` : host}:${port}`];
}

/** Puts an HTTP server for `core` on the network, and tells the core where phones join. */
export async function listen(core: Core, options: HostOptions): Promise<RunningServer> {
  const { app, participants } = await buildHttpServer({
    core,
    token: options.token,
    rendererDir: options.rendererDir,
    listenHost: options.host,
    ...(options.maxConnections === undefined ? {} : { maxConnections: options.maxConnections }),
    ...(options.requestArrivalMs === undefined ? {} : { requestArrivalMs: options.requestArrivalMs }),
  });
  // A room's phones may all connect at once: a deep accept queue spares them a 1 s retry.
  await app.listen({ host: options.host, port: options.port, backlog: 2048 });
  const { port } = app.server.address() as AddressInfo;
  const shownHost = options.host.includes(':') ? `[${options.host}]` : options.host;
  const detach = core.phones.attach({ joinOrigins: joinOriginsFor(options.host, port), connected: (sessionId) => participants.count(sessionId) });
  return {
    origin: `http://${shownHost}:${port}`,
    port,
    close: async () => {
      detach();
      await app.close();
    },
    phonesConnected: (sessionId) => participants.count(sessionId),
  };
}

export interface NodeHost {
  core: Core;
  server: RunningServer;
  /** The line docs/protocol.md promises: `Plenary is ready: http://HOST:PORT/?token=TOKEN`. */
  readyLine: string;
  /** Stops listening, finishes pending writes, lets go of the data folder. */
  stop(): Promise<void>;
}

/** Opens the store in `dataDir` and serves it: the whole Node host. */
export async function startNodeHost(options: HostOptions & { dataDir: string; deps?: CoreDeps }): Promise<NodeHost> {
  const core = await openCore(options.dataDir, options.deps);
  let server: RunningServer;
  try {
    server = await listen(core, options);
  } catch (error) {
    await core.close();
    throw error;
  }
  let stopping: Promise<void> | null = null;
  return {
    core,
    server,
    readyLine: `Plenary is ready: ${server.origin}/?token=${options.token}`,
    stop: () =>
      (stopping ??= (async () => {
        await server.close();
        await core.close();
      })()),
  };
}
