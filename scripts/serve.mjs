// `npm run serve -- [--host ADDR] [--port N] [--data DIR] [--token T]`: the whole
// app in a browser, without Electron (docs/protocol.md). Builds first when the
// build is missing or older than the sources, then runs the Node host in the
// foreground; SIGINT/SIGTERM reach it, it saves and exits, and its code is ours.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const entry = join(root, 'out', 'main', 'serve.js');
const renderer = join(root, 'out', 'renderer', 'index.html');

/** The newest modification time under `dir` (files only). */
function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

function isStale() {
  if (!existsSync(entry) || !existsSync(renderer)) return true;
  const builtAt = Math.min(statSync(entry).mtimeMs, statSync(renderer).mtimeMs);
  return newest(join(root, 'src')) > builtAt;
}

function run(command, args) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' && command !== process.execPath });
    // Forward the stop signals, so the host can finish its writes and exit 0.
    const forward = (signal) => child.kill(signal);
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    child.on('error', (error) => {
      console.error(`Plenary: could not run ${command} (${error.message}). Run \`npm install\` first.`);
      resolve(1);
    });
    child.on('exit', (code, signal) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

if (isStale()) {
  console.log('Plenary: building the app first (once, or after a change)…');
  const bin = join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'electron-vite.cmd' : 'electron-vite');
  const built = await run(bin, ['build']);
  if (built !== 0) process.exit(built);
}
process.exit(await run(process.execPath, [entry, ...process.argv.slice(2)]));
