/**
 * Every view passes an axe-core audit with no serious or critical finding, in the
 * light theme and in high contrast.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, scenarioIndexes, test, type SessionLike } from './fixtures';

async function seriousFindings(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.help} at ${violation.nodes.map((node) => node.target.join(' ')).slice(0, 3).join(' | ')}`);
}

test('every view has no serious or critical accessibility finding', async ({ page, host }) => {
  const session = await host.rpc<SessionLike>('sessions.create', { workshopId: 'leader-or-manager', title: 'Audit', groups: ['Red', 'Blue', 'Green'] });
  const [first] = scenarioIndexes(session);
  const question = session.slides[first!]!.question!;
  await host.rpc('sessions.goTo', { sessionId: session.id, slideIndex: first });
  await host.rpc('voting.open', { sessionId: session.id, questionId: question.id });
  await host.rpc('voting.cast', { sessionId: session.id, questionId: question.id, voterId: 'g1', optionId: question.options[0]!.id });
  await host.rpc('voting.reveal', { sessionId: session.id, questionId: question.id });
  const copy = await host.rpc<{ id: string }>('workshops.duplicate', { workshopId: 'leader-or-manager' });

  const views: [string, string, string][] = [
    ['library', '#/', 'Workshops'],
    ['setup', '#/new/leader-or-manager', 'Start a session'],
    ['editor', `#/edit/${copy.id}`, ''],
    ['presenter', `#/present/${session.id}`, 'Audit'],
    ['audience', `#/audience/${session.id}`, question.prompt],
    ['results', `#/results/${session.id}`, ''],
    ['report', `#/report/${session.id}`, ''],
    ['history', '#/history', ''],
    ['settings', '#/settings', 'Settings'],
  ];
  const problems: string[] = [];
  for (const theme of ['light', 'contrast'] as const) {
    await host.rpc('settings.update', { theme });
    for (const [name, hash, text] of views) {
      await host.open(page, hash);
      if (text) await expect(page.getByText(text, { exact: false }).first()).toBeVisible();
      await page.waitForLoadState('networkidle');
      for (const finding of await seriousFindings(page)) problems.push(`${theme} ${name}: ${finding}`);
    }
  }
  await host.rpc('settings.update', { theme: 'light' });

  await page.goto(`${host.origin}/p/${session.joinCode}`);
  await expect(page.locator('#status')).not.toHaveText('Connecting…');
  for (const finding of await seriousFindings(page)) problems.push(`phone: ${finding}`);
  expect(problems).toEqual([]);
});

test('the library, setup and presenter work from the keyboard alone, with a visible focus', async ({ page, host }) => {
  await host.open(page, '#/');
  const start = page.getByRole('button', { name: 'Start session of Leader or Manager?', exact: true });
  await expect(start).toBeVisible();
  for (let i = 0; i < 30 && !(await start.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(start).toBeFocused();
  const outline = await start.evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outline).not.toBe('none');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#\/new\/leader-or-manager$/);
  const submit = page.getByRole('button', { name: 'Start the session' });
  for (let i = 0; i < 40 && !(await submit.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#\/present\//);
  await expect(page.getByText(/^1 \/ \d+$/).first()).toBeVisible();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByText(/^2 \/ \d+$/).first()).toBeVisible();
});
