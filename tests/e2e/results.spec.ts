/**
 * The results view, as issue 5 checks it: a seeded session's charts (recharts
 * surfaces), tables with the same numbers the host reports, a friendly empty
 * state, and screenshots at projector and laptop sizes.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, scenarioIndexes, test, type Host, type SessionLike } from './fixtures';

interface QuestionResult {
  questionId: string;
  prompt: string;
  revealed: boolean;
  totals: Record<string, number>;
  voteCount: number;
}

const GROUPS = ['Red table', 'Blue table', 'Green table', 'Gold table'];
/** Which option each group picks, round by round (modulo the options a scenario has). */
const CHOICES = [
  [0, 0, 0, 1],
  [0, 1, 2, 0],
  [1, 1, 0, 1],
  [0, 1, 0, 1],
  [1, 0, 1, 1],
];

/**
 * Five scenarios voted by four groups, each with its own spread (so some divide
 * the room and some agree); the last one stays hidden.
 */
async function seedSession(host: Host): Promise<{ session: SessionLike; hidden: string }> {
  const session = await host.rpc<SessionLike>('sessions.create', { workshopId: 'leader-or-manager', title: 'Results check', groups: GROUPS, votingMode: 'groups' });
  const scenarios = scenarioIndexes(session).slice(0, 5);
  for (const [round, index] of scenarios.entries()) {
    const question = session.slides[index]!.question!;
    await host.rpc('sessions.goTo', { sessionId: session.id, slideIndex: index });
    await host.rpc('voting.open', { sessionId: session.id, questionId: question.id });
    for (const [groupIndex, group] of session.groups.entries()) {
      const option = question.options[CHOICES[round]![groupIndex]! % question.options.length]!;
      await host.rpc('voting.cast', { sessionId: session.id, questionId: question.id, voterId: group.id, optionId: option.id });
    }
    if (round < scenarios.length - 1) await host.rpc('voting.reveal', { sessionId: session.id, questionId: question.id });
  }
  return { session, hidden: session.slides[scenarios.at(-1)!]!.question!.id };
}

/** Opens a chart's table with its "Show table" control, as a person would, and reads its body rows. */
async function openTable(scope: Locator, caption: string): Promise<string[][]> {
  const details = scope.locator('details', { has: scope.page().getByText('Show table') }).first();
  await details.locator('summary').click();
  const table = scope.getByRole('table', { name: caption });
  await expect(table).toBeVisible();
  return table.locator('tbody tr').evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent?.trim() ?? '')));
}

const percent = (part: number, whole: number) => `${Math.round((part / whole) * 100)}%`;

async function screenshot(page: Page, name: string) {
  const path = test.info().outputPath(`${name}.png`);
  await page.screenshot({ path });
  await test.info().attach(name, { path, contentType: 'image/png' });
}

