/**
 * Voting again, in the browser: the presenter reopens a revealed scenario (button
 * and key N); phones vote afresh; the projector shows round 1 beside round 2 and
 * who moved, in aggregate.
 */
import { expect, scenarioIndexes, test, type SessionLike } from './fixtures';


test('the presenter reopens a revealed scenario, and the projector shows both rounds and who moved', async ({ page, context, host }) => {
  const session = await host.rpc<SessionLike>('sessions.create', { workshopId: 'leader-or-manager', title: 'Vote again run', groups: ['Red', 'Blue', 'Green', 'Gold'] });
  const [first] = scenarioIndexes(session);
  if (first === undefined) throw new Error('the built-in workshop has no scenario');
  const question = session.slides[first]!.question!;
  const leader = question.options.find((o) => o.style === 'leader')!.id;
  const manager = question.options.find((o) => o.style === 'manager')!.id;
  await host.rpc('sessions.goTo', { sessionId: session.id, slideIndex: first });

  // Round 1: three groups for manager, one for leader.
  await host.rpc('voting.open', { sessionId: session.id, questionId: question.id });
  for (const [index, group] of session.groups.entries()) {
    await host.rpc('voting.cast', { sessionId: session.id, questionId: question.id, voterId: group.id, optionId: index === 0 ? leader : manager });
  }
  await host.rpc('voting.reveal', { sessionId: session.id, questionId: question.id });

  await host.open(page, `#/present/${session.id}`);
  const audience = await context.newPage();
  await audience.setViewportSize({ width: 1280, height: 720 });
  await host.open(audience, `#/audience/${session.id}`);
  const voting = page.getByRole('region', { name: 'Voting' });
  await expect(voting.getByRole('button', { name: 'Vote again (N)' })).toBeVisible();

  // The button starts round 2: voting opens, the results hide.
  await voting.getByRole('button', { name: 'Vote again (N)' }).click();
  await expect(voting.getByText('Round 2 · Voting is open')).toBeVisible();
  await expect(audience.getByTestId('round')).toHaveText('Round 2');
  await expect(audience.getByText('Voting is open')).toBeVisible();
  await expect(audience.getByRole('list', { name: 'Results' })).toHaveCount(0);

  // Round 2 by keyboard: groups 1 to 4 all for leader (one of them a phone-free group vote by number and letter).
  const letter = (id: string) => String.fromCharCode(97 + question.options.findIndex((o) => o.id === id));
  for (const number of ['1', '2', '3', '4']) {
    await page.keyboard.press(number);
    await page.keyboard.press(letter(leader));
  }
  await expect(voting.getByText(/4 of 4 groups/)).toBeVisible();
  await page.keyboard.press('r');

  const compare = audience.getByRole('region', { name: 'Round 1 and round 2' });
  await expect(compare).toBeVisible();
  // 1 of 4 leader, then 4 of 4: 75 points; three groups moved, one stayed.
  await expect(compare.getByText('The room moved 75 points toward leader.')).toBeVisible();
  await expect(compare.getByText('3 groups moved toward leader, 1 group stayed.')).toBeVisible();
  await expect(compare.locator('[data-round="1"]')).toContainText('Round 1');
  await expect(compare.locator('[data-round="2"]')).toContainText('Round 2');
  // The screen-reader table says the same figures.
  const table = compare.getByRole('table', { name: 'Answers in round 1 and round 2' });
  await expect(table.getByRole('row')).toHaveCount(question.options.length + 1);
  await audience.screenshot({ path: 'test-results/vote-again-projector.png' });
  await page.screenshot({ path: 'test-results/vote-again-presenter.png' });

  // The results and the report rank the scenario by how far the room moved (25% → 100%: +75 points).
  const results = await context.newPage();
  await host.open(results, `#/results/${session.id}`);
  const moved = results.getByRole('table', { name: 'Scenarios voted on again, by how far the room moved' });
  await expect(moved).toBeVisible();
  const row = moved.getByRole('row').nth(1);
  await expect(row.getByRole('rowheader')).toHaveText('Scenario 1 · Power');
  await expect(row.getByRole('cell').nth(1)).toHaveText('25%');
  await expect(row.getByRole('cell').nth(2)).toContainText('100%');
  await expect(row).toContainText('+75');
  await expect(row).toContainText('3 groups moved toward leader, 1 group stayed');
  await moved.scrollIntoViewIfNeeded();
  await results.screenshot({ path: 'test-results/vote-again-results.png' });
  await host.open(results, `#/report/${session.id}`);
  const reportMoved = results.getByRole('region', { name: 'What the discussion moved' });
  await expect(reportMoved.getByRole('row').nth(1)).toContainText('+75');
  await reportMoved.screenshot({ path: 'test-results/vote-again-report.png' });

  // N on a revealed scenario starts round 3.
  await page.keyboard.press('n');
  await expect(voting.getByText('Round 3 · Voting is open')).toBeVisible();
  await expect(audience.getByTestId('round')).toHaveText('Round 3');
});
