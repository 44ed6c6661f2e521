import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SessionRecord, Workshop } from '../../shared/model';
import { fixedDeps } from '../deps';
import { LIBRARY_FILE, openStore, SESSIONS_DIR, type StorePort } from './store';
import { LOCK_FILE, StoreLockedError } from './storeLock';
import { sampleSessionRecord } from '../testing/sessionRecord';

const STAMP = '2026-01-15T09-00-00-000Z';

let dir: string;
const open: StorePort[] = [];

async function openAt(path = dir): Promise<StorePort> {
  const store = await openStore(path, { now: fixedDeps().now });
  open.push(store);
  return store;
}

function readJson(path: string): Promise<Record<string, unknown>> {
  return readFile(path, 'utf8').then((text) => JSON.parse(text) as Record<string, unknown>);
}

function workshop(id: string, title: string): Workshop {
  return {
    id,
    builtIn: false,
    createdAt: '2026-01-15T09:00:00.000Z',
    updatedAt: '2026-01-15T09:00:00.000Z',
    content: {
      title,
      description: '',
      dimensions: [],
      slides: [{ id: 'opening', kind: 'title', title, subtitle: '', section: '', minutes: 1, notes: '' }],
    },
  };
}

function sessionRecord(id: string, title = 'Monday group'): SessionRecord {
  return sampleSessionRecord({
    id,
    title,
    groups: [{ id: 'g1', name: 'Group 1', color: '#E69F00', size: null }],
    slides: [{ id: 'opening', kind: 'title', title: 'Hello', subtitle: '', section: '', minutes: 1, notes: '' }],
  });
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'plenary-store-'));
});

afterEach(async () => {
  await Promise.all(open.splice(0).map((store) => store.close()));
  await rm(dir, { recursive: true, force: true });
});

describe('an acknowledged write', () => {
  it('is in the session file once updateSession resolves', async () => {
    const store = await openAt();
    await store.addSession(sessionRecord('s1'));
    await store.updateSession('s1', (record) => {
      record.title = 'Renamed on Tuesday';
      record.notes.opening = 'Started late';
    });
    const file = await readJson(join(dir, SESSIONS_DIR, 's1.json'));
    expect(file.schemaVersion).toBe(2);
    const session = file.session as SessionRecord;
    expect(session.title).toBe('Renamed on Tuesday');
    expect(session.notes).toEqual({ opening: 'Started late' });
  });

  it('is in the library file once updateLibrary resolves, and the index lists new sessions', async () => {
    const store = await openAt();
    await store.updateLibrary((library) => {
      library.workshops.push(workshop('w1', 'Kick-off'));
      library.settings.theme = 'dark';
    });
    await store.addSession(sessionRecord('s1'));
    const library = await readJson(join(dir, LIBRARY_FILE));
    expect((library.workshops as Workshop[]).map((w) => w.content.title)).toEqual(['Kick-off']);
    expect((library.settings as { theme: string }).theme).toBe('dark');
    expect(library.sessionIds).toEqual(['s1']);
  });

  it('is there after closing and opening the folder again', async () => {
    const first = await openAt();
    await first.addSession(sessionRecord('s1'));
    await first.updateSession('s1', (record) => void (record.slideIndex = 0));
    await first.updateSession('s1', (record) => void (record.title = 'After lunch'));
    await first.close();

    const second = await openAt();
    expect(second.sessions().map((s) => [s.id, s.title])).toEqual([['s1', 'After lunch']]);
    expect(second.recoveries).toEqual([]);
  });

  it('keeps the previous version as a .bak beside the file', async () => {
    const store = await openAt();
    await store.addSession(sessionRecord('s1', 'First title'));
    await store.updateSession('s1', (record) => void (record.title = 'Second title'));
    const backup = await readJson(join(dir, SESSIONS_DIR, 's1.json.bak'));
    expect((backup.session as SessionRecord).title).toBe('First title');
  });

  it('deleting a session removes its file, its backup and its index entry', async () => {
    const store = await openAt();
    await store.addSession(sessionRecord('s1'));
    await store.updateSession('s1', (record) => void (record.title = 'x'));
    await store.deleteSession('s1');
    expect(await readdir(join(dir, SESSIONS_DIR))).toEqual([]);
    expect((await readJson(join(dir, LIBRARY_FILE))).sessionIds).toEqual([]);
    expect(store.session('s1')).toBeUndefined();
  });
});

