/**
 * Issue 19, "Beyond multiple choice", in Chromium against the built Node host:
 * the editor makes an open question and a rating; a phone answers both; the
 * projector's word cloud and rating show every answer's word or value on screen
 * (inside the window, not clipped, not overlapping) at 1280x720 and 1920x1080,
 * at the normal and the largest text size, in each theme.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test, type Host } from './fixtures';

interface Created {
  id: string;
  joinCode: string;
  slides: { id: string; kind: string; question?: { id: string } }[];
  groups: { id: string; name: string }[];
}

/** Answers of every length a room gives: single words, phrases, one of 140 characters, repeats. */
const ANSWERS = [
  'trust',
  'Trust',
  ' trust ',
  'listens',
  'listens',
  'clear goals',
  'gave me room to grow',
  'honest',
  'kind',
  'fair',
  'asked what I thought before deciding',
  'coffee',
  'humour',
  'patience',
  'backed me up when it mattered',
  'x'.repeat(20),
  `${'A very long answer from someone with a lot to say about their best boss '.repeat(2)}`.slice(0, 140).trim(),
  'Überzeugend',
  '信頼',
  'made time every week',
];

async function openAndRatingSession(host: Host, theme = 'light'): Promise<{ session: Created; open: string; rate: string }> {
  await host.rpc('settings.update', { theme });
  const workshop = await host.rpc<{ id: string }>('workshops.create', { title: `Open and scale ${theme}` });
  const content = {
    title: `Open and scale ${theme}`,
    description: '',
    dimensions: [],
    slides: [
      { id: 's-title', kind: 'title', section: '', minutes: 1, notes: '', title: 'Welcome', subtitle: '' },
      { id: 's-open', kind: 'open', section: '', minutes: 2, notes: '', title: '', question: { id: 'q-open', type: 'text', prompt: 'One thing the best person you worked for did', debrief: '' } },
      {
        id: 's-rate',
        kind: 'rating',
        section: '',
        minutes: 2,
        notes: '',
        title: '',
        question: { id: 'q-rate', type: 'scale', prompt: 'How useful was this for your work?', min: 0, max: 9, minLabel: 'Not at all', maxLabel: 'Very useful', debrief: '' },
      },
    ],
  };
  await host.rpc('workshops.update', { workshopId: workshop.id, content });
  const session = await host.rpc<Created>('sessions.create', { workshopId: workshop.id, groups: ['Blue', 'Red'], votingMode: 'phones' });
  return { session, open: 'q-open', rate: 'q-rate' };
}

