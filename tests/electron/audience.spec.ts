import { expect, test } from '@playwright/test';
import { desktop, invoke, launchForEachTest, startSession, valueOf } from './electronApp';

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

test('with a second display, the audience window goes full screen on it, not on the presenter’s', async () => {
  const { app, window } = launched();
  const displays = await app.evaluate(({ screen }) => screen.getAllDisplays().map((d) => ({ id: d.id, bounds: d.bounds })));
  test.skip(
    displays.length < 2,
    "One display here. Run under two: xvfb-run -a -s '+xinerama -screen 0 1280x800x24 -screen 1 1920x1080x24' (npm run test:electron does).",
  );
  const session = await startSession(window);
  const opened = app.waitForEvent('window');
  expect((await desktop(window, 'window.openAudience', { sessionId: session.id })).ok).toBe(true);
  await opened;
  const placement = await app.evaluate(({ BrowserWindow, screen }) => {
    const [presenter, audience] = BrowserWindow.getAllWindows();
    return {
      presenterDisplay: presenter ? screen.getDisplayMatching(presenter.getBounds()).id : null,
      audienceDisplay: audience ? screen.getDisplayMatching(audience.getBounds()).id : null,
      fullScreen: audience?.isFullScreen() ?? false,
    };
  });
  expect(placement.audienceDisplay).not.toBe(placement.presenterDisplay);
  await expect.poll(() => app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[1]?.isFullScreen() ?? false)).toBe(true);
});