describe('a damaged library file', () => {
  /** A library written twice, so library.json.bak holds the first version. */
  async function libraryWithBackup(): Promise<void> {
    const store = await openAt();
    await store.updateLibrary((library) => void library.workshops.push(workshop('w1', 'First')));
    await store.updateLibrary((library) => void library.workshops.push(workshop('w2', 'Second')));
    await store.close();
  }

  it('is moved aside with its bytes, the backup restored, and the user told', async () => {
    await libraryWithBackup();
    const garbage = '{"schemaVersion":1,"workshops":[{"id": GARBAGE \u0000';
    await writeFile(join(dir, LIBRARY_FILE), garbage);

    const store = await openAt();
    expect(store.workshops().map((w) => w.content.title)).toEqual(['First']);
    const moved = `${LIBRARY_FILE}.corrupt-${STAMP}`;
    expect(await readFile(join(dir, moved), 'utf8')).toBe(garbage);
    expect(store.recoveries).toHaveLength(1);
    const notice = store.recoveries[0]!;
    expect(notice).toMatchObject({ file: LIBRARY_FILE, movedTo: moved, restoredFrom: `${LIBRARY_FILE}.bak` });
    expect(notice.message).toContain('library');
    expect(notice.message).toContain('not valid JSON');
    expect(notice.message).toContain(moved);
    expect(notice.message).toContain('backup was restored');
    // The restored file is a good file again: the next opening is quiet.
    expect((await readJson(join(dir, LIBRARY_FILE))).workshops).toHaveLength(1);
  });

  it('with no good backup, starts an empty library and says so', async () => {
    await libraryWithBackup();
    await writeFile(join(dir, LIBRARY_FILE), 'not json at all');
    await writeFile(join(dir, `${LIBRARY_FILE}.bak`), 'not json either');

    const store = await openAt();
    expect(store.workshops()).toEqual([]);
    expect(store.recoveries).toHaveLength(1);
    expect(store.recoveries[0]).toMatchObject({ file: LIBRARY_FILE, restoredFrom: null });
    expect(store.recoveries[0]!.message).toMatch(/no good backup/);
    expect(store.recoveries[0]!.message).toMatch(/started without it/);
    expect(await readFile(join(dir, `${LIBRARY_FILE}.corrupt-${STAMP}`), 'utf8')).toBe('not json at all');
  });

  it('that fails its schema is treated the same way, naming the place', async () => {
    await libraryWithBackup();
    await writeFile(join(dir, LIBRARY_FILE), JSON.stringify({ schemaVersion: 1, workshops: 'many', settings: {}, sessionIds: [] }));
    const store = await openAt();
    expect(store.workshops().map((w) => w.content.title)).toEqual(['First']);
    expect(store.recoveries[0]!.message).toContain('workshops');
  });

  it('a second damaged file does not overwrite the first one kept aside', async () => {
    await libraryWithBackup();
    await writeFile(join(dir, LIBRARY_FILE), 'first garbage');
    await (await openAt()).close();
    await writeFile(join(dir, LIBRARY_FILE), 'second garbage');
    await openAt();
    const kept = (await readdir(dir)).filter((name) => name.includes('.corrupt-')).sort();
    expect(kept).toHaveLength(2);
    const contents = await Promise.all(kept.map((name) => readFile(join(dir, name), 'utf8')));
    expect(contents.sort()).toEqual(['first garbage', 'second garbage']);
  });

  it('that is missing with the temporary file of its write beside it (a crash between the renames), is restored quietly from its .bak', async () => {
    await libraryWithBackup();
    await rm(join(dir, LIBRARY_FILE));
    await writeFile(join(dir, `.${LIBRARY_FILE}.4242.0.tmp`), '{"unfinished"');

    const store = await openAt();
    expect(store.workshops().map((w) => w.content.title)).toEqual(['First']);
    expect(store.recoveries).toEqual([]);
    expect((await readJson(join(dir, LIBRARY_FILE))).workshops).toHaveLength(1);
  });

  it('that is missing with no sign of a write cut off (deleted) is restored from its .bak, and the user told', async () => {
    await libraryWithBackup();
    await rm(join(dir, LIBRARY_FILE));

    const store = await openAt();
    expect(store.workshops().map((w) => w.content.title)).toEqual(['First']);
    expect(store.recoveries).toHaveLength(1);
    expect(store.recoveries[0]).toMatchObject({ file: LIBRARY_FILE, restoredFrom: `${LIBRARY_FILE}.bak` });
    expect(store.recoveries[0]!.message).toMatch(/was missing .* backup was put back/);
  });

  it('gone with its backup, in a folder used before, starts an empty library and says so', async () => {
    await libraryWithBackup();
    await rm(join(dir, LIBRARY_FILE));
    await rm(join(dir, `${LIBRARY_FILE}.bak`));

    const store = await openAt();
    expect(store.workshops()).toEqual([]);
    expect(store.recoveries).toHaveLength(1);
    expect(store.recoveries[0]!.message).toMatch(/library .* and its backup are missing/);
  });

  it('absent from a new folder is no damage: nothing is told', async () => {
    const store = await openAt();
    expect(store.recoveries).toEqual([]);
  });

  it('written by a newer Plenary is refused, kept aside untouched, and the user told', async () => {
    const newer = JSON.stringify({ schemaVersion: 7, workshops: [], somethingNew: true });
    await writeFile(join(dir, LIBRARY_FILE), newer);

    const store = await openAt();
    expect(store.workshops()).toEqual([]);
    expect(await readFile(join(dir, `${LIBRARY_FILE}.corrupt-${STAMP}`), 'utf8')).toBe(newer);
    expect(store.recoveries).toHaveLength(1);
    expect(store.recoveries[0]!.message).toMatch(/newer Plenary/);
    expect(store.recoveries[0]!.message).toMatch(/format 7/);
  });

  it('does not lose the sessions: their files are found again', async () => {
    const first = await openAt();
    await first.addSession(sessionRecord('s1', 'Kept'));
    await first.close();
    await writeFile(join(dir, LIBRARY_FILE), '][');
    await rm(join(dir, `${LIBRARY_FILE}.bak`), { force: true });

    const store = await openAt();
    expect(store.sessions().map((s) => s.title)).toEqual(['Kept']);
    expect((await readJson(join(dir, LIBRARY_FILE))).sessionIds).toEqual(['s1']);
  });
});

