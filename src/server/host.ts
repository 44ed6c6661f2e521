/**
 * Starting and stopping the Node host: the core on its store, and the HTTP server.
 * `npm run serve` and the desktop app's "Let phones vote" both come through here.
 */
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { openCore, type Core } from '../core/createCore';
import type { CoreDeps } from '../core/deps';
import { buildHttpServer } from './httpServer';

export interface HostOptions {
  host: string;
  port: number;
  token: string;
  rendererDir: string | null;
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

/** Puts an HTTP server for `core` on the network. */
export async function listen(core: Core, options: HostOptions): Promise<RunningServer> {
  const { app, participants } = await buildHttpServer({ core, token: options.token, rendererDir: options.rendererDir });
  await app.listen({ host: options.host, port: options.port });
  const { port } = app.server.address() as AddressInfo;
  const shownHost = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    origin: `http://${shownHost}:${port}`,
    port,
    close: () => app.close(),
    phonesConnected: (sessionId) => participants.count(sessionId),
  };
}

export interface NodeHost {
  core: Core;
  server: RunningServer;
  /** The line PROTOCOL.md promises: `Plenary is ready: http://HOST:PORT/?token=TOKEN`. */
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
