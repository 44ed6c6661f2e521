/**
 * Shared set-up for the desktop app's tests: each launch gets its own data folder
 * and its own Electron profile (so parallel tests are not each other's "second
 * instance"), and every test skips, saying why, where Electron's binary is absent.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { _electron as electron, test, type ElectronApplication, type Page } from '@playwright/test';
import type { IpcResult } from '../../src/shared/bridge';
import { electronBinaryPath, hasElectronBinary } from '../../scripts/electronBinary.mjs';

export const SKIP_REASON = "Electron's binary is not installed here (it cannot be downloaded on this machine); run these where it is.";
export const MAIN_JS = resolve(import.meta.dirname, '../../out/main/index.js');

/** Call at the top of a spec file: skips all its tests when there is no Electron to run. */
let told = false;
export function requireElectron(): void {
  const present = hasElectronBinary();
  if (!present && !told) console.log(`tests/electron: skipped. ${SKIP_REASON}`);
  told = true;
  test.skip(!present, SKIP_REASON); // only where the Electron binary is absent, saying why
}

/** Chromium refuses to run as root with its sandbox (CI runs as root); the page-level sandbox stays on. */
const chromiumSwitches = process.getuid?.() === 0 ? ['--no-sandbox'] : [];

export interface Folders {
  dataDir: string;
  userDataDir: string;
}

export async function makeFolders(): Promise<Folders> {
  return {
    dataDir: await mkdtemp(join(tmpdir(), 'plenary-electron-data-')),
    userDataDir: await mkdtemp(join(tmpdir(), 'plenary-electron-profile-')),
  };
}

export async function removeFolders(folders: Folders): Promise<void> {
  await rm(folders.dataDir, { recursive: true, force: true });
  await rm(folders.userDataDir, { recursive: true, force: true });
}

function appEnv(folders: Folders): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined) env[key] = value;
  // Would turn Electron into plain Node.
  delete env.ELECTRON_RUN_AS_NODE;
  // The dev server URL must not leak in from a developer's shell.
  delete env.ELECTRON_RENDERER_URL;
  env.PLENARY_DATA_DIR = folders.dataDir;
  env.PLENARY_USER_DATA_DIR = folders.userDataDir;
  return env;
}

function executable(): string {
  const path = electronBinaryPath();
  if (!path) throw new Error(SKIP_REASON);
  return path;
}

function assertBuilt(): void {
  if (!existsSync(MAIN_JS)) throw new Error(`${MAIN_JS} is missing: run \`npm run build\` before the Electron tests.`);
}

export interface LaunchedApp {
  app: ElectronApplication;
  folders: Folders;
  /** The presenter window, once its page has loaded. */
  window: Page;
  close(): Promise<void>;
}

/** Launches the built app on fresh folders (or the given ones). */
export async function launchApp(folders?: Folders): Promise<LaunchedApp> {
  assertBuilt();
  const own = folders ?? (await makeFolders());
  const app = await electron.launch({ executablePath: executable(), args: [...chromiumSwitches, MAIN_JS], env: appEnv(own) });
  const window = await app.firstWindow();
  await window.waitForLoadState('domcontentloaded');
  return {
    app,
    folders: own,
    window,
    close: async () => {
      await app.close();
      if (!folders) await removeFolders(own);
    },
  };
}

/**
 * Call at the top of a spec file whose tests each need the app: skips them all
 * where there is no Electron (saying why), and otherwise gives each test its own
 * launch on fresh folders, closed after it. Returns the current test's app.
 */
export function launchForEachTest(): () => LaunchedApp {
  requireElectron();
  let launched: LaunchedApp | undefined;
  test.beforeEach(async () => {
    launched = await launchApp();
  });
  test.afterEach(async () => {
    await launched?.close();
    launched = undefined;
  });
  return () => {
    if (!launched) throw new Error('The app is launched for each test: call this inside a test.');
    return launched;
  };
}

/**
 * Starts the app as a plain process (no test driver), as a user's second
 * double-click would, and resolves with its exit code.
 */
export function runSecondInstance(folders: Folders, timeoutMs = 20_000): Promise<number | null> {
  assertBuilt();
  return new Promise((resolvePromise, reject) => {
    const child = spawn(executable(), [...chromiumSwitches, MAIN_JS], { env: appEnv(folders), stdio: 'ignore' });
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`The second instance was still running after ${timeoutMs} ms.`));
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolvePromise(code);
    });
  });
}

/** Calls the bridge from the page, as the renderer does. */
export function invoke(window: Page, name: string, input: unknown = {}): Promise<IpcResult> {
  return window.evaluate(
    ([n, i]) => (globalThis as unknown as { plenary: { invoke(name: string, input: unknown): Promise<IpcResult> } }).plenary.invoke(n, i),
    [name, input] as const,
  );
}

/** Runs a desktop action from the page. */
export function desktop(window: Page, action: string, input?: unknown): Promise<IpcResult> {
  return window.evaluate(
    ([a, i]) => (globalThis as unknown as { plenary: { desktop(action: string, input?: unknown): Promise<IpcResult> } }).plenary.desktop(a, i),
    [action, input] as const,
  );
}

/** The value of a successful IpcResult; throws with the error otherwise. */
export function valueOf<T>(result: IpcResult): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

/** A session of the built-in workshop, made over the bridge. */
export async function startSession(window: Page, groups = ['Red', 'Blue']): Promise<{ id: string }> {
  const workshops = valueOf<{ id: string; builtIn: boolean }[]>(await invoke(window, 'workshops.list'));
  const builtIn = workshops.find((w) => w.builtIn);
  if (!builtIn) throw new Error('no built-in workshop');
  return valueOf<{ id: string }>(await invoke(window, 'sessions.create', { workshopId: builtIn.id, groups }));
}

/** Whether the main process says the presenter (first) window is in full screen. */
export function presenterFullScreen(app: ElectronApplication): Promise<boolean> {
  return app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.isFullScreen() ?? false);
}
