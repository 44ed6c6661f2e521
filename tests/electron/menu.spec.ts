import { expect, test } from '@playwright/test';
import { launchForEachTest } from './electronApp';

const launched = launchForEachTest();

test('the application menu has File, Edit, View, Session and Help with their items', async () => {
  const menu = await launched().app.evaluate(({ Menu }) =>
    (Menu.getApplicationMenu()?.items ?? []).map((item) => ({
      label: item.label,
      items: (item.submenu?.items ?? []).filter((sub) => sub.type !== 'separator').map((sub) => sub.label),
    })),
  );
  const labels = menu.map((m) => m.label);
  expect(labels).toEqual(expect.arrayContaining(['File', 'Edit', 'View', 'Session', 'Help']));
  const items = (label: string) => menu.find((m) => m.label === label)?.items ?? [];
  expect(items('File')).toEqual(expect.arrayContaining(['New workshop', 'Import workshop…', 'Export report (PDF)…']));
  expect(items('View')).toEqual(expect.arrayContaining(['Presenter', 'Audience window', 'Toggle full screen']));
  expect(items('Session')).toEqual(['Start session…', 'Voting keys']);
  expect(items('Help')).toEqual(expect.arrayContaining(['Keyboard shortcuts (?)', 'About Plenary', 'Open data folder']));
});

test('a menu command reaches the page as a menu.command event', async () => {
  const { app, window } = launched();
  await window.evaluate(() => {
    const g = globalThis as unknown as { plenary: { on(l: (e: unknown) => void): () => void }; __menuEvents: unknown[] };
    g.__menuEvents = [];
    g.plenary.on((event) => g.__menuEvents.push(event));
  });
  await app.evaluate(({ Menu }) => {
    const item = Menu.getApplicationMenu()?.getMenuItemById('new-workshop');
    item?.click();
  });
  await expect
    .poll(() => window.evaluate(() => (globalThis as unknown as { __menuEvents: unknown[] }).__menuEvents))
    .toContainEqual({ name: 'menu.command', data: { command: 'new-workshop' } });
});
