/**
 * The desktop menu's commands (File, View, Session, Help), which arrive as
 * `menu.command` events; each is done here for whichever view is showing.
 */
import { useEffect } from 'react';
import type { MenuCommand } from '../../shared/menu';
import { useApi } from './ApiContext';
import { navigate, type Route } from './router';

export function sessionIdOf(route: Route): string | null {
  return 'sessionId' in route ? route.sessionId : null;
}

export function useMenuCommands(route: Route, showKeys: () => void): void {
  const api = useApi();
  const sessionId = sessionIdOf(route);
  useEffect(
    () =>
      api.subscribe((event) => {
        if (event.name !== 'menu.command') return;
        const run: Record<MenuCommand, () => void> = {
          'new-workshop': () => {
            window.location.hash = '#/?create=1';
          },
          'workshop-imported': () => event.data.workshopId && navigate({ view: 'editor', workshopId: event.data.workshopId }),
          'export-pdf': () => (sessionId ? void api.desktop('report.exportPdf', { sessionId }).catch(() => undefined) : navigate({ view: 'history' })),
          'show-presenter': () => navigate(sessionId ? { view: 'present', sessionId } : { view: 'library' }),
          'open-audience': () => sessionId && void api.desktop('window.openAudience', { sessionId }).catch(() => undefined),
          'start-session': () => navigate({ view: 'library' }),
          'voting-keys': showKeys,
          'keyboard-shortcuts': showKeys,
        };
        run[event.data.command]?.();
      }),
    [api, sessionId, showKeys],
  );
}
