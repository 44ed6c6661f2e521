/**
 * Group commit, shared by the store's adapters: changes that come together share
 * one flush to the disk, and changes that arrive while a flush is on the disk wait
 * for one more flush, which carries all of them. Each caller's promise resolves
 * only once the flush carrying its change has landed.
 */
export class GroupCommit<Batch> {
  private flushing: Promise<void> | null = null;
  private next: { batch: Batch; done: Promise<void> } | null = null;

  /**
   * @param newBatch an empty batch, for the changes of the next flush
   * @param flush writes a batch; its content is read when the flush starts, so
   *   changes added later belong to the next one
   * @param whenIdle when a flush may start if none is on the disk (a moment for
   *   more changes to join it)
   */
  constructor(
    private readonly newBatch: () => Batch,
    private readonly flush: (batch: Batch) => Promise<void>,
    private readonly whenIdle: () => Promise<void>,
  ) {}

  /** The batch the next flush will carry, to add a change to, and when that flush has landed. */
  join(): { batch: Batch; done: Promise<void> } {
    if (this.next) return this.next;
    const start = this.flushing
      ? this.flushing.then(
          () => undefined,
          () => undefined,
        )
      : this.whenIdle();
    const next = {
      batch: this.newBatch(),
      done: start.then((): Promise<void> => {
        this.next = null;
        const flush = this.flush(next.batch).finally(() => {
          if (this.flushing === flush) this.flushing = null;
        });
        this.flushing = flush;
        return flush;
      }),
    };
    this.next = next;
    return next;
  }

  /** Resolves when nothing is pending (used on shutdown and before a delete). */
  async settle(): Promise<void> {
    while (this.flushing || this.next) {
      await (this.next?.done ?? this.flushing)?.catch(() => undefined);
    }
  }
}
