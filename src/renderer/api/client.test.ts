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
    sendEvent(event: PlenaryEvent) {
      for (const listener of listeners) listener(event);
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

describe('ApiClient.prefetchSummary', () => {
  it("gives the results view the summary already on its way, apart from the session's own read", async () => {
    const host = fakeHost();
    host.client.prefetchSession('s1');
    host.client.prefetchSummary('s1');
    expect(host.call).toHaveBeenCalledTimes(2);
    expect(host.call.mock.calls.map(([name]) => name)).toEqual(['sessions.get', 'reports.get']);
    await host.client.call('reports.get', { sessionId: 's1' });
    await host.client.call('sessions.get', { sessionId: 's1' });
    expect(host.call).toHaveBeenCalledTimes(2);
    expect(host.listenerCount()).toBe(0);
  });

  it('reads the summary again when the session or the settings changed meanwhile', async () => {
    const host = fakeHost();
    host.client.prefetchSummary('s1');
    host.change('s1');
    expect(await host.client.call('reports.get', { sessionId: 's1' })).toMatchObject({ version: 2 });
    expect(host.call).toHaveBeenCalledTimes(2);
    host.client.prefetchSummary('s2');
    host.sendEvent({ name: 'settings.changed', data: {} } as unknown as PlenaryEvent);
    await host.client.call('reports.get', { sessionId: 's2' });
    expect(host.call).toHaveBeenCalledTimes(4);
  });

  it('never hands an early read to a call that asked for something else', async () => {
    const host = fakeHost();
    host.client.prefetchSummary('s1');
    await host.client.call('reports.get', { sessionId: 's1', includeUnrevealed: true });
    expect(host.call).toHaveBeenCalledTimes(2);
  });
});

describe('ApiClient.adopt (the boot script sent the read)', () => {
  it('answers the view from the boot read, without a request of its own', async () => {
    const host = fakeHost();
    const early = Promise.resolve({ id: 's1', version: 1 });
    host.client.adopt('sessions.get', 's1', early);
    // The app's own prefetch of the same read finds it there.
    host.client.prefetchSession('s1');
    await expect(host.client.call('sessions.get', { sessionId: 's1' })).resolves.toMatchObject({ id: 's1', version: 1 });
    expect(host.call).not.toHaveBeenCalled();
  });

  it('reads again when the session changed after the client took the boot read', async () => {
    const host = fakeHost();
    host.client.adopt('sessions.get', 's1', Promise.resolve({ id: 's1', version: 1 }));
    host.change('s1');
    await expect(host.client.call('sessions.get', { sessionId: 's1' })).resolves.toMatchObject({ version: 2 });
    expect(host.call).toHaveBeenCalledTimes(1);
  });
});

describe('ApiClient.peekPrefetched', () => {
  it("gives a first render the early answer once it has come, and leaves it for the view's own call", async () => {
    const host = fakeHost();
    host.client.prefetchSession('s1');
    expect(host.client.peekPrefetched('sessions.get', { sessionId: 's1' })).toBeUndefined();
    await host.client.prefetchesSettled();
    const peeked = host.client.peekPrefetched('sessions.get', { sessionId: 's1' });
    expect(peeked).toMatchObject({ id: 's1', version: 1 });
    // The same object: a view that drew it sees no change when its call answers.
    await expect(host.client.call('sessions.get', { sessionId: 's1' })).resolves.toBe(peeked);
    expect(host.call).toHaveBeenCalledTimes(1);
  });

  it('gives nothing once an event may have changed the answer, nor for a read never started', async () => {
    const host = fakeHost();
    host.client.prefetchSession('s1');
    await host.client.prefetchesSettled();
    host.change('s1');
    expect(host.client.peekPrefetched('sessions.get', { sessionId: 's1' })).toBeUndefined();
    expect(host.client.peekPrefetched('sessions.get', { sessionId: 's2' })).toBeUndefined();
    expect(host.client.peekPrefetched('reports.get', { sessionId: 's1' })).toBeUndefined();
  });

  it('settles even when an early read fails', async () => {
    const host = fakeHost();
    host.failNextRead();
    host.client.prefetchSession('s1');
    await expect(host.client.prefetchesSettled()).resolves.toBeUndefined();
    expect(host.client.peekPrefetched('sessions.get', { sessionId: 's1' })).toBeUndefined();
  });
});
