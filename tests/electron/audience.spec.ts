import { expect, test } from '@playwright/test';
import { desktop, invoke, launchForEachTest, valueOf } from './electronApp';

const launched = launchForEachTest();

test('opening the audience window gives a second window on the audience route', async () => {
  const { app, window } = launched();
  const workshops = valueOf<{ id: string; builtIn: boolean }[]>(await invoke(window, 'workshops.list'));
  const builtIn = workshops.find((w) => w.builtIn);
  expect(builtIn).toBeTruthy();
  const session = valueOf<{ id: string }>(await invoke(window, 'sessions.create', { workshopId: builtIn?.id, groups: ['Red', 'Blue'] }));

  const opened = app.waitForEvent('window');
  const result = await desktop(window, 'window.openAudience', { sessionId: session.id });
  expect(result.ok).toBe(true);
  const audience = await opened;
  expect(audience.url()).toContain(`#/audience/${session.id}`);
  expect(app.windows()).toHaveLength(2);

  // Asking again re-targets the same window rather than opening a third.
  await desktop(window, 'window.openAudience', { sessionId: session.id });
  expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(2);
});
