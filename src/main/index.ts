/**
 * The Electron main process: lifecycle, windows, menu and the IPC binding of the
 * core. Thin on purpose: the domain is in src/core, the pure helpers beside this
 * file are unit-tested, and docs/desktop.md describes the whole shell.
 */
import { join, resolve } from 'node:path';
import { app, BrowserWindow, dialog, Menu, protocol, session, shell, type MessageBoxOptions } from 'electron';
import { APP_VERSION } from '../core/appVersion';
import { openCore, type Core } from '../core/createCore';
import { APP_NAME, resolveDataDir } from '../core/dataDir';
import { ApiError } from '../shared/errors';
import { APP_SCHEME, APP_SCHEME_PRIVILEGES, appResponse } from './appProtocol';
import { rendererEntry } from './appUrl';
import { importWorkshopDialog } from './desktop';
import { applyFullScreen } from './fullScreen';
import { bindIpc, broadcast, sendTo } from './ipc';
import { LanServer } from './lan';
import type { MenuCommand } from '../shared/menu';
import { menuTemplate } from './menu';
import { contentSecurityPolicy } from './csp';
import { guardWebContents, hardenSession } from './security';
import { focus, Windows } from './windows';

/** How long quitting waits for the store to finish writing before it gives up. */
const CLOSE_TIMEOUT_MS = 10_000;

// Before anything reads a path: userData becomes ".../Plenary", as src/core/dataDir expects.
app.setName(APP_NAME);
// Tests (and portable setups) keep Electron's own files, the single-instance lock
// and window-state.json out of the user's profile.
if (process.env.PLENARY_USER_DATA_DIR) app.setPath('userData', resolve(process.env.PLENARY_USER_DATA_DIR));

const isMac = process.platform === 'darwin';
// WARNING: ELECTRON_RENDERER_URL is trusted in an unpackaged build only; a packaged
// app never loads (or trusts) a URL from its environment.
const isDev = !app.isPackaged && Boolean(process.env.ELECTRON_RENDERER_URL);
const rendererDir = join(import.meta.dirname, '../renderer');
const entry = rendererEntry(rendererDir, isDev ? process.env.ELECTRON_RENDERER_URL : undefined);
const preloadPath = join(import.meta.dirname, '../preload/index.cjs');

// WARNING: before the app is ready, or the scheme gets no origin of its own.
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]);

/** Serves the built renderer on app://plenary/, and nothing outside its folder, and the data folder's pictures (appProtocol.ts). */
function serveRenderer(csp: string, core: Core): void {
  protocol.handle(APP_SCHEME, (request) => appResponse(request.url, { rendererDir, csp, readAsset: (asset) => core.assets.read(asset) }));
}

interface Running {
  core: Core;
  windows: Windows;
  lan: LanServer;
  dataDir: string;
}
let running: Running | null = null;
let stopping: Promise<void> | null = null;

function messageBox(owner: BrowserWindow | null, options: MessageBoxOptions): Promise<unknown> {
  return owner ? dialog.showMessageBox(owner, options) : dialog.showMessageBox(options);
}

function sendMenuCommand(windows: Windows, command: MenuCommand, workshopId?: string): void {
  const presenter = windows.openPresenter();
  sendTo(presenter, { name: 'menu.command', data: workshopId === undefined ? { command } : { command, workshopId } });
}

