/**
 * A session on disk: a snapshot file (`<id>.json`, written durably and whole, its
 * previous version kept as `.bak`) and a vote log beside it (`<id>.votes.<n>.jsonl`,
 * one vote per line) holding the votes cast since that snapshot.
 *
 * Why a log: a vote is acknowledged only once it is on disk. Rewriting the whole
 * session for each flush costs nine file-system steps and every byte of every vote
 * so far; under a burst of a thousand phones the first flush crawled behind the
 * requests still being read, so nearly every answer left in one wave at the end.
 * Appending a vote is one write and one fdatasync, whatever the session's size.
 *
 * The snapshot names the log that continues it (`voteLog: n`). Any other change
 * (a slide, a reveal, an undo) writes a new snapshot that holds every vote so far;
 * if votes were logged since the last one, it starts log n + 1 at the same time, so
 * a log's votes are never applied twice. Log n - 1 is kept while the backup
 * (snapshot n - 1) may still need it.
 *
 * Writes are grouped (group commit): the changes made in one task share a flush,
 * and changes that arrive while a flush is on the disk share the next. A flush
 * writes a snapshot if any of its changes needs one, else it appends.
 */
import { closeSync, fdatasync, openSync, writeSync } from 'node:fs';
import { copyFile, readdir, readFile, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Adapter } from 'lowdb';
import type { RecoveryNotice } from '../../shared/contract';
import { voteSchema, type SessionRecord, type Vote } from '../../shared/model';
import { applyVote } from '../../shared/voteList';
import { writeFileDurably } from './durableWrite';
import { GroupCommit } from './groupCommit';
import { sessionFileText, voteLine } from './sessionFileText';

/** The session file as stored; `voteLog` names the log that continues it. */
export interface SessionFile {
  schemaVersion: 2;
  voteLog: number;
  session: SessionRecord;
}

/** How the names of the logs beside the session file at `path` begin (`<id>.votes.`). */
export const voteLogPrefix = (path: string) => `${basename(path).replace(/\.json$/, '')}.votes.`;

/** The log that continues snapshot `generation` of the session file at `path`. */
export const voteLogPath = (path: string, generation: number) => join(dirname(path), `${voteLogPrefix(path)}${generation}.jsonl`);

/** A vote as it enters a session: the list, and the session's last change. */
export function recordVote(session: SessionRecord, vote: Vote): void {
  applyVote(session.votes, vote);
  session.updatedAt = vote.at;
}

interface Batch {
  /** The session's latest state, if some change in this batch needs a snapshot. */
  snapshot: SessionFile | null;
  /** Log lines (a vote each, with its newline), when no snapshot is needed. */
  lines: string[];
}

export interface SessionFileAdapterOptions {
  path: string;
  backupPath: string;
  /** Reads (and if need be repairs) the snapshot; null when there is none. */
  readSnapshot: () => Promise<SessionFile | null>;
  label: string;
  now: () => Date;
  notices: RecoveryNotice[];
}

export class SessionFileAdapter implements Adapter<SessionFile> {
  /** The newest log: the one this process appends to. */
  private generation = 0;
  /** The log the snapshot on disk names; its backup names this one or an earlier one. */
  private snapshotGeneration = 0;
  private logFd: number | null = null;
  /** Lines appended to the current log since the snapshot that started it. */
  private logged = 0;
  /** A failed flush leaves the log in doubt: the next flush writes a snapshot. */
  private snapshotDue = false;
  private readonly commits = new GroupCommit<Batch>(
    () => ({ snapshot: null, lines: [] }),
    (batch) => this.flush(batch),
    // Idle: flush once the current task is done (a microtask), so the changes it
    // makes share the flush. No wait for the rest of the event loop's turn: an
    // append is so quick that a burst loses nothing by answering its first votes at
    // once while the rest gather for the next flush (three A/B pairs of the phones
    // bench: 1.09–1.36× bare Fastify, against 1.13–1.30× with the wait), and a lone
    // vote is acknowledged a turn sooner (1.09× its floor, against 1.30×).
    () => Promise.resolve(),
  );
  private latest: SessionFile | null = null;
  private closed = false;

