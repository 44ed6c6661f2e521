/**
 * Counts each key's requests in a sliding window: "at most N a second per device".
 * Each key keeps the times of its last N allowed requests in a ring: a request is
 * allowed when the oldest of them has left the window (or there are fewer than N),
 * the same rule as counting the times still inside it, without a new array per
 * request (every vote of a burst passes here).
 */
import { performance } from 'node:perf_hooks';

interface Window {
  /** The last `limit` allowed times, oldest at `oldest` once full. */
  times: number[];
  oldest: number;
  latest: number;
}

export class SlidingWindowLimiter {
  private readonly hits = new Map<string, Window>();
  private lastSweep = 0;

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    // The imported `performance`: Node's global one is a lazy getter, a function call on every use.
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Records a request; false when the key is over its limit (the request is refused). */
  allow(key: string): boolean {
    const now = this.now();
    this.sweep(now);
    const window = this.hits.get(key);
    if (!window) {
      this.hits.set(key, { times: [now], oldest: 0, latest: now });
      return true;
    }
    if (window.times.length < this.limit) {
      window.times.push(now);
    } else {
      // Refused requests are not recorded, as before: only allowed ones count.
      if (window.times[window.oldest]! > now - this.windowMs) return false;
      window.times[window.oldest] = now;
      window.oldest = (window.oldest + 1) % this.limit;
    }
    window.latest = now;
    return true;
  }

  /** True when a request for `key` now would be refused; records nothing. */
  isFull(key: string): boolean {
    const window = this.hits.get(key);
    if (!window || window.times.length < this.limit) return false;
    return window.times[window.oldest]! > this.now() - this.windowMs;
  }

  /** Forgets idle keys now and then, so a thousand phones do not keep memory forever. */
  private sweep(now: number): void {
    if (now - this.lastSweep < this.windowMs * 10) return;
    this.lastSweep = now;
    for (const [key, window] of this.hits) if (window.latest <= now - this.windowMs) this.hits.delete(key);
  }
}
