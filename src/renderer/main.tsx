/** The facilitator's app: presenter, audience, library, editor, results, report. */
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
  // nothing for the views in this bundle), so the first render is the real view.
  void preloadView(route.view).then(() => {
    createRoot(root).render(
      <StrictMode>
        <ApiProvider client={client}>
          <App />
        </ApiProvider>
      </StrictMode>,
    );
  });
}
