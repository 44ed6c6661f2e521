/**
 * Every view passes an axe-core audit with no serious or critical finding, in the
 * light theme and in high contrast.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, scenarioIndexes, test, type Host, type SessionLike } from './fixtures';

async function seriousFindings(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.help} at ${violation.nodes.map((node) => node.target.join(' ')).slice(0, 3).join(' | ')}`);
}

interface Seeded {
  session: SessionLike;
  prompt: string;
  copyId: string;
}

/** One seeded session per worker's host: a revealed vote, and an editable workshop. */
const seeded = new Map<string, Promise<Seeded>>();
function seed(host: Host): Promise<Seeded> {
  let made = seeded.get(host.origin);
  if (!made) {
    made = (async () => {
      const session = await host.rpc<SessionLike>('sessions.create', { workshopId: 'leader-or-manager', title: 'Audit', groups: ['Red', 'Blue', 'Green'] });
      const [first] = scenarioIndexes(session);
      const question = session.slides[first!]!.question!;
      await host.rpc('sessions.goTo', { sessionId: session.id, slideIndex: first });
      await host.rpc('voting.open', { sessionId: session.id, questionId: question.id });
      await host.rpc('voting.cast', { sessionId: session.id, questionId: question.id, voterId: 'g1', optionId: question.options[0]!.id });
      await host.rpc('voting.reveal', { sessionId: session.id, questionId: question.id });
      const copy = await host.rpc<{ id: string }>('workshops.duplicate', { workshopId: 'leader-or-manager' });
      return { session, prompt: question.prompt, copyId: copy.id };
    })();
    seeded.set(host.origin, made);
  }
  return made;
}

const views: [string, (seed: Seeded) => string, (seed: Seeded) => string][] = [
  ['library', () => '#/', () => 'Workshops'],
  ['session setup', () => '#/new/leader-or-manager', () => 'Start a session'],
  ['editor', (s) => `#/edit/${s.copyId}`, () => 'Slides'],
  ['presenter', (s) => `#/present/${s.session.id}`, () => 'Audit'],
  ['audience', (s) => `#/audience/${s.session.id}`, (s) => s.prompt],
  ['results', (s) => `#/results/${s.session.id}`, () => 'Room profile'],
  ['report', (s) => `#/report/${s.session.id}`, () => 'Audit'],
  ['history', () => '#/history', () => 'Audit'],
  ['settings', () => '#/settings', () => 'Settings'],
];

for (const theme of ['light', 'contrast'] as const) {
  test.describe(`${theme} theme`, () => {
    for (const [name, hashOf, textOf] of views) {
      test(`the ${name} view has no serious or critical accessibility finding`, async ({ page, host }) => {
        const data = await seed(host);
        await host.rpc('settings.update', { theme });
        await host.open(page, hashOf(data));
        await expect(page.getByText(textOf(data), { exact: false }).first()).toBeVisible();
        await page.waitForLoadState('networkidle');
        expect(await seriousFindings(page)).toEqual([]);
      });
    }
  });
}

test('the phone page has no serious or critical accessibility finding', async ({ page, host }) => {
  const data = await seed(host);
  await host.rpc('settings.update', { theme: 'light' });
  await page.goto(`${host.origin}/p/${data.session.joinCode}`);
  await expect(page.locator('#status')).not.toHaveText('Connecting…');
  expect(await seriousFindings(page)).toEqual([]);
});

test('the library, setup and presenter work from the keyboard alone, with a visible focus', async ({ page, host }) => {
  await host.rpc('settings.update', { theme: 'light' });
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
