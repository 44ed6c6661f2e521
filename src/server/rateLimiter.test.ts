import { describe, expect, it } from 'vitest';
import { SlidingWindowLimiter } from './rateLimiter';

/** The rule stated plainly: allowed when fewer than `limit` allowed requests of this key are less than `windowMs` old. */
class Reference {
  private readonly hits = new Map<string, number[]>();
  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}
  allow(key: string, now: number): boolean {
    const times = (this.hits.get(key) ?? []).filter((t) => t > now - this.windowMs);
    const allowed = times.length < this.limit;
    if (allowed) times.push(now);
    this.hits.set(key, times);
    return allowed;
  }
}

describe('SlidingWindowLimiter', () => {
  it('allows 10 a second per key, and the 11th only once the first has left the window', () => {
    let now = 1000;
    const limiter = new SlidingWindowLimiter(10, 1000, () => now);
    for (let i = 0; i < 10; i++) expect(limiter.allow('a')).toBe(true);
    expect(limiter.allow('a')).toBe(false);
    expect(limiter.allow('b')).toBe(true);
    now = 1999;
    expect(limiter.allow('a')).toBe(false);
    // All ten were at 1000: a second later all have left the window.
    now = 2000;
    for (let i = 0; i < 10; i++) expect(limiter.allow('a')).toBe(true);
    expect(limiter.allow('a')).toBe(false);
  });

  it('agrees with the plain rule on random traffic, across the sweeps that forget idle keys', () => {
    let seed = 11;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    let now = 0;
    const limiter = new SlidingWindowLimiter(10, 1000, () => now);
    const reference = new Reference(10, 1000);
    for (let i = 0; i < 20_000; i++) {
      now += random() < 0.9 ? random() * 30 : random() * 3000;
      const key = `device-${Math.floor(random() * 5)}`;
      expect(limiter.allow(key), `request ${i} at ${now}`).toBe(reference.allow(key, now));
    }
  });
});
