import { describe, expect, it, vi } from 'vitest';
import type { PlenaryEvent } from '../../shared/contract';
import type { Session } from '../../shared/model';
import { ApiClient } from './client';
import type { Transport } from './transport';

/** A host that answers `sessions.get` with the session's current version, and can send events. */
function fakeHost() {
  const versions = new Map<string, number>([
    ['s1', 1],
    ['s2', 1],
  ]);
  const listeners = new Set<(event: PlenaryEvent) => void>();
  let failNext = false;
  const call = vi.fn(async (_name: string, input: unknown) => {
    const { sessionId } = input as { sessionId: string };
    if (failNext) {
      failNext = false;
      throw new Error('the host is away');
    }
    return { id: sessionId, version: versions.get(sessionId) } as unknown as Session;
  });
  const transport: Transport = {
    kind: 'http',
    call,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onConnection: () => () => undefined,
    pictureUrl: () => null,
  };
  return {
    client: new ApiClient(transport),
    call,
    /** The session changes on the host, which says so with an event. */
    change(sessionId: string) {
      versions.set(sessionId, (versions.get(sessionId) ?? 0) + 1);
      for (const listener of listeners) listener({ name: 'session.updated', data: { sessionId, session: {} } } as unknown as PlenaryEvent);
    },
    failNextRead() {
      failNext = true;
    },
    listenerCount: () => listeners.size,
  };
}

describe('ApiClient.prefetchSession', () => {
  it('lets the opening view take the answer already on its way: one request, not two', async () => {
    const host = fakeHost();
    host.client.prefetchSession('s1');
    const session = await host.client.call('sessions.get', { sessionId: 's1' });
    expect(session).toMatchObject({ id: 's1', version: 1 });
    expect(host.call).toHaveBeenCalledTimes(1);
    expect(host.listenerCount()).toBe(0);
    // Taken once: the next read asks the host.
    await host.client.call('sessions.get', { sessionId: 's1' });
    expect(host.call).toHaveBeenCalledTimes(2);
  });

  it('reads again when the session changed after the early read was sent', async () => {
    const host = fakeHost();
    host.client.prefetchSession('s1');
    host.change('s1');
    const session = await host.client.call('sessions.get', { sessionId: 's1' });
    expect(session).toMatchObject({ version: 2 });
    expect(host.call).toHaveBeenCalledTimes(2);
  });

  it('keeps the early answer when another session changed', async () => {
    const host = fakeHost();
    host.client.prefetchSession('s1');
    host.change('s2');
    expect(await host.client.call('sessions.get', { sessionId: 's1' })).toMatchObject({ version: 1 });
    expect(host.call).toHaveBeenCalledTimes(1);
  });

  it('reads again when the early read failed', async () => {
    const host = fakeHost();
    host.failNextRead();
    host.client.prefetchSession('s1');
    expect(await host.client.call('sessions.get', { sessionId: 's1' })).toMatchObject({ id: 's1' });
    expect(host.call).toHaveBeenCalledTimes(2);
  });
});
