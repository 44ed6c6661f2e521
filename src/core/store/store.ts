/**
 * The store port and its lowdb implementation. One file holds the library
 * (workshops, settings, the session index); each session has its own file, so a
 * vote rewrites one small file. One lowdb instance per file, in one process (the
 * folder lock sees to the second process).
 */
import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { z } from 'zod';
import type { RecoveryNotice } from '../../shared/contract';
import { sessionRecordSchema, settingsSchema, workshopSchema, type SessionRecord, type Settings, type Vote, type Workshop } from '../../shared/model';
import { DurableJsonAdapter } from './durableJsonAdapter';
import { recordVote, SessionFileAdapter, voteLogPrefix, type SessionFile } from './sessionFileAdapter';
import { acquireStoreLock, type StoreLock } from './storeLock';
import { backupPathOf, readDocument, type DocumentSpec } from './versionedDocument';
import { fsyncDirectory } from './durableWrite';

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
  /** What had to be repaired on opening, for the user to be told. */
  readonly recoveries: RecoveryNotice[];
  workshops(): Workshop[];
  settings(): Settings;
  /** Applies `change` to the library and resolves once it is on disk. */
  updateLibrary(change: (library: { workshops: Workshop[]; settings: Settings }) => void): Promise<void>;
  /** Every session, in creation order. */
  sessions(): SessionRecord[];
  session(id: string): SessionRecord | undefined;
  /** Stores a new session (file first, then the index). */
  addSession(record: SessionRecord): Promise<void>;
  /** Applies `change` to a session and resolves once it is on disk; concurrent calls share a flush. */
  updateSession(id: string, change: (record: SessionRecord) => void): Promise<void>;
  /**
   * Adds a vote to a session, replacing the same voter's earlier vote on the
   * question (`applyVote`), and resolves once it is on disk. Cheaper than
   * updateSession: the vote is appended to the session's vote log.
   */
  castVote(id: string, vote: Vote): Promise<void>;
  deleteSession(id: string): Promise<void>;
  /** Waits for pending writes, folds each vote log into its session file, then lets the folder go. */
  close(): Promise<void>;
}

export interface OpenStoreOptions {
  now?: () => Date;
}

/** Opens (creating if need be) the store in `dataDir`, taking its lock. */
export async function openStore(dataDir: string, options: OpenStoreOptions = {}): Promise<StorePort> {
  const now = options.now ?? (() => new Date());
  await mkdir(join(dataDir, SESSIONS_DIR), { recursive: true });
  const lock = await acquireStoreLock(dataDir, now);
  try {
    return await LowdbStore.open(dataDir, lock, now);
  } catch (error) {
    await lock.release();
    throw error;
  }
}

class LowdbStore implements StorePort {
  private readonly sessionDbs = new Map<string, Low<SessionFile>>();
  /** Adding and deleting sessions, while they run. */
  private readonly operations = new Set<Promise<unknown>>();
  private closed = false;

  private constructor(
    readonly dataDir: string,
    readonly recoveries: RecoveryNotice[],
    private readonly lock: StoreLock,
    private readonly library: Low<LibraryFile>,
    private readonly now: () => Date,
  ) {}

  static async open(dataDir: string, lock: StoreLock, now: () => Date): Promise<LowdbStore> {
    const recoveries: RecoveryNotice[] = [];
    const libraryPath = join(dataDir, LIBRARY_FILE);
    const emptyLibrary = (): LibraryFile => ({ schemaVersion: 1, workshops: [], settings: settingsSchema.parse({}), sessionIds: [] });
    const library = new Low<LibraryFile>(
      new DurableJsonAdapter(libraryPath, () => readDocument(libraryPath, libraryFileSpec, now, recoveries), backupPathOf(libraryPath)),
      emptyLibrary(),
    );
    await library.read();
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
        readSnapshot: () => readDocument(path, spec, this.now, this.recoveries),
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

  async updateLibrary(change: (library: { workshops: Workshop[]; settings: Settings }) => void): Promise<void> {
    this.assertOpen();
    change(this.library.data);
    await this.library.write();
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
      await db.write();
      this.library.data.sessionIds.push(record.id);
      await this.library.write();
    });
  }

  async updateSession(id: string, change: (record: SessionRecord) => void): Promise<void> {
    this.assertOpen();
    const db = this.sessionDbs.get(id);
    if (!db?.data) throw new Error(`No session ${id} in the store.`);
    change(db.data.session);
    await db.write();
  }

  async castVote(id: string, vote: Vote): Promise<void> {
    this.assertOpen();
    const db = this.sessionDbs.get(id);
    if (!db?.data) throw new Error(`No session ${id} in the store.`);
    recordVote(db.data.session, vote);
    await LowdbStore.adapterOf(db).append(db.data, vote);
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
      this.library.data.sessionIds = this.library.data.sessionIds.filter((other) => other !== id);
      await this.library.write();
      const path = this.sessionPath(id);
      await rm(path, { force: true });
      await rm(backupPathOf(path), { force: true });
      const logPrefix = voteLogPrefix(path);
      const dir = join(this.dataDir, SESSIONS_DIR);
      for (const name of await readdir(dir)) if (name.startsWith(logPrefix)) await rm(join(dir, name), { force: true });
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
    const failure = outcomes.find((outcome) => outcome.status === 'rejected');
    if (failure) throw failure.reason;
  }
}