function installMenu({ core, windows, dataDir }: Running): void {
  const template = menuTemplate(
    { isMac, isDev },
    {
      send: (command) => sendMenuCommand(windows, command),
      importWorkshop: () => {
        const owner = windows.openPresenter();
        importWorkshopDialog(core, owner).then(
          (imported) => {
            if (!imported.canceled) sendMenuCommand(windows, 'workshop-imported', imported.workshop.id);
          },
          (error: unknown) => {
            if (!(error instanceof ApiError)) console.error('Plenary: import failed', error);
            const detail = error instanceof ApiError ? error.message : 'Something went wrong while reading the file. Nothing was changed.';
            void messageBox(owner, { type: 'warning', message: 'Plenary could not import this workshop.', detail });
          },
        );
      },
      showPresenter: () => {
        focus(windows.openPresenter());
        sendMenuCommand(windows, 'show-presenter');
      },
      toggleFullScreen: () => {
        const target = BrowserWindow.getFocusedWindow() ?? windows.presenter;
        if (target) applyFullScreen(target);
      },
      about: () =>
        void messageBox(windows.presenter, {
          type: 'info',
          title: 'About Plenary',
          message: `Plenary ${APP_VERSION}`,
          detail: `Leader-versus-manager workshops, with voting and reports, no internet needed.\n\nData folder: ${dataDir}`,
        }),
      openDataFolder: () => void shell.openPath(dataDir),
    },
  );
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

/** Tells the user, once, what the store repaired when it opened (app.info lists it too). */
function reportRecoveries(core: Core, presenter: BrowserWindow): void {
  const notices = core.recoveries;
  if (notices.length === 0) return;
  const show = () =>
    void messageBox(presenter, {
      type: 'warning',
      title: 'Plenary repaired its data',
      message: notices.length === 1 ? 'Plenary found a damaged file and repaired it.' : `Plenary found ${notices.length} damaged files and repaired them.`,
      detail: notices.map((notice) => notice.message).join('\n\n'),
    });
  if (presenter.isVisible()) show();
  else presenter.once('ready-to-show', show);
}

async function start(): Promise<void> {
  await app.whenReady();
  const dataDir = resolveDataDir();
  let core: Core;
  try {
    core = await openCore(dataDir);
  } catch (error) {
    if (error instanceof ApiError && error.code === 'conflict') {
      // Another Plenary (or `npm run serve`) owns the folder: leave it untouched.
      dialog.showErrorBox('Plenary is already using this data folder', error.message);
    } else {
      console.error('Plenary: could not open the store', error);
      dialog.showErrorBox('Plenary could not open its data', `${error instanceof Error ? error.message : String(error)}\n\nData folder: ${dataDir}`);
    }
    app.exit(1);
    return;
  }

  hardenSession(session.defaultSession, contentSecurityPolicy(isDev));
  serveRenderer(contentSecurityPolicy(isDev), core);
  const windows = new Windows({ entry, preloadPath, stateFile: join(app.getPath('userData'), 'window-state.json') });
  const lan = new LanServer(core, rendererDir);
  running = { core, windows, lan, dataDir };
  bindIpc(running, entry);
  core.events.on(broadcast);
  installMenu(running);
  reportRecoveries(core, windows.openPresenter());
}

/** Stops the LAN server and waits for the store's pending writes, within a limit. */
async function stop(current: Running): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((resolveTimeout) => {
    timer = setTimeout(() => {
      console.error(`Plenary: the store did not close within ${CLOSE_TIMEOUT_MS / 1000} s; quitting anyway.`);
      resolveTimeout();
    }, CLOSE_TIMEOUT_MS);
  });
  const close = (async () => {
    await current.lan.stop().catch((error: unknown) => console.error('Plenary: could not stop the LAN server', error));
    await current.core.close();
  })();
  try {
    await Promise.race([close, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

if (!app.requestSingleInstanceLock()) {
  // A Plenary is already running for this user: it gets focus (below), this one goes.
  app.quit();
} else {
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, entry));
  app.on('second-instance', () => {
    if (running) focus(running.windows.openPresenter());
  });
  app.on('activate', () => {
    if (running && BrowserWindow.getAllWindows().length === 0) running.windows.openPresenter();
  });
  app.on('window-all-closed', () => {
    if (!isMac) app.quit();
  });
  app.on('will-quit', (event) => {
    const current = running;
    if (!current) return;
    // WARNING: quitting must wait for the last vote to reach the disk.
    event.preventDefault();
    stopping ??= stop(current)
      .catch((error: unknown) => console.error('Plenary: could not close the store cleanly', error))
      .finally(() => app.exit(0));
  });
  start().catch((error: unknown) => {
    console.error('Plenary: could not start', error);
    dialog.showErrorBox('Plenary could not start', error instanceof Error ? error.message : String(error));
    const current = running;
    void (current ? stop(current) : Promise.resolve()).finally(() => app.exit(1));
  });
}
