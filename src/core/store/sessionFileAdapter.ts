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
 *
 * A write that fails changes nothing: each batch keeps the session as it was
 * before its first change, and a failed flush puts it back (the changes that came
 * after it, in the next batch, are refused too, since they were made on top).
 *
 * Damage is told: each log begins with a header line, so a log missing, emptied or
 * cut short where a clean close would have left it is reported on opening; while
 * running, a log deleted or shortened under the process is seen before the next
 * append, and the session is written whole from memory instead.
 */
import { copyFile, readdir, readFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Adapter } from 'lowdb';
import type { RecoveryNotice } from '../../shared/contract';
import { admittedPhoneSchema, voteSchema, type AdmittedPhone, type SessionRecord, type Vote } from '../../shared/model';
import { applyVote } from '../../shared/voteList';
import { storeFs, writeFileDurably } from './durableWrite';
import { GroupCommit } from './groupCommit';
import { sessionFileText, voteLine } from './sessionFileText';

/** The session file as stored; `voteLog` names the log that continues it. */
export interface SessionFile {
  schemaVersion: 2;
  voteLog: number;
  /** The log it names begins with a header line (so an emptied log is known for damage); absent in older files. */
  voteLogHeader?: boolean | undefined;
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

/** A phone as it enters a session, with its first vote (the log line comes before the vote's). */
export function recordPhone(session: SessionRecord, phone: AdmittedPhone): void {
  if (!session.phones.some((p) => p.deviceId === phone.deviceId)) session.phones.push(phone);
}

/** The first line of every log: which session and generation it continues. */
const logHeader = (id: string, generation: number) => `${JSON.stringify({ voteLog: generation, session: id })}\n`;

/**
 * A copy of a session's state to put back if a write fails. Slides and dimensions
 * never change and are shared; votes and phones are never edited once made, so
 * their lists are copied but not each entry; the rest is copied whole, records
 * keeping their lack of a prototype.
 */
function copyOf<T>(value: T): T {
  if (Array.isArray(value)) return value.map(copyOf) as T;
  if (value === null || typeof value !== 'object') return value;
  const out = (Object.getPrototypeOf(value) === null ? Object.create(null) : {}) as Record<string, unknown>;
  for (const [key, entry] of Object.entries(value)) Object.defineProperty(out, key, { value: copyOf(entry), enumerable: true, writable: true, configurable: true });
  return out as T;
}

function captureSession(session: SessionRecord): SessionRecord {
  const copy = {} as Record<string, unknown>;
  for (const [key, value] of Object.entries(session)) {
    copy[key] = key === 'slides' || key === 'dimensions' ? value : key === 'votes' || key === 'phones' ? [...(value as unknown[])] : copyOf(value);
  }
  return copy as SessionRecord;
}

/** Puts `session` back, in place (everyone holds this object), as `before` had it. */
function restoreSession(session: SessionRecord, before: SessionRecord): void {
  const target = session as unknown as Record<string, unknown>;
  for (const key of Object.keys(target)) if (!Object.hasOwn(before, key)) delete target[key];
  Object.assign(target, before);
}

interface Batch {
  /** The session's latest state, if some change in this batch needs a snapshot. */
  snapshot: SessionFile | null;
  /** Log lines (a vote each, with its newline), when no snapshot is needed. */
  lines: string[];
  /** The session as it was before this batch's first change: what a failed flush puts back. */
  before: SessionRecord | null;
  /** Set when an earlier flush failed after this batch's changes were made on top of it. */
  refused: Error | null;
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
  /** The log's length as this process wrote it; anything else on disk is damage. */
  private logBytes = 0;
  /** Whether the current log began with a header line (logs of older versions do not). */
  private logHasHeader = false;
  /** The batch changes are joining now (not yet flushing). */
  private openBatch: Batch | null = null;
  private readonly commits = new GroupCommit<Batch>(
    () => {
      const batch: Batch = { snapshot: null, lines: [], before: null, refused: null };
      this.openBatch = batch;
      return batch;
    },
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

  private get sessionId(): string {
    return basename(this.options.path).replace(/\.json$/, '');
  }

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
    const kept = file.session.votes.length;
    let header = false;
    let bytes = 0;
    for (const generation of generations) {
      const log = await this.readLog(generation, file.session.title, generation === file.voteLog && file.voteLogHeader === true);
      if (log === null) continue;
      for (const entry of log.entries) {
        if ('phone' in entry) recordPhone(file.session, entry.phone);
        else recordVote(file.session, entry);
      }
      if (log.entries.length > 0 || log.damaged) clean = false;
      header = log.header;
      bytes = log.bytes;
    }
    if (file.voteLogHeader === true && !generations.includes(file.voteLog)) {
      this.tell(
        basename(voteLogPath(this.options.path, file.voteLog)),
        `${this.options.label} ("${file.session.title}"): its vote log is missing. The ${kept} vote${kept === 1 ? '' : 's'} in its last snapshot were kept; votes cast after that snapshot are lost.`,
      );
    }
    this.generation = Math.max(file.voteLog, ...generations);
    if (clean) {
      // WARNING: the folder's entries are made durable by the store once every session
      // is open (one folder fsync), before any vote is acknowledged.
      this.logFd = storeFs.openSync(voteLogPath(this.options.path, this.generation), 'a', 0o600);
      this.logBytes = bytes;
      this.logHasHeader = header;
    } else {
      // Fold what the logs held into a new snapshot with a new, empty log: a torn
      // last line is never appended to, and a log's name is durable before use.
      await this.writeSnapshot(file);
    }
    return file;
  }

