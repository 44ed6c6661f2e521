/**
 * The main process's wiring, run under Node with a stand-in for Electron (its
 * binary cannot always run where the tests do): start-up opens the store, the IPC
 * binding checks its sender and names and reaches the real core, events reach the
 * windows, the LAN server starts and stops, and quitting closes the store.
 * tests/electron drives the real thing where Electron runs.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { WORKSHOP_FILE_MAX_BYTES, WORKSHOP_FILE_MAX_MB } from '../shared/limits';
import { acquireStoreLock, StoreLockedError } from '../core/store/storeLock';

type Listener = (...args: unknown[]) => unknown;

const fake = vi.hoisted(() => {
  const appListeners = new Map<string, Listener[]>();
  const handlers = new Map<string, Listener>();
  const windows: FakeWindow[] = [];
  const sent: { channel: string; payload: unknown }[] = [];
  let menuTemplate: unknown[] = [];
  const exits: number[] = [];
  const scripts: string[] = [];
  const pdfOptions: unknown[] = [];
  const dialogAnswers: { open: string[]; save: string | null } = { open: [], save: null };
  /** Routes whose page fails to load, as a missing or broken file would. */
  const failingRoutes = new Set<string>();

  class FakeContents {
    private listeners = new Map<string, Listener[]>();
    on(name: string, listener: Listener) {
      this.listeners.set(name, [...(this.listeners.get(name) ?? []), listener]);
      return this;
    }
    once(name: string, listener: Listener) {
      return this.on(name, listener);
    }
    send(channel: string, payload: unknown) {
      sent.push({ channel, payload });
    }
    setWindowOpenHandler() {}
    isLoading() {
      return false;
    }
    async executeJavaScript(code: string) {
      scripts.push(code);
      return true;
    }
    async printToPDF(options: unknown) {
      pdfOptions.push(options);
      return new Uint8Array([37, 80, 68, 70]);
    }
    isDestroyed() {
      return false;
    }
  }

  class FakeWindow {
    webContents = new FakeContents();
    url = '';
    visible = false;
    private listeners = new Map<string, Listener[]>();
    constructor(readonly options: Record<string, unknown>) {
      windows.push(this);
    }
    static getAllWindows() {
      return windows;
    }
    static fromWebContents() {
      return windows[0] ?? null;
    }
    static getFocusedWindow() {
      return windows[0] ?? null;
    }
    async loadURL(url: string) {
      this.url = url;
      for (const route of failingRoutes) if (url.includes(route)) throw new Error('ERR_FAILED (-2) loading ' + url);
    }
    on(name: string, listener: Listener) {
      this.listeners.set(name, [...(this.listeners.get(name) ?? []), listener]);
      return this;
    }
    once(name: string, listener: Listener) {
      return this.on(name, listener);
    }
    destroyed = false;
    isDestroyed() {
      return this.destroyed;
    }
    destroy() {
      this.destroyed = true;
      windows.splice(windows.indexOf(this), 1);
    }
    isVisible() {
      return this.visible;
    }
    show() {
      this.visible = true;
    }
    showInactive() {
      this.visible = true;
    }
    isMinimized() {
      return false;
    }
    fullScreen = false;
    isFullScreen() {
      return this.fullScreen;
    }
    setFullScreen(flag: boolean) {
      this.fullScreen = flag;
    }
    getBounds() {
      return { x: 0, y: 0, width: 1280, height: 800 };
    }
    maximize() {}
    focus() {}
    restore() {}
    setMenuBarVisibility() {}
  }

  const display = { id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 }, workArea: { x: 0, y: 0, width: 1920, height: 1040 } };

  const electron = {
    app: {
      isPackaged: false,
      setName: vi.fn(),
      setPath: vi.fn(),
      getPath: () => tmpdir(),
      requestSingleInstanceLock: () => true,
      whenReady: () => Promise.resolve(),
      on(name: string, listener: Listener) {
        appListeners.set(name, [...(appListeners.get(name) ?? []), listener]);
      },
      exit: (code = 0) => exits.push(code),
      quit: vi.fn(),
    },
    BrowserWindow: FakeWindow,
    ipcMain: {
      handle: (channel: string, listener: Listener) => handlers.set(channel, listener),
      removeHandler: (channel: string) => handlers.delete(channel),
    },
    Menu: {
      buildFromTemplate: (template: unknown[]) => {
        menuTemplate = template;
        return { template };
      },
      setApplicationMenu: vi.fn(),
    },
    protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
    session: {
      defaultSession: { webRequest: { onHeadersReceived: vi.fn() }, setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn() },
    },
    screen: { on: vi.fn(), getAllDisplays: () => [display], getPrimaryDisplay: () => display, getDisplayMatching: () => display },
    dialog: {
      showErrorBox: vi.fn(),
      showMessageBox: vi.fn(async () => ({ response: 1 })),
      showOpenDialog: vi.fn(async () => ({ canceled: dialogAnswers.open.length === 0, filePaths: dialogAnswers.open })),
      showSaveDialog: vi.fn(async () => ({ canceled: dialogAnswers.save === null, filePath: dialogAnswers.save ?? '' })),
    },
    shell: { openPath: vi.fn(async () => ''), openExternal: vi.fn(), showItemInFolder: vi.fn() },
  };
  return { electron, appListeners, handlers, windows, sent, exits, scripts, pdfOptions, dialogAnswers, failingRoutes, menu: () => menuTemplate };
});

