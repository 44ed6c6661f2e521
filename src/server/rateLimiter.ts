/** Counts each key's requests in a sliding window: "at most N a second per device". */
export class SlidingWindowLimiter {
  private readonly hits = new Map<string, number[]>();
  private lastSweep = 0;

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Records a request; false when the key is over its limit (the request is refused). */
  allow(key: string): boolean {
    const now = this.now();
    this.sweep(now);
    const since = now - this.windowMs;
    const times = (this.hits.get(key) ?? []).filter((t) => t > since);
    const allowed = times.length < this.limit;
    if (allowed) times.push(now);
    this.hits.set(key, times);
    return allowed;
  }

  /** Forgets idle keys now and then, so a thousand phones do not keep memory forever. */
  private sweep(now: number): void {
    if (now - this.lastSweep < this.windowMs * 10) return;
    this.lastSweep = now;
    for (const [key, times] of this.hits) if (!times.some((t) => t > now - this.windowMs)) this.hits.delete(key);
  }
}