  /** Writes the whole session (a new session, or the fold on close). Resolves once it is on disk. */
  write(data: SessionFile): Promise<void> {
    const { batch, done } = this.join(data);
    batch.snapshot = data;
    return done;
  }

  /**
   * Applies `change` to the session and writes it whole (any change but a vote).
   * Resolves once on disk; if the write fails, the session is as it was before.
   */
  update(data: SessionFile, change: (session: SessionRecord) => void): Promise<void> {
    const { batch, done } = this.join(data);
    batch.before ??= captureSession(data.session);
    try {
      change(data.session);
    } catch (error) {
      // The caller hears of the throw; the flush's own outcome is then nobody's to hear.
      done.catch(() => undefined);
      throw error;
    }
    batch.snapshot = data;
    return done;
  }

  /** Adds a vote (and the phone it admits) to the session and logs it. Resolves once on disk; a failed write takes it back. */
  castVote(data: SessionFile, vote: Vote, phone?: AdmittedPhone): Promise<void> {
    const { batch, done } = this.join(data);
    batch.before ??= captureSession(data.session);
    if (phone) {
      recordPhone(data.session, phone);
      batch.lines.push(`${JSON.stringify({ phone })}\n`);
    }
    recordVote(data.session, vote);
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
    if (fd !== null) storeFs.closeSync(fd);
  }

  private join(data: SessionFile): { batch: Batch; done: Promise<void> } {
    if (this.closed) throw new Error(`${this.options.label} is closed.`);
    this.latest = data;
    return this.commits.join();
  }

  private async flush(batch: Batch): Promise<void> {
    if (this.openBatch === batch) this.openBatch = null;
    if (batch.refused) {
      // Made on top of changes a failed flush took back: refused as well, and undone.
      if (batch.before && this.latest) restoreSession(this.latest.session, batch.before);
      throw batch.refused;
    }
    try {
      await this.flushBatch(batch);
    } catch (error) {
      if (batch.before && this.latest) restoreSession(this.latest.session, batch.before);
      const next = this.openBatch;
      if (next && next !== batch) {
        next.refused = error as Error;
        // What the next batch will put back: the session as this failure left it.
        next.before = this.latest ? captureSession(this.latest.session) : null;
      }
      throw error;
    }
  }

