import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { keptToken, TOKEN_FILE } from './keptToken';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'plenary-token-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the kept facilitator token', () => {
  it('is made once, readable by the user only, and the same on every later start', async () => {
    const data = join(dir, 'new-folder');
    const first = await keptToken(data);
    expect(first).toMatch(/^[A-Za-z0-9_-]{24,}$/);
    expect(await keptToken(data)).toBe(first);
    expect(await keptToken(data, () => 'another-token')).toBe(first);
    const file = join(data, TOKEN_FILE);
    expect((await readFile(file, 'utf8')).trim()).toBe(first);
    if (process.platform !== 'win32') expect((await stat(file)).mode & 0o777).toBe(0o600);
  });

  it('replaces a damaged file (empty, too short) with a new token, still 0600', async () => {
    const file = join(dir, TOKEN_FILE);
    await writeFile(file, 'short\n', { mode: 0o644 });
    const token = await keptToken(dir, () => 'a-fresh-token-1234');
    expect(token).toBe('a-fresh-token-1234');
    expect((await readFile(file, 'utf8')).trim()).toBe(token);
    if (process.platform !== 'win32') expect((await stat(file)).mode & 0o777).toBe(0o600);
  });

  it('two starts at once agree on one token', async () => {
    let n = 0;
    const tokens = await Promise.all([keptToken(dir, () => `token-number-${++n}`), keptToken(dir, () => `token-number-${++n}`)]);
    expect(tokens[0]).toBe(tokens[1]);
  });
});
