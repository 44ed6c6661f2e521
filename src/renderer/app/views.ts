/**
 * The views that load lazily, and their preloading. The library, presenter and
 * audience views are in the first bundle; the others come on first use, so the
 * presenter's first slide never waits for the editor's or the charts' code.
 */
import { useEffect } from 'react';
import { preloadCharts } from '../components/charts/lazy';
import { lazyModule } from '../components/lazyModule';
import type { Route } from './router';

export const lazyViews = {
  setup: lazyModule(() => import('../views/setup/SetupView')),
  editor: lazyModule(() => import('../views/editor/EditorView')),
  // The results view is its charts: it arrives with their code, so it never
  // shows a placeholder where a chart is about to be.
  results: lazyModule(() => Promise.all([import('../views/results/ResultsView'), preloadCharts()]).then(([module]) => module)),
  report: lazyModule(() => import('../views/report/ReportView')),
  history: lazyModule(() => import('../views/history/HistoryView')),
  compare: lazyModule(() => import('../views/history/CompareView')),
  followUp: lazyModule(() => import('../views/followUp/FollowUpView')),
  settings: lazyModule(() => import('../views/settings/SettingsView')),
};

/**
 * Loads the code of a view. `main.tsx` awaits it for the first page, so the first
 * render is the view itself, with no Suspense fallback (and none of React's 300 ms
 * hold-back on revealing what a fallback stood in for). Never rejects: a failed
 * chunk is left to the view's own loading, which shows the error. Views in the
 * first bundle have nothing to load.
 */
export async function preloadView(view: Route['view']): Promise<void> {
  if (view in lazyViews) await lazyViews[view as keyof typeof lazyViews].preload().catch(() => undefined);
}

/** How long after its page is drawn a preload waits, so it never competes with what follows the first paint. */
const PRELOAD_AFTER_MS = 400;

/**
 * Loads the code of the page a view most often leads to (the presenter's and the
 * history's Results) once `ready` (the view has drawn its data), a moment later,
 * when the browser is idle: the click then finds it here. It never competes with
 * the current page's first paint.
 */
export function usePreloadWhenIdle(view: keyof typeof lazyViews, ready: boolean): void {
  useEffect(() => {
    if (!ready) return;
    let idle: number | null = null;
    const load = () => void preloadView(view);
    const timer = setTimeout(() => {
      if (typeof requestIdleCallback === 'function') idle = requestIdleCallback(load, { timeout: 3000 });
      else load();
    }, PRELOAD_AFTER_MS);
    return () => {
      clearTimeout(timer);
      if (idle !== null) cancelIdleCallback(idle);
    };
  }, [view, ready]);
}
