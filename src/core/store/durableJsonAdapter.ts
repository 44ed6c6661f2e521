/**
 * A lowdb adapter of ours: lowdb's stock JSONFile renames but never fsyncs, so an
 * acknowledged vote could vanish in a power cut. This one writes durably and
 * coalesces (group commit): the writes of one turn of the event loop share a
 * flush, and writes that arrive while a flush is on the disk wait for one more
 * flush, which carries all of them.
 */
import type { Adapter } from 'lowdb';
import { writeFileDurably } from './durableWrite';

export class DurableJsonAdapter<T> implements Adapter<T> {
  private flushing: Promise<void> | null = null;
  private next: { data: T; done: Promise<void> } | null = null;

  /**
   * @param path the file
   * @param readExisting how the store reads (and, if need be, repairs) the file;
   *   lowdb's `read()` goes through it
   */
  constructor(
    readonly path: string,
    private readonly readExisting: () => Promise<T | null>,
    private readonly backupPath?: string,
    /** How the data becomes text; JSON.stringify unless a file knows a faster way. */
    private readonly serialize: (data: T) => string = (data) => JSON.stringify(data),
  ) {}

  read(): Promise<T | null> {
    return this.readExisting();
  }

  /** Resolves once `data` (or a later state that includes it) is on disk. */
  write(data: T): Promise<void> {
    if (this.next) {
      // A flush is waiting already: it will serialise the latest state, this one included.
      this.next.data = data;
      return this.next.done;
    }
    const queued: { data: T; done: Promise<void> } = { data, done: Promise.resolve() };
    // Idle: wait for the rest of this turn of the event loop, so the writes it
    // brings (a burst of phones' votes, read from many sockets at once) share this
    // flush instead of queueing behind a flush that carries one of them.
    const turn = this.flushing
      ? this.flushing.then(
          () => undefined,
          () => undefined,
        )
      : new Promise<void>((resolve) => setImmediate(resolve));
    queued.done = turn.then((): Promise<void> => {
      this.next = null;
      return this.startFlush(queued.data);
    });
    this.next = queued;
    return queued.done;
  }

  /** Resolves when nothing is pending (used on shutdown). */
  async settle(): Promise<void> {
    while (this.flushing || this.next) {
      await (this.next?.done ?? this.flushing)?.catch(() => undefined);
    }
  }

  private startFlush(data: T): Promise<void> {
    // Serialise now: later mutations belong to the next flush.
    // Compact: a vote rewrites the session file, and every byte is written and flushed.
    const text = this.serialize(data);
    const flush = writeFileDurably(this.path, text, this.backupPath ? { backupPath: this.backupPath } : {}).finally(() => {
      if (this.flushing === flush) this.flushing = null;
    });
    this.flushing = flush;
    return flush;
  }
}
