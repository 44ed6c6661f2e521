/**
 * Integrity as a facilitator sees it (the presenter's phone admission) and as a
 * service manager sees the host (a signal the moment the ready line appears, a
 * restart right after a SIGKILL). Phones here are fetches from the test, to the
 * host on loopback.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, scenarioIndexes, startHost, test, type SessionLike } from './fixtures';

test.describe('phone admission on the presenter', () => {
  test('shows phones admitted / limit and those turned away; the limit, the address cap and a removal work from the panel', async ({ page, host }) => {
    const session = await host.rpc<SessionLike>('sessions.create', { workshopId: 'leader-or-manager', title: 'Admission', votingMode: 'phones', phoneLimit: 2 });
    const [first] = scenarioIndexes(session);
    const question = session.slides[first!]!.question!;
    await host.rpc('sessions.goTo', { sessionId: session.id, slideIndex: first });
    await host.rpc('voting.open', { sessionId: session.id, questionId: question.id });
    const vote = (deviceId: string) =>
      fetch(`${host.origin}/api/p/${session.joinCode}/vote`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ deviceId, questionId: question.id, optionId: question.options[0]!.id }),
      }).then((res) => res.status);

    await host.open(page, `#/present/${session.id}`);
    const panel = page.getByRole('region', { name: 'Phone admission' });
    await expect(panel.getByTestId('phones-admitted')).toHaveText('0 / 2');
    expect([await vote('phone-one-aaaa'), await vote('phone-two-bbbb'), await vote('phone-three-cc'), await vote('phone-four-ddd')]).toEqual([200, 200, 403, 403]);
    await expect(panel.getByTestId('phones-admitted')).toHaveText('2 / 2');
    await expect(panel.getByTestId('phones-turned-away')).toHaveText('2');

    // Raise the limit by keyboard: the next phone gets in.
    const limit = panel.getByLabel('Limit');
    await limit.fill('3');
    await limit.press('Enter');
    await expect(panel.getByTestId('phones-admitted')).toHaveText('2 / 3');
    expect(await vote('phone-three-cc')).toBe(200);
    await expect(panel.getByTestId('phones-admitted')).toHaveText('3 / 3');

    const cap = panel.getByLabel(/More than 4 phones from one network address/);
    await cap.check();
    await expect(cap).toBeChecked();
    await expect.poll(async () => (await host.rpc<{ phoneAddressCapLifted: boolean }>('sessions.get', { sessionId: session.id })).phoneAddressCapLifted).toBe(true);

    await panel.getByRole('button', { name: 'Show the phones…' }).click();
    const list = page.getByRole('dialog', { name: 'Phones admitted' });
    await expect(list.getByRole('row')).toHaveCount(4);
    await page.screenshot({ path: test.info().outputPath('admission-list.png') });
    await list.getByRole('button', { name: 'Remove phone phone-two-bbbb' }).click();
    await page.getByRole('dialog', { name: 'Remove this phone?' }).getByRole('button', { name: 'Remove the phone' }).click();
    await expect(list.getByRole('row')).toHaveCount(3);
    await list.getByRole('button', { name: 'Close' }).click();
    await expect(panel.getByTestId('phones-admitted')).toHaveText('2 / 3');
    expect(await vote('phone-two-bbbb')).toBe(403);
    await page.screenshot({ path: test.info().outputPath('admission-panel.png') });
  });

  test('the setup form sets the limit, showing the default from the group sizes', async ({ page, host }) => {
    await host.open(page, '#/new/leader-or-manager');
    const sizes = page.getByLabel(/^People in group \d+/);
    await expect(sizes.first()).toBeVisible();
    while ((await sizes.count()) > 2) await page.getByRole('button', { name: 'Remove a group' }).click();
    const field = page.getByLabel('Most phones admitted');
    await expect(field).toHaveAttribute('placeholder', '100');
    await sizes.nth(0).fill('10');
    await sizes.nth(1).fill('10');
    // 20 people and 10 more (a fifth would be 4: at least 10).
    await expect(field).toHaveAttribute('placeholder', '30');
    // The hint explains the 30 (a fifth of 20 is 4, so the floor of 10 more applies), in the quiet type of the form's other hints.
    const hint = page.locator('#phone-limit-hint');
    await expect(hint).toContainText('Empty: 30 (the groups’ sizes and a fifth more, at least 10 more)');
    await expect(hint).toHaveCSS('font-weight', '400');
    await field.fill('25');
    await page.getByRole('button', { name: 'Start the session' }).click();
    await expect(page).toHaveURL(/#\/present\//);
    const sessionId = decodeURIComponent(page.url().split('#/present/')[1]!);
    expect((await host.rpc<{ phoneLimit: number }>('sessions.get', { sessionId })).phoneLimit).toBe(25);
  });
});

test.describe('the serve command and its folder lock', () => {
  const spawnHost = (dataDir: string): ChildProcess =>
    spawn(process.execPath, ['out/main/serve.js', '--port', '0', '--data', dataDir, '--token', 'integrity-token'], { stdio: ['ignore', 'pipe', 'pipe'] });

  test('a SIGTERM sent the moment the ready line appears is handled: exit 0, every time of 10', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'plenary-sigterm-'));
    try {
      for (let run = 0; run < 10; run++) {
        const child = spawnHost(dataDir);
        const code = await new Promise<number | null>((resolve) => {
          let output = '';
          child.stdout!.on('data', (chunk: Buffer) => {
            output += chunk.toString();
            if (output.includes('Plenary is ready:')) child.kill('SIGTERM');
          });
          child.on('exit', (exitCode) => resolve(exitCode));
        });
        expect(code, `run ${run}`).toBe(0);
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  test('a host starts 0.5 s after the last one was killed with SIGKILL on the same folder', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'plenary-restart-'));
    try {
      const { child } = await startHost(dataDir, 'integrity-token');
      child.kill('SIGKILL');
      await new Promise((resolve) => setTimeout(resolve, 500));
      const next = await startHost(dataDir, 'integrity-token');
      const exited = new Promise<number | null>((resolve) => next.child.once('exit', (code) => resolve(code)));
      next.child.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
