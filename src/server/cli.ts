/**
 * `npm run serve -- [--host ADDR] [--port N] [--data DIR] [--token T]`: the whole
 * app without Electron, as docs/protocol.md describes.
 */
import { parseArgs } from 'node:util';
import { resolveDataDir } from '../core/dataDir';
import { ApiError } from '../shared/errors';
import { describeStoreFailure } from '../core/store/durableWrite';
import { startNodeHost, type NodeHost } from './host';
import { isUsableToken, keptToken } from './keptToken';

export interface ServeOptions {
  host: string;
  port: number;
  dataDir: string;
  /** From `--token` or PLENARY_TOKEN; undefined: the one kept in the data folder (see keptToken.ts). */
  token: string | undefined;
}

/** Reads the command line and environment; throws a readable Error on bad values. */
export function parseServeArgs(argv: string[], env: NodeJS.ProcessEnv = process.env): ServeOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      host: { type: 'string' },
      port: { type: 'string' },
      data: { type: 'string' },
      token: { type: 'string' },
    },
    strict: true,
    allowPositionals: false,
  });
  // Digits only: Number('') is 0, which would quietly pick a random port.
  const port = values.port === undefined ? 4800 : /^\d{1,5}$/.test(values.port) ? Number(values.port) : NaN;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a number from 0 to 65535, not "${values.port}".`);
  // An empty PLENARY_TOKEN (`PLENARY_TOKEN= npm run serve`) is no token: the kept one is used.
  const token = values.token ?? (env.PLENARY_TOKEN || undefined);
  if (token !== undefined && !isUsableToken(token)) throw new Error('The token must be at least 8 characters, with no spaces.');
  return { host: values.host ?? '127.0.0.1', port, dataDir: resolveDataDir(values.data, env), token };
}

/** Runs the host until SIGINT or SIGTERM, then flushes and exits 0. */
export async function main(argv: string[], rendererDir: string): Promise<void> {
  let options: ServeOptions;
  try {
    options = parseServeArgs(argv);
  } catch (error) {
    console.error(`Plenary: ${(error as Error).message}`);
    process.exit(2);
  }
  // WARNING: the handlers go in before anything starts, and so before the ready
  // line: a script that sends SIGTERM the moment it reads that line must find them.
  // A signal during the start is kept, and acted on once the store is open.
  let host: NodeHost | null = null;
  let stopSignal: string | null = null;
  let stopping = false;
  const stop = (current: NodeHost, signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`Plenary: ${signal} received, saving and stopping.`);
    current.stop().then(
      () => {
        for (const note of current.core.shutdownNotes) console.warn(`Plenary: ${note}`);
        process.exit(0);
      },
      (error: unknown) => {
        console.error(`Plenary could not stop cleanly: ${describeStoreFailure(error)}`);
        process.exit(1);
      },
    );
  };
  const onSignal = (signal: string) => {
    // WARNING: a terminal's Ctrl+C reaches both `npm run serve`'s wrapper and this
    // process, and the wrapper forwards it too: a second signal must not kill the
    // host before its writes are done, so it stays handled and is ignored.
    if (host) stop(host, signal);
    else stopSignal ??= signal;
  };
  process.on('SIGINT', () => onSignal('SIGINT'));
  process.on('SIGTERM', () => onSignal('SIGTERM'));
  try {
    const token = options.token ?? (await keptToken(options.dataDir));
    host = await startNodeHost({ ...options, token, rendererDir });
  } catch (error) {
    const message = error instanceof ApiError || (error as NodeJS.ErrnoException).code === 'EADDRINUSE' ? (error as Error).message : describeStoreFailure(error);
    console.error(`Plenary could not start: ${message}`);
    process.exit(1);
  }
  for (const notice of host.core.recoveries) console.warn(`Plenary repaired its store: ${notice.message}`);
  if (stopSignal) return stop(host, stopSignal);
  console.log(host.readyLine);
}
