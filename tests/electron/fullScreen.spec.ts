/**
 * Full screen in the desktop app: F, the presenter's button and the View menu put
 * the WINDOW in full screen through the shell (the page's own requestFullscreen()
 * is refused there by design), and bring it back.
 */
import { expect, test } from '@playwright/test';
import { launchForEachTest, presenterFullScreen, startSession } from './electronApp';

const launched = launchForEachTest();

async function openPresenter() {
  const { app, window } = launched();
  const session = await startSession(window);
  await window.evaluate((id) => {
    (globalThis as unknown as { location: { hash: string } }).location.hash = `#/present/${id}`;
  }, session.id);
  await expect(window.getByRole('button', { name: 'Full screen (F)' })).toBeVisible();
  return { app, window };
}

test('F puts the presenter window in full screen and takes it out again', async () => {
  const { app, window } = await openPresenter();
  await window.locator('body').click({ position: { x: 5, y: 5 } });
  await window.keyboard.press('f');
  await expect.poll(() => presenterFullScreen(app)).toBe(true);
  await window.keyboard.press('f');
  await expect.poll(() => presenterFullScreen(app)).toBe(false);
});

test('the "Full screen (F)" button does the same', async () => {
  const { app, window } = await openPresenter();
  await window.getByRole('button', { name: 'Full screen (F)' }).click();
  await expect.poll(() => presenterFullScreen(app)).toBe(true);
  // Escape leaves it, as in a browser.
  await window.keyboard.press('Escape');
  await expect.poll(() => presenterFullScreen(app)).toBe(false);
});

test('View › Toggle full screen does the same', async () => {
  const { app } = await openPresenter();
  const click = () => app.evaluate(({ Menu }) => Menu.getApplicationMenu()?.getMenuItemById('toggle-full-screen')?.click());
  await click();
  await expect.poll(() => presenterFullScreen(app)).toBe(true);
  await click();
  await expect.poll(() => presenterFullScreen(app)).toBe(false);
});
