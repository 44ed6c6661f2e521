// Whether Electron's binary is on this machine, found the way the `electron`
// package finds it, but without its side effect.
// WARNING: `require('electron')` (and so electron-vite preview, and Playwright's
// `_electron.launch` without an executablePath) starts a download when the binary
// is missing. This never does.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/** The folder of the installed `electron` package, or null when it is not installed. */
function electronPackageDir() {
  try {
    return dirname(require.resolve('electron/package.json'));
  } catch {
    return null;
  }
}

/**
 * The path of Electron's executable: ELECTRON_EXEC_PATH when set (electron-vite
 * runs that one), else as node_modules/electron/index.js computes it (path.txt,
 * under ELECTRON_OVERRIDE_DIST_PATH or dist/), or null when it cannot be known.
 * It may not exist: see hasElectronBinary.
 * @param {{ env?: NodeJS.ProcessEnv, packageDir?: string | null }} [options]
 * @returns {string | null}
 */
export function electronBinaryPath({ env = process.env, packageDir = electronPackageDir() } = {}) {
  if (env.ELECTRON_EXEC_PATH) return env.ELECTRON_EXEC_PATH;
  let executable = null;
  if (packageDir) {
    try {
      executable = readFileSync(join(packageDir, 'path.txt'), 'utf8');
    } catch {
      executable = null;
    }
  }
  if (env.ELECTRON_OVERRIDE_DIST_PATH) return join(env.ELECTRON_OVERRIDE_DIST_PATH, executable || 'electron');
  if (!packageDir || !executable) return null;
  return join(packageDir, 'dist', executable);
}

/**
 * True when Electron's executable is present, so starting the app will not try
 * to download it.
 * @param {{ env?: NodeJS.ProcessEnv, packageDir?: string | null }} [options]
 * @returns {boolean}
 */
export function hasElectronBinary(options) {
  const path = electronBinaryPath(options);
  return path !== null && existsSync(path);
}

/** The one line `npm start` and the Electron tests print when the binary is missing. */
export const MISSING_BINARY_MESSAGE =
  "Plenary: Electron's binary is not installed on this machine (it could not be downloaded). Run `npm run serve` to use Plenary in your browser.";
