/**
 * The session's vote log, seen from outside the store: what is on disk once a vote
 * is acknowledged, and what a folder holds when it is opened again after the
 * process stopped at any moment. "Stopped" is a copy of the folder taken while the
 * store is open, without closing it: the files as a power cut would leave them
 * (everything acknowledged has been fsynced).
 */
import { appendFile, cp, mkdtemp, readdir, readFile, rm, stat, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SessionRecord, Vote } from '../../shared/model';
import { fixedDeps } from '../deps';
import { sampleSessionRecord, SAMPLE_TIME } from '../testing/sessionRecord';
import { storeFs } from './durableWrite';
import { openStore, SESSIONS_DIR, type StorePort } from './store';
import { LOCK_FILE } from './storeLock';

const STAMP = '2026-01-15T09-00-00-000Z';
let dir: string;
const opened: StorePort[] = [];

async function openAt(path: string): Promise<StorePort> {
  const store = await openStore(path, { now: fixedDeps().now });
  opened.push(store);
  return store;
}

/** The folder as a crash would leave it now: a copy, with the running store's lock left out. */
async function folderAfterCrash(from: string): Promise<string> {
  const to = await mkdtemp(join(dir, 'after-crash-'));
  await cp(from, to, { recursive: true, filter: (source) => !source.endsWith(LOCK_FILE) });
  return to;
}

function vote(voterId: string, optionId: string, questionId = 'q1', voterKind: Vote['voterKind'] = 'device'): Vote {
  return { questionId, voterId, voterKind, groupId: null, optionId, at: SAMPLE_TIME };
}

const session = (id = 's1'): SessionRecord => sampleSessionRecord({ id, votingMode: 'phones' });

/** A store on a fresh data folder, holding one session, s1. */
async function storeWithSession(): Promise<{ data: string; store: StorePort }> {
  const data = join(dir, 'data');
  const store = await openAt(data);
  await store.addSession(session());
  return { data, store };
}
const choices = (store: StorePort, id = 's1') => store.session(id)?.votes.map((v) => `${v.voterId}:${v.optionId}`);
const sessionsDir = (dataDir: string) => join(dataDir, SESSIONS_DIR);

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'plenary-votelog-'));
});
afterEach(async () => {
  await Promise.all(opened.splice(0).map((store) => store.close()));
  await rm(dir, { recursive: true, force: true });
});

describe('a vote', () => {
  it('is on disk once castVote resolves, in the log beside the session file, which is not rewritten', async () => {
    const { data, store } = await storeWithSession();
    const before = await stat(join(sessionsDir(data), 's1.json'));
    await store.castVote('s1', vote('phone-a', 'leader'));

    const log = await readFile(join(sessionsDir(data), 's1.votes.1.jsonl'), 'utf8');
    // The log's header first (so an emptied log is known for damage), then the vote.
    expect(log.split('\n')).toEqual(['{"voteLog":1,"session":"s1"}', JSON.stringify(vote('phone-a', 'leader')), '']);
    const after = await stat(join(sessionsDir(data), 's1.json'));
    expect([after.ino, after.mtimeMs]).toEqual([before.ino, before.mtimeMs]);

    const reopened = await openAt(await folderAfterCrash(data));
    expect(choices(reopened)).toEqual(['phone-a:leader']);
  });

  it('replaces the same voter\'s earlier vote, in memory and after a crash, keeping the order undo relies on', async () => {
    const { data, store } = await storeWithSession();
    await store.castVote('s1', vote('phone-a', 'leader'));
    await store.castVote('s1', vote('phone-b', 'manager'));
    await store.castVote('s1', vote('phone-a', 'manager'));
    // A group may share a phone's id; it is another voter.
    await store.castVote('s1', vote('phone-a', 'leader', 'q1', 'group'));
    const expected = ['phone-b:manager', 'phone-a:manager', 'phone-a:leader'];
    expect(choices(store)).toEqual(expected);
    expect(choices(await openAt(await folderAfterCrash(data)))).toEqual(expected);
  });

  it('a thousand cast at once are all acknowledged and all there after a crash, in a few appends', async () => {
    const { data, store } = await storeWithSession();
    await Promise.all(Array.from({ length: 1000 }, (_, i) => store.castVote('s1', vote(`phone-${i}`, i % 2 ? 'leader' : 'manager'))));
    const reopened = await openAt(await folderAfterCrash(data));
    expect(new Set(reopened.session('s1')?.votes.map((v) => v.voterId)).size).toBe(1000);
  });
});

