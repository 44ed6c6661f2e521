/**
 * Hash routes (docs/protocol.md), so one build works from a file in Electron and over
 * HTTP: `#/`, `#/present/<id>`, `#/audience/<id>`, `#/results/<id>`, `#/report/<id>`,
 * plus `#/edit/<workshopId>`, `#/new/<workshopId>`, `#/history`, `#/compare?ids=`, `#/settings`,
 * and `#/followup/<sessionId>` (the follow-up pack of a workshop's session).
 *
 * Plain functions, no React: the boot script (src/renderer/boot.ts) reads the route
 * with them before the app's bundle has arrived.
 */
export type Route =
  | { view: 'library' }
  | { view: 'editor'; workshopId: string }
  | { view: 'setup'; workshopId: string }
  | { view: 'present'; sessionId: string }
  | { view: 'audience'; sessionId: string }
  | { view: 'results'; sessionId: string }
  | { view: 'report'; sessionId: string }
  | { view: 'followUp'; sessionId: string }
  | { view: 'history' }
  | { view: 'compare'; sessionIds: string[] }
  | { view: 'settings' }
  | { view: 'notFound'; path: string };

const withId: Record<string, Route['view']> = {
  edit: 'editor',
  new: 'setup',
  present: 'present',
  audience: 'audience',
  results: 'results',
  report: 'report',
  followup: 'followUp',
};

/** Reads a route from a hash such as `#/present/s123`. */
export function parseRoute(hash: string): Route {
  const [pathPart = '', query = ''] = hash.replace(/^#/, '').split('?');
  const parts = pathPart.split('/').filter(Boolean).map(decodeURIComponent);
  if (parts.length === 0) return { view: 'library' };
  const [head, id] = parts;
  if (parts.length === 1 && head === 'history') return { view: 'history' };
  if (parts.length === 1 && head === 'settings') return { view: 'settings' };
  if (parts.length === 1 && head === 'compare') {
    const ids = new URLSearchParams(query).get('ids')?.split(',').filter(Boolean) ?? [];
    return { view: 'compare', sessionIds: ids };
  }
  const view = head ? withId[head] : undefined;
  if (view && id && parts.length === 2) {
    if (view === 'editor' || view === 'setup') return { view, workshopId: id };
    return { view, sessionId: id } as Route;
  }
  return { view: 'notFound', path: pathPart };
}

/** The hash for a route. */
export function hrefOf(route: Route): string {
  switch (route.view) {
    case 'library':
      return '#/';
    case 'editor':
      return `#/edit/${encodeURIComponent(route.workshopId)}`;
    case 'setup':
      return `#/new/${encodeURIComponent(route.workshopId)}`;
    case 'history':
      return '#/history';
    case 'settings':
      return '#/settings';
    case 'compare':
      return `#/compare?ids=${route.sessionIds.map(encodeURIComponent).join(',')}`;
    case 'notFound':
      return `#/${route.path}`;
    case 'followUp':
      return `#/followup/${encodeURIComponent(route.sessionId)}`;
    default:
      return `#/${route.view}/${encodeURIComponent(route.sessionId)}`;
  }
}

/** The session a route's view reads as it opens (presenter, audience, results, report), if any. */
export function liveSessionOf(route: Route): string | null {
  return route.view === 'present' || route.view === 'audience' || route.view === 'results' || route.view === 'report' ? route.sessionId : null;
}
