/**
 * The data-folder lock across real processes: a child loads the real lock module
 * (TypeScript, through vite's module runner, as in crash.test.ts), takes the lock
 * when told to go, says "ready" or "refused: <message>", and stays until killed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from './store';
import { acquireStoreLock, LOCK_SOCKET, StoreLockedError, type LockKind } from './storeLock';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

const childSource = (lockUrl: string, viteUrl: string) => `
const { runnerImport } = await import(${JSON.stringify(viteUrl)});
const { module: lock } = await runnerImport(${JSON.stringify(lockUrl)});
const [dataDir, kind] = process.argv.slice(2);
// The module is loaded: from here on, the race is the lock's alone.
process.stdout.write('loaded\\n');
await new Promise((resolve) => process.stdin.once('data', resolve));
try {
  await lock.acquireStoreLock(dataDir, () => new Date(), { kind });
  process.stdout.write('ready\\n');
} catch (error) {
  process.stdout.write('refused: ' + error.message + '\\n');
}
setInterval(() => undefined, 1000);
`;

let dir: string;
let script: string;
const children: ChildProcess[] = [];

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'plenary-lock-'));
  script = join(dir, 'child.mjs');
  const lockUrl = fileURLToPath(new URL('./storeLock.ts', import.meta.url));
  const viteUrl = pathToFileURL(join(repoRoot, 'node_modules', 'vite', 'dist', 'node', 'index.js')).href;
  await writeFile(script, childSource(lockUrl, viteUrl));
});
afterEach(async () => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
  await rm(dir, { recursive: true, force: true });
});

/** A child process ready to take the lock; `go()` lets it try, and resolves with what it said. */
async function lockChild(dataDir: string, kind: LockKind): Promise<{ child: ChildProcess; go: () => Promise<string> }> {
  const child = spawn(process.execPath, [script, dataDir, kind], { cwd: repoRoot, stdio: ['pipe', 'pipe', 'pipe'] });
  children.push(child);
  let out = '';
  let err = '';
  child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const said = (pattern: RegExp) =>
    new Promise<string>((resolve, reject) => {
      const check = () => {
        const match = pattern.exec(out);
        if (match) resolve(match[0]);
      };
      child.stdout!.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        check();
      });
      child.on('exit', () => reject(new Error(`The child stopped: ${out}${err}`)));
      check();
    });
  await said(/loaded/);
  return {
    child,
    go: () => {
      child.stdin!.write('go\n');
      return said(/(ready|refused: .*)\n/);
    },
  };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each<LockKind>(['abstract', 'file'])('the folder lock (%s)', (kind) => {
  it('is free 0.5 s after its holder was killed with SIGKILL, reaped or not', async () => {
    const data = join(dir, 'data');
    await mkdir(data);
    const holder = await lockChild(data, kind);
    expect(await holder.go()).toBe('ready\n');
    holder.child.kill('SIGKILL');
    await pause(500);
    const store = await openStore(data);
    expect(store.dataDir).toBe(data);
    await store.close();
  });

  it('refuses a second process while the first lives, with a message naming its process', async () => {
    const data = join(dir, 'data');
    await mkdir(data);
    const holder = await lockChild(data, kind);
    expect(await holder.go()).toBe('ready\n');
    const error = await acquireStoreLock(data, () => new Date(), { kind }).then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(StoreLockedError);
    expect((error as Error).message).toMatch(new RegExp(`^The data folder ${data} is in use by another Plenary \\(process ${holder.child.pid}, since .*\\)\\. Close that one first`));
  });

  it('is the same lock for every spelling of the folder (a symlink to it)', async () => {
    const data = join(dir, 'data');
    await mkdir(data);
    await symlink(data, join(dir, 'alias'));
    const held = await acquireStoreLock(data, () => new Date(), { kind });
    await expect(acquireStoreLock(join(dir, 'alias'), () => new Date(), { kind })).rejects.toBeInstanceOf(StoreLockedError);
    await held.release();
  });

  it('lets exactly one of two processes started together run, three times over (after a kill, too)', async () => {
    const data = join(dir, 'data');
    await mkdir(data);
    for (let round = 0; round < 3; round++) {
      const [a, b] = await Promise.all([lockChild(data, kind), lockChild(data, kind)]);
      const outcomes = (await Promise.all([a.go(), b.go()])).map((line) => line.trim());
      expect(outcomes.filter((line) => line === 'ready'), outcomes.join(' | ')).toHaveLength(1);
      expect(outcomes.find((line) => line !== 'ready')).toMatch(/^refused: The data folder .* is in use by another Plenary/);
      // The winner dies without letting go: the next round starts over a dead holder's lock.
      a.child.kill('SIGKILL');
      b.child.kill('SIGKILL');
      await pause(300);
    }
  });
});

describe('the socket-file lock', () => {
  it('says clearly when something that is not a socket sits in its place, and changes nothing', async () => {
    const data = join(dir, 'data');
    await mkdir(join(data, LOCK_SOCKET), { recursive: true });
    await expect(acquireStoreLock(data, () => new Date(), { kind: 'file' })).rejects.toThrow(/is not a socket Plenary can replace .* Remove it, then start again/);
    expect(await readdir(data)).toEqual([LOCK_SOCKET]);
  });
});
