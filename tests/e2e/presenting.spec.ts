import { expect, scenarioIndexes, test, type SessionLike } from './fixtures';

interface SessionView extends SessionLike {
  questions: Record<string, { status: string; revealed: boolean; voterIds: string[]; totals: Record<string, number> | null }>;
  notes: Record<string, string>;
}

test('a four-group session runs by keyboard and clicks; the audience follows; votes stay hidden until the reveal; a killed host resumes', async ({
  page,
  context,
  host,
}) => {
  const session = await host.rpc<SessionView>('sessions.create', {
    workshopId: 'leader-or-manager',
    title: 'Keyboard run',
    groups: ['Red', 'Blue', 'Green', 'Gold'],
  });
  const [first, second] = scenarioIndexes(session);
  if (first === undefined || second === undefined) throw new Error('the built-in workshop has fewer than two scenarios');

  await host.open(page, `#/present/${session.id}`);
  const audience = await context.newPage();
  await host.open(audience, `#/audience/${session.id}`);
  const presenterSlide = page.getByRole('region', { name: 'Current slide' });
  await expect(presenterSlide).toBeVisible();
  // The cockpit shows the projector's copy of the slide too: the facilitator's own words are in the Voting panel.
  const voting = page.getByRole('region', { name: 'Voting' });

  // Watch what the audience's event stream carries: choices must not be in it before the reveal.
  const frames: string[] = [];
  await audience.exposeFunction('recordFrame', (text: string) => frames.push(text));
  await audience.evaluate((token) => {
    const source = new EventSource(`/api/events?token=${token}`);
    for (const name of ['vote.cast', 'voting.opened', 'voting.closed', 'voting.revealed', 'slide.changed']) {
      source.addEventListener(name, (event) => (globalThis as unknown as { recordFrame: (t: string) => void }).recordFrame((event as unknown as { data: string }).data));
    }
  }, host.token);

  // Walk to the first scenario by keyboard: Right, Space and PageDown all move on.
  const keys = ['ArrowRight', ' ', 'PageDown'];
  for (let index = 0; index < first; index++) {
    await page.keyboard.press(keys[index % keys.length]!);
    await expect(page.getByText(`${index + 2} / ${session.slides.length}`, { exact: true }).first()).toBeVisible();
  }
  const firstQuestion = session.slides[first]!.question!;
  const audienceSlide = audience.getByRole('region', { name: 'Slide' });
  await expect(audienceSlide).toHaveAttribute('data-slide-kind', 'scenario');

  // V opens voting; groups vote by number then letter; group 2 changes its mind.
  await page.keyboard.press('v');
  await expect(voting.getByText('Voting is open', { exact: true })).toBeVisible();
  await expect(audience.getByText('Voting is open')).toBeVisible();
  await page.keyboard.press('1');
  await page.keyboard.press('a');
  await page.keyboard.press('2');
  await page.keyboard.press('b');
  await page.keyboard.press('2');
  await page.keyboard.press('a');
  // Group 3 votes by tapping its tile on the projector, as on a touch screen.
  await audience.getByRole('button', { name: /^3\. Green\s+(✓ )?waiting$/i }).click();
  await audience.getByRole('button', { name: /^Green votes B:/ }).click();
  await expect(audience.getByRole('button', { name: /^3\. Green\s+(✓ )?voted$/i })).toBeVisible();
  await expect(audience.getByRole('button', { name: /^1\. Red\s+(✓ )?voted$/i })).toBeVisible();
  await expect(audience.getByRole('button', { name: /^4\. Gold\s+(✓ )?waiting$/i })).toBeVisible();
  await expect(voting.getByText('3 votes · 3 of 4 groups')).toBeVisible();

  // Nothing the audience received names an option before the reveal.
  const optionIds = firstQuestion.options.map((option) => option.id);
  const hidden = await host.rpc<SessionView>('sessions.get', { sessionId: session.id });
  expect(hidden.questions[firstQuestion.id]!.totals).toBeNull();
  expect(JSON.stringify(hidden.questions)).not.toMatch(/"optionId"/);
  for (const frame of frames) expect(JSON.parse(frame).question?.totals ?? null).toBeNull();

  // U takes back the last vote (Green's), then Green votes again by keyboard.
  await page.keyboard.press('u');
  await expect(audience.getByRole('button', { name: /^3\. Green\s+(✓ )?waiting$/i })).toBeVisible();
  await page.keyboard.press('3');
  await page.keyboard.press('b');
  await expect(voting.getByText('3 votes · 3 of 4 groups')).toBeVisible();

  // R reveals: the totals match the votes (Red A, Blue A, Green B).
  await page.keyboard.press('r');
  const results = audience.getByRole('list', { name: 'Results' });
  await expect(results).toContainText(`${firstQuestion.options[0]!.label}2 votes · 67%`);
  await expect(results).toContainText(`${firstQuestion.options[1]!.label}1 vote · 33%`);
  const revealed = await host.rpc<{ questions: { questionId: string; totals: Record<string, number> }[] }>('results.get', { sessionId: session.id });
  expect(revealed.questions.find((q) => q.questionId === firstQuestion.id)!.totals).toEqual({ [optionIds[0]!]: 2, [optionIds[1]!]: 1 });

  // On to the second scenario by clicks; a note for the report; voting left open.
  for (let index = first; index < second; index++) await page.getByRole('button', { name: 'Next slide' }).click();
  await expect(page.getByText(`${second + 1} / ${session.slides.length}`, { exact: true }).first()).toBeVisible();
  await page.getByRole('button', { name: /^Open voting/ }).click();
  await page.getByRole('button', { name: /^4\. Gold\s+(✓ )?waiting$/i }).click();
  await page.getByRole('button', { name: /^Gold votes A:/ }).click();
  await expect(page.getByRole('button', { name: /^4\. Gold\s+(✓ )?voted$/i })).toBeVisible();
  await page.getByLabel('Your notes for this slide').fill('Gold argued for the plan.');
  await page.getByLabel('Your notes for this slide').blur();
  await expect.poll(async () => (await host.rpc<SessionView>('sessions.get', { sessionId: session.id })).notes[session.slides[second]!.id]).toBe('Gold argued for the plan.');

  // B blacks out the projector and brings it back.
  await page.keyboard.press('b');
  await expect(audience.getByRole('img', { name: 'The screen is blacked out' })).toBeVisible();
  await page.keyboard.press('b');
  await expect(audienceSlide).toBeVisible();

  // The host dies mid-session (SIGKILL) and starts again: everything is where it stood.
  await host.restart('SIGKILL');
  const resumed = await host.rpc<SessionView>('sessions.get', { sessionId: session.id });
  const secondQuestion = session.slides[second]!.question!;
  expect(resumed.slideIndex).toBe(second);
  expect(resumed.questions[secondQuestion.id]!.status).toBe('open');
  expect(resumed.questions[secondQuestion.id]!.voterIds).toEqual(['g4']);
  expect(resumed.questions[firstQuestion.id]!.revealed).toBe(true);
  expect(resumed.notes[session.slides[second]!.id]).toBe('Gold argued for the plan.');
  await host.open(page, `#/present/${session.id}`);
  await expect(page.getByText(`${second + 1} / ${session.slides.length}`, { exact: true }).first()).toBeVisible();
  await expect(page.getByRole('button', { name: /^4\. Gold\s+(✓ )?voted$/i })).toBeVisible();
  await expect(page.getByLabel('Your notes for this slide')).toHaveValue('Gold argued for the plan.');
});

