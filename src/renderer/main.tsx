/** The facilitator's app: presenter, audience, library, editor, results, report. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createClient } from './api/client';
import { ApiProvider } from './app/ApiContext';
import { App } from './app/App';
import { preloadCharts } from './components/charts/lazy';
import './styles/global.css';

// Opened straight on a page of charts: fetch them alongside the first requests,
// not after the data has come back.
if (/^#\/(results|report|compare)\b/.test(window.location.hash)) preloadCharts();

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <ApiProvider client={createClient()}>
        <App />
      </ApiProvider>
    </StrictMode>,
  );
}
