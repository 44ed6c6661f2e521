/**
 * The application menu. Items that need the page's state (which session is open)
 * are sent to the presenter window as an event on the contract's event channel,
 * `{ name: 'menu.command', data: { command } }`, so the preload stays the contract
 * alone; a renderer that does not know a command ignores it.
 * Only types come from Electron, so the template is unit-tested.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { PlenaryEvent } from '../shared/contract';
import type { MenuCommand } from '../shared/menu';


/** The event the presenter window receives for a menu command. */
export type MenuCommandEvent = Extract<PlenaryEvent, { name: 'menu.command' }>;

export interface MenuActions {
  /** Sends a command to the presenter window. */
  send(command: MenuCommand): void;
  /** Runs the import dialog in the shell (it works before the page has loaded). */
  importWorkshop(): void;
  /** Brings the presenter window forward. */
  showPresenter(): void;
  about(): void;
  openDataFolder(): void;
}

export interface MenuOptions {
  isMac: boolean;
  /** Development build: adds reload and the developer tools. */
  isDev: boolean;
}

/** The menu, as a template for `Menu.buildFromTemplate`. */
export function menuTemplate({ isMac, isDev }: MenuOptions, actions: MenuActions): MenuItemConstructorOptions[] {
  const send = (command: MenuCommand) => () => actions.send(command);
  const template: MenuItemConstructorOptions[] = [];
  if (isMac) {
    template.push({
      label: 'Plenary',
      submenu: [
        { label: 'About Plenary', click: () => actions.about() },
        { type: 'separator' },
        { role: 'services' },
        { type: 'separator' },
        { role: 'hide' },
        { role: 'hideOthers' },
        { role: 'unhide' },
        { type: 'separator' },
        { role: 'quit', label: 'Quit Plenary' },
      ],
    });
  }
  template.push(
    {
      label: 'File',
      submenu: [
        { id: 'new-workshop', label: 'New workshop', accelerator: 'CmdOrCtrl+N', click: send('new-workshop') },
        { id: 'import-workshop', label: 'Import workshop…', accelerator: 'CmdOrCtrl+O', click: () => actions.importWorkshop() },
        { type: 'separator' },
        { id: 'export-pdf', label: 'Export report (PDF)…', accelerator: 'CmdOrCtrl+P', click: send('export-pdf') },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit', label: 'Quit' },
      ],
    },
    {
      label: 'Edit',
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    {
      label: 'View',
      submenu: [
        { id: 'show-presenter', label: 'Presenter', click: () => actions.showPresenter() },
        { id: 'open-audience', label: 'Audience window', accelerator: 'CmdOrCtrl+Shift+A', click: send('open-audience') },
        { type: 'separator' },
        { role: 'togglefullscreen', label: 'Toggle full screen', accelerator: isMac ? 'Ctrl+Command+F' : 'F11' },
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        ...(isDev ? ([{ type: 'separator' }, { role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }] as const) : []),
      ],
    },
    {
      label: 'Session',
      submenu: [
        { id: 'start-session', label: 'Start session…', click: send('start-session') },
        { id: 'voting-keys', label: 'Voting keys', click: send('voting-keys') },
      ],
    },
    {
      role: 'help',
      label: 'Help',
      submenu: [
        // WARNING: no accelerator for "?": a menu accelerator would swallow the key in
        // every text field. The page handles "?" itself.
        { id: 'keyboard-shortcuts', label: 'Keyboard shortcuts (?)', click: send('keyboard-shortcuts') },
        ...(isMac ? [] : [{ id: 'about', label: 'About Plenary', click: () => actions.about() }]),
        { id: 'open-data-folder', label: 'Open data folder', click: () => actions.openDataFolder() },
      ],
    },
  );
  return template;
}