describe('a damaged session file', () => {
  async function sessionWithBackup(): Promise<void> {
    const store = await openAt();
    await store.addSession(sessionRecord('s1', 'First title'));
    await store.updateSession('s1', (record) => void (record.title = 'Second title'));
    await store.addSession(sessionRecord('s2', 'Untouched'));
    await store.close();
  }

  it('is moved aside with its bytes, its backup restored, and the user told', async () => {
    await sessionWithBackup();
    const path = join(dir, SESSIONS_DIR, 's1.json');
    await writeFile(path, '{"schemaVersion":1,"session":');

    const store = await openAt();
    expect(store.session('s1')?.title).toBe('First title');
    expect(store.session('s2')?.title).toBe('Untouched');
    expect(await readFile(`${path}.corrupt-${STAMP}`, 'utf8')).toBe('{"schemaVersion":1,"session":');
    expect(store.recoveries).toHaveLength(1);
    expect(store.recoveries[0]).toMatchObject({ file: 's1.json', movedTo: `s1.json.corrupt-${STAMP}`, restoredFrom: 's1.json.bak' });
    expect(store.recoveries[0]!.message).toMatch(/^Session s1 could not be read/);
  });

  it('with no backup, is left out (the rest open) and the user told', async () => {
    await sessionWithBackup();
    const path = join(dir, SESSIONS_DIR, 's1.json');
    await writeFile(path, 'garbage');
    await rm(`${path}.bak`);

    const store = await openAt();
    expect(store.session('s1')).toBeUndefined();
    expect(store.sessions().map((s) => s.id)).toEqual(['s2']);
    expect(store.recoveries).toHaveLength(1);
    expect(store.recoveries[0]).toMatchObject({ file: 's1.json', restoredFrom: null });
    expect(store.recoveries[0]!.message).toMatch(/Session s1 .*no good backup/);
    expect((await readJson(join(dir, LIBRARY_FILE))).sessionIds).toEqual(['s2']);
    expect(await readFile(`${path}.corrupt-${STAMP}`, 'utf8')).toBe('garbage');
  });

  it('that is missing beside the temporary file of its write (a crash between the renames), is restored quietly from its .bak', async () => {
    await sessionWithBackup();
    await rm(join(dir, SESSIONS_DIR, 's1.json'));
    await writeFile(join(dir, SESSIONS_DIR, '.s1.json.4242.7.tmp'), '{');
    const store = await openAt();
    expect(store.session('s1')?.title).toBe('First title');
    expect(store.recoveries).toEqual([]);
  });

  it('that was deleted is restored from its .bak, and the user told what may be lost', async () => {
    await sessionWithBackup();
    await rm(join(dir, SESSIONS_DIR, 's1.json'));
    const store = await openAt();
    expect(store.session('s1')?.title).toBe('First title');
    expect(store.recoveries).toHaveLength(1);
    expect(store.recoveries[0]).toMatchObject({ file: 's1.json', restoredFrom: 's1.json.bak' });
    expect(store.recoveries[0]!.message).toMatch(/Session s1: its file s1.json was missing .* such as a note/);
  });

  it('gone with its backup while the library lists it is told, not dropped in silence', async () => {
    await sessionWithBackup();
    await rm(join(dir, SESSIONS_DIR, 's1.json'));
    await rm(join(dir, SESSIONS_DIR, 's1.json.bak'));
    const store = await openAt();
    expect(store.session('s1')).toBeUndefined();
    expect(store.recoveries.map((notice) => notice.message)).toEqual([expect.stringMatching(/Session s1 is listed in the library but its file and backup are missing/)]);
  });

  it('written by a newer Plenary is refused with a message saying so', async () => {
    await sessionWithBackup();
    const path = join(dir, SESSIONS_DIR, 's2.json');
    const newer = JSON.stringify({ schemaVersion: 3, session: { id: 's2' } });
    await writeFile(path, newer);
    const store = await openAt();
    expect(store.session('s2')).toBeUndefined();
    expect(store.recoveries[0]!.message).toMatch(/Session s2 .*newer Plenary/);
    expect(await readFile(`${path}.corrupt-${STAMP}`, 'utf8')).toBe(newer);
  });
});

