/** The facilitator's app: presenter, audience, library, editor, results, report. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createClient } from './api/client';
import { ApiProvider } from './app/ApiContext';
import { App } from './app/App';
import { preloadView } from './app/views';
import { liveSessionOf, parseRoute } from './app/router';
import { preloadCharts } from './components/charts/lazy';
import './styles/global.css';

const root = document.getElementById('root');
if (root) {
  const route = parseRoute(window.location.hash);
  const client = createClient();
  // The view's data, its code and the charts' code travel side by side.
  const sessionId = liveSessionOf(route);
  if (sessionId) client.prefetchSession(sessionId);
  // Opened straight on a page of charts: fetch them alongside the view's code and
  // its first requests, not after the data has come back.
  if (route.view === 'results' || route.view === 'report' || route.view === 'compare') void preloadCharts();
  // The view's own code first (one small chunk, or nothing for the views in this
  // bundle), so the first render is the real view.
  void preloadView(route).then(() => {
    createRoot(root).render(
      <StrictMode>
        <ApiProvider client={client}>
          <App />
        </ApiProvider>
      </StrictMode>,
    );
  });
}
