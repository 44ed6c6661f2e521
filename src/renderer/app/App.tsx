/** Picks the view for the route (the lazy ones: app/views.ts). */
import { Suspense, useCallback, useEffect, useState } from 'react';
import { useCommand } from './hooks';
import { liveSessionOf, parseRoute, useRoute } from './router';
import { useApi } from './ApiContext';
import { lazyViews } from './views';
import { ErrorView } from '../components/ErrorView';
import { KeyHelp } from '../components/session/KeyHelp';
import { useMenuCommands } from './useMenuCommands';
import { LibraryView } from '../views/library/LibraryView';
// The presenter and the projector come in the first bundle: their first slide must
// not wait for a second round trip. The charts they reveal still load lazily.
import PresenterView from '../views/present/PresenterView';
import AudienceView from '../views/audience/AudienceView';

const SetupView = lazyViews.setup.component((module) => module.default, 'SetupView');
const EditorView = lazyViews.editor.component((module) => module.default, 'EditorView');
const ResultsView = lazyViews.results.component((module) => module.default, 'ResultsView');
const ReportView = lazyViews.report.component((module) => module.default, 'ReportView');
const HistoryView = lazyViews.history.component((module) => module.default, 'HistoryView');
const CompareView = lazyViews.compare.component((module) => module.default, 'CompareView');
const FollowUpView = lazyViews.followUp.component((module) => module.default, 'FollowUpView');
const SettingsView = lazyViews.settings.component((module) => module.default, 'SettingsView');

/** Applies the facilitator's theme to the whole document. */
function useTheme() {
  const settings = useCommand('settings.get', {}, (event) => event.name === 'settings.changed');
  useEffect(() => {
    // Written only when it changes: every write is a mutation the charts watch for.
    const html = document.documentElement;
    const theme = settings.data?.theme ?? 'light';
    if (html.dataset.theme !== theme) html.dataset.theme = theme;
    const scale = String(settings.data?.audienceTextScale ?? 1);
    if (html.style.getPropertyValue('--text-scale') !== scale) html.style.setProperty('--text-scale', scale);
  }, [settings.data]);
}

/** On a change of page, starts reading the session the next view shows while its code loads. */
function usePrefetchOnNavigation() {
  const api = useApi();
  useEffect(() => {
    const onHashChange = () => {
      const sessionId = liveSessionOf(parseRoute(window.location.hash));
      if (sessionId) api.prefetchSession(sessionId);
    };
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, [api]);
}

export function App() {
  const route = useRoute();
  usePrefetchOnNavigation();
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
          case 'followUp':
            return <FollowUpView sessionId={route.sessionId} />;
          case 'settings':
            return <SettingsView />;
          case 'notFound':
            return <ErrorView title="There is no such page" hint={`Nothing lives at #/${route.path}.`} />;
        }
      })()}
    </Suspense>
  );
}
