/**
 * The self-check in a browser (issue 17): a phone answers all twelve statements
 * on one screen and keeps its own answers; the projector shows the room per
 * dimension once revealed, never one person's ratings; groups rate themselves in
 * the presenter's form.
 */
import { devices } from '@playwright/test';
import { expect, test, type Host, type SessionLike } from './fixtures';

interface SelfCheckSlide {
  id: string;
  kind: string;
  question?: { id: string; phase?: string; statements?: { dimension: string }[] };
}

function selfCheckIndex(session: SessionLike, phase: 'before' | 'after'): number {
  return (session.slides as unknown as SelfCheckSlide[]).findIndex((slide) => slide.kind === 'selfCheck' && slide.question?.phase === phase);
}

/** A scripted phone (no browser): rates every statement with `value(d)`, waiting out "slow down" as a person would. */
async function scriptedPhone(host: Host, code: string, deviceId: string, itemIds: string[], value: (index: number) => number) {
  for (const [index, questionId] of itemIds.entries()) {
    for (;;) {
      const response = await fetch(`${host.origin}/api/p/${code}/vote`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ deviceId, questionId, value: value(index) }) });
      if (response.status === 200) break;
      if (response.status !== 429) throw new Error(`rating ${questionId} answered ${response.status}`);
      await new Promise((resolve) => setTimeout(resolve, 1100));
    }
  }
}

