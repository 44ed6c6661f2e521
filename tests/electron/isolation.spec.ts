import { expect, test } from '@playwright/test';
import { desktop, invoke, launchForEachTest } from './electronApp';

const launched = launchForEachTest();

test('the page runs isolated: no Node, and only the three bridge functions', async () => {
  const seen = await launched().window.evaluate(() => {
    const g = globalThis as unknown as Record<string, unknown> & { plenary: Record<string, unknown> };
    return {
      require: typeof g.require,
      process: typeof g.process,
      module: typeof g.module,
      bridgeKeys: Object.keys(g.plenary).sort(),
      bridgeTypes: Object.values(g.plenary).map((value) => typeof value),
      frozen: Object.isFrozen(g.plenary),
    };
  });
  expect(seen).toEqual({
    require: 'undefined',
    process: 'undefined',
    module: 'undefined',
    bridgeKeys: ['desktop', 'invoke', 'on'],
    bridgeTypes: ['function', 'function', 'function'],
    // contextBridge hands the page a frozen copy: the page cannot swap a function.
    frozen: true,
  });
});

test('the bridge refuses names outside the contract, and the core validates inputs', async () => {
  const { window } = launched();
  const unknown = await window.evaluate(async () => {
    const bridge = (globalThis as unknown as { plenary: { invoke(n: string, i: unknown): Promise<unknown>; desktop(a: string): Promise<unknown> } }).plenary;
    const outcome = async (p: Promise<unknown>) => p.then(() => 'resolved', (error: Error) => `rejected: ${error.message}`);
    return { command: await outcome(bridge.invoke('fs.readFile', {})), action: await outcome(bridge.desktop('shell.exec')) };
  });
  expect(unknown.command).toMatch(/^rejected: .*no command fs\.readFile/);
  expect(unknown.action).toMatch(/^rejected: .*no desktop action shell\.exec/);

  const invalid = await invoke(window, 'sessions.get', { sessionId: '../../etc' });
  expect(invalid).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  const missing = await invoke(window, 'sessions.get', { sessionId: 'nope' });
  expect(missing).toMatchObject({ ok: false, error: { code: 'not_found' } });
  const badAction = await desktop(window, 'window.openAudience', { sessionId: 42 });
  expect(badAction).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
});

test('the page cannot open windows or navigate away', async () => {
  const { app, window } = launched();
  await window.evaluate(() => {
    (globalThis as unknown as { open(url: string): unknown }).open('file:///etc/passwd');
  });
  const before = window.url();
  await window.evaluate(() => {
    (globalThis as unknown as { location: { href: string } }).location.href = 'file:///etc/hosts';
  });
  await window.waitForTimeout(500);
  expect(window.url()).toBe(before);
  expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
});