describe('a change that is not a vote', () => {
  it('writes the session file with every vote so far and starts a new log, so no vote counts twice', async () => {
    const { data, store } = await storeWithSession();
    await store.castVote('s1', vote('phone-a', 'leader'));
    await store.castVote('s1', vote('phone-b', 'manager'));
    // An undo is a change of the whole list: phone-b's vote goes.
    await store.updateSession('s1', (record) => void record.votes.pop());
    const file = JSON.parse(await readFile(join(sessionsDir(data), 's1.json'), 'utf8')) as { voteLog: number; session: SessionRecord };
    expect(file.session.votes.map((v) => v.voterId)).toEqual(['phone-a']);
    expect(file.voteLog).toBe(2);
    await store.castVote('s1', vote('phone-c', 'leader'));

    const reopened = await openAt(await folderAfterCrash(data));
    expect(choices(reopened)).toEqual(['phone-a:leader', 'phone-c:leader']);
  });

  it('leaves the log alone when no vote came since the last one (a slide change costs no more than before)', async () => {
    const { data, store } = await storeWithSession();
    await store.updateSession('s1', (record) => void (record.slideIndex = 1));
    await store.updateSession('s1', (record) => void (record.slideIndex = 2));
    expect((await readdir(sessionsDir(data))).filter((name) => name.includes('.votes.'))).toEqual(['s1.votes.1.jsonl']);
  });
});

describe('opening a folder', () => {
  it('drops a torn last line (a vote being written when the power went, never acknowledged) and says the log was cut short', async () => {
    const { data, store } = await storeWithSession();
    await store.castVote('s1', vote('phone-a', 'leader'));
    const crashed = await folderAfterCrash(data);
    await appendFile(join(sessionsDir(crashed), 's1.votes.1.jsonl'), '{"questionId":"q1","voterId":"phone-b","vo');

    const reopened = await openAt(crashed);
    expect(choices(reopened)).toEqual(['phone-a:leader']);
    // A process killed between two writes never tears a line (each vote is one write): only a power cut or damage does.
    expect(reopened.recoveries.map((notice) => notice.message)).toEqual([expect.stringMatching(/ends in the middle of a line .* the 1 vote was kept/)]);
    // The next vote goes to a fresh log, never after the torn bytes.
    await reopened.castVote('s1', vote('phone-c', 'manager'));
    expect(choices(await openAt(await folderAfterCrash(crashed)))).toEqual(['phone-a:leader', 'phone-c:manager']);
  });

  it('keeps the good votes of a damaged log, copies the log aside and says so', async () => {
    const { data, store } = await storeWithSession();
    await store.castVote('s1', vote('phone-a', 'leader'));
    const crashed = await folderAfterCrash(data);
    const logPath = join(sessionsDir(crashed), 's1.votes.1.jsonl');
    await appendFile(logPath, `not a vote\n${JSON.stringify(vote('phone-b', 'manager'))}\n`);
    const damaged = await readFile(logPath, 'utf8');

    const reopened = await openAt(crashed);
    expect(choices(reopened)).toEqual(['phone-a:leader', 'phone-b:manager']);
    expect(reopened.recoveries).toEqual([
      expect.objectContaining({ file: 's1.votes.1.jsonl', movedTo: `s1.votes.1.jsonl.corrupt-${STAMP}`, restoredFrom: null }),
    ]);
    expect(reopened.recoveries[0]!.message).toBe(
      `Session s1 ("A session"): 1 line of its vote log could not be read; the other 2 votes were kept. The log was copied to s1.votes.1.jsonl.corrupt-${STAMP}.`,
    );
    expect(await readFile(join(sessionsDir(crashed), `s1.votes.1.jsonl.corrupt-${STAMP}`), 'utf8')).toBe(damaged);
  });

  it('with a damaged session file, restores the backup and replays both logs since it: every acknowledged vote is kept', async () => {
    const { data, store } = await storeWithSession();
    await store.castVote('s1', vote('phone-a', 'leader'));
    await store.updateSession('s1', (record) => void (record.title = 'Renamed'));
    await store.castVote('s1', vote('phone-b', 'manager'));
    const crashed = await folderAfterCrash(data);
    await writeFile(join(sessionsDir(crashed), 's1.json'), 'garbage');

    const reopened = await openAt(crashed);
    expect(choices(reopened)).toEqual(['phone-a:leader', 'phone-b:manager']);
    expect(reopened.recoveries).toEqual([expect.objectContaining({ file: 's1.json', restoredFrom: 's1.json.bak' })]);
  });

  it('reads a session file of format 1 (votes inside, no log) and goes on voting', async () => {
    const { data, store } = await storeWithSession();
    await store.close();
    const path = join(sessionsDir(data), 's1.json');
    const record = { ...session(), votes: [vote('phone-a', 'leader')] };
    await writeFile(path, JSON.stringify({ schemaVersion: 1, session: record }));
    await rm(join(sessionsDir(data), 's1.votes.1.jsonl'));

    const reopened = await openAt(data);
    expect(choices(reopened)).toEqual(['phone-a:leader']);
    expect(reopened.recoveries).toEqual([]);
    await reopened.castVote('s1', vote('phone-b', 'manager'));
    expect(choices(await openAt(await folderAfterCrash(data)))).toEqual(['phone-a:leader', 'phone-b:manager']);
  });
});

