// `npm start`: builds the app and runs it in Electron. Where Electron's binary is
// missing (it cannot always be downloaded), says so in one line and stops, rather
// than letting the `electron` package try a download and fail with a stack trace.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { electronBinaryPath, hasElectronBinary, MISSING_BINARY_MESSAGE } from './electronBinary.mjs';

const root = join(import.meta.dirname, '..');

if (!hasElectronBinary()) {
  console.error(MISSING_BINARY_MESSAGE);
  process.exit(1);
}

// electron-vite finds Electron by path.txt alone; tell it the binary we found
// (ELECTRON_OVERRIDE_DIST_PATH included).
const env = { ...process.env, ELECTRON_EXEC_PATH: electronBinaryPath() ?? '' };

/** Runs node_modules/.bin/electron-vite with `args`; resolves with its exit code. */
function electronVite(args) {
  const windows = process.platform === 'win32';
  const bin = join(root, 'node_modules', '.bin', windows ? 'electron-vite.cmd' : 'electron-vite');
  return new Promise((resolve) => {
    // A .cmd needs a shell on Windows; the arguments are ours, never the user's.
    const child = spawn(bin, args, { cwd: root, env, stdio: 'inherit', shell: windows });
    child.on('error', (error) => {
      console.error(`Plenary: could not run electron-vite (${error.message}). Run \`npm install\` first.`);
      resolve(1);
    });
    // Ctrl+C reaches the child too (same process group); its exit code is ours.
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

const built = await electronVite(['build']);
if (built !== 0) process.exit(built);
process.exit(await electronVite(['preview']));
