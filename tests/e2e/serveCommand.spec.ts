/**
 * `npm run serve` itself, as a user runs it: the ready line, the health check,
 * and a clean exit 0 on SIGTERM.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';

// `npm run serve` runs scripts/serve.mjs; the script is started directly here so that
// SIGTERM reaches it as a service manager's would (npm itself dies by the signal).
test('npm run serve prints the ready line, answers the health check and exits 0 on SIGTERM', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'plenary-serve-'));
  const child = spawn(process.execPath, ['scripts/serve.mjs', '--port', '0', '--data', dataDir, '--token', 'serve-command-token'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const ready = new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Plenary is ready: (http:\/\/127\.0\.0\.1:\d+)\/\?token=serve-command-token/.exec(output);
      if (match?.[1]) resolve(match[1]);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => reject(new Error(`npm run serve exited (${code}) before it was ready:\n${output}`)));
  });
  try {
    const origin = await ready;
    const health = await fetch(`${origin}/api/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ ok: true });
    const page = await fetch(`${origin}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');

    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
    await rm(dataDir, { recursive: true, force: true });
  }
});
