import { describe, expect, it, vi } from 'vitest';
import { startBootRead, takeBootReads } from './bootReads';
import type { Transport } from './transport';

describe('boot reads', () => {
  it('sends the read at once and hands it over once', async () => {
    const call = vi.fn(async () => ({ id: 's1' }));
    const transport = { kind: 'http', call } as unknown as Transport;
    startBootRead(transport, 'sessions.get', 's1');
    expect(call).toHaveBeenCalledWith('sessions.get', { sessionId: 's1' });
    const [read, ...rest] = takeBootReads();
    expect(rest).toEqual([]);
    expect(read).toMatchObject({ name: 'sessions.get', sessionId: 's1' });
    await expect(read!.answer).resolves.toEqual({ id: 's1' });
    expect(takeBootReads()).toEqual([]);
  });

  it('leaves a failed read to whoever takes it, without an unhandled rejection', async () => {
    const transport = { kind: 'http', call: vi.fn(async () => Promise.reject(new Error('away'))) } as unknown as Transport;
    startBootRead(transport, 'reports.get', 's1');
    const [read] = takeBootReads();
    await expect(read!.answer).rejects.toThrow('away');
  });
});
