import { describe, expect, it } from 'vitest';
import { TurnPacer } from './turnPacer';

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('TurnPacer', () => {
  it('lets the first perTurn waiters go on at once and the rest a slice per turn, in order', async () => {
    const pacer = new TurnPacer(3);
    const order: number[] = [];
    const all = Array.from({ length: 8 }, (_, i) => pacer.pass().then(() => order.push(i)));
    await Promise.resolve();
    expect(order).toEqual([0, 1, 2]);
    expect(pacer.queued).toBe(5);
    await nextTurn();
    expect(order).toEqual([0, 1, 2, 3, 4, 5]);
    await nextTurn();
    await Promise.all(all);
    expect(order).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(pacer.queued).toBe(0);
  });

  it('lets other work of the event loop run between the slices', async () => {
    const pacer = new TurnPacer(2);
    const log: string[] = [];
    const all = Array.from({ length: 6 }, (_, i) => pacer.pass().then(() => log.push(`ack ${i}`)));
    // Something that arrives meanwhile, as the facilitator's RPC does: it runs before the last slices.
    setImmediate(() => log.push('other'));
    await Promise.all(all);
    expect(log.indexOf('other')).toBeGreaterThan(log.indexOf('ack 1'));
    expect(log.indexOf('other')).toBeLessThan(log.indexOf('ack 5'));
  });

  it('has a fresh budget in each turn, and a newcomer never jumps the queue', async () => {
    const pacer = new TurnPacer(2);
    const order: string[] = [];
    const first = [pacer.pass(), pacer.pass(), pacer.pass()].map((p, i) => p.then(() => order.push(`a${i}`)));
    await Promise.all(first);
    await nextTurn();
    await pacer.pass();
    order.push('b');
    expect(order).toEqual(['a0', 'a1', 'a2', 'b']);
  });

  it('refuses a budget that would never let anyone through', () => {
    expect(() => new TurnPacer(0)).toThrow(RangeError);
  });
});
