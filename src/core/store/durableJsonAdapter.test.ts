import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SessionRecord } from '../../shared/model';
import { DurableJsonAdapter } from './durableJsonAdapter';
import type * as DurableWrite from './durableWrite';
import { openStore, SESSIONS_DIR } from './store';
import { sampleSessionRecord } from '../testing/sessionRecord';

// Every flush to disk goes through writeFileDurably: counting its calls (the real
// function still runs) is how many times the disk was actually written.
const flushes = vi.hoisted(() => ({ paths: [] as string[] }));
vi.mock('./durableWrite', async (importOriginal) => {
  const real = await importOriginal<typeof DurableWrite>();
  return {
    ...real,
    writeFileDurably: async (...args: Parameters<typeof real.writeFileDurably>) => {
      flushes.paths.push(args[0]);
      return real.writeFileDurably(...args);
    },
  };
});

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'plenary-adapter-'));
  flushes.paths.length = 0;
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const read = async (path: string) => JSON.parse(await readFile(path, 'utf8')) as unknown;

describe('DurableJsonAdapter', () => {
  it('has the data in the file, parseable, as soon as write resolves', async () => {
    const path = join(dir, 'doc.json');
    const adapter = new DurableJsonAdapter<{ n: number }>(path, async () => null, `${path}.bak`);
    for (let n = 1; n <= 5; n++) {
      await adapter.write({ n });
      expect(await read(path)).toEqual({ n });
    }
    expect(await read(`${path}.bak`)).toEqual({ n: 4 });
    // No temp file is left behind once a write is acknowledged.
    expect((await readdir(dir)).sort()).toEqual(['doc.json', 'doc.json.bak']);
  });

  it('writes made in one turn of the event loop share one flush, and each resolves with its data on disk', async () => {
    const path = join(dir, 'doc.json');
    const adapter = new DurableJsonAdapter<{ n: number }>(path, async () => null);
    const seen: unknown[] = [];
    const writes = Array.from({ length: 20 }, (_, i) =>
      adapter.write({ n: i }).then(async () => {
        seen[i] = await read(path);
      }),
    );
    await Promise.all(writes);
    // A burst of votes read together goes to the disk together.
    expect(flushes.paths).toHaveLength(1);
    expect(await read(path)).toEqual({ n: 19 });
    seen.forEach((value) => expect(value).toEqual({ n: 19 }));
  });

  it('writes that arrive during a flush share the next one', async () => {
    const path = join(dir, 'doc.json');
    const adapter = new DurableJsonAdapter<{ n: number }>(path, async () => null);
    const first = adapter.write({ n: 0 });
    // One turn later the first flush is on its way to the disk.
    await new Promise((resolve) => setImmediate(resolve));
    expect(flushes.paths).toHaveLength(1);
    const seen: unknown[] = [];
    const later = Array.from({ length: 10 }, (_, i) =>
      adapter.write({ n: i + 1 }).then(async () => {
        seen[i] = await read(path);
      }),
    );
    await Promise.all([first, ...later]);
    expect(flushes.paths).toHaveLength(2);
    expect(await read(path)).toEqual({ n: 10 });
    // Each acknowledged write found a file at least as new as itself.
    seen.forEach((value, i) => expect((value as { n: number }).n).toBeGreaterThanOrEqual(i + 1));
  });

  it('settle waits for every pending flush', async () => {
    const path = join(dir, 'doc.json');
    const adapter = new DurableJsonAdapter<{ n: number }>(path, async () => null);
    void adapter.write({ n: 1 });
    void adapter.write({ n: 2 });
    void adapter.write({ n: 3 });
    await adapter.settle();
    expect(await read(path)).toEqual({ n: 3 });
  });
});

describe('the store under concurrent votes', () => {
  it('acknowledges 50 concurrent updates, keeps all 50, and writes the disk far fewer than 50 times', async () => {
    const store = await openStore(dir);
    try {
      const at = '2026-01-15T09:00:00.000Z';
      const record = sampleSessionRecord({ id: 's1', workshopTitle: 'W', title: 'T', votingMode: 'phones' });
      await store.addSession(record);
      const sessionPath = join(dir, SESSIONS_DIR, 's1.json');
      flushes.paths.length = 0;

      const updates = Array.from({ length: 50 }, (_, i) =>
        store.updateSession('s1', (r) => {
          r.votes.push({ questionId: 'q1', voterId: `device-${String(i).padStart(3, '0')}`, voterKind: 'device', groupId: null, optionId: 'a', at });
        }),
      );
      await Promise.all(updates);

      const onDisk = (await read(sessionPath)) as { session: SessionRecord };
      expect(onDisk.session.votes.map((v) => v.voterId).sort()).toEqual(Array.from({ length: 50 }, (_, i) => `device-${String(i).padStart(3, '0')}`));
      const sessionFlushes = flushes.paths.filter((p) => p === sessionPath).length;
      expect(sessionFlushes).toBeGreaterThanOrEqual(1);
      expect(sessionFlushes).toBeLessThanOrEqual(5);
    } finally {
      await store.close();
    }
  });
});
