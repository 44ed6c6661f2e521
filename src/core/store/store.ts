/**
 * The store port and its lowdb implementation. One file holds the library
 * (workshops, settings, the session index); each session has its own file, so a
 * vote rewrites one small file. One lowdb instance per file, in one process (the
 * folder lock sees to the second process).
 */
import { mkdir, readdir, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { Low } from 'lowdb';
import { z } from 'zod';
import type { RecoveryNotice } from '../../shared/contract';
import { sessionRecordSchema, settingsSchema, workshopSchema, type AdmittedPhone, type SessionRecord, type Settings, type Vote, type Workshop } from '../../shared/model';
import { DurableJsonAdapter } from './durableJsonAdapter';
import { SessionFileAdapter, voteLogPrefix, type SessionFile } from './sessionFileAdapter';
import { acquireStoreLock, type StoreLock } from './storeLock';
import { backupPathOf, readDocument, type DocumentSpec } from './versionedDocument';
import { fsyncDirectory, isDiskFull, storeFs, tempPrefixOf } from './durableWrite';

export const LIBRARY_FILE = 'library.json';
export const SESSIONS_DIR = 'sessions';

const libraryFileSchema = z.object({
  schemaVersion: z.literal(1),
  workshops: z.array(workshopSchema),
  settings: settingsSchema,
  /** Session ids, oldest first: the index of what `sessions/` should hold. */
  sessionIds: z.array(z.string()),
});
export type LibraryFile = z.infer<typeof libraryFileSchema>;

const sessionFileSchema = z.object({
  schemaVersion: z.literal(2),
  /** The vote log that continues this snapshot: `<id>.votes.<voteLog>.jsonl`. */
  voteLog: z.number().int().min(0),
  voteLogHeader: z.boolean().optional(),
  session: sessionRecordSchema,
}) satisfies z.ZodType<SessionFile>;

/** The file formats' specs. Each new format version adds its migration here. */
export const libraryFileSpec: DocumentSpec<LibraryFile> = {
  label: 'The library (workshops and settings)',
  schema: libraryFileSchema,
  currentVersion: 1,
  migrations: {},
};
export const sessionFileSpec = (id: string): DocumentSpec<SessionFile> => ({
  label: `Session ${id}`,
  schema: sessionFileSchema,
  currentVersion: 2,
  migrations: {
    // Format 2 keeps the votes cast since the snapshot in a log beside it; a format-1 file holds all its votes.
    1: (old) => ({ ...old, voteLog: 0 }),
  },
});

/** What the core needs from storage; nothing about files leaks past it. */
export interface StorePort {
  readonly dataDir: string;
  /** What had to be repaired on opening (or was found damaged while running), for the user to be told. */
  readonly recoveries: RecoveryNotice[];
  /** What close() could not do but lost nothing by (a full disk kept the logs from being folded): one line each. */
  readonly shutdownNotes: string[];
  workshops(): Workshop[];
  settings(): Settings;
  /** Applies `change` to the library and resolves once it is on disk; if the write fails, the library is as it was. */
  updateLibrary(change: (library: { workshops: Workshop[]; settings: Settings }) => void): Promise<void>;
  /** Every session, in creation order. */
  sessions(): SessionRecord[];
  session(id: string): SessionRecord | undefined;
  /** Stores a new session (file first, then the index). */
  addSession(record: SessionRecord): Promise<void>;
  /** Applies `change` to a session and resolves once it is on disk; concurrent calls share a flush; a failed write takes it back. */
  updateSession(id: string, change: (record: SessionRecord) => void): Promise<void>;
  /**
   * Adds a vote to a session, replacing the same voter's earlier vote on the
   * question (`applyVote`), and resolves once it is on disk. Cheaper than
   * updateSession: the vote is appended to the session's vote log. `phone`, with
   * a phone's first vote, admits it in the same write. A failed write takes both back.
   */
  castVote(id: string, vote: Vote, phone?: AdmittedPhone): Promise<void>;
  deleteSession(id: string): Promise<void>;
  /**
   * Waits for pending writes, folds each vote log into its session file, then lets
   * the folder go. A fold that fails loses nothing (the log is read at the next
   * start): it is told in shutdownNotes, not thrown.
   */
  close(): Promise<void>;
}

export interface OpenStoreOptions {
  now?: () => Date;
}

/** Opens (creating if need be) the store in `dataDir`, taking its lock. */
export async function openStore(dataDir: string, options: OpenStoreOptions = {}): Promise<StorePort> {
  const now = options.now ?? (() => new Date());
  // A folder Plenary used before has its sessions folder: with no library in it, the library was lost, not never made.
  const usedBefore = await stat(join(dataDir, SESSIONS_DIR)).then(
    () => true,
    () => false,
  );
  await mkdir(join(dataDir, SESSIONS_DIR), { recursive: true });
  const lock = await acquireStoreLock(dataDir, now);
  try {
    return await LowdbStore.open(dataDir, lock, now, usedBefore);
  } catch (error) {
    await lock.release();
    throw error;
  }
}

/** A store file gone with no sign of an interrupted write: someone or something removed it. */
async function missingFileNotice(path: string, label: string): Promise<string | null> {
  const dir = dirname(path);
  // A write cut off between its two renames leaves its temporary file: that is a crash, told by no one.
  const names = await readdir(dir).catch(() => [] as string[]);
  if (names.some((name) => name.startsWith(tempPrefixOf(path)) && name.endsWith('.tmp'))) return null;
  return `${label}: its file ${basename(path)} was missing (deleted, or lost with the disk) and its last backup was put back. Changes made after that backup, such as a note or a slide change, are lost; votes in its logs were kept.`;
}

class LowdbStore implements StorePort {
  private readonly sessionDbs = new Map<string, Low<SessionFile>>();
  /** Adding and deleting sessions, while they run. */
  private readonly operations = new Set<Promise<unknown>>();
  private closed = false;
  readonly shutdownNotes: string[] = [];
  /** Library changes, one after another: each can then be taken back alone if its write fails. */
  private libraryQueue: Promise<unknown> = Promise.resolve();

  private constructor(
    readonly dataDir: string,
    readonly recoveries: RecoveryNotice[],
    private readonly lock: StoreLock,
    private readonly library: Low<LibraryFile>,
    private readonly now: () => Date,
  ) {}

  static async open(dataDir: string, lock: StoreLock, now: () => Date, usedBefore: boolean): Promise<LowdbStore> {
    const recoveries: RecoveryNotice[] = [];
    const libraryPath = join(dataDir, LIBRARY_FILE);
    const emptyLibrary = (): LibraryFile => ({ schemaVersion: 1, workshops: [], settings: settingsSchema.parse({}), sessionIds: [] });
    let libraryFound = true;
    const library = new Low<LibraryFile>(
      new DurableJsonAdapter(
        libraryPath,
        async () => {
          const read = await readDocument(libraryPath, libraryFileSpec, now, recoveries, { onMissing: () => missingFileNotice(libraryPath, libraryFileSpec.label) });
          libraryFound = read !== null;
          return read;
        },
        backupPathOf(libraryPath),
      ),
      emptyLibrary(),
    );
    await library.read();
    if (!libraryFound && usedBefore && !recoveries.some((notice) => notice.file === LIBRARY_FILE)) {
      recoveries.push({
        file: LIBRARY_FILE,
        movedTo: '',
        restoredFrom: null,
        message: `The library (${LIBRARY_FILE}) and its backup are missing from ${dataDir}, which Plenary used before: your own workshops and settings could not be found, and the library starts empty. Sessions still in the folder were kept.`,
      });
    }
    const store = new LowdbStore(dataDir, recoveries, lock, library, now);
    try {
      await store.loadSessions();
    } catch (error) {
      store.closeSessionAdapters();
      throw error;
    }
    return store;
  }

  /** Loads every session file, adopting files the index missed and dropping index entries with no file. */
  private async loadSessions(): Promise<void> {
    const dir = join(this.dataDir, SESSIONS_DIR);
    const onDisk = new Set(
      (await readdir(dir))
        .map((name) => /^([A-Za-z0-9_-]+)\.json(\.bak)?$/.exec(name)?.[1])
        .filter((id): id is string => id !== undefined),
    );
    const indexed = this.library.data.sessionIds;
    for (const id of indexed.filter((id) => !onDisk.has(id))) {
      this.recoveries.push({
        file: `${id}.json`,
        movedTo: '',
        restoredFrom: null,
        message: `Session ${id} is listed in the library but its file and backup are missing from the sessions folder; it could not be opened.`,
      });
    }
    const ids = [...indexed.filter((id) => onDisk.has(id)), ...[...onDisk].filter((id) => !indexed.includes(id)).sort()];
    const loaded: string[] = [];
    for (const id of ids) {
      const db = this.sessionDb(id);
      await db.read();
      if (db.data) loaded.push(id);
      else this.sessionDbs.delete(id);
    }
    // A log reused from the last run, or a snapshot renamed just before that run was
    // killed, has a name that may not be durable yet: one folder flush makes them
    // so, before any vote is acknowledged.
    await fsyncDirectory(dir);
    if (loaded.join() !== indexed.join()) {
      this.library.data.sessionIds = loaded;
      await this.library.write();
    }
  }

  private sessionPath(id: string): string {
    return join(this.dataDir, SESSIONS_DIR, `${id}.json`);
  }

  private sessionDb(id: string): Low<SessionFile> {
    let db = this.sessionDbs.get(id);
    if (!db) {
      const path = this.sessionPath(id);
      const spec = sessionFileSpec(id);
      const adapter = new SessionFileAdapter({
        path,
        backupPath: backupPathOf(path),
        readSnapshot: () => readDocument(path, spec, this.now, this.recoveries, { onMissing: () => missingFileNotice(path, spec.label) }),
        label: spec.label,
        now: this.now,
        notices: this.recoveries,
      });
      db = new Low<SessionFile>(adapter, null as unknown as SessionFile);
      this.sessionDbs.set(id, db);
    }
    return db;
  }

  /** Lets every session's log file go. */
  closeSessionAdapters(): void {
    for (const db of this.sessionDbs.values()) {
      try {
        LowdbStore.adapterOf(db).close();
      } catch {
        // A descriptor that will not close is gone anyway.
      }
    }
  }

  private static adapterOf(db: Low<SessionFile>): SessionFileAdapter {
    return db.adapter as SessionFileAdapter;
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('The store is closed.');
  }

  workshops(): Workshop[] {
    return this.library.data.workshops;
  }

  settings(): Settings {
    return this.library.data.settings;
  }

  updateLibrary(change: (library: { workshops: Workshop[]; settings: Settings }) => void): Promise<void> {
    this.assertOpen();
    return this.changeLibrary(change);
  }

  /**
   * Applies a change to the library and writes it, one change at a time; if the
   * write fails, the library is put back as it was and the caller told.
   */
  private changeLibrary(change: (library: LibraryFile) => void): Promise<void> {
    const run = this.libraryQueue.then(async () => {
      const data = this.library.data;
      const before = structuredClone(data);
      change(data);
      try {
        await this.library.write();
      } catch (error) {
        Object.assign(data, before);
        throw error;
      }
    });
    this.libraryQueue = run.catch(() => undefined);
    return run;
  }

  /** Runs a change of several steps so that close() waits for all of it: the lock is never let go halfway. */
  private track<T>(operation: () => Promise<T>): Promise<T> {
    if (this.closed) return Promise.reject(new Error('The store is closed.'));
    const running = operation();
    this.operations.add(running);
    running.then(
      () => this.operations.delete(running),
      () => this.operations.delete(running),
    );
    return running;
  }

  sessions(): SessionRecord[] {
    return this.library.data.sessionIds.flatMap((id) => {
      const record = this.sessionDbs.get(id)?.data?.session;
      return record ? [record] : [];
    });
  }

  session(id: string): SessionRecord | undefined {
    return this.sessionDbs.get(id)?.data?.session ?? undefined;
  }

  addSession(record: SessionRecord): Promise<void> {
    return this.track(async () => {
      const db = this.sessionDb(record.id);
      db.data = { schemaVersion: 2, voteLog: 0, session: record };
      try {
        await db.write();
        await this.changeLibrary((library) => void library.sessionIds.push(record.id));
      } catch (error) {
        // Not stored: nothing of it stays, in memory or on disk.
        this.sessionDbs.delete(record.id);
        LowdbStore.adapterOf(db).close();
        await this.removeSessionFiles(record.id).catch(() => undefined);
        throw error;
      }
    });
  }

  async updateSession(id: string, change: (record: SessionRecord) => void): Promise<void> {
    this.assertOpen();
    const db = this.sessionDbs.get(id);
    if (!db?.data) throw new Error(`No session ${id} in the store.`);
    await LowdbStore.adapterOf(db).update(db.data, change);
  }

  async castVote(id: string, vote: Vote, phone?: AdmittedPhone): Promise<void> {
    this.assertOpen();
    const db = this.sessionDbs.get(id);
    if (!db?.data) throw new Error(`No session ${id} in the store.`);
    await LowdbStore.adapterOf(db).castVote(db.data, vote, phone);
  }

  private async removeSessionFiles(id: string): Promise<void> {
    const path = this.sessionPath(id);
    await storeFs.rm(path, { force: true });
    await storeFs.rm(backupPathOf(path), { force: true });
    const logPrefix = voteLogPrefix(path);
    const dir = join(this.dataDir, SESSIONS_DIR);
    for (const name of await readdir(dir)) if (name.startsWith(logPrefix)) await storeFs.rm(join(dir, name), { force: true });
  }

  deleteSession(id: string): Promise<void> {
    return this.track(async () => {
      const db = this.sessionDbs.get(id);
      // Out of the map first: a vote or change that comes now finds no session, rather
      // than a file about to be removed.
      this.sessionDbs.delete(id);
      if (db) {
        const adapter = LowdbStore.adapterOf(db);
        await adapter.settle();
        adapter.close();
      }
      try {
        await this.changeLibrary((library) => void (library.sessionIds = library.sessionIds.filter((other) => other !== id)));
      } catch (error) {
        // Still listed: it stays, and opens again (its files are untouched).
        if (db) await this.sessionDb(id).read().catch(() => undefined);
        throw error;
      }
      await this.removeSessionFiles(id);
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.allSettled([...this.operations]);
    const sessionAdapters = [...this.sessionDbs.values()].map(LowdbStore.adapterOf);
    // Settled, not all: one session that cannot be folded must not keep the others'
    // files open, or the lock held. Its error is still reported, once all is let go.
    const outcomes = await Promise.allSettled([
      (this.library.adapter as DurableJsonAdapter<LibraryFile>).settle(),
      ...sessionAdapters.map((adapter) => adapter.compact()),
    ]);
    this.closeSessionAdapters();
    await this.lock.release();
    // Every change acknowledged is on disk already (a vote in its log): a fold that
    // failed loses nothing, and the next start reads the logs. Told in one line.
    const failed = outcomes.filter((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
    if (failed.length > 0) {
      const why = failed.some((outcome) => isDiskFull(outcome.reason)) ? 'the disk is full' : `the disk refused a write (${String((failed[0]!.reason as Error)?.message ?? failed[0]!.reason)})`;
      this.shutdownNotes.push(
        `${failed.length} session${failed.length === 1 ? '' : 's'} could not be tidied on closing because ${why}; nothing is lost: the votes stay in their logs and are read at the next start.`,
      );
    }
  }
}
