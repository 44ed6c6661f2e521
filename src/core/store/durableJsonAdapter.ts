/**
 * A lowdb adapter of ours: lowdb's stock JSONFile renames but never fsyncs, so an
 * acknowledged change could vanish in a power cut. This one writes durably, with
 * group commit: the writes of one turn of the event loop share a flush, and writes
 * that arrive while a flush is on the disk share the next one.
 */
import type { Adapter } from 'lowdb';
import { writeFileDurably } from './durableWrite';
import { GroupCommit } from './groupCommit';

export class DurableJsonAdapter<T> implements Adapter<T> {
  private readonly commits: GroupCommit<{ data: T | null }>;

  /**
   * @param path the file
   * @param readExisting how the store reads (and, if need be, repairs) the file;
   *   lowdb's `read()` goes through it
   */
  constructor(
    readonly path: string,
    private readonly readExisting: () => Promise<T | null>,
    private readonly backupPath?: string,
  ) {
    this.commits = new GroupCommit<{ data: T | null }>(
      () => ({ data: null }),
      // Serialised when the flush starts: later changes belong to the next flush.
      (batch) => writeFileDurably(this.path, JSON.stringify(batch.data), this.backupPath ? { backupPath: this.backupPath } : {}),
      // Wait for the rest of this turn of the event loop, so the writes it brings share the flush.
      () => new Promise<void>((resolve) => setImmediate(resolve)),
    );
  }

  read(): Promise<T | null> {
    return this.readExisting();
  }

  /** Resolves once `data` (or a later state that includes it) is on disk. */
  write(data: T): Promise<void> {
    const { batch, done } = this.commits.join();
    batch.data = data;
    return done;
  }

  /** Resolves when nothing is pending (used on shutdown). */
  settle(): Promise<void> {
    return this.commits.settle();
  }
}