test.describe('the self-check', () => {
  test('a phone answers every statement on one screen; the projector shows the room before and after, per dimension', async ({ browser, page, host }) => {
    test.setTimeout(120_000);
    const session = await host.rpc<SessionLike>('sessions.create', { workshopId: 'leader-or-manager', title: 'Learning loop', votingMode: 'phones' });
    const before = selfCheckIndex(session, 'before');
    const after = selfCheckIndex(session, 'after');
    const beforeId = (session.slides[before] as unknown as SelfCheckSlide).question!.id;
    const afterId = (session.slides[after] as unknown as SelfCheckSlide).question!.id;
    await host.rpc('sessions.goTo', { sessionId: session.id, slideIndex: before });
    await host.rpc('voting.open', { sessionId: session.id, questionId: beforeId });

    const phone = await browser.newContext({ ...devices['Pixel 5'] });
    const phonePage = await phone.newPage();
    await phonePage.goto(`${host.origin}/p/${session.joinCode}`);
    await expect(phonePage.locator('#prompt')).toHaveText('How true is each of these of you at work today?');
    const statements = phonePage.locator('.self-statement');
    await expect(statements).toHaveCount(12);
    await expect(phonePage.locator('#self-progress')).toHaveText('0 of 12 answered');
    // Every statement on the one screen: no next button, no paging.
    for (let index = 0; index < 12; index += 1) {
      await statements.nth(index).locator(`button[data-value="${1 + (index % 3)}"]`).tap();
      await expect(phonePage.locator('#self-progress')).toHaveText(`${index + 1} of 12 answered`);
    }
    await expect(phonePage.locator('#self-note')).toContainText('All answered');
    await expect(statements.nth(4).locator('button[data-value="2"]')).toHaveAttribute('aria-pressed', 'true');
    await statements.nth(2).scrollIntoViewIfNeeded();
    await phonePage.screenshot({ path: test.info().outputPath('phone-self-check-before.png') });
    // The phone keeps its own answers, in the documented shape.
    const kept = await phonePage.evaluate((code) => JSON.parse(localStorage.getItem(`plenary.selfCheck.${code}`) ?? 'null'), session.joinCode);
    expect(kept.order).toEqual([beforeId]);
    expect(kept.checks[beforeId].now.power).toBe(1);
    expect(kept.checks[beforeId].now.risk).toBe(3);

    // Four more people, scripted, so the room's means pass the privacy floor.
    const items = await phonePage.locator('.self-points').evaluateAll((groups) => groups.map((group) => group.querySelector('button')!.getAttribute('data-item-id')!));
    for (let person = 0; person < 4; person += 1) await scriptedPhone(host, session.joinCode, `scripted-${person}-phone`, items, () => 2);
    await host.rpc('voting.reveal', { sessionId: session.id, questionId: beforeId });

    // After: the same statements, now and looking back.
    await host.rpc('sessions.goTo', { sessionId: session.id, slideIndex: after });
    await host.rpc('voting.open', { sessionId: session.id, questionId: afterId });
    await expect(phonePage.locator('#prompt')).toHaveText('How true is each of these of you at work now?');
    await expect(statements).toHaveCount(12);
    await expect(phonePage.locator('.self-points')).toHaveCount(24);
    await expect(phonePage.locator('.self-then-prompt')).toContainText('Looking back, where were you before today?');
    for (let index = 0; index < 12; index += 1) {
      await statements.nth(index).locator('.self-row:not(.then) button[data-value="4"]').tap();
      await statements.nth(index).locator('.self-row.then button[data-value="1"]').tap();
    }
    await expect(phonePage.locator('#self-progress')).toHaveText('24 of 24 answered');
    await phonePage.evaluate(() => window.scrollTo(0, 0));
    await phonePage.screenshot({ path: test.info().outputPath('phone-self-check-after.png') });
    const afterItems = await phonePage.locator('.self-points button[data-value="1"]').evaluateAll((buttons) => buttons.map((button) => button.getAttribute('data-item-id')!));
    for (let person = 0; person < 4; person += 1) await scriptedPhone(host, session.joinCode, `scripted-${person}-phone`, afterItems, (index) => (index % 2 === 0 ? 5 : 1));
    await host.rpc('voting.reveal', { sessionId: session.id, questionId: afterId });

    // The projector: the room per dimension, with n, in a chart and a table.
    await page.setViewportSize({ width: 1920, height: 1080 });
    await host.open(page, `#/audience/${session.id}`);
    const chart = page.getByTestId('self-check-chart');
    await expect(chart).toBeVisible();
    await expect(chart.locator('g[data-dimension]')).toHaveCount(12);
    const power = page.getByTestId('self-check-table').locator('tr', { hasText: 'Power' });
    // Before: one phone rated 1, four rated 2 → 1.8; after: 4 and four 5s → 4.8; then: 1 and four 1s → 1.0.
    await expect(power.locator('td').nth(0)).toHaveText('1.8 (n = 5)');
    await expect(power.locator('td').nth(1)).toHaveText('1.0 (n = 5)');
    await expect(power.locator('td').nth(2)).toHaveText('4.8 (n = 5)');
    await expect(power.locator('td').nth(3)).toHaveText('+3.0');
    await expect(chart).toContainText('before: 5 ratings');
    await page.screenshot({ path: test.info().outputPath('projector-self-check.png') });
    // The phone shows the room's average beside its own answers.
    await expect(statements.first().locator('.self-room').first()).toHaveText('Room average 4.8 (5 answers)');
    await phone.close();

    // Results and the report tell the story.
    await page.setViewportSize({ width: 1280, height: 900 });
    await host.open(page, `#/results/${session.id}`);
    const learning = page.getByRole('region', { name: 'Learning: the self-check' });
    await expect(learning).toContainText('rose most on');
    await learning.scrollIntoViewIfNeeded();
    await page.screenshot({ path: test.info().outputPath('results-self-check.png'), fullPage: true });
    await host.open(page, `#/report/${session.id}`);
    await expect(page.getByRole('heading', { name: /The self-check: where people saw themselves/ })).toBeVisible();
    await expect(page.getByTestId('self-check-table').locator('tr', { hasText: 'Power' }).locator('td').nth(2)).toHaveText('4.8 (n = 5)');
    // Nowhere in these pages is a phone's id.
    for (const text of [await page.content()]) expect(text).not.toContain('scripted-0-phone');
  });

  test('groups rate themselves at the laptop in the presenter’s form', async ({ page, host }) => {
    const session = await host.rpc<SessionLike>('sessions.create', { workshopId: 'leader-or-manager', title: 'Groups rate', votingMode: 'groups', groups: ['Red', 'Blue', 'Green'] });
    const before = selfCheckIndex(session, 'before');
    await host.rpc('sessions.goTo', { sessionId: session.id, slideIndex: before });
    await host.open(page, `#/present/${session.id}`);
    const panel = page.getByRole('region', { name: 'Self-check (before)' });
    await panel.getByRole('button', { name: 'Open the self-check (V)' }).click();
    const form = page.getByRole('form', { name: 'A group’s self-check' });
    await expect(form).toBeVisible();
    for (const [groupIndex, name] of ['Red', 'Blue', 'Green'].entries()) {
      await form.getByLabel('Group rating itself').selectOption({ label: name });
      const radios = form.locator('tbody tr');
      await expect(radios).toHaveCount(12);
      for (let row = 0; row < 12; row += 1) await radios.nth(row).locator('input[type="radio"]').nth(groupIndex + 1).check();
      await expect(form).toContainText('12 of 12 rated');
      if (groupIndex === 0) await page.screenshot({ path: test.info().outputPath('presenter-group-self-check.png') });
      await form.getByRole('button', { name: `Save ${name}’s ratings` }).click();
      await expect(panel.getByRole('status')).toContainText(`${groupIndex + 1} answered`);
    }
    await panel.getByRole('button', { name: 'Reveal the room’s averages (R)' }).click();
    await expect(page.getByTestId('self-check-chart')).toBeVisible();
    const results = await host.rpc<{ selfCheck: { dimensions: { dimensionId: string; before: { n: number; mean: number } }[] } }>('results.get', { sessionId: session.id });
    expect(results.selfCheck.dimensions[0]!.before).toMatchObject({ n: 3, mean: 3 });
  });
});