describe('after an upgrade from format 1', () => {
  it('a damaged session file restored from its format-1 backup still gets every vote cast since the upgrade', async () => {
    const { data, store } = await storeWithSession();
    await store.close();
    await writeFile(join(sessionsDir(data), 's1.json'), JSON.stringify({ schemaVersion: 1, session: { ...session(), votes: [vote('phone-a', 'leader')] } }));
    await rm(join(sessionsDir(data), 's1.votes.1.jsonl'));

    const upgraded = await openAt(data);
    await upgraded.castVote('s1', vote('phone-b', 'manager'));
    const crashed = await folderAfterCrash(data);
    await writeFile(join(sessionsDir(crashed), 's1.json'), 'garbage');

    const reopened = await openAt(crashed);
    expect(choices(reopened)).toEqual(['phone-a:leader', 'phone-b:manager']);
  });
});

describe('closing and deleting', () => {
  it('a vote that comes while its session is being deleted is refused, and nothing of the session comes back', async () => {
    const { data, store } = await storeWithSession();
    await store.castVote('s1', vote('phone-a', 'leader'));
    const deleting = store.deleteSession('s1');
    await expect(store.castVote('s1', vote('phone-b', 'manager'))).rejects.toThrow(/No session s1/);
    await deleting;
    expect((await readdir(sessionsDir(data))).filter((name) => name.startsWith('s1'))).toEqual([]);
    expect(store.session('s1')).toBeUndefined();
  });


  it('a clean close folds the log into the session file, so the file alone holds the session', async () => {
    const { data, store } = await storeWithSession();
    await store.castVote('s1', vote('phone-a', 'leader'));
    await store.close();
    const file = JSON.parse(await readFile(join(sessionsDir(data), 's1.json'), 'utf8')) as { voteLog: number; session: SessionRecord };
    expect(file.session.votes.map((v) => v.voterId)).toEqual(['phone-a']);
    expect(await readFile(join(sessionsDir(data), `s1.votes.${file.voteLog}.jsonl`), 'utf8')).toBe(`{"voteLog":${file.voteLog},"session":"s1"}\n`);
  });

  it('closing while a session is being deleted waits for the delete to finish before letting the folder go', async () => {
    const { data, store } = await storeWithSession();
    await store.addSession(session('s2'));
    await store.castVote('s1', vote('phone-a', 'leader'));
    const deleting = store.deleteSession('s1');
    await store.close();
    // Once close resolves, the delete is complete: nothing of s1 is left, and the lock is gone.
    expect((await readdir(sessionsDir(data))).filter((name) => name.startsWith('s1'))).toEqual([]);
    expect(await readdir(data)).not.toContain(LOCK_FILE);
    await deleting;
    const reopened = await openAt(data);
    expect(reopened.sessions().map((s) => s.id)).toEqual(['s2']);
  });

  it('deleting a session removes its logs too', async () => {
    const { data, store } = await storeWithSession();
    await store.addSession(session('s2'));
    await store.castVote('s1', vote('phone-a', 'leader'));
    await store.updateSession('s1', (record) => void (record.title = 'Renamed'));
    await store.deleteSession('s1');
    expect((await readdir(sessionsDir(data))).filter((name) => name.startsWith('s1'))).toEqual([]);
    expect(await readdir(sessionsDir(data))).toContain('s2.votes.1.jsonl');
  });
});

