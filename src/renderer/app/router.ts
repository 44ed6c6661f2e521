/** The route of the page and its changes (the routes themselves: ./route.ts). */
import { startTransition, useEffect, useMemo, useState } from 'react';
import { hrefOf, parseRoute, type Route } from './route';

export { hrefOf, liveSessionOf, parseRoute, type Route } from './route';

export function navigate(route: Route): void {
  window.location.hash = hrefOf(route);
}

/**
 * The current route, updated on every hash change. The update is a transition:
 * while the next view's code loads, the current view stays on screen, rather than
 * a blank fallback followed by React's hold-back of up to 300 ms before showing
 * what the fallback stood in for.
 */
export function useRoute(): Route {
  const [hash, setHash] = useState(() => window.location.hash);
  useEffect(() => {
    const update = () => startTransition(() => setHash(window.location.hash));
    window.addEventListener('hashchange', update);
    // A change between the first render and this effect is not missed.
    update();
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return useMemo(() => parseRoute(hash), [hash]);
}
