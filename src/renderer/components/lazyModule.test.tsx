// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { Suspense } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { lazyModule } from './lazyModule';

afterEach(cleanup);

const greetingModule = () => ({ Greeting: ({ name }: { name: string }) => <p>Hello, {name}</p> });

describe('lazyModule', () => {
  it('shows the fallback while the code loads, then the component', async () => {
    const greetings = lazyModule(async () => greetingModule());
    const Greeting = greetings.component((module) => module.Greeting, 'Greeting');
    render(
      <Suspense fallback={<p>Loading…</p>}>
        <Greeting name="room" />
      </Suspense>,
    );
    expect(screen.getByText('Loading…')).toBeTruthy();
    expect(await screen.findByText('Hello, room')).toBeTruthy();
  });

  it('renders at once, with no fallback, once preloaded; loads the code once', async () => {
    const load = vi.fn(async () => greetingModule());
    const greetings = lazyModule(load);
    const Greeting = greetings.component((module) => module.Greeting, 'Greeting');
    await greetings.preload();
    await greetings.preload();
    render(
      <Suspense fallback={<p>Loading…</p>}>
        <Greeting name="room" />
      </Suspense>,
    );
    // Synchronously: the first render is the component itself.
    expect(screen.getByText('Hello, room')).toBeTruthy();
    expect(screen.queryByText('Loading…')).toBeNull();
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('tries again after a failed load (the host was away)', async () => {
    const load = vi.fn().mockRejectedValueOnce(new Error('offline')).mockResolvedValueOnce(greetingModule());
    const greetings = lazyModule(load as () => Promise<ReturnType<typeof greetingModule>>);
    await expect(greetings.preload()).rejects.toThrow('offline');
    expect(greetings.loaded()).toBeNull();
    await greetings.preload();
    expect(greetings.loaded()).not.toBeNull();
  });
});