describe('a write that fails (a full disk, through the store\'s file-system seam)', () => {
  const enospc = () => Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
  const failWrites = () =>
    vi.spyOn(storeFs, 'writeSync').mockImplementation(() => {
      throw enospc();
    });
  const failSnapshots = () =>
    vi.spyOn(storeFs, 'open').mockImplementation(async (path, flags) => {
      if (flags === 'r') return (await import('node:fs/promises')).open(path, 'r');
      throw enospc();
    });
  afterEach(() => vi.restoreAllMocks());
  const logs = async (data: string) => (await readdir(sessionsDir(data))).filter((name) => name.includes('.votes.')).sort();

  it('takes its votes back from memory, refuses those made on top of them, and none count after a crash', async () => {
    const { data, store } = await storeWithSession();
    await store.castVote('s1', vote('phone-a', 'leader'));
    failWrites();
    const first = store.castVote('s1', vote('phone-b', 'manager'));
    // Cast while the first flush is on its way: the same fate, since it was made on top.
    const second = Promise.resolve().then(() => store.castVote('s1', vote('phone-c', 'manager')));
    await expect(first).rejects.toThrow(/ENOSPC/);
    await expect(second).rejects.toThrow(/ENOSPC/);
    expect(choices(store)).toEqual(['phone-a:leader']);
    vi.restoreAllMocks();
    await store.castVote('s1', vote('phone-d', 'leader'));
    expect(choices(store)).toEqual(['phone-a:leader', 'phone-d:leader']);
    expect(choices(await openAt(await folderAfterCrash(data)))).toEqual(['phone-a:leader', 'phone-d:leader']);
  });

  it('a change that is not a vote is taken back too, and its failed snapshot leaves no empty log behind', async () => {
    const { data, store } = await storeWithSession();
    await store.castVote('s1', vote('phone-a', 'leader'));
    const before = await logs(data);
    failSnapshots();
    for (let n = 0; n < 5; n++) {
      await expect(store.updateSession('s1', (record) => void (record.notes[`slide-${n}`] = 'lost'))).rejects.toThrow(/ENOSPC/);
    }
    expect(store.session('s1')?.notes).toEqual({});
    expect(await logs(data)).toEqual(before);
    vi.restoreAllMocks();
    const reopened = await openAt(await folderAfterCrash(data));
    expect(reopened.session('s1')?.notes).toEqual({});
    expect(choices(reopened)).toEqual(['phone-a:leader']);
  });

  it('leaves the library as it was, and a session not added leaves nothing at all', async () => {
    const { data, store } = await storeWithSession();
    failSnapshots();
    await expect(store.updateLibrary((library) => void (library.settings.theme = 'dark'))).rejects.toThrow(/ENOSPC/);
    expect(store.settings().theme).toBe('light');
    await expect(store.addSession(session('s2'))).rejects.toThrow(/ENOSPC/);
    expect(store.session('s2')).toBeUndefined();
    expect((await readdir(sessionsDir(data))).filter((name) => name.startsWith('s2'))).toEqual([]);
    vi.restoreAllMocks();
    await store.addSession(session('s3'));
    expect(store.sessions().map((s) => s.id)).toEqual(['s1', 's3']);
  });
});

describe('damage to a live vote log', () => {
  it('a log deleted while the store runs is seen before the next append: everything is written from memory, and told', async () => {
    const { data, store } = await storeWithSession();
    await store.castVote('s1', vote('phone-a', 'leader'));
    await rm(join(sessionsDir(data), 's1.votes.1.jsonl'));
    await store.castVote('s1', vote('phone-b', 'manager'));
    expect(store.recoveries.map((n) => n.message)).toEqual([expect.stringMatching(/vote log was deleted while Plenary ran.* nothing was lost/)]);
    expect(choices(await openAt(await folderAfterCrash(data)))).toEqual(['phone-a:leader', 'phone-b:manager']);
  });

  it('a log emptied while the store runs is seen the same way', async () => {
    const { data, store } = await storeWithSession();
    for (const id of ['phone-a', 'phone-b', 'phone-c']) await store.castVote('s1', vote(id, 'leader'));
    await truncate(join(sessionsDir(data), 's1.votes.1.jsonl'), 0);
    await store.castVote('s1', vote('phone-d', 'manager'));
    expect(store.recoveries.map((n) => n.message)).toEqual([expect.stringMatching(/vote log was cut short while Plenary ran/)]);
    expect(choices(await openAt(await folderAfterCrash(data)))).toEqual(['phone-a:leader', 'phone-b:leader', 'phone-c:leader', 'phone-d:manager']);
  });

  it('on opening, a log missing or emptied where a clean close leaves it is told, with what was kept', async () => {
    const { data, store } = await storeWithSession();
    await store.updateSession('s1', (record) => void (record.title = 'Tuesday'));
    await store.castVote('s1', vote('phone-a', 'leader'));
    const missing = await folderAfterCrash(data);
    const log = (await readdir(sessionsDir(missing))).find((name) => name.includes('.votes.'))!;
    await rm(join(sessionsDir(missing), log));
    const afterMissing = await openAt(missing);
    expect(afterMissing.recoveries.map((n) => n.message)).toEqual([expect.stringMatching(/Session s1 \("Tuesday"\): its vote log is missing\. The 0 votes in its last snapshot were kept/)]);

    const emptied = await folderAfterCrash(data);
    await writeFile(join(sessionsDir(emptied), log), '');
    const afterEmptied = await openAt(emptied);
    expect(afterEmptied.recoveries.map((n) => n.message)).toEqual([expect.stringMatching(/its vote log was found empty/)]);
  });

  it('a clean close and a crash with nothing damaged tell nothing', async () => {
    const { data, store } = await storeWithSession();
    await store.castVote('s1', vote('phone-a', 'leader'));
    expect((await openAt(await folderAfterCrash(data))).recoveries).toEqual([]);
    await store.close();
    expect((await openAt(data)).recoveries).toEqual([]);
  });
});
