import { expect, test } from '@playwright/test';
import { launchApp, makeFolders, removeFolders, requireElectron, runSecondInstance } from './electronApp';

requireElectron();

test('a second launch hands over to the first and opens no window', async () => {
  const folders = await makeFolders();
  const first = await launchApp(folders);
  try {
    const code = await runSecondInstance(folders);
    expect(code).toBe(0);
    expect(await first.app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
    // The first one still answers: it kept its store lock and its window.
    expect(await first.window.evaluate(() => Boolean((globalThis as unknown as { plenary?: unknown }).plenary))).toBe(true);
  } finally {
    await first.close();
    await removeFolders(folders);
  }
});