vi.mock('electron', () => fake.electron);

/** A call from our own page: app://plenary/index.html, on any route. */
const own = (_page: string) => ({ senderFrame: { url: 'app://plenary/index.html#/', parent: null }, sender: {} });

let dataDir: string;
const pageUrl = join(import.meta.dirname, '../renderer/index.html');

async function call(channel: string, event: unknown, ...args: unknown[]) {
  const handler = fake.handlers.get(channel);
  if (!handler) throw new Error(`nothing handles ${channel}`);
  return handler(event, ...args) as Promise<{ ok: boolean; value?: unknown; error?: { code: string } }>;
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'plenary-main-'));
  vi.stubEnv('PLENARY_DATA_DIR', dataDir);
  vi.stubEnv('ELECTRON_RENDERER_URL', '');
  await import('./index');
  await vi.waitFor(() => expect(fake.windows.length).toBe(1), { timeout: 10_000 });
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await rm(dataDir, { recursive: true, force: true });
});

describe('the main process', () => {
  it('opens the presenter window on the library, locked down', async () => {
    const [presenter] = fake.windows;
    expect(presenter?.url).toBe('app://plenary/index.html#/');
    expect(fake.electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) as unknown },
    ]);
    expect(fake.electron.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    expect(presenter?.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false });
    expect(fake.electron.app.setName).toHaveBeenCalledWith('Plenary');
    expect(fake.electron.session.defaultSession.setPermissionRequestHandler).toHaveBeenCalled();
    // The store is open on the data folder: its lock refuses a second opener.
    await expect(acquireStoreLock(dataDir, () => new Date())).rejects.toBeInstanceOf(StoreLockedError);
  });

  it('answers contract commands from its own page, with the core', async () => {
    const result = await call('plenary:invoke', own(pageUrl), 'workshops.list', {});
    expect(result.ok).toBe(true);
    expect(result.value).toEqual(expect.arrayContaining([expect.objectContaining({ title: 'Leader or Manager?', builtIn: true })]));
  });

  it('refuses other pages, unknown names and bad inputs', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const stranger = { senderFrame: { url: 'https://example.com/', parent: null }, sender: {} };
    expect(await call('plenary:invoke', stranger, 'workshops.list', {})).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    const framed = { senderFrame: { url: 'app://plenary/index.html', parent: {} }, sender: {} };
    const fromFile = { senderFrame: { url: pathToFileURL(pageUrl).href, parent: null }, sender: {} };
    expect(await call('plenary:invoke', fromFile, 'workshops.list', {})).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(await call('plenary:invoke', framed, 'workshops.list', {})).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(await call('plenary:invoke', { senderFrame: null, sender: {} }, 'workshops.list', {})).toMatchObject({ ok: false });
    expect(await call('plenary:invoke', own(pageUrl), 'toString', {})).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await call('plenary:invoke', own(pageUrl), 'sessions.get', { sessionId: 'a/b' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await call('plenary:desktop', own(pageUrl), 'shell.run', {})).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await call('plenary:desktop', stranger, 'data.openFolder')).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(warn).toHaveBeenCalledTimes(5);
    warn.mockRestore();
  });

  it('forwards the core events to its windows', async () => {
    const before = fake.sent.length;
    const created = await call('plenary:invoke', own(pageUrl), 'workshops.create', { title: 'Forwarded' });
    expect(created.ok).toBe(true);
    expect(fake.sent.slice(before)).toContainEqual({ channel: 'plenary:event', payload: expect.objectContaining({ name: 'workshops.changed' }) });
  });

  it('sends menu commands to the page as menu.command events', () => {
    const file = fake.menu().find((m) => (m as { label?: string }).label === 'File') as { submenu: { id?: string; click?: () => void }[] };
    const before = fake.sent.length;
    file.submenu.find((item) => item.id === 'new-workshop')?.click?.();
    expect(fake.sent.slice(before)).toEqual([{ channel: 'plenary:event', payload: { name: 'menu.command', data: { command: 'new-workshop' } } }]);
  });

  it('starts the LAN server on request and stops it', async () => {
    const started = await call('plenary:desktop', own(pageUrl), 'lan.start', { address: '127.0.0.1' });
    expect(started).toMatchObject({ ok: true, value: { running: true, host: '127.0.0.1' } });
    const { origin } = started.value as { origin: string };
    const health = await fetch(`${origin}/api/health`);
    expect(await health.json()).toEqual({ ok: true });
    expect(await call('plenary:desktop', own(pageUrl), 'lan.status')).toMatchObject({ ok: true, value: { running: true, origin } });
    expect(await call('plenary:desktop', own(pageUrl), 'lan.start', { address: '8.8.8.8' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await call('plenary:desktop', own(pageUrl), 'lan.stop')).toMatchObject({ ok: true, value: { running: false } });
    await expect(fetch(`${origin}/api/health`)).rejects.toThrow();
  });

  it('opens the audience window on a session', async () => {
    const list = await call('plenary:invoke', own(pageUrl), 'workshops.list', {});
    const workshop = (list.value as { id: string; builtIn: boolean }[]).find((w) => w.builtIn);
    const session = await call('plenary:invoke', own(pageUrl), 'sessions.create', { workshopId: workshop?.id, groups: ['A', 'B'] });
    const sessionId = (session.value as { id: string }).id;
    expect(await call('plenary:desktop', own(pageUrl), 'window.openAudience', { sessionId })).toMatchObject({ ok: true, value: { fullScreen: false } });
    expect(fake.windows).toHaveLength(2);
    expect(fake.windows[1]?.url).toBe(`app://plenary/index.html#/audience/${sessionId}`);
    expect(await call('plenary:desktop', own(pageUrl), 'window.openAudience', { sessionId: 'missing' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('gives every window the locked-down preferences', () => {
    expect(fake.windows.length).toBeGreaterThanOrEqual(2);
    for (const window of fake.windows) {
      expect(window.options.webPreferences).toMatchObject({
        preload: join(import.meta.dirname, '../preload/index.cjs'),
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        webviewTag: false,
        additionalArguments: [expect.stringMatching(/^--plenary-commands=app\.info,(.+,)?workshops\.list,/) as unknown],
      });
    }
  });

  it('exports a workshop, imports it back, and refuses files over the size limit', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'plenary-files-'));
    try {
      const list = await call('plenary:invoke', own(pageUrl), 'workshops.list', {});
      const workshop = (list.value as { id: string; builtIn: boolean }[]).find((w) => w.builtIn);
      fake.dialogAnswers.save = join(folder, 'saved.plenary.json');
      const saved = await call('plenary:desktop', own(pageUrl), 'workshop.saveDialog', { workshopId: workshop?.id });
      expect(saved).toEqual({ ok: true, value: { canceled: false, filePath: fake.dialogAnswers.save } });

      fake.dialogAnswers.open = [fake.dialogAnswers.save];
      const imported = await call('plenary:desktop', own(pageUrl), 'workshop.importDialog');
      expect(imported).toMatchObject({ ok: true, value: { canceled: false, workshop: { id: expect.any(String) as unknown, content: { title: 'Leader or Manager? (2)' } } } });

      const big = join(folder, 'big.json');
      await writeFile(big, Buffer.alloc(WORKSHOP_FILE_MAX_BYTES + 1, 32));
      fake.dialogAnswers.open = [big];
      const refused = await call('plenary:desktop', own(pageUrl), 'workshop.importDialog');
      expect(refused).toMatchObject({ ok: false, error: { code: 'too_large', message: expect.stringContaining(`at most ${WORKSHOP_FILE_MAX_MB} MB`) as unknown } });

      // Closing a dialog answers the one shape every dialog answers.
      fake.dialogAnswers.open = [];
      expect(await call('plenary:desktop', own(pageUrl), 'workshop.importDialog')).toEqual({ ok: true, value: { canceled: true } });
      fake.dialogAnswers.save = null;
      expect(await call('plenary:desktop', own(pageUrl), 'workshop.saveDialog', { workshopId: workshop?.id })).toEqual({ ok: true, value: { canceled: true } });
    } finally {
      fake.dialogAnswers.open = [];
      fake.dialogAnswers.save = null;
      await rm(folder, { recursive: true, force: true });
    }
  });

  it('renders the report in a hidden window, prints it to PDF and saves it; saves the CSV', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'plenary-files-'));
    try {
      const sessions = await call('plenary:invoke', own(pageUrl), 'sessions.list', {});
      const sessionId = (sessions.value as { id: string }[])[0]?.id;
      const windowsBefore = fake.windows.length;
      fake.dialogAnswers.save = join(folder, 'report.pdf');
      const result = await call('plenary:desktop', own(pageUrl), 'report.exportPdf', { sessionId });
      expect(result).toEqual({ ok: true, value: { canceled: false, filePath: fake.dialogAnswers.save } });
      expect(await readFile(fake.dialogAnswers.save, 'latin1')).toBe('%PDF');
      expect(fake.pdfOptions.at(-1)).toEqual({ pageSize: 'A4', printBackground: true, displayHeaderFooter: false });
      expect(fake.scripts.at(-1)).toContain("dataset.reportReady === 'true'");
      // The hidden window is gone again.
      expect(fake.windows).toHaveLength(windowsBefore);

      fake.dialogAnswers.save = join(folder, 'votes.csv');
      expect(await call('plenary:desktop', own(pageUrl), 'csv.saveDialog', { sessionId })).toEqual({ ok: true, value: { canceled: false, filePath: fake.dialogAnswers.save } });
      expect(await readFile(fake.dialogAnswers.save, 'utf8')).toContain('questionId');
    } finally {
      fake.dialogAnswers.save = null;
      await rm(folder, { recursive: true, force: true });
    }
  });

  it('leaves no hidden report window behind when the report page fails to load', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const sessions = await call('plenary:invoke', own(pageUrl), 'sessions.list', {});
    const sessionId = (sessions.value as { id: string }[])[0]?.id;
    const windowsBefore = fake.windows.length;
    fake.failingRoutes.add('#/report/');
    try {
      const result = await call('plenary:desktop', own(pageUrl), 'report.exportPdf', { sessionId });
      expect(result).toMatchObject({ ok: false, error: { code: 'unavailable', message: expect.stringContaining('did not load') as unknown } });
      expect(fake.windows).toHaveLength(windowsBefore);
    } finally {
      fake.failingRoutes.clear();
      error.mockRestore();
    }
  });

  it('puts the calling window in full screen by the shell, and takes it out', async () => {
    const [presenter] = fake.windows;
    expect(await call('plenary:desktop', own(pageUrl), 'window.toggleFullScreen')).toEqual({ ok: true, value: { fullScreen: true } });
    expect(presenter?.isFullScreen()).toBe(true);
    expect(await call('plenary:desktop', own(pageUrl), 'window.toggleFullScreen', { fullScreen: false })).toEqual({ ok: true, value: { fullScreen: false } });
    expect(await call('plenary:desktop', own(pageUrl), 'window.toggleFullScreen', { fullScreen: 'yes' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    // The View menu's item goes the same way, to the window in front.
    const view = fake.menu().find((m) => (m as { label?: string }).label === 'View') as { submenu: { id?: string; click?: () => void }[] };
    view.submenu.find((item) => item.id === 'toggle-full-screen')?.click?.();
    expect(presenter?.isFullScreen()).toBe(true);
    view.submenu.find((item) => item.id === 'toggle-full-screen')?.click?.();
    expect(presenter?.isFullScreen()).toBe(false);
    // The page's own request for full screen stays refused: only the shell does it.
    const [[handler]] = vi.mocked(fake.electron.session.defaultSession.setPermissionRequestHandler).mock.calls as unknown as [[(c: unknown, p: string, cb: (ok: boolean) => void) => void]];
    const answers: boolean[] = [];
    handler({}, 'fullscreen', (ok) => answers.push(ok));
    expect(answers).toEqual([false]);
  });

  it('serves the built renderer on app://, with the CSP, and nothing outside its folder', async () => {
    const [[, handler]] = vi.mocked(fake.electron.protocol.handle).mock.calls as unknown as [[string, (request: { url: string }) => Promise<Response>]];
    const page = await handler({ url: 'app://plenary/index.html' });
    // The renderer may not be built when the unit tests run: a missing file is a 404, never a crash.
    expect([200, 404]).toContain(page.status);
    if (page.status === 200) {
      expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    }
    expect((await handler({ url: 'app://plenary/..%2f..%2f..%2fpackage.json' })).status).toBe(404);
    expect((await handler({ url: 'app://elsewhere/index.html' })).status).toBe(404);
  });

  it('waits for the store to close before it exits', async () => {
    const willQuit = fake.appListeners.get('will-quit')?.[0];
    const event = { preventDefault: vi.fn() };
    willQuit?.(event);
    expect(event.preventDefault).toHaveBeenCalled();
    await vi.waitFor(() => expect(fake.exits).toEqual([0]), { timeout: 10_000 });
    // The folder is free again: the lock can be taken (and is let go at once).
    await (await acquireStoreLock(dataDir, () => new Date())).release();
  });
});