  private async flushBatch(batch: Batch): Promise<void> {
    if (batch.snapshot || this.snapshotDue || this.logFd === null || !this.logIsIntact()) {
      await this.writeSnapshot(batch.snapshot ?? this.latest!);
      return;
    }
    const fd = this.logFd;
    try {
      // WARNING: a synchronous write, on purpose: it only copies a few hundred bytes
      // into the page cache, and saves a turn of the event loop under a burst. The
      // slow part, fdatasync, runs on libuv's thread pool.
      const bytes = Buffer.from(batch.lines.join(''), 'utf8');
      const written = storeFs.writeSync(fd, bytes);
      if (written !== bytes.length) {
        // A short write (a full disk) must not be acknowledged, nor left as a torn line.
        try {
          storeFs.ftruncateSync(fd, this.logBytes);
        } catch {
          // The next flush writes a snapshot and a new log anyway.
        }
        throw Object.assign(new Error(`Only ${written} of ${bytes.length} bytes of the vote log were written: the disk is full.`), { code: 'ENOSPC' });
      }
      this.logBytes += written;
      this.logged += batch.lines.length;
      await storeFs.fdatasync(fd);
    } catch (error) {
      // Part of a line may be on disk: start a new snapshot and log before appending again.
      this.snapshotDue = true;
      throw error;
    }
  }

  /**
   * Whether the log on disk is still the one this process wrote: not deleted, not
   * shortened. If it is not, the votes in memory are all there is; the flush writes
   * them as a snapshot (and the user is told).
   */
  private logIsIntact(): boolean {
    if (this.logFd === null) return false;
    let stats;
    try {
      stats = storeFs.fstatSync(this.logFd);
    } catch {
      return false;
    }
    if (stats.nlink > 0 && stats.size === this.logBytes) return true;
    const title = this.latest?.session.title ?? '';
    this.tell(
      basename(voteLogPath(this.options.path, this.generation)),
      `${this.options.label} ("${title}"): its vote log was ${stats.nlink === 0 ? 'deleted' : stats.size < this.logBytes ? 'cut short' : 'changed'} while Plenary ran. Every vote was still in memory and was written again with the session; nothing was lost.`,
    );
    return false;
  }

  private tell(file: string, message: string): void {
    this.options.notices.push({ file, movedTo: '', restoredFrom: null, message });
  }

