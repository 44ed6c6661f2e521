/**
 * History and cohort comparison: the list, search, rename, delete with
 * confirmation, and two sessions of one workshop side by side.
 */
import { expect, scenarioIndexes, test, type Host, type SessionLike } from './fixtures';

/** Titles unique to this run: the worker's host may hold other files' sessions too. */
const RUN = `h${Date.now().toString(36)}`;

/** A session of `workshopId` whose groups voted (option `pick(group, round)`) and saw the first `rounds` scenarios revealed. */
async function seed(host: Host, title: string, options: { workshopId?: string; rounds?: number; pick?: (group: number, round: number) => number; end?: boolean } = {}) {
  const session = await host.rpc<SessionLike>('sessions.create', {
    workshopId: options.workshopId ?? 'leader-or-manager',
    title,
    groups: ['Red', 'Blue', 'Green'],
  });
  const pick = options.pick ?? ((group: number) => group);
  for (const [round, index] of scenarioIndexes(session).slice(0, options.rounds ?? 0).entries()) {
    const question = session.slides[index]!.question!;
    await host.rpc('sessions.goTo', { sessionId: session.id, slideIndex: index });
    await host.rpc('voting.open', { sessionId: session.id, questionId: question.id });
    for (const [groupIndex, group] of session.groups.entries()) {
      const option = question.options[pick(groupIndex, round) % question.options.length]!;
      await host.rpc('voting.cast', { sessionId: session.id, questionId: question.id, voterId: group.id, optionId: option.id });
    }
    await host.rpc('voting.reveal', { sessionId: session.id, questionId: question.id });
  }
  if (options.end) await host.rpc('sessions.end', { sessionId: session.id });
  return session;
}

