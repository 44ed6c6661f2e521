import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Session } from '../shared/model';
import { parseServeArgs } from './cli';

describe('parseServeArgs', () => {
  it('defaults to 127.0.0.1:4800 and to the token kept in the data folder', () => {
    const options = parseServeArgs([], { PLENARY_DATA_DIR: '/srv/plenary' });
    expect(options).toEqual({ host: '127.0.0.1', port: 4800, dataDir: '/srv/plenary', token: undefined });
    expect(parseServeArgs([], { PLENARY_TOKEN: '' }).token).toBeUndefined();
  });

  it('takes --host, --port, --data and --token', () => {
    expect(parseServeArgs(['--host', '0.0.0.0', '--port', '8080', '--data', '/tmp/x', '--token', 'abcdefgh'], {})).toEqual({
      host: '0.0.0.0',
      port: 8080,
      dataDir: '/tmp/x',
      token: 'abcdefgh',
    });
    expect(parseServeArgs(['--port=9000'], {}).port).toBe(9000);
  });

  it('accepts --port 0 (a free port)', () => {
    expect(parseServeArgs(['--port', '0'], {}).port).toBe(0);
  });

  it('refuses a bad port with a message naming it', () => {
    for (const bad of ['abc', '65536', '1.5', '=-1', '', ' ', '0x10', '1e3']) {
      const args = bad.startsWith('=') ? [`--port${bad}`] : ['--port', bad];
      const shown = bad.startsWith('=') ? bad.slice(1) : bad;
      expect(() => parseServeArgs(args, {}), bad).toThrow(`--port must be a number from 0 to 65535, not "${shown}".`);
    }
  });

  it('takes the token and data folder from PLENARY_TOKEN and PLENARY_DATA_DIR; flags win', () => {
    const env = { PLENARY_TOKEN: 'from-the-env', PLENARY_DATA_DIR: '/env/data' };
    expect(parseServeArgs([], env)).toMatchObject({ token: 'from-the-env', dataDir: '/env/data' });
    expect(parseServeArgs(['--token', 'from-the-flag', '--data', '/flag/data'], env)).toMatchObject({ token: 'from-the-flag', dataDir: '/flag/data' });
  });

  it.runIf(process.platform === 'linux')('defaults the data folder to the desktop app per-user folder', () => {
    expect(parseServeArgs([], { XDG_CONFIG_HOME: '/home/ana/.config' }).dataDir).toBe('/home/ana/.config/Plenary/store');
  });

  it('refuses a short token or one with spaces, and unknown options', () => {
    expect(() => parseServeArgs(['--token', 'short'], {})).toThrow(/at least 8 characters/);
    expect(() => parseServeArgs([], { PLENARY_TOKEN: 'has a space' })).toThrow(/no spaces/);
    expect(() => parseServeArgs(['--colour', 'blue'], {})).toThrow();
  });
});

describe('`npm run serve` as a process', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'plenary-serve-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('prints the ready line, serves, and on SIGTERM saves and exits 0', async () => {
    const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
    const viteUrl = pathToFileURL(join(repoRoot, 'node_modules', 'vite', 'dist', 'node', 'index.js')).href;
    const cliPath = fileURLToPath(new URL('./cli.ts', import.meta.url));
    const script = join(dir, 'serve.mjs');
    // Node 20 cannot run TypeScript: vite's module runner loads the real cli.ts.
    await writeFile(
      script,
      `const { runnerImport } = await import(${JSON.stringify(viteUrl)});
const { module: cli } = await runnerImport(${JSON.stringify(cliPath)});
await cli.main(process.argv.slice(2), null);
`,
    );
    const dataDir = join(dir, 'data');
    const child = spawn(process.execPath, [script, '--port', '0', '--data', dataDir], {
      cwd: repoRoot,
      env: { ...process.env, PLENARY_TOKEN: 'serve-token-42' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      const origin = await new Promise<string>((resolve, reject) => {
        child.on('exit', () => reject(new Error(`serve stopped early: ${stderr}`)));
        child.stdout.on('data', (chunk: Buffer) => {
          stdout += chunk.toString();
          const match = /^Plenary is ready: (http:\/\/127\.0\.0\.1:\d+)\/\?token=serve-token-42$/m.exec(stdout);
          if (match) resolve(match[1]!);
        });
      });

      const health = await fetch(`${origin}/api/health`);
      expect(await health.json()).toEqual({ ok: true });
      const created = await fetch(`${origin}/api/rpc/sessions.create`, {
        method: 'POST',
        headers: { authorization: 'Bearer serve-token-42', 'content-type': 'application/json' },
        body: JSON.stringify({ workshopId: 'leader-or-manager', title: 'Saved on stop' }),
      });
      expect(created.status).toBe(200);
      const session = (await created.json()) as Session;

      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      const file = JSON.parse(await readFile(join(dataDir, 'sessions', `${session.id}.json`), 'utf8')) as { session: { title: string } };
      expect(file.session.title).toBe('Saved on stop');
      expect(await readdir(dataDir)).not.toContain('plenary.lock');
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });
});