async function phoneVote(host: Host, code: string, body: Record<string, unknown>): Promise<number> {
  const response = await fetch(`${host.origin}/api/p/${code}/vote`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  return response.status;
}

/** Every word or bar of the projector's chart: its text, and what is wrong with where it is. */
function chartProblems(page: Page, selector: string) {
  return page.evaluate((selector) => {
    const items = Array.from(document.querySelectorAll<HTMLElement>(selector));
    const problems: string[] = [];
    const boxes = items.map((item) => item.getBoundingClientRect());
    const container = items[0]?.parentElement?.getBoundingClientRect();
    items.forEach((item, index) => {
      const box = boxes[index]!;
      const name = (item.textContent ?? '').slice(0, 30);
      if (box.width < 1 || box.height < 1) problems.push(`${name}: not drawn`);
      if (box.left < 0 || box.top < 0 || box.right > window.innerWidth || box.bottom > window.innerHeight) problems.push(`${name}: outside the window`);
      if (container && (box.left < container.left - 0.5 || box.right > container.right + 0.5 || box.top < container.top - 0.5 || box.bottom > container.bottom + 0.5)) problems.push(`${name}: cut off by its box`);
      if (item.scrollWidth > item.clientWidth + 1 || item.scrollHeight > item.clientHeight + 1) problems.push(`${name}: its text overflows`);
      // Readable at all: a word shrunk to nothing is not "on screen".
      if (parseFloat(getComputedStyle(item).fontSize) < 6) problems.push(`${name}: type below 6 px`);
      boxes.forEach((other, j) => {
        if (j <= index) return;
        const overlap = Math.min(box.right, other.right) - Math.max(box.left, other.left) > 0.5 && Math.min(box.bottom, other.bottom) - Math.max(box.top, other.top) > 0.5;
        if (overlap) problems.push(`${name} overlaps ${(items[j]!.textContent ?? '').slice(0, 30)}`);
      });
    });
    return { texts: items.map((item) => item.textContent ?? ''), problems };
  }, selector);
}

async function seriousFindings(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.help} at ${violation.nodes.map((node) => node.target.join(' ')).slice(0, 3).join(' | ')}`);
}

test.describe('open questions and ratings', () => {
  test('every view of them passes an axe audit (light and high contrast), and the presenter hides an answer in one click', async ({ page, host }) => {
    test.setTimeout(180_000);
    // Contrast is judged on the drawn page: without motion, not halfway through the reveal's fade-in.
    await page.emulateMedia({ reducedMotion: 'reduce' });
    for (const theme of ['light', 'contrast']) {
      const { session, open, rate } = await openAndRatingSession(host, theme);
      const sessionId = session.id;
      await host.rpc('sessions.goTo', { sessionId, slideIndex: 1 });
      await host.rpc('voting.open', { sessionId, questionId: open });
      for (const [index, text] of ['trust', 'listens', 'fair', 'kind'].entries()) expect(await phoneVote(host, session.joinCode, { deviceId: `audit-${theme}-${index}`, questionId: open, text })).toBe(200);
      await page.setViewportSize({ width: 1280, height: 800 });
      await host.open(page, `#/present/${sessionId}`);
      const answers = page.getByRole('region', { name: /^Answers \(4\)/ });
      await expect(answers.getByText('kind', { exact: true })).toBeVisible();
      expect(await seriousFindings(page), `presenter, open question, ${theme}`).toEqual([]);
      await page.getByRole('button', { name: 'Hide: kind' }).click();
      await expect(page.getByRole('button', { name: 'Show: kind' })).toBeVisible();
      await host.rpc('voting.reveal', { sessionId, questionId: open });
      await host.open(page, `#/audience/${sessionId}`);
      await expect(page.getByTestId('word-cloud').locator('li')).toHaveCount(3);
      await expect(page.getByTestId('word-cloud')).not.toContainText('kind');
      expect(await seriousFindings(page), `projector, cloud, ${theme}`).toEqual([]);
      await page.goto(`${host.origin}/p/${session.joinCode}`);
      await page.getByRole('button', { name: 'No group' }).click();
      await expect(page.locator('.word-row')).toHaveCount(3);
      expect(await seriousFindings(page), `phone, words, ${theme}`).toEqual([]);

      await host.rpc('sessions.goTo', { sessionId, slideIndex: 2 });
      await host.rpc('voting.open', { sessionId, questionId: rate });
      await expect(page.locator('.scale-point')).toHaveCount(10);
      expect(await seriousFindings(page), `phone, rating, ${theme}`).toEqual([]);
      await host.open(page, `#/present/${sessionId}`);
      await page.getByRole('button', { name: 'Blue rates 6' }).click();
      await expect(page.getByRole('group', { name: 'Blue’s rating' })).toContainText('Rated');
      expect(await seriousFindings(page), `presenter, rating, ${theme}`).toEqual([]);
      await host.rpc('voting.reveal', { sessionId, questionId: rate });
      await host.open(page, `#/audience/${sessionId}`);
      await expect(page.getByTestId('scale-mean')).toContainText('6.0');
      expect(await seriousFindings(page), `projector, rating, ${theme}`).toEqual([]);
      await host.open(page, `#/results/${sessionId}`);
      await expect(page.getByRole('heading', { name: 'Open questions and ratings' })).toBeVisible();
      expect(await seriousFindings(page), `results, ${theme}`).toEqual([]);
      await host.open(page, `#/report/${sessionId}`);
      await expect(page.locator('body[data-report-ready="true"]')).toBeAttached({ timeout: 20_000 });
      await expect(page.locator('[data-report-answer="text"]')).toContainText('trust');
      await expect(page.locator('[data-report-answer="text"]')).not.toContainText('kind');
      await expect(page.locator('[data-report-answer="scale"]')).toContainText('6.0');
      expect(await seriousFindings(page), `report, ${theme}`).toEqual([]);
      await host.rpc('sessions.end', { sessionId });
    }
    await host.rpc('settings.update', { theme: 'light' });
  });

  test('the projector’s word cloud and rating show every answer on screen at 1280x720 and 1920x1080, at both text sizes and in every theme', async ({ page, host }) => {
    test.setTimeout(240_000);
    for (const theme of ['light', 'dark', 'contrast']) {
      const { session, open, rate } = await openAndRatingSession(host, theme);
      const sessionId = session.id;
      await host.rpc('sessions.goTo', { sessionId, slideIndex: 1 });
      await host.rpc('voting.open', { sessionId, questionId: open });
      // Seven phones, up to three answers each.
      for (const [index, text] of ANSWERS.entries()) {
        expect(await phoneVote(host, session.joinCode, { deviceId: `phone-${theme}-${Math.floor(index / 3)}`, questionId: open, text })).toBe(200);
      }
      await host.rpc('voting.close', { sessionId, questionId: open });
      // Before the reveal the projector shows how many answered, never the texts.
      await page.setViewportSize({ width: 1280, height: 720 });
      await host.open(page, `#/audience/${sessionId}`);
      await expect(page.getByTestId('answer-count')).toHaveText(`${ANSWERS.length} answers`);
      await expect(page.getByText('listens')).toHaveCount(0);
      await host.rpc('voting.reveal', { sessionId, questionId: open });
      const phrases = new Set(ANSWERS.map((answer) => answer.trim().toLowerCase()));
      for (const [width, height] of [
        [1280, 720],
        [1920, 1080],
      ] as const) {
        for (const scale of [1, 2]) {
          await host.rpc('settings.update', { audienceTextScale: scale });
          await page.setViewportSize({ width, height });
          await host.open(page, `#/audience/${sessionId}`);
          const cloud = page.getByTestId('word-cloud');
          await expect(cloud.locator('li')).toHaveCount(phrases.size);
          await expect(cloud).toHaveAttribute('data-fitted', 'true');
          // The cloud refits when the slide's own fit settles (a frame or two after the words arrive).
          await expect.poll(async () => (await chartProblems(page, '[data-testid="word-cloud"] > li')).problems, { message: `${theme} ${width}x${height} text size ${scale}` }).toEqual([]);
          const { texts } = await chartProblems(page, '[data-testid="word-cloud"] > li');
          expect(new Set(texts.map((text) => text.toLowerCase()))).toEqual(phrases);
          await page.screenshot({ path: test.info().outputPath(`cloud-${theme}-${width}x${height}-${scale}.png`) });
        }
      }
      await host.rpc('settings.update', { audienceTextScale: 1 });

      await host.rpc('sessions.goTo', { sessionId, slideIndex: 2 });
      await host.rpc('voting.open', { sessionId, questionId: rate });
      for (let phone = 0; phone < 12; phone++) expect(await phoneVote(host, session.joinCode, { deviceId: `rater-${theme}-${phone}`, questionId: rate, value: phone % 10 })).toBe(200);
      await host.rpc('voting.reveal', { sessionId, questionId: rate });
      for (const [width, height] of [
        [1280, 720],
        [1920, 1080],
      ] as const) {
        for (const scale of [1, 2]) {
          await host.rpc('settings.update', { audienceTextScale: scale });
          await page.setViewportSize({ width, height });
          await host.open(page, `#/audience/${sessionId}`);
          const bars = page.getByTestId('scale-bars');
          await expect(bars.locator('li')).toHaveCount(10);
          await expect.poll(async () => (await chartProblems(page, '[data-testid="scale-bars"] li')).problems, { message: `${theme} ${width}x${height} text size ${scale}` }).toEqual([]);
          // Each value with its count, and the mean, on screen.
          const counts = await bars.locator('li').evaluateAll((items) => items.map((item) => [item.getAttribute('data-value'), item.getAttribute('data-count')]));
          expect(counts).toEqual(Array.from({ length: 10 }, (_, value) => [String(value), value < 2 ? '2' : '1']));
          await expect(page.getByTestId('scale-mean')).toContainText('Average');
          await expect(page.getByTestId('scale-mean')).toContainText('3.8');
          await expect(page.getByTestId('scale-mean')).toBeInViewport({ ratio: 1 });
          await expect(bars.getByText('Not at all', { exact: true })).toBeInViewport({ ratio: 1 });
          await expect(bars.getByText('Very useful', { exact: true })).toBeInViewport({ ratio: 1 });
          await page.screenshot({ path: test.info().outputPath(`scale-${theme}-${width}x${height}-${scale}.png`) });
        }
      }
      await host.rpc('settings.update', { audienceTextScale: 1 });
      await host.rpc('sessions.end', { sessionId });
    }
    await host.rpc('settings.update', { theme: 'light' });
  });

  test('the editor makes an open question and a rating, with the scale checked as it is typed', async ({ page, host }) => {
    await host.open(page);
    await page.getByRole('button', { name: 'New workshop' }).click();
    const create = page.getByRole('dialog', { name: 'New workshop' });
    await create.getByLabel('Title').fill('Feedback round');
    await create.getByRole('button', { name: 'Create' }).click();
    await expect(page).toHaveURL(/#\/edit\/[A-Za-z0-9_-]+$/);
    const workshopId = page.url().split('/').pop()!;

    await page.getByRole('button', { name: 'Add slide' }).click();
    await page.getByRole('menuitem', { name: /^Open question/ }).click();
    await page.getByLabel('Prompt').fill('One word for the best boss you ever had');
    await page.getByLabel('Heading').fill('Warm-up');
    await expect(page.getByRole('region', { name: /Preview/ }).getByRole('heading', { name: 'One word for the best boss you ever had' })).toBeVisible();

    // Keyboard only: the menu opens from its button and the rating is picked with the arrows.
    await page.getByRole('button', { name: 'Add slide' }).focus();
    await page.keyboard.press('Enter');
    const rating = page.getByRole('menuitem', { name: /^Rating/ });
    await expect(page.getByRole('menu')).toBeVisible();
    for (let step = 0; step < 10 && !(await rating.evaluate((el) => el === document.activeElement)); step++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.getByLabel('Statement').fill('How useful was this for your work?');
    await page.getByLabel('Highest value').fill('12');
    await expect(page.getByText(/a scale has 2 to 10 points/).first()).toBeVisible();
    await expect(page.getByLabel('Highest value')).toHaveAttribute('aria-invalid', 'true');
    await page.getByLabel('Highest value').fill('7');
    await expect(page.getByText('7 points: 1, 2, 3, 4, 5, 6, 7.')).toBeVisible();
    await page.getByLabel('Label at the high end').fill('Very useful');
    await expect(page.getByRole('region', { name: /Preview/ }).getByRole('list', { name: 'A scale from 1 to 7' })).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();

    const saved = await host.rpc<{ content: { slides: { kind: string; title?: string; question?: Record<string, unknown> }[] } }>('workshops.get', { workshopId });
    const kinds = saved.content.slides.map((slide) => slide.kind);
    expect(kinds).toContain('open');
    expect(kinds).toContain('rating');
    const open = saved.content.slides.find((slide) => slide.kind === 'open')!;
    expect(open.title).toBe('Warm-up');
    expect(open.question).toMatchObject({ type: 'text', prompt: 'One word for the best boss you ever had' });
    expect(saved.content.slides.find((slide) => slide.kind === 'rating')!.question).toMatchObject({ type: 'scale', min: 1, max: 7, maxLabel: 'Very useful' });
  });

  test('a phone answers an open question three times and rates a statement', async ({ page, host }) => {
    const { session, open, rate } = await openAndRatingSession(host);
    const sessionId = session.id;
    await host.rpc('sessions.goTo', { sessionId, slideIndex: 1 });
    await host.rpc('voting.open', { sessionId, questionId: open });
    await page.setViewportSize({ width: 390, height: 800 });
    await page.goto(`${host.origin}/p/${session.joinCode}`);
    await page.getByRole('button', { name: 'No group' }).click();
    await expect(page.getByRole('heading', { name: 'One thing the best person you worked for did' })).toBeVisible();
    const field = page.getByRole('textbox', { name: 'Your answer' });
    for (const [index, text] of ['Listened', 'Trusted me', 'Clear goals'].entries()) {
      await field.fill(text);
      await expect(page.locator('#answer-count')).toHaveText(`${text.length} / 140`);
      await page.getByRole('button', { name: 'Send' }).click();
      await expect(page.getByRole('list', { name: 'Your answers' }).getByRole('listitem')).toHaveCount(index + 1);
    }
    await expect(page.getByText('You have given 3 answers')).toBeVisible();
    await expect(field).toBeHidden();
    await page.screenshot({ path: test.info().outputPath('phone-text.png'), fullPage: true });
    await host.rpc('voting.reveal', { sessionId, questionId: open });
    await expect(page.getByRole('region', { name: 'Results' })).toContainText('3 answers in all');
    await expect(page.locator('.word-row')).toHaveCount(3);
    await page.screenshot({ path: test.info().outputPath('phone-words.png'), fullPage: true });

    await host.rpc('sessions.goTo', { sessionId, slideIndex: 2 });
    await host.rpc('voting.open', { sessionId, questionId: rate });
    await expect(page.getByRole('heading', { name: 'How useful was this for your work?' })).toBeVisible();
    const points = page.getByRole('group', { name: 'How useful was this for your work?' }).getByRole('button');
    await expect(points).toHaveCount(10);
    await page.getByRole('button', { name: '0, Not at all' }).click();
    await expect(page.getByRole('button', { name: '0, Not at all' })).toHaveAttribute('aria-pressed', 'true');
    await page.getByRole('button', { name: '7', exact: true }).click();
    await expect(page.getByRole('button', { name: '7', exact: true })).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByRole('button', { name: '0, Not at all' })).toHaveAttribute('aria-pressed', 'false');
    await expect(page.getByText('Rating received')).toBeVisible();
    // Big touch targets: every point at least 44 px each way.
    for (const box of await points.evaluateAll((buttons) => buttons.map((button) => button.getBoundingClientRect().toJSON() as DOMRect))) {
      expect(box.width).toBeGreaterThanOrEqual(44);
      expect(box.height).toBeGreaterThanOrEqual(44);
    }
    await page.screenshot({ path: test.info().outputPath('phone-scale.png'), fullPage: true });
    await host.rpc('voting.reveal', { sessionId, questionId: rate });
    await expect(page.getByText('Average 7.0 (0 to 9)')).toBeVisible();
    await host.rpc('sessions.end', { sessionId });
  });
});