describe('a store file the system will not read', () => {
  it('stops the opening with a message naming it, moves nothing, and lets the folder go', async () => {
    const store = await openAt();
    await store.addSession(sessionRecord('s1'));
    await store.close();
    const path = join(dir, SESSIONS_DIR, 's1.json');
    // A folder where the file should be: reading it fails the way a bad disk does (EISDIR).
    await rm(path);
    await mkdir(path);
    await expect(openStore(dir, { now: fixedDeps().now })).rejects.toThrow(`Plenary could not read ${path}`);
    expect((await readdir(join(dir, SESSIONS_DIR))).filter((name) => name.includes('corrupt'))).toEqual([]);
    expect(await readdir(dir)).not.toContain(LOCK_FILE);
  });
});

describe('the folder lock (more in storeLock.test.ts, across processes)', () => {
  it('refuses a second opening of the same folder, naming it', async () => {
    await openAt();
    const second = openStore(dir);
    await expect(second).rejects.toBeInstanceOf(StoreLockedError);
    await expect(openStore(dir)).rejects.toThrow(dir);
  });

  it('lets the folder open again after close, leaving no lock file behind', async () => {
    const first = await openAt();
    await first.close();
    const second = await openAt();
    expect(second.dataDir).toBe(dir);
    await second.close();
    expect((await readdir(dir)).filter((name) => name.startsWith('plenary.lock'))).toEqual([]);
  });

  it('pays no heed to a lock file of the earlier kind, whatever it names (pid 1, our own pid, a folder)', async () => {
    await writeFile(join(dir, LOCK_FILE), JSON.stringify({ pid: 1, host: hostname(), since: 'earlier' }));
    await (await openAt()).close();
    await writeFile(join(dir, LOCK_FILE), JSON.stringify({ pid: process.pid, host: 'another-host', since: 'earlier' }));
    await (await openAt()).close();
    await rm(join(dir, LOCK_FILE));
    await mkdir(join(dir, LOCK_FILE));
    const store = await openAt();
    expect(store.dataDir).toBe(dir);
  });
});