test('history lists the sessions, searches, renames and deletes with confirmation', async ({ page, host }) => {
  const alpha = await seed(host, `${RUN} Cohort Alpha`, { rounds: 2, end: true });
  await seed(host, `${RUN} Cohort Beta`, { rounds: 1 });
  const doomed = await seed(host, `${RUN} Trial run`);

  await host.open(page, '#/history');
  await expect(page.getByRole('heading', { name: 'History', level: 1 })).toBeVisible();
  const table = page.getByRole('table', { name: 'Sessions' });
  const row = (title: string) => table.getByRole('row').filter({ has: page.getByRole('link', { name: title, exact: true }) });
  await expect(row(`${RUN} Cohort Alpha`)).toBeVisible();
  await expect(row(`${RUN} Cohort Beta`)).toBeVisible();
  // The row says what the session was: workshop, groups, votes, status.
  const alphaRow = row(`${RUN} Cohort Alpha`);
  await expect(alphaRow).toContainText('Leader or Manager?');
  await expect(alphaRow.getByRole('cell', { name: '6', exact: true })).toBeVisible();
  await expect(alphaRow).toContainText('Ended');
  await expect(row(`${RUN} Cohort Beta`)).toContainText('Running');
  await expect(row(`${RUN} Cohort Beta`).getByRole('link', { name: /^Resume/ })).toHaveAttribute('href', /#\/present\//);
  await expect(alphaRow.getByRole('link', { name: /^Resume/ })).toHaveCount(0);
  await expect(alphaRow.getByRole('link', { name: /^Report/ })).toHaveAttribute('href', `#/report/${alpha.id}`);

  // Search narrows the list; a search with no match says so.
  const search = page.getByRole('searchbox', { name: 'Search sessions' });
  await search.fill(`${RUN} beta`);
  await expect(row(`${RUN} Cohort Beta`)).toBeVisible();
  await expect(row(`${RUN} Cohort Alpha`)).toHaveCount(0);
  await search.fill(`${RUN} nothing-like-this`);
  await expect(page.getByText(/No session matches/)).toBeVisible();
  await search.fill(RUN);

  // Rename through the dialog.
  await alphaRow.getByRole('button', { name: /^Rename/ }).click();
  const renameDialog = page.getByRole('dialog', { name: 'Rename the session' });
  await renameDialog.getByLabel('Session title').fill(`${RUN} Cohort Alpha (March)`);
  await renameDialog.getByRole('button', { name: 'Rename' }).click();
  await expect(row(`${RUN} Cohort Alpha (March)`)).toBeVisible();
  const renamed = await host.rpc<{ title: string }>('sessions.get', { sessionId: alpha.id });
  expect(renamed.title).toBe(`${RUN} Cohort Alpha (March)`);

  // Delete asks first; Cancel keeps the session, confirming removes it for good.
  await row(`${RUN} Trial run`).getByRole('button', { name: /^Delete/ }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete this session?' });
  await expect(confirm).toContainText(`${RUN} Trial run`);
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toBeHidden();
  await expect(row(`${RUN} Trial run`)).toBeVisible();
  await row(`${RUN} Trial run`).getByRole('button', { name: /^Delete/ }).click();
  await confirm.getByRole('button', { name: 'Delete session' }).click();
  await expect(row(`${RUN} Trial run`)).toHaveCount(0);
  await expect(page.getByRole('status')).toContainText(`Deleted “${RUN} Trial run”`);
  const left = await host.rpc<{ id: string }[]>('sessions.list');
  expect(left.map((s) => s.id)).not.toContain(doomed.id);

  // Export again: the CSV downloads with its file name.
  const download = page.waitForEvent('download');
  await row(`${RUN} Cohort Alpha (March)`).getByRole('button', { name: /^CSV/ }).click();
  expect((await download).suggestedFilename()).toMatch(/-votes\.csv$/);
});

test('two sessions of one workshop compare side by side; different workshops are refused', async ({ page, host }) => {
  // Four scenarios on four dimensions, so each room's radar has a shape.
  const tuesday = await seed(host, `${RUN} Tuesday cohort`, { rounds: 4, pick: (group) => group, end: true });
  const thursday = await seed(host, `${RUN} Thursday cohort`, { rounds: 4, pick: () => 1, end: true });
  const copy = await host.rpc<{ id: string }>('workshops.duplicate', { workshopId: 'leader-or-manager' });
  const other = await seed(host, `${RUN} Other workshop`, { workshopId: copy.id });

  await host.open(page, '#/history');
  await page.getByRole('searchbox', { name: 'Search sessions' }).fill(RUN);
  await page.getByRole('checkbox', { name: `${RUN} Tuesday cohort`, exact: true }).check();
  const bar = page.getByRole('group', { name: 'Compare sessions' });
  await expect(bar.getByRole('button', { name: 'Compare' })).toBeDisabled();
  await page.getByRole('checkbox', { name: `${RUN} Other workshop`, exact: true }).check();
  await expect(bar).toContainText('different workshops');
  await expect(bar.getByRole('button', { name: 'Compare' })).toBeDisabled();
  await page.getByRole('checkbox', { name: `${RUN} Other workshop`, exact: true }).uncheck();
  await page.getByRole('checkbox', { name: `${RUN} Thursday cohort`, exact: true }).check();
  await bar.getByRole('button', { name: 'Compare' }).click();

  await expect(page).toHaveURL(new RegExp(`#/compare\\?ids=(${tuesday.id},${thursday.id}|${thursday.id},${tuesday.id})$`));
  await expect(page.getByRole('heading', { name: '2 sessions side by side' })).toBeVisible();
  const sessions = page.getByRole('list', { name: 'Sessions compared' });
  await expect(sessions.getByRole('heading', { name: `${RUN} Tuesday cohort` })).toBeVisible();
  await expect(sessions.getByRole('heading', { name: `${RUN} Thursday cohort` })).toBeVisible();
  // One radar, both sessions on it: one drawn surface, a polygon and a legend entry per session.
  await expect(page.locator('svg.recharts-surface')).toHaveCount(1);
  await expect(page.locator('svg.recharts-surface .recharts-radar')).toHaveCount(2);
  const picture = page.getByRole('region', { name: 'Room profiles' });
  await expect(picture.getByRole('listitem').filter({ hasText: `${RUN} Tuesday cohort` })).toBeVisible();
  await expect(picture.getByRole('listitem').filter({ hasText: `${RUN} Thursday cohort` })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('compare.png'), fullPage: true });
  // The per-dimension table: a column per session; Thursday always chose B on Power (leader-like), Tuesday split.
  const dimensions = page.getByRole('table', { name: /per dimension, one column per session/ });
  await expect(dimensions.getByRole('columnheader', { name: `${RUN} Tuesday cohort` })).toBeVisible();
  await expect(dimensions.getByRole('columnheader', { name: `${RUN} Thursday cohort` })).toBeVisible();
  await expect(dimensions.getByRole('row', { name: /^Power/ })).toContainText('100%');
  // The per-scenario table: the most chosen answer in each session.
  const scenarios = page.getByRole('table', { name: /most chosen answer per session/ });
  await expect(scenarios.getByRole('row')).toHaveCount(1 + scenarioIndexes(tuesday).length);
  await expect(scenarios).toContainText('B · 100%');
  await expect(scenarios).toContainText('no votes');
  // Dimensions neither session voted on are said to be so, not drawn as 0%.
  await expect(dimensions.getByRole('row', { name: /^Risk/ })).toContainText('not covered');
  await expect(picture).toContainText(/No session covered .*Risk/);

  // Sessions of different workshops are refused, clearly.
  await host.open(page, `#/compare?ids=${tuesday.id},${other.id}`);
  await expect(page.getByRole('alert')).toContainText('These sessions are from different workshops');
  await expect(page.locator('svg.recharts-surface')).toHaveCount(0);
});
