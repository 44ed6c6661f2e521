/**
 * React.lazy that steps aside once its chunk is here. React 19 holds back the
 * reveal of a Suspense boundary for up to 300 ms after the last fallback it
 * showed (so content does not pop in piece by piece). Good for slow networks, but
 * a chunk that was preloaded, or is already in memory, would still suspend once
 * and pay that wait: the results view's charts appeared ~250 ms late for no other
 * reason. So: start the import early with `preload()`, and once it has resolved
 * the component renders directly, with no Suspense at all.
 */
import { lazy, useState, type ComponentType } from 'react';

export interface LazyModule<M> {
  /** Starts loading (once); resolves with the module. */
  preload(): Promise<M>;
  /** The module if it has arrived, else null. */
  loaded(): M | null;
  /**
   * A component from the module: rendered directly once the module is here,
   * through React.lazy (so inside a Suspense boundary) until then.
   */
  component<P extends object>(pick: (module: M) => ComponentType<P>, name: string): ComponentType<P>;
}

export function lazyModule<M>(load: () => Promise<M>): LazyModule<M> {
  let module: M | null = null;
  let pending: Promise<M> | null = null;
  const preload = () => {
    pending ??= load().then(
      (value) => (module = value),
      (error: unknown) => {
        // A failed chunk (the host went away): a later preload() tries again.
        pending = null;
        throw error;
      },
    );
    return pending;
  };
  return {
    preload,
    loaded: () => module,
    component<P extends object>(pick: (module: M) => ComponentType<P>, name: string) {
      const Lazy = lazy(async () => ({ default: pick(await preload()) })) as unknown as ComponentType<P>;
      function LazyComponent(props: P) {
        // Decided once per instance: switching from Lazy to the real component
        // later would remount it and lose its state.
        const [direct] = useState(() => module !== null);
        const Component = direct && module ? pick(module) : Lazy;
        return <Component {...props} />;
      }
      LazyComponent.displayName = `Lazy(${name})`;
      return LazyComponent;
    },
  };
}