  constructor(private readonly options: SessionFileAdapterOptions) {}

  /** Reads the snapshot and replays its logs; unless its log was there and empty, starts a new snapshot and log at once. */
  async read(): Promise<SessionFile | null> {
    const file = await this.options.readSnapshot();
    if (!file) return null;
    this.latest = file;
    this.snapshotGeneration = file.voteLog;
    // Normally log n is the only one from n on. A later one exists when the process
    // stopped while starting it (it is empty), or when snapshot n was restored from
    // its backup: then its votes were acknowledged after the damaged snapshot, and
    // count. Every log from n on is read, in order, gaps and all.
    const generations = (await this.logGenerations()).filter((generation) => generation >= file.voteLog);
    let clean = generations.length === 1 && generations[0] === file.voteLog;
    for (const generation of generations) {
      const log = await this.readLog(generation, file.session.title);
      if (log === null) continue;
      for (const vote of log.votes) recordVote(file.session, vote);
      if (log.bytes > 0) clean = false;
    }
    this.generation = Math.max(file.voteLog, ...generations);
    if (clean) {
      // WARNING: the folder's entries are made durable by the store once every session
      // is open (one folder fsync), before any vote is acknowledged.
      this.logFd = openSync(voteLogPath(this.options.path, this.generation), 'a', 0o600);
    } else {
      // Fold what the logs held into a new snapshot with a new, empty log: a torn
      // last line is never appended to, and a log's name is durable before use.
      await this.writeSnapshot(file);
    }
    return file;
  }

  /** Writes the whole session (any change but a vote). Resolves once it is on disk. */
  write(data: SessionFile): Promise<void> {
    const { batch, done } = this.join(data);
    batch.snapshot = data;
    return done;
  }

  /** Logs a vote already applied to `data`. Resolves once it is on disk. */
  append(data: SessionFile, vote: Vote): Promise<void> {
    const { batch, done } = this.join(data);
    batch.lines.push(`${voteLine(vote)}\n`);
    return done;
  }

  /** Resolves when nothing is pending (used on shutdown and before a delete). */
  settle(): Promise<void> {
    return this.commits.settle();
  }

  /**
   * Folds the log into a snapshot if it holds votes, so that after a clean shutdown
   * the session file alone holds the whole session (a copy of it is complete).
   */
  async compact(): Promise<void> {
    await this.settle();
    if ((this.logged > 0 || this.snapshotDue) && this.latest) await this.write(this.latest);
  }

  /** Refuses further writes and lets the log file go; call after settle() or compact(). */
  close(): void {
    this.closed = true;
    const fd = this.logFd;
    this.logFd = null;
    if (fd !== null) closeSync(fd);
  }

  private join(data: SessionFile): { batch: Batch; done: Promise<void> } {
    if (this.closed) throw new Error(`${this.options.label} is closed.`);
    this.latest = data;
    return this.commits.join();
  }

  private async flush(batch: Batch): Promise<void> {
    if (batch.snapshot || this.snapshotDue || this.logFd === null) {
      await this.writeSnapshot(batch.snapshot ?? this.latest!);
      return;
    }
    try {
      // WARNING: a synchronous write, on purpose: it only copies a few hundred bytes
      // into the page cache, and saves a turn of the event loop under a burst. The
      // slow part, fdatasync, runs on libuv's thread pool.
      const bytes = Buffer.from(batch.lines.join(''), 'utf8');
      const written = writeSync(this.logFd, bytes);
      this.logged += batch.lines.length;
      // A short write (a full disk) must not be acknowledged.
      if (written !== bytes.length) throw new Error(`Only ${written} of ${bytes.length} bytes of the vote log were written.`);
      const fd = this.logFd;
      await new Promise<void>((resolve, reject) => fdatasync(fd, (error) => (error ? reject(error) : resolve())));
    } catch (error) {
      // Part of a line may be on disk: start a new snapshot and log before appending again.
      this.snapshotDue = true;
      throw error;
    }
  }

