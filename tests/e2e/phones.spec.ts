import { devices } from '@playwright/test';
import { expect, scenarioIndexes, test, type SessionLike } from './fixtures';

test.describe('phone voting', () => {
  test('a phone joins by its link, votes, changes its vote and sees the reveal', async ({ browser, host }) => {
    const session = await host.rpc<SessionLike>('sessions.create', { workshopId: 'leader-or-manager', title: 'Phones only', votingMode: 'phones' });
    const [first] = scenarioIndexes(session);
    const question = session.slides[first!]!.question!;
    await host.rpc('sessions.goTo', { sessionId: session.id, slideIndex: first });
    await host.rpc('voting.open', { sessionId: session.id, questionId: question.id });

    const phone = await browser.newContext({ ...devices['Pixel 5'] });
    const page = await phone.newPage();
    // The code is read case-insensitively.
    await page.goto(`${host.origin}/p/${session.joinCode.toLowerCase()}`);
    await expect(page.locator('#status')).toHaveText('Voting is open');
    await expect(page.locator('#prompt')).toHaveText(question.prompt);

    const [optionA, optionB] = question.options;
    await page.locator(`button.option[data-option-id="${optionA!.id}"]`).tap();
    await expect(page.locator('#vote-status')).toHaveText('Vote received');
    await expect(page.locator(`button.option[data-option-id="${optionA!.id}"]`)).toHaveAttribute('aria-pressed', 'true');
    await page.locator(`button.option[data-option-id="${optionB!.id}"]`).tap();
    await expect(page.locator(`button.option[data-option-id="${optionB!.id}"]`)).toHaveAttribute('aria-pressed', 'true');

    // Hidden until the reveal: the phone shows no results, the host has one vote (replaced).
    await expect(page.locator('#results')).toBeHidden();
    // Not revealed: the CSV made without asking holds no choice; asked for, it holds the one (replaced) vote.
    const plain = await host.rpc<{ csv: string }>('reports.csv', { sessionId: session.id });
    expect(plain.csv.trim().split('\r\n')).toHaveLength(1);
    const csv = await host.rpc<{ csv: string }>('reports.csv', { sessionId: session.id, includeUnrevealed: true });
    expect(csv.csv.trim().split('\r\n')).toHaveLength(2);
    expect(csv.csv).toContain(`"${optionB!.id}"`);

    await host.rpc('voting.reveal', { sessionId: session.id, questionId: question.id });
    await expect(page.locator('#status')).toHaveText('Voting is closed');
    // Its vote no longer reads as just received, as if voting were still open.
    await expect(page.locator('#vote-status')).toHaveText('Voting has closed: your answer counts');
    await expect(page.locator('#results')).toBeVisible();
    await expect(page.locator(`#results li[data-option-id="${optionB!.id}"]`)).toContainText('1 vote, 100%');
    await phone.close();
  });

  test('the presenter sees the phone connect and vote', async ({ browser, page, host }) => {
    const session = await host.rpc<SessionLike>('sessions.create', { workshopId: 'leader-or-manager', title: 'Count phones', votingMode: 'phones' });
    const [first] = scenarioIndexes(session);
    const question = session.slides[first!]!.question!;
    await host.rpc('sessions.goTo', { sessionId: session.id, slideIndex: first });
    await host.rpc('voting.open', { sessionId: session.id, questionId: question.id });
    await host.open(page, `#/present/${session.id}`);
    const panel = page.getByRole('region', { name: 'Phones', exact: true });
    await expect(panel).toContainText('0 connected · 0 voted');

    const phone = await browser.newContext({ ...devices['Pixel 5'] });
    const phonePage = await phone.newPage();
    await phonePage.goto(`${host.origin}/p/${session.joinCode}`);
    await expect(panel).toContainText('1 connected · 0 voted');
    await phonePage.locator('button.option').first().tap();
    await expect(phonePage.locator('#vote-status')).toHaveText('Vote received');
    await expect(panel).toContainText('1 connected · 1 voted');
    await phone.close();
    await expect(panel).toContainText('0 connected · 1 voted');
  });

  test('a wrong code shows the join form, and the form leads to the session', async ({ browser, host }) => {
    const session = await host.rpc<SessionLike>('sessions.create', { workshopId: 'leader-or-manager', votingMode: 'phones' });
    const phone = await browser.newContext({ ...devices['Pixel 5'] });
    const page = await phone.newPage();
    await page.goto(`${host.origin}/p/ZZZZZZ`);
    await expect(page.locator('#status')).toHaveText('No running session has that code');
    await page.getByLabel('Join code').fill(session.joinCode.toLowerCase());
    await page.getByRole('button', { name: 'Join' }).tap();
    await expect(page).toHaveURL(new RegExp(`/p/${session.joinCode}$`));
    await expect(page.locator('#status')).toHaveText('Waiting for the next question');
    await phone.close();
  });
});

test('killing the host in the middle of a burst of phone votes loses no acknowledged vote', async ({ host }) => {
  const session = await host.rpc<SessionLike>('sessions.create', { workshopId: 'leader-or-manager', title: 'Burst', votingMode: 'phones', phoneLimit: 1000 });
  const [first] = scenarioIndexes(session);
  const question = session.slides[first!]!.question!;
  await host.rpc('sessions.goTo', { sessionId: session.id, slideIndex: first });
  await host.rpc('voting.open', { sessionId: session.id, questionId: question.id });

  const acknowledged: string[] = [];
  const vote = async (index: number) => {
    const deviceId = `burst-device-${String(index).padStart(4, '0')}`;
    try {
      const response = await fetch(`${host.origin}/api/p/${session.joinCode}/vote`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ deviceId, questionId: question.id, optionId: question.options[index % 2]!.id }),
      });
      if (response.status === 200 && ((await response.json()) as { ok?: boolean }).ok) acknowledged.push(deviceId);
    } catch {
      // The host died under this request: it was never acknowledged.
    }
  };
  const burst = Array.from({ length: 400 }, (_, index) => vote(index));
  // Kill it once some votes are in, while the rest are still in flight.
  await expect.poll(() => acknowledged.length, { timeout: 20_000, intervals: [5] }).toBeGreaterThan(50);
  await host.restart('SIGKILL');
  await Promise.all(burst);
  expect(acknowledged.length).toBeGreaterThan(50);

  // The question is still open, so its votes are in the CSV only when asked for.
  const csv = await host.rpc<{ csv: string }>('reports.csv', { sessionId: session.id, includeUnrevealed: true });
  const stored = new Set(csv.csv.split('\r\n').slice(1).filter(Boolean).map((line) => line.split(',')[1]!.replace(/"/g, '')));
  const lost = acknowledged.filter((deviceId) => !stored.has(deviceId));
  expect(lost).toEqual([]);
});
