import { expect, test } from '@playwright/test';
import { launchForEachTest } from './electronApp';

const launched = launchForEachTest();

test('the presenter window opens on the library, with the built-in workshop', async () => {
  const { window } = launched();
  await expect(window.getByText('Leader or Manager?').first()).toBeVisible();
  expect(await window.title()).toContain('Plenary');
  // Served on the app's own protocol, never from file://.
  expect(window.url()).toBe('app://plenary/index.html#/');
});

test('the app uses the data folder it was given', async () => {
  const info = await launched().window.evaluate(async () => {
    const bridge = (globalThis as unknown as { plenary: { invoke(name: string, input: unknown): Promise<{ ok: boolean; value?: { dataDir: string } }> } }).plenary;
    return bridge.invoke('app.info', {});
  });
  expect(info).toMatchObject({ ok: true, value: { dataDir: launched().folders.dataDir } });
});