  private async writeSnapshot(data: SessionFile): Promise<void> {
    const { path, backupPath } = this.options;
    // A new log only if the current one holds votes: they are in this snapshot and
    // must not be replayed onto it. The new log is created before the snapshot's
    // rename, whose folder fsync then makes both names durable.
    const rotate = this.logged > 0 || this.snapshotDue || this.logFd === null;
    const generation = rotate ? this.generation + 1 : this.generation;
    let newLog: number | null = null;
    try {
      if (rotate) {
        // 'wx': a log that exists already may hold acknowledged votes; never truncate one.
        newLog = openSync(voteLogPath(path, generation), 'wx', 0o600);
        // From here the name is taken, whatever happens to the snapshot.
        this.generation = generation;
      }
      data.voteLog = generation;
      await writeFileDurably(path, sessionFileText(data), { backupPath });
    } catch (error) {
      if (newLog !== null) closeSync(newLog);
      // The snapshot on disk may now name either log: append to neither until a snapshot lands.
      this.snapshotDue = true;
      throw error;
    }
    const previous = this.snapshotGeneration;
    this.snapshotGeneration = generation;
    this.snapshotDue = false;
    if (!rotate) return;
    const oldLog = this.logFd;
    this.logFd = newLog;
    this.logged = 0;
    // The snapshot is on disk: tidying up after it must not fail the write.
    if (oldLog !== null) {
      try {
        closeSync(oldLog);
      } catch {
        // Nothing is pending on it; the descriptor is gone either way.
      }
    }
    // The backup is the snapshot that was on disk: it needs its log and the later
    // ones. The log before it serves nothing now.
    if (previous >= 1) await rm(voteLogPath(path, previous - 1), { force: true }).catch(() => undefined);
  }

  /** The generations of this session's logs on disk, oldest first. */
  private async logGenerations(): Promise<number[]> {
    const { path } = this.options;
    const prefix = voteLogPrefix(path);
    const generations: number[] = [];
    for (const name of await readdir(dirname(path))) {
      if (!name.startsWith(prefix)) continue;
      const match = /^(\d+)\.jsonl$/.exec(name.slice(prefix.length));
      if (match) generations.push(Number(match[1]));
    }
    return generations.sort((a, b) => a - b);
  }

  /**
   * The votes of one log, or null when it does not exist. A last line with no
   * newline was being written when the process stopped: never acknowledged, so it
   * is dropped quietly. A bad line anywhere else is damage: the good votes are kept,
   * the log is copied aside and the user told.
   */
  private async readLog(generation: number, title: string): Promise<{ votes: Vote[]; bytes: number } | null> {
    const logPath = voteLogPath(this.options.path, generation);
    let text: string;
    try {
      text = await readFile(logPath, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    const lines = text.split('\n');
    lines.pop(); // '' after the last newline, or a torn last line
    const votes: Vote[] = [];
    let bad = 0;
    for (const line of lines) {
      if (line === '') continue;
      const parsed = (() => {
        try {
          return voteSchema.safeParse(JSON.parse(line));
        } catch {
          return null;
        }
      })();
      if (parsed?.success) votes.push(parsed.data);
      else bad += 1;
    }
    if (bad > 0) {
      const stamp = this.options.now().toISOString().replace(/[:.]/g, '-');
      const movedTo = `${logPath}.corrupt-${stamp}`;
      await copyFile(logPath, movedTo);
      this.options.notices.push({
        file: basename(logPath),
        movedTo: basename(movedTo),
        restoredFrom: null,
        // The title, which the facilitator knows, beside the id, which names the files.
        message: `${this.options.label} ("${title}"): ${bad} line${bad === 1 ? '' : 's'} of its vote log could not be read; the other ${votes.length} vote${votes.length === 1 ? ' was' : 's were'} kept. The log was copied to ${basename(movedTo)}.`,
      });
    }
    return { votes, bytes: text.length };
  }
}