test('from the presenter, Results draws the charts, and every table holds the numbers the host reports', async ({ page, host }) => {
  const { session, hidden } = await seedSession(host);
  const results = await host.rpc<{ questions: QuestionResult[] }>('results.get', { sessionId: session.id });
  const revealed = results.questions.filter((question) => question.revealed);
  expect(revealed).toHaveLength(4);

  await page.setViewportSize({ width: 1280, height: 720 });
  await host.open(page, `#/present/${session.id}`);
  await page.getByRole('button', { name: 'Results' }).click();
  await expect(page).toHaveURL(new RegExp(`#/results/${session.id}$`));
  await expect(page.getByRole('heading', { level: 1, name: 'Results check' })).toBeVisible();
  await expect(page.getByText('4 of 15 scenarios revealed')).toBeVisible();
  await expect(page.getByText('16 votes counted')).toBeVisible();

  // The radar, the two group charts and the consensus ranking are drawn at once.
  const room = page.getByRole('region', { name: 'Room profile' });
  const groups = page.getByRole('region', { name: 'Group profiles' });
  const consensus = page.getByRole('region', { name: 'Consensus ranking: what divides the room' });
  await expect(room.locator('svg.recharts-surface')).toHaveCount(1);
  await expect(groups.locator('svg.recharts-surface')).toHaveCount(2);
  await expect(consensus.locator('svg.recharts-surface')).toHaveCount(1);
  // No hand was counted in this session: the group profiles do not talk about hand counts.
  await expect(groups).not.toContainText('Hand counts');
  await screenshot(page, 'results-1280x720');

  // Consensus: each revealed scenario once, most divided first, with the share of its top answer.
  const ranking = await openTable(consensus, 'Scenarios from most divided to most agreed');
  const expectedShares = revealed.map((question) => {
    const counts = Object.values(question.totals);
    return percent(Math.max(...counts), question.voteCount);
  });
  expect(ranking).toHaveLength(4);
  expect(ranking.map((row) => row[4]).sort()).toEqual([...expectedShares].sort());
  const rankedShares = ranking.map((row) => Number.parseInt(row[4]!, 10));
  expect(rankedShares).toEqual([...rankedShares].sort((a, b) => a - b));

  // Groups: every group voted on each of the four revealed scenarios.
  const lean = await openTable(groups.locator('figure').first(), 'Lean per group: (leader − manager) ÷ (leader + manager) votes');
  expect(lean.map((row) => row[0])).toEqual(GROUPS);
  for (const row of lean) expect(Number(row[1]) + Number(row[2]) + Number(row[3])).toBe(4);

  // Each scenario: its chart is drawn when scrolled to, and its table matches the host's totals.
  const scenarios = page.getByRole('region', { name: 'Each scenario' });
  for (const question of revealed) {
    const article = scenarios.getByRole('article', { name: question.prompt });
    await article.scrollIntoViewIfNeeded();
    await expect(article.locator('svg.recharts-surface')).toHaveCount(1);
    await expect(article).toContainText(`${question.voteCount} votes`);
    const rows = await openTable(article, 'Votes per option');
    const counts = rows.filter((row) => row[0] !== 'Total').map((row) => Number(row[2]));
    expect(counts).toEqual(Object.values(question.totals));
    for (const row of rows.filter((r) => r[0] !== 'Total')) expect(row[3]).toBe(percent(Number(row[2]), question.voteCount));
  }
  // The hidden scenario shows nothing of its votes.
  const hiddenPrompt = results.questions.find((question) => question.questionId === hidden)!.prompt;
  await expect(scenarios.getByRole('article', { name: hiddenPrompt })).toHaveCount(0);
  await expect(scenarios).toContainText('11 scenarios are not revealed yet');

  // From the back of the room: the chart labels as drawn on screen (the page grows on a
  // projector-sized screen), and the charts fit their boxes.
  const smallestLabel = () =>
    page.locator('svg.recharts-surface').evaluateAll((svgs) =>
      Math.min(
        ...svgs.flatMap((svg) => {
          const scale = svg.getBoundingClientRect().width / Number(svg.getAttribute('width'));
          return [...svg.querySelectorAll('text')].map((text) => Number.parseFloat(getComputedStyle(text).fontSize) * scale);
        }),
      ),
    );
  const chartsFit = () =>
    page.locator('[role="img"]:has(svg.recharts-surface)').evaluateAll((plots) =>
      plots.every((plot) => plot.querySelector('svg')!.getBoundingClientRect().width <= plot.getBoundingClientRect().width + 1),
    );
  await page.evaluate(() => window.scrollTo(0, 0));
  expect(await smallestLabel()).toBeGreaterThanOrEqual(14);
  expect(await chartsFit()).toBe(true);
  await page.setViewportSize({ width: 1920, height: 1080 });
  await expect(room.locator('svg.recharts-surface')).toBeVisible();
  await expect.poll(smallestLabel).toBeGreaterThanOrEqual(18);
  await expect.poll(chartsFit).toBe(true);
  await screenshot(page, 'results-1920x1080');
});

test('a session with nothing revealed shows a friendly empty state, then its charts the moment a vote is revealed', async ({ page, host }) => {
  const session = await host.rpc<SessionLike>('sessions.create', { workshopId: 'leader-or-manager', title: 'Nothing yet', groups: ['North', 'South'], votingMode: 'groups' });
  await host.open(page, `#/results/${session.id}`);
  await expect(page.getByRole('heading', { name: 'No results yet' })).toBeVisible();
  await expect(page.getByText(/Reveal a vote in the presenter view and it appears here/)).toBeVisible();
  await expect(page.getByRole('link', { name: 'Go to the presenter view' })).toHaveAttribute('href', `#/present/${session.id}`);
  await expect(page.locator('svg.recharts-surface')).toHaveCount(0);
  await screenshot(page, 'results-empty');

  // Revealed in the presenter (here over the RPC): the open results page follows.
  const index = scenarioIndexes(session)[0]!;
  const question = session.slides[index]!.question!;
  await host.rpc('sessions.goTo', { sessionId: session.id, slideIndex: index });
  await host.rpc('voting.open', { sessionId: session.id, questionId: question.id });
  for (const group of session.groups) await host.rpc('voting.cast', { sessionId: session.id, questionId: question.id, voterId: group.id, optionId: question.options[0]!.id });
  await host.rpc('voting.reveal', { sessionId: session.id, questionId: question.id });
  await expect(page.getByRole('heading', { name: 'No results yet' })).toHaveCount(0);
  await expect(page.getByText('2 votes counted')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Consensus ranking: what divides the room' }).locator('svg.recharts-surface')).toHaveCount(1);
});
