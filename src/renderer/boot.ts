/**
 * The app page's first script, an entry of its own (its own small file: the CSP
 * forbids inline scripts), loaded `async` ahead of the app's bundle. On a page
 * opened straight at a session (a cold `#/present/<id>`, `#/results/<id>`…) it
 * sends the view's first reads at once, so they are answered while the bundle
 * (React and the views, 300 KiB and more) downloads, compiles and starts, rather
 * than after. The app's client takes them (api/bootReads.ts). Keep it small: it
 * imports only what it needs to send a request.
 */
import { startBootRead } from './api/bootReads';
import { pageTransport } from './api/pageTransport';
import { liveSessionOf, parseRoute } from './app/route';
import { preloadViewChunks } from './app/viewChunks';
import { warmClock } from './views/present/clockFormat';

const route = parseRoute(window.location.hash);
const sessionId = liveSessionOf(route);
if (sessionId) {
  const transport = pageTransport();
  startBootRead(transport, 'sessions.get', sessionId);
  // The chart pages draw the session's summary.
  if (route.view === 'results' || route.view === 'report') {
    startBootRead(transport, 'reports.get', sessionId);
    // And their code, the charts' above all, which is most of what such a page waits for.
    preloadViewChunks(route.view);
  }
}
// The presenter's clock is its first use of Intl, whose start-up takes tens of
// milliseconds: done here, while the main thread waits for the bundle anyway.
if (route.view === 'present') warmClock();
