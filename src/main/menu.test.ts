import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { MENU_COMMANDS } from '../shared/menu';
import { menuTemplate, type MenuActions } from './menu';

function labels(items: MenuItemConstructorOptions[]): string[] {
  return items.filter((item) => item.type !== 'separator').map((item) => item.label ?? `(${String(item.role)})`);
}

function submenu(template: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions[] {
  const menu = template.find((item) => item.label === label);
  if (!menu || !Array.isArray(menu.submenu)) throw new Error(`no menu ${label}`);
  return menu.submenu;
}

const actions = (): MenuActions => ({ send: vi.fn(), importWorkshop: vi.fn(), showPresenter: vi.fn(), about: vi.fn(), openDataFolder: vi.fn() });

describe('menuTemplate', () => {
  it('has the five menus, plus the app menu on macOS', () => {
    expect(labels(menuTemplate({ isMac: false, isDev: false }, actions()))).toEqual(['File', 'Edit', 'View', 'Session', 'Help']);
    expect(labels(menuTemplate({ isMac: true, isDev: false }, actions()))).toEqual(['Plenary', 'File', 'Edit', 'View', 'Session', 'Help']);
  });

  it('lists the items the facilitator needs', () => {
    const t = menuTemplate({ isMac: false, isDev: false }, actions());
    expect(labels(submenu(t, 'File'))).toEqual(['New workshop', 'Import workshop…', 'Export report (PDF)…', 'Quit']);
    expect(labels(submenu(t, 'View'))).toEqual(['Presenter', 'Audience window', 'Toggle full screen', '(resetZoom)', '(zoomIn)', '(zoomOut)']);
    expect(labels(submenu(t, 'Session'))).toEqual(['Start session…', 'Voting keys']);
    expect(labels(submenu(t, 'Help'))).toEqual(['Keyboard shortcuts (?)', 'About Plenary', 'Open data folder']);
    expect(submenu(t, 'View').find((item) => item.role === 'togglefullscreen')?.accelerator).toBe('F11');
  });

  it('offers reload and developer tools in development only', () => {
    const dev = labels(submenu(menuTemplate({ isMac: false, isDev: true }, actions()), 'View'));
    expect(dev).toContain('(reload)');
    expect(dev).toContain('(toggleDevTools)');
  });

  it('sends renderer commands and runs shell actions', () => {
    const a = actions();
    const t = menuTemplate({ isMac: false, isDev: false }, a);
    const click = (menu: string, label: string) => {
      const item = submenu(t, menu).find((i) => i.label === label);
      (item?.click as () => void)();
    };
    click('File', 'New workshop');
    click('View', 'Audience window');
    click('Session', 'Start session…');
    click('Session', 'Voting keys');
    click('Help', 'Keyboard shortcuts (?)');
    click('File', 'Export report (PDF)…');
    expect(vi.mocked(a.send).mock.calls.map(([c]) => c)).toEqual(['new-workshop', 'open-audience', 'start-session', 'voting-keys', 'keyboard-shortcuts', 'export-pdf']);
    // Each is one of the contract's menu commands, which the renderer must all handle (a Record<MenuCommand, …> there).
    for (const [command] of vi.mocked(a.send).mock.calls) expect(MENU_COMMANDS).toContain(command);
    click('File', 'Import workshop…');
    click('Help', 'Open data folder');
    click('View', 'Presenter');
    expect(a.importWorkshop).toHaveBeenCalledOnce();
    expect(a.openDataFolder).toHaveBeenCalledOnce();
    expect(a.showPresenter).toHaveBeenCalledOnce();
  });

  it('never binds a bare "?" (it would swallow typing)', () => {
    const all = menuTemplate({ isMac: false, isDev: true }, actions()).flatMap((m) => (Array.isArray(m.submenu) ? m.submenu : []));
    expect(all.some((item) => item.accelerator === '?' || item.accelerator === 'Shift+/')).toBe(false);
  });
});