test('the help overlay lists the keys, and hand counts add up', async ({ page, host }) => {
  const session = await host.rpc<SessionView>('sessions.create', { workshopId: 'leader-or-manager', title: 'Hands', votingMode: 'hands', groups: ['A', 'B'] });
  const [first] = scenarioIndexes(session);
  await host.rpc('sessions.goTo', { sessionId: session.id, slideIndex: first });
  await host.open(page, `#/present/${session.id}`);
  await expect(page.getByRole('region', { name: 'Current slide' })).toBeVisible();
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toContainText('Reveal the votes');
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();

  const question = session.slides[first!]!.question!;
  await page.getByRole('button', { name: 'One more for A' }).click();
  await page.getByRole('button', { name: 'One more for A' }).click();
  await page.getByLabel(/^Hands for B/).fill('5');
  await expect(page.getByRole('region', { name: 'Voting' }).getByText('7 votes')).toBeVisible();
  // Keys typed into a field stay in the field; once out of it, R reveals.
  await page.getByLabel(/^Hands for B/).blur();
  await page.keyboard.press('r');
  await expect(page.getByRole('list', { name: 'Results' })).toContainText('5 votes · 71%');
  const results = await host.rpc<{ questions: { questionId: string; totals: Record<string, number> }[] }>('results.get', { sessionId: session.id });
  expect(results.questions.find((q) => q.questionId === question.id)!.totals).toEqual({ [question.options[0]!.id]: 2, [question.options[1]!.id]: 5 });
});

test('an ended session opens in the presenter with its clock stopped: how long it ran, no countdown', async ({ page, host }) => {
  const session = await host.rpc<SessionView>('sessions.create', { workshopId: 'leader-or-manager', title: 'Finished' });
  await host.rpc('sessions.end', { sessionId: session.id });
  await host.open(page, `#/present/${session.id}`);
  await expect(page.getByText('This session has ended. Its results and report stay available.')).toBeVisible();
  const clock = page.getByLabel('Clock');
  await expect(clock).toContainText(/^Ran for \d/);
  await expect(clock).not.toContainText('left');
  const shown = await clock.textContent();
  await page.waitForTimeout(1100);
  await expect(clock).toHaveText(shown!);
});
