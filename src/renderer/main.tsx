/** The facilitator's app: presenter, audience, library, editor, results, report. */
// The boot script: its own entry, loaded ahead of this bundle (index.html), and a
// page evaluates a module once, so this import runs nothing twice; it runs it on a
// page without that script tag. It also makes the build keep what the boot needs in
// the boot's own file, which this bundle then imports, rather than in a shared
// chunk the boot would have to wait for.
import './boot';
// First, before anything else is evaluated: a chart page's code starts downloading now.
import './app/earlyChunks';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createClient } from './api/client';
import { ApiProvider } from './app/ApiContext';
import { App } from './app/App';
import { preloadView } from './app/views';
import { liveSessionOf, parseRoute } from './app/router';
import './styles/global.css';

/** How long the first render waits for the view's first reads before it draws the view's loading state. */
const FIRST_READS_WAIT_MS = 400;

const root = document.getElementById('root');
if (root) {
  const route = parseRoute(window.location.hash);
  const client = createClient();
  // The view's data, its code and the charts' code travel side by side.
  const sessionId = liveSessionOf(route);
  if (sessionId) client.prefetchSession(sessionId);
  // The chart pages draw the session's summary: it comes with their code, not after it.
  if (route.view === 'results' || route.view === 'report') client.prefetchSummary(route.sessionId);
  // The view's own code first (its chunk and what it needs, the charts included, or
  // nothing for the views in this bundle), and its first reads, so the first render
  // is the real view with its data, not a loading line drawn and laid out for
  // nothing. A slow host does not keep the page blank: its loading line shows after
  // FIRST_READS_WAIT_MS.
  const firstReads = Promise.race([client.prefetchesSettled(), new Promise((resolve) => setTimeout(resolve, FIRST_READS_WAIT_MS))]);
  void Promise.all([preloadView(route.view), firstReads]).then(() => {
    createRoot(root).render(
      <StrictMode>
        <ApiProvider client={client}>
          <App />
        </ApiProvider>
      </StrictMode>,
    );
  });
}
