/**
 * Lets at most `perTurn` waiters go on in one turn of the event loop; the others
 * go on in the turns after (setImmediate), in the order they came.
 *
 * Why: the votes of a burst share one flush to the disk, so when it lands ten
 * thousand acknowledgements are ready in the same instant, and answering them all
 * in one go (about 600 ms of socket writes on the shared test machine) would hold
 * the facilitator's next click behind them. Paced, the host answers a slice of
 * them, then whatever else came in (the facilitator's RPC), then the next slice.
 */
export class TurnPacer {
  private budget: number;
  private readonly waiting: (() => void)[] = [];
  private next = 0;
  private scheduled: ReturnType<typeof setImmediate> | null = null;

  constructor(private readonly perTurn: number) {
    if (!Number.isInteger(perTurn) || perTurn < 1) throw new RangeError('perTurn must be a whole number of at least 1');
    this.budget = perTurn;
  }

  /** Resolves in this turn if the turn has room, or in a later one. Never rejects. */
  pass(): Promise<void> {
    this.schedule();
    if (this.budget > 0 && this.next === this.waiting.length) {
      this.budget -= 1;
      return Promise.resolve();
    }
    return new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  /** How many wait for a later turn. */
  get queued(): number {
    return this.waiting.length - this.next;
  }

  private schedule(): void {
    this.scheduled ??= setImmediate(() => this.turn());
  }

  /** A new turn: a fresh budget, spent first on those who have waited longest. */
  private turn(): void {
    this.scheduled = null;
    this.budget = this.perTurn;
    while (this.budget > 0 && this.next < this.waiting.length) {
      this.budget -= 1;
      this.waiting[this.next++]!();
    }
    if (this.next === this.waiting.length) {
      this.waiting.length = 0;
      this.next = 0;
    } else {
      this.schedule();
    }
  }
}
