import { expect, test } from './fixtures';

test('the library shows the built-in workshop and starting a session opens the presenter', async ({ page, host }) => {
  await host.open(page);
  const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: /^Leader or Manager\?( Built-in)?$/ }) });
  await expect(card).toBeVisible();
  await expect(card.getByText('Built-in')).toBeVisible();
  await expect(card.getByText(/^\d+ scenarios$/)).toBeVisible();

  await card.getByRole('button', { name: 'Start session of Leader or Manager?', exact: true }).click();
  await expect(page).toHaveURL(/#\/new\/leader-or-manager$/);
  await page.getByLabel('Session title').fill('Tuesday cohort');
  await page.getByRole('button', { name: 'Start the session' }).click();

  await expect(page).toHaveURL(/#\/present\/[A-Za-z0-9_-]+$/);
  await expect(page.getByRole('heading', { name: 'Tuesday cohort' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Current slide' }).getByRole('heading', { name: /^Leader or Manager\?( Built-in)?$/ })).toBeVisible();
  const sessions = await host.rpc<{ title: string; status: string }[]>('sessions.list');
  expect(sessions.map((s) => s.title)).toContain('Tuesday cohort');
});

test('a wrong token shows a clear message instead of a broken page', async ({ page, host }) => {
  await page.goto(`${host.origin}/?token=not-the-token#/`);
  await expect(page.getByRole('alert')).toContainText('needs the facilitator token');
});
