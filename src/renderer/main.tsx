/** The facilitator's app: presenter, audience, library, editor, results, report. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createClient } from './api/client';
import { ApiProvider } from './app/ApiContext';
import { App } from './app/App';
import './styles/global.css';

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
