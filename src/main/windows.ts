/**
 * The windows: the presenter (the facilitator's laptop screen), the audience window
 * (the projector, full screen on the second display when there is one) and the
 * hidden window that renders a report for PDF export. All load the same renderer
 * with the same locked-down preferences; only the hash route differs.
 */
import { BrowserWindow, screen, type BrowserWindowConstructorOptions } from 'electron';
import { ApiError } from '../shared/errors';
import { routeUrl, type RendererEntry } from './appUrl';
import { pickAudienceDisplay } from './displays';
import { commandsArgument } from './preloadArgs';
import { withTemporaryWindow } from './temporaryWindow';
import { MIN_SIZE, readWindowState, restoreState, writeWindowState } from './windowState';

export interface WindowsOptions {
  entry: RendererEntry;
  preloadPath: string;
  /** `<userData>/window-state.json` */
  stateFile: string;
}

const BACKGROUND = '#ffffff';

export class Windows {
  private presenterWindow: BrowserWindow | null = null;
  private audienceWindow: BrowserWindow | null = null;

  constructor(private readonly options: WindowsOptions) {
    const follow = () => this.placeAudience();
    screen.on('display-added', follow);
    screen.on('display-removed', follow);
  }

  get presenter(): BrowserWindow | null {
    return this.presenterWindow && !this.presenterWindow.isDestroyed() ? this.presenterWindow : null;
  }

  get audience(): BrowserWindow | null {
    return this.audienceWindow && !this.audienceWindow.isDestroyed() ? this.audienceWindow : null;
  }

  /**
   * Every window of ours is made here, so each one is isolated, sandboxed and
   * without Node: the page reaches the shell through the preload's bridge alone.
   * WARNING: the locked-down preferences come after `tuning`, so no caller can
   * weaken them; keep them a literal here, where a reader (and the security scan,
   * see docs/desktop.md) can see them.
   */
  private create(options: BrowserWindowConstructorOptions, tuning: { backgroundThrottling?: boolean } = {}): BrowserWindow {
    return new BrowserWindow({
      ...options,
      webPreferences: {
        ...tuning,
        // CommonJS: a sandboxed window loads no ESM preload.
        preload: this.options.preloadPath,
        // The contract's command names, for the preload's allow-list (see preloadArgs.ts).
        additionalArguments: [commandsArgument()],
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        experimentalFeatures: false,
        webviewTag: false,
        navigateOnDragDrop: false,
        // Middle-click would try to open a window; none may open (see security.ts).
        disableBlinkFeatures: 'Auxclick',
        spellcheck: false,
      },
    });
  }

  private load(window: BrowserWindow, route: string): Promise<void> {
    return window.loadURL(routeUrl(this.options.entry, route));
  }

  /** Opens the presenter window where it was last time, or brings it forward. */
  openPresenter(): BrowserWindow {
    const existing = this.presenter;
    if (existing) {
      focus(existing);
      return existing;
    }
    const workAreas = screen.getAllDisplays().map((display) => display.workArea);
    const state = restoreState(readWindowState(this.options.stateFile), workAreas);
    const window = this.create({
      ...state.bounds,
      minWidth: MIN_SIZE.width,
      minHeight: MIN_SIZE.height,
      title: 'Plenary',
      show: false,
      backgroundColor: BACKGROUND,
    });
    if (state.maximized) window.maximize();
    window.once('ready-to-show', () => window.show());
    window.on('close', () => {
      writeWindowState(this.options.stateFile, { bounds: window.getNormalBounds(), maximized: window.isMaximized() });
    });
    window.on('closed', () => {
      this.presenterWindow = null;
      // The projector follows the facilitator's window: without it nothing steers the room.
      this.audience?.close();
    });
    this.presenterWindow = window;
    void this.load(window, '/').catch((error: unknown) => console.error('Plenary: the presenter window did not load', error));
    return window;
  }

  /** Opens (or re-targets) the audience window on a session. */
  async openAudience(sessionId: string): Promise<{ fullScreen: boolean }> {
    const route = `/audience/${encodeURIComponent(sessionId)}`;
    let window = this.audience;
    if (!window) {
      window = this.create(
        { width: 1280, height: 720, title: 'Plenary: audience', show: false, backgroundColor: '#000000', autoHideMenuBar: true },
        // The room's timer must keep ticking even when the OS thinks nobody looks.
        { backgroundThrottling: false },
      );
      window.setMenuBarVisibility(false);
      window.on('closed', () => {
        this.audienceWindow = null;
      });
      this.audienceWindow = window;
      // Onto the projector before it shows, so it never flashes on the facilitator's screen.
      this.placeAudience();
    }
    await this.load(window, route);
    if (!window.isVisible()) {
      // Inactive: the keyboard stays with the presenter window.
      window.showInactive();
      this.placeAudience();
    }
    return { fullScreen: window.isFullScreen() };
  }

  /**
   * Full screen on a display other than the presenter's when there is one; a normal
   * window beside the presenter otherwise. Runs again when a display comes or goes.
   */
  private placeAudience(): void {
    const window = this.audience;
    if (!window) return;
    const presenter = this.presenter;
    const presenterDisplay = presenter ? screen.getDisplayMatching(presenter.getBounds()).id : screen.getPrimaryDisplay().id;
    const target = pickAudienceDisplay(screen.getAllDisplays(), presenterDisplay);
    if (target) {
      if (window.isFullScreen() && screen.getDisplayMatching(window.getBounds()).id === target.id) return;
      if (window.isFullScreen()) window.setFullScreen(false);
      window.setBounds(target.bounds);
      // WARNING: some window managers ignore full screen on a window not yet shown;
      // this runs again once it is.
      if (window.isVisible()) window.setFullScreen(true);
    } else if (window.isFullScreen()) {
      // The projector went away: come back as a window the facilitator can see.
      window.setFullScreen(false);
      window.setSize(1280, 720);
      window.center();
    }
  }

  /**
   * A hidden window showing the report route, handed to `use` (printToPDF), and
   * destroyed afterwards however it went: a page that fails to load leaves no window behind.
   */
  withReport<T>(sessionId: string, use: (window: BrowserWindow) => Promise<T>): Promise<T> {
    return withTemporaryWindow(
      () =>
        this.create(
          { width: 1100, height: 1400, show: false, backgroundColor: BACKGROUND },
          // WARNING: a hidden page is "in the background": no animation frames, slow
          // timers, so charts would never finish drawing. Not throttled, it draws.
          { backgroundThrottling: false },
        ),
      (window) =>
        this.load(window, `/report/${encodeURIComponent(sessionId)}`).catch((error: unknown) => {
          console.error('Plenary: the report page did not load', error);
          throw new ApiError('unavailable', 'The report page did not load, so no PDF was made. Try again, or print it from the results view.');
        }),
      use,
    );
  }
}

/** Brings a window forward, restoring it when minimised. */
export function focus(window: BrowserWindow): void {
  if (window.isMinimized()) window.restore();
  if (!window.isVisible()) window.show();
  window.focus();
}
