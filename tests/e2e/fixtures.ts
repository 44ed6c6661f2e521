/**
 * Each test worker starts its own Node host (`node out/main/serve.js`) on a free
 * port with a fresh data folder, exactly as a user's `npm run serve` would, and
 * reads the ready line docs/protocol.md promises.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';

export interface Host {
  origin: string;
  token: string;
  dataDir: string;
  /** Calls the facilitator RPC; throws with the body on a non-2xx answer. */
  rpc<T = unknown>(command: string, input?: unknown): Promise<T>;
  /** Opens a route of the app with the token, as the ready line's address does. */
  open(page: Page, hash?: string): Promise<void>;
  /** SIGKILLs the host and starts it again on the same folder and port. */
  restart(signal?: NodeJS.Signals): Promise<void>;
  stop(): Promise<number | null>;
}

const READY = /Plenary is ready: (http:\/\/[^/\s]+)\/\?token=(\S+)/;

/** `extraArgs` go to the serve command too, e.g. `['--host', '0.0.0.0']` for a host phones on the network can reach (it then has join addresses). */
export async function startHost(dataDir: string, token: string, port = 0, extraArgs: string[] = []): Promise<{ child: ChildProcess; origin: string }> {
  const child = spawn(process.execPath, ['out/main/serve.js', '--port', String(port), '--data', dataDir, '--token', token, ...extraArgs], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const origin = await new Promise<string>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`The host did not print its ready line:\n${output}`)), 20_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = READY.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The host exited (${code}) before it was ready:\n${output}`));
    });
  });
  return { child, origin };
}

export const test = base.extend<{ host: Host }, { workerHost: Host }>({
  workerHost: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const dataDir = await mkdtemp(join(tmpdir(), 'plenary-e2e-'));
      const token = `e2e-token-${process.pid}`;
      let { child, origin } = await startHost(dataDir, token);
      const host: Host = {
        get origin() {
          return origin;
        },
        token,
        dataDir,
        rpc: async <T,>(command: string, input: unknown = {}) => {
          const response = await fetch(`${origin}/api/rpc/${command}`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
            body: JSON.stringify(input),
          });
          const body = (await response.json()) as T;
          if (!response.ok) throw new Error(`${command} answered ${response.status}: ${JSON.stringify(body)}`);
          return body;
        },
        open: async (page, hash = '#/') => {
          await page.goto(`${origin}/?token=${token}${hash}`);
        },
        restart: async (signal = 'SIGKILL') => {
          const port = Number(new URL(origin).port);
          const exited = new Promise((resolve) => child.once('exit', resolve));
          child.kill(signal);
          await exited;
          ({ child, origin } = await startHost(dataDir, token, port));
        },
        stop: async () => {
          const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
          child.kill('SIGTERM');
          return exited;
        },
      };
      await use(host);
      if (child.exitCode === null) await host.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
    { scope: 'worker' },
  ],
  host: async ({ workerHost }, use) => use(workerHost),
});

export { expect };

/** A session of the built-in workshop with `groups`, made over the RPC. */
export interface SessionLike {
  id: string;
  joinCode: string;
  slideIndex: number;
  slides: { id: string; kind: string; question?: { id: string; prompt: string; options: { id: string; label: string; style: string }[] } }[];
  groups: { id: string; name: string }[];
}

export function scenarioIndexes(session: SessionLike): number[] {
  return session.slides.flatMap((slide, index) => (slide.kind === 'scenario' ? [index] : []));
}
