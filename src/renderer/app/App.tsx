/**
 * Picks the view for the route. The library, presenter and audience views are in
 * the first bundle; the others load lazily, so the presenter's first slide never
 * waits for the editor's or the charts' code.
 */
import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { useCommand } from './hooks';
import { useRoute } from './router';
import { ErrorView } from '../components/ErrorView';
import { KeyHelp } from '../components/session/KeyHelp';
import { useMenuCommands } from './useMenuCommands';
import { LibraryView } from '../views/library/LibraryView';
// The presenter and the projector come in the first bundle: their first slide must
// not wait for a second round trip. The charts they reveal still load lazily.
import PresenterView from '../views/present/PresenterView';
import AudienceView from '../views/audience/AudienceView';

const SetupView = lazy(() => import('../views/setup/SetupView'));
const EditorView = lazy(() => import('../views/editor/EditorView'));
const ResultsView = lazy(() => import('../views/results/ResultsView'));
const ReportView = lazy(() => import('../views/report/ReportView'));
const HistoryView = lazy(() => import('../views/history/HistoryView'));
const CompareView = lazy(() => import('../views/history/CompareView'));
const SettingsView = lazy(() => import('../views/settings/SettingsView'));

/** Applies the facilitator's theme to the whole document. */
function useTheme() {
  const settings = useCommand('settings.get', {}, (event) => event.name === 'settings.changed');
  useEffect(() => {
    const theme = settings.data?.theme ?? 'light';
    document.documentElement.dataset.theme = theme;
    document.documentElement.style.setProperty('--text-scale', String(settings.data?.audienceTextScale ?? 1));
  }, [settings.data]);
}

export function App() {
  const route = useRoute();
  useTheme();
  const [keysShown, setKeysShown] = useState(false);
  const showKeys = useCallback(() => setKeysShown(true), []);
  useMenuCommands(route, showKeys);
  return (
    <Suspense fallback={<p className="visually-hidden">Loading…</p>}>
      <KeyHelp open={keysShown} onClose={() => setKeysShown(false)} />
      {(() => {
        switch (route.view) {
          case 'library':
            return <LibraryView />;
          case 'editor':
            return <EditorView workshopId={route.workshopId} />;
          case 'setup':
            return <SetupView workshopId={route.workshopId} />;
          case 'present':
            return <PresenterView sessionId={route.sessionId} />;
          case 'audience':
            return <AudienceView sessionId={route.sessionId} />;
          case 'results':
            return <ResultsView sessionId={route.sessionId} />;
          case 'report':
            return <ReportView sessionId={route.sessionId} />;
          case 'history':
            return <HistoryView />;
          case 'compare':
            return <CompareView sessionIds={route.sessionIds} />;
          case 'settings':
            return <SettingsView />;
          case 'notFound':
            return <ErrorView title="There is no such page" hint={`Nothing lives at #/${route.path}.`} />;
        }
      })()}
    </Suspense>
  );
}