  private async writeSnapshot(data: SessionFile): Promise<void> {
    const { path, backupPath } = this.options;
    // A new log only if the current one holds votes: they are in this snapshot and
    // must not be replayed onto it. The new log is created before the snapshot's
    // rename, whose folder fsync then makes both names durable.
    const rotate = this.logged > 0 || this.snapshotDue || this.logFd === null || this.logBytes === 0 || !this.logHasHeader;
    const generation = rotate ? this.generation + 1 : this.generation;
    let newLog: number | null = null;
    const header = logHeader(this.sessionId, generation);
    try {
      if (rotate) {
        // 'wx': a log that exists already may hold acknowledged votes; never truncate one.
        newLog = storeFs.openSync(voteLogPath(path, generation), 'wx', 0o600);
        // From here the name is taken, whatever happens to the snapshot.
        this.generation = generation;
        // The header is on disk before the snapshot that names the log: an empty log is then always damage.
        const written = storeFs.writeSync(newLog, header);
        if (written !== Buffer.byteLength(header)) throw Object.assign(new Error('The vote log could not be started: the disk is full.'), { code: 'ENOSPC' });
        await storeFs.fdatasync(newLog);
      }
      data.voteLog = generation;
      data.voteLogHeader = rotate ? true : this.logHasHeader;
      await writeFileDurably(path, sessionFileText(data), { backupPath });
    } catch (error) {
      if (newLog !== null) {
        storeFs.closeSync(newLog);
        // No snapshot names it: an empty log left behind would only clutter the folder
        // (a snapshot that did land names it, and then a missing log holds no votes).
        await storeFs.rm(voteLogPath(path, generation), { force: true }).catch(() => undefined);
      }
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
    this.logBytes = Buffer.byteLength(header);
    this.logHasHeader = true;
    // The snapshot is on disk: tidying up after it must not fail the write.
    if (oldLog !== null) {
      try {
        storeFs.closeSync(oldLog);
      } catch {
        // Nothing is pending on it; the descriptor is gone either way.
      }
    }
    // The backup is the snapshot that was on disk: it needs its log and the later
    // ones. The log before it serves nothing now.
    if (previous >= 1) await storeFs.rm(voteLogPath(path, previous - 1), { force: true }).catch(() => undefined);
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
   * The entries of one log (votes, and phones admitted), or null when it does not
   * exist. A last line with no newline was being written when the process stopped:
   * never acknowledged, so it is dropped; but since a vote is appended whole, only
   * a power cut (or damage) tears one, so it is told. A bad line anywhere else is
   * damage: the good votes are kept, the log is copied aside and the user told. A
   * log that should begin with its header and does not was emptied or cut.
   */
  private async readLog(
    generation: number,
    title: string,
    headerExpected: boolean,
  ): Promise<{ entries: (Vote | { phone: AdmittedPhone })[]; bytes: number; header: boolean; damaged: boolean } | null> {
    const logPath = voteLogPath(this.options.path, generation);
    let text: string;
    try {
      text = await readFile(logPath, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    const lines = text.split('\n');
    const torn = lines.pop() !== ''; // '' after the last newline, or a torn last line
    const entries: (Vote | { phone: AdmittedPhone })[] = [];
    let header = false;
    let bad = 0;
    lines.forEach((line, index) => {
      if (line === '') return;
      let raw: unknown;
      try {
        raw = JSON.parse(line);
      } catch {
        bad += 1;
        return;
      }
      if (index === 0 && typeof raw === 'object' && raw !== null && 'voteLog' in raw) {
        header = true;
        return;
      }
      if (typeof raw === 'object' && raw !== null && 'phone' in raw) {
        const phone = admittedPhoneSchema.safeParse((raw as { phone: unknown }).phone);
        if (phone.success) entries.push({ phone: phone.data });
        else bad += 1;
        return;
      }
      const parsed = voteSchema.safeParse(raw);
      if (parsed.success) entries.push(parsed.data);
      else bad += 1;
    });
    const votes = entries.filter((entry) => !('phone' in entry)).length;
    const kept = `${votes} vote${votes === 1 ? ' was' : 's were'} kept`;
    const name = `${this.options.label} ("${title}")`;
    if (bad > 0) {
      const stamp = this.options.now().toISOString().replace(/[:.]/g, '-');
      const movedTo = `${logPath}.corrupt-${stamp}`;
      await copyFile(logPath, movedTo);
      this.options.notices.push({
        file: basename(logPath),
        movedTo: basename(movedTo),
        restoredFrom: null,
        // The title, which the facilitator knows, beside the id, which names the files.
        message: `${name}: ${bad} line${bad === 1 ? '' : 's'} of its vote log could not be read; the other ${kept}. The log was copied to ${basename(movedTo)}.`,
      });
    }
    const emptied = headerExpected && text.length === 0;
    const headless = headerExpected && !emptied && !header;
    if (emptied) this.tell(basename(logPath), `${name}: its vote log was found empty. The votes in its last snapshot were kept; votes cast after that snapshot are lost.`);
    else if (headless) this.tell(basename(logPath), `${name}: the start of its vote log is missing; the ${kept} from what remained.`);
    else if (torn) this.tell(basename(logPath), `${name}: its vote log ends in the middle of a line (cut short, or a power cut during a write); the ${kept}, the broken line was left out.`);
    return { entries, bytes: Buffer.byteLength(text), header, damaged: bad > 0 || emptied || headless || torn };
  }
}
