import { readFile } from 'node:fs/promises';
import { WORKSHOP_FILE_MAX_BYTES, WORKSHOP_FILE_MAX_MB } from '../../src/shared/limits';
import { expect, test } from './fixtures';

interface WorkshopLike {
  id: string;
  content: { title: string; slides: { id: string; kind: string; question?: { prompt: string; options: { label: string; style: string }[] } }[] };
}

test('a facilitator creates, edits, reorders, exports and re-imports a workshop, and it comes back unchanged', async ({ page, host }) => {
  await host.open(page);
  await page.getByRole('button', { name: 'New workshop' }).click();
  const create = page.getByRole('dialog', { name: 'New workshop' });
  await create.getByLabel('Title').fill('Team habits');
  await create.getByRole('button', { name: 'Create' }).click();
  await expect(page).toHaveURL(/#\/edit\/[A-Za-z0-9_-]+$/);
  const workshopId = page.url().split('/').pop()!;

  // A scenario slide, filled in.
  await page.getByRole('button', { name: 'Add slide' }).click();
  await page.getByRole('menuitem', { name: 'Scenario' }).click();
  await page.getByLabel('Prompt').fill('The weekly report is late again. What do you do?');
  await page.getByLabel('Option A', { exact: true }).fill('Ask the team what is in the way');
  await page.getByLabel('Option A style').selectOption('leader');
  await page.getByLabel('Option B', { exact: true }).fill('Set a stricter deadline');
  await page.getByLabel('Option B style').selectOption('manager');
  // A bullets slide, then moved above the scenario with the button, and back down by keyboard.
  await page.getByRole('button', { name: 'Add slide' }).click();
  await page.getByRole('menuitem', { name: 'Bullets' }).click();
  await page.getByLabel('Title', { exact: true }).fill('Ground rules');
  const list = page.getByRole('listbox', { name: 'Slides' });
  await expect(list.getByRole('option')).toHaveCount(3);
  await page.getByRole('button', { name: 'Move slide up' }).click();
  await expect(list.getByRole('option').nth(1)).toContainText('Ground rules');
  await list.getByRole('option').nth(1).focus();
  await page.keyboard.press('Alt+ArrowDown');
  await expect(list.getByRole('option').nth(2)).toContainText('Ground rules');
  await page.getByRole('button', { name: 'Move slide up' }).click();
  await expect(list.getByRole('option').nth(1)).toContainText('Ground rules');
  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();

  const saved = await host.rpc<WorkshopLike>('workshops.get', { workshopId });
  expect(saved.content.slides.map((slide) => slide.kind)).toEqual(['title', 'bullets', 'scenario']);
  expect(saved.content.slides[2]!.question!.options.map((o) => o.style)).toEqual(['leader', 'manager']);

  // Export downloads a .plenary.json file.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export' }).click()]);
  expect(download.suggestedFilename()).toBe('team-habits.plenary.json');
  const exported = await readFile((await download.path())!, 'utf8');

  // Re-import it in the library: the copy's content equals the original, its title numbered beside it.
  await host.open(page);
  await page.getByLabel('Workshop file to import').setInputFiles({ name: 'team-habits.plenary.json', mimeType: 'application/json', buffer: Buffer.from(exported) });
  await expect(page.getByRole('status')).toContainText('Imported “Team habits (2)”');
  const list2 = await host.rpc<{ id: string; title: string }[]>('workshops.list');
  const imported = list2.filter((w) => w.title === 'Team habits (2)' && w.id !== workshopId);
  expect(imported).toHaveLength(1);
  const copy = await host.rpc<WorkshopLike>('workshops.get', { workshopId: imported[0]!.id });
  expect(copy.content).toEqual({ ...saved.content, title: 'Team habits (2)' });
});

test('a broken workshop file is refused with a message naming the place in words, and the library does not change', async ({ page, host }) => {
  await host.open(page);
  await expect(page.getByRole('list', { name: 'Workshops' })).toBeVisible();
  const before = await host.rpc<unknown[]>('workshops.list');
  const input = page.getByLabel('Workshop file to import');

  const exported = await host.rpc<{ text: string }>('workshops.export', { workshopId: 'leader-or-manager' });
  const file = JSON.parse(exported.text) as { workshop: { slides: { kind: string; question?: { options: unknown[] } }[] } };
  const scenarioIndex = file.workshop.slides.findIndex((slide) => slide.kind === 'scenario');
  file.workshop.slides[scenarioIndex]!.question!.options.splice(1);
  await input.setInputFiles({ name: 'broken.plenary.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) });
  await expect(page.getByRole('alert')).toContainText('Scenario 1: needs at least 2 options.');

  await input.setInputFiles({ name: 'notes.plenary.json', mimeType: 'application/json', buffer: Buffer.from('this is not json') });
  await expect(page.getByRole('alert')).toContainText('This file is not JSON');

  await input.setInputFiles({ name: 'future.plenary.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ format: 'plenary.workshop', version: 9, workshop: {} })) });
  await expect(page.getByRole('alert')).toContainText('format version 9');

  await input.setInputFiles({ name: 'huge.plenary.json', mimeType: 'application/json', buffer: Buffer.alloc(WORKSHOP_FILE_MAX_BYTES + 10, 32) });
  await expect(page.getByRole('alert')).toContainText(`at most ${WORKSHOP_FILE_MAX_MB} MB`);

  expect(await host.rpc<unknown[]>('workshops.list')).toEqual(before);
});

test('the built-in workshop is read-only; Duplicate makes an editable copy; delete asks, then can be undone', async ({ page, host }) => {
  await host.open(page, '#/edit/leader-or-manager');
  await expect(page.getByRole('region', { name: 'Read-only workshop' })).toBeVisible();
  await page.getByRole('button', { name: 'Duplicate to edit' }).click();
  await expect(page).toHaveURL(/#\/edit\/(?!leader-or-manager)[A-Za-z0-9_-]+$/);
  await expect(page.getByRole('region', { name: 'Read-only workshop' })).toHaveCount(0);

  await host.open(page);
  // Other tests in this worker may have made copies too: count the cards with this exact title.
  const copies = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Leader or Manager? (copy)', exact: true }) });
  // count() does not wait: first let the library show the copy just made.
  await expect(copies.first()).toBeVisible();
  const before = await copies.count();
  await copies.first().getByRole('button', { name: 'Delete Leader or Manager? (copy)', exact: true }).click();
  await page.getByRole('dialog', { name: 'Delete workshop?' }).getByRole('button', { name: 'Delete' }).click();
  await expect(copies).toHaveCount(before - 1);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(copies).toHaveCount(before);
});
