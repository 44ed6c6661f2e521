/**
 * Picks the view for the route. The library, presenter and audience views are in
 * the first bundle; the others load lazily, so the presenter's first slide never
 * waits for the editor's or the charts' code.
 */
import { Suspense, useCallback, useEffect, useState } from 'react';
import { useCommand } from './hooks';
import { liveSessionOf, parseRoute, useRoute, type Route } from './router';
import { useApi } from './ApiContext';
import { lazyModule } from '../components/lazyModule';
import { preloadCharts } from '../components/charts/lazy';
import { ErrorView } from '../components/ErrorView';
import { KeyHelp } from '../components/session/KeyHelp';
import { useMenuCommands } from './useMenuCommands';
import { LibraryView } from '../views/library/LibraryView';
// The presenter and the projector come in the first bundle: their first slide must
// not wait for a second round trip. The charts they reveal still load lazily.
import PresenterView from '../views/present/PresenterView';
import AudienceView from '../views/audience/AudienceView';

const lazyViews = {
  setup: lazyModule(() => import('../views/setup/SetupView')),
  editor: lazyModule(() => import('../views/editor/EditorView')),
  // The results view is its charts: it arrives with their code, so it never
  // shows a placeholder where a chart is about to be.
  results: lazyModule(() => Promise.all([import('../views/results/ResultsView'), preloadCharts()]).then(([module]) => module)),
  report: lazyModule(() => import('../views/report/ReportView')),
  history: lazyModule(() => import('../views/history/HistoryView')),
  compare: lazyModule(() => import('../views/history/CompareView')),
  settings: lazyModule(() => import('../views/settings/SettingsView')),
};
const SetupView = lazyViews.setup.component((module) => module.default, 'SetupView');
const EditorView = lazyViews.editor.component((module) => module.default, 'EditorView');
const ResultsView = lazyViews.results.component((module) => module.default, 'ResultsView');
const ReportView = lazyViews.report.component((module) => module.default, 'ReportView');
const HistoryView = lazyViews.history.component((module) => module.default, 'HistoryView');
const CompareView = lazyViews.compare.component((module) => module.default, 'CompareView');
const SettingsView = lazyViews.settings.component((module) => module.default, 'SettingsView');

/**
 * Loads the code of the view a page opens on, before the first render: the view
 * then renders at once, with no Suspense fallback (and none of React's 300 ms
 * hold-back on revealing what a fallback stood in for). Never rejects: a failed
 * chunk is left to the view's own loading, which shows the error.
 */
export async function preloadView(route: Route): Promise<void> {
  const view = route.view in lazyViews ? lazyViews[route.view as keyof typeof lazyViews] : null;
  await view?.preload().catch(() => undefined);
}

/** Applies the facilitator's theme to the whole document. */
function useTheme() {
  const settings = useCommand('settings.get', {}, (event) => event.name === 'settings.changed');
  useEffect(() => {
    const theme = settings.data?.theme ?? 'light';
    document.documentElement.dataset.theme = theme;
    document.documentElement.style.setProperty('--text-scale', String(settings.data?.audienceTextScale ?? 1));
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
          case 'settings':
            return <SettingsView />;
          case 'notFound':
            return <ErrorView title="There is no such page" hint={`Nothing lives at #/${route.path}.`} />;
        }
      })()}
    </Suspense>
  );
}
