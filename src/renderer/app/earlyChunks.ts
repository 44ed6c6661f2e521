/**
 * Runs first in the app's bundle, before React and the rest of it are evaluated:
 * on a chart page opened straight (a cold `#/results/<id>` or `#/report/<id>`),
 * it asks for the view's chunk and the charts' at once, so they download while
 * the main bundle is still starting instead of after it. The views' own imports
 * (app/views.ts) then find the same modules on their way. Nothing is imported
 * here on purpose: this module must stay at the very start of the bundle.
 */
const hash = typeof window === 'undefined' ? '' : window.location.hash;

if (/^#\/(results|report)\//.test(hash)) {
  // A failure is left to the view's own loading, which shows the error and retries.
  void import('../components/charts/index').catch(() => undefined);
  if (hash.startsWith('#/results/')) void import('../views/results/ResultsView').catch(() => undefined);
  else void import('../views/report/ReportView').catch(() => undefined);
}

export {};
