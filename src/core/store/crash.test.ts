import { spawn } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, SESSIONS_DIR } from './store';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * The child runs the real store (TypeScript, loaded through vite's module runner,
 * since Node 20 cannot run .ts itself) and votes as fast as it can, printing
 * "ack N" after each write resolves. Every tenth write is another kind of change
 * (a note), which rewrites the session file and starts a new vote log, so the kill
 * can land in either kind of flush. The parent kills it with SIGKILL mid-stream.
 */
const childSource = (storeUrl: string, viteUrl: string) => `
const { runnerImport } = await import(${JSON.stringify(viteUrl)});
const { module: storeModule } = await runnerImport(${JSON.stringify(storeUrl)});
const dataDir = process.argv[2];
const store = await storeModule.openStore(dataDir);
const at = '2026-01-15T09:00:00.000Z';
await store.addSession({
  id: 's1', workshopId: 'w1', workshopTitle: 'W', title: 'Crash test', facilitator: '', status: 'active',
  joinCode: 'ABCDEF', slideIndex: 0, votingMode: 'phones', groups: [], slides: [], dimensions: [],
  questions: {}, votes: [], handCounts: {}, notes: {}, blackout: false,
  createdAt: at, startedAt: at, endedAt: null, updatedAt: at,
});
process.stdout.write('ready\\n');
// Several writes in flight at once, like a room voting: acks come back as flushes land.
let next = 0;
const vote = async () => {
  for (;;) {
    const n = next++;
    if (n % 10 === 0) await store.updateSession('s1', (r) => void (r.notes['n' + n] = 'note ' + n));
    else await store.castVote('s1', { questionId: 'q1', voterId: 'device-' + n, voterKind: 'device', groupId: null, optionId: 'a', at });
    process.stdout.write('ack ' + n + '\\n');
  }
};
await Promise.all([vote(), vote(), vote(), vote()]);
`;

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'plenary-crash-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('a process killed while voting', () => {
  // Early, and later once several logs have come and gone.
  it.each([40, 400])('killed after %i acknowledged writes, keeps every one, and the folder opens again without repairs', async (killAfter) => {
    const dataDir = join(dir, 'data');
    const script = join(dir, 'child.mjs');
    const storeUrl = fileURLToPath(new URL('./store.ts', import.meta.url));
    const viteUrl = pathToFileURL(join(repoRoot, 'node_modules', 'vite', 'dist', 'node', 'index.js')).href;
    await writeFile(script, childSource(storeUrl, viteUrl));

    const child = spawn(process.execPath, [script, dataDir], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    const acked = new Set<number>();
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));

    // Kill once `killAfter` writes are acknowledged (others are in flight at that moment).
    let buffer = '';
    await new Promise<void>((resolve, reject) => {
      child.on('exit', () => reject(new Error(`The child stopped before voting: ${stderr}`)));
      child.stdout.on('data', (chunk: Buffer) => {
        buffer += chunk.toString();
        const lines = buffer.split('\n');
        buffer = lines.pop() ?? '';
        for (const line of lines) {
          const match = /^ack (\d+)$/.exec(line);
          if (match) acked.add(Number(match[1]));
        }
        if (acked.size >= killAfter && !child.killed) {
          child.kill('SIGKILL');
          resolve();
        }
      });
    });
    expect(await exited).toBe('SIGKILL');

    // The dead child's lock does not block the folder.
    const store = await openStore(dataDir);
    try {
      const voters = new Set(store.session('s1')?.votes.map((v) => v.voterId));
      const notes = store.session('s1')?.notes ?? {};
      for (const n of acked) {
        if (n % 10 === 0) expect(notes[`n${n}`], `acknowledged note ${n} is missing`).toBe(`note ${n}`);
        else expect(voters.has(`device-${n}`), `acknowledged vote ${n} is missing`).toBe(true);
      }
      // A kill can leave a temp file, but never a damaged store file.
      expect(store.recoveries).toEqual([]);
      expect((await readdir(join(dataDir, SESSIONS_DIR))).filter((name) => name.includes('corrupt'))).toEqual([]);
    } finally {
      await store.close();
    }
  });
});
