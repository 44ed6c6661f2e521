/**
 * The learning loop's commitments and each person's own profile, as people see
 * them: two phones (two browser contexts) vote on scenarios and write commitments;
 * each phone's "My profile" shows its own figures and not the other's; the
 * projector shows themes by contrast, no names; the report's PDF lists every
 * commitment under its contrast's name.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { devices, type Page } from '@playwright/test';
import { expect, scenarioIndexes, test, type SessionLike } from './fixtures';

interface SessionView extends SessionLike {
  dimensions: { id: string; name: string }[];
}

const flat = (text: string) => text.replace(/-\s*\n\s*/g, '-').replace(/\s+/g, ' ').trim();
const SHOTS = process.env.PLENARY_SHOTS ?? '';

let workDir: string;
test.beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'plenary-loop-'));
});
test.afterAll(async () => {
  await rm(workDir, { recursive: true, force: true });
});

async function shot(page: Page, name: string): Promise<void> {
  if (SHOTS) await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

test('two phones: each profile shows its own figures only; commitments reach the projector as themes and the report under their contrasts', async ({ browser, page, host }) => {
  test.setTimeout(120_000);
  const session = await host.rpc<SessionView>('sessions.create', { workshopId: 'leader-or-manager', title: 'Loop room', votingMode: 'phones' });
  const phones = await Promise.all([browser.newContext({ ...devices['Pixel 5'] }), browser.newContext({ ...devices['Pixel 5'] })]);
  const [alice, bob] = await Promise.all(phones.map((context) => context.newPage()));
  for (const phone of [alice!, bob!]) await phone.goto(`${host.origin}/p/${session.joinCode}`);

  // Three scenarios: Alice picks the leader-like answer each time, Bob the manager-like one.
  for (const index of scenarioIndexes(session).slice(0, 3)) {
    const question = session.slides[index]!.question!;
    await host.rpc('sessions.goTo', { sessionId: session.id, slideIndex: index });
    await host.rpc('voting.open', { sessionId: session.id, questionId: question.id });
    for (const [phone, style] of [
      [alice!, 'leader'],
      [bob!, 'manager'],
    ] as const) {
      const option = question.options.find((o) => o.style === style)!;
      await phone.locator(`button[data-option-id="${option.id}"]`).click();
      await expect(phone.locator('#vote-status')).toHaveText(/Vote received/);
    }
    await host.rpc('voting.reveal', { sessionId: session.id, questionId: question.id });
    await expect(alice!.locator('#results')).toBeVisible();
  }

  // Commitments: the phone picks the contrast from the workshop's by name.
  const commitIndex = session.slides.findIndex((slide) => slide.kind === 'commitments');
  const commitQuestion = session.slides[commitIndex]!.question!;
  await host.rpc('sessions.goTo', { sessionId: session.id, slideIndex: commitIndex });
  await host.rpc('voting.open', { sessionId: session.id, questionId: commitQuestion.id });
  const power = session.dimensions.find((d) => d.id === 'power')!;
  const risk = session.dimensions.find((d) => d.id === 'risk')!;
  const written = [
    [alice!, 'I will let Sam chair the Monday meeting', power],
    [alice!, 'I will try one small pilot before the big plan', risk],
    [bob!, 'I will ask the team before I decide', power],
  ] as const;
  for (const [phone, text, dimension] of written) {
    await phone.getByLabel('What will you do?').fill(text);
    await phone.getByLabel('Which contrast is it about?').selectOption({ label: dimension.name });
    await phone.getByRole('button', { name: 'Add my commitment' }).click();
    await expect(phone.locator('#my-commitments')).toContainText(text);
  }
  await shot(alice!, 'phone-commitments');

  // The text file and the calendar reminder, from the phone's own list.
  const [textDownload] = await Promise.all([alice!.waitForEvent('download'), alice!.getByRole('button', { name: 'Save my commitments as a text file' }).click()]);
  const textFile = await readFile((await textDownload.path())!, 'utf8');
  expect(textFile).toContain(power.name);
  expect(textFile).toContain('I will let Sam chair the Monday meeting');
  expect(textFile).not.toContain('I will ask the team before I decide');
  const [icsDownload] = await Promise.all([alice!.waitForEvent('download'), alice!.getByRole('button', { name: /Add a reminder to my calendar/ }).click()]);
  expect(icsDownload.suggestedFilename()).toMatch(/\.ics$/);
  const ics = (await readFile((await icsDownload.path())!, 'utf8')).replace(/\r\n /g, '');
  expect(ics).toContain('BEGIN:VEVENT');
  expect(ics).toContain('I will try one small pilot before the big plan');

  // The projector: counts while writing, themes and words once revealed, and no name.
  await host.rpc('voting.close', { sessionId: session.id, questionId: commitQuestion.id });
  await host.rpc('voting.reveal', { sessionId: session.id, questionId: commitQuestion.id });
  await host.open(page, `#/audience/${session.id}`);
  const themes = page.getByRole('list', { name: 'Themes' });
  await expect(themes).toContainText(`${power.name} 2`);
  await expect(themes).toContainText('I will ask the team before I decide');
  await shot(page, 'projector-commitments');

  // Each phone's own profile: its own figures, never the other's.
  for (const phone of [alice!, bob!]) await phone.getByRole('button', { name: 'My profile' }).click();
  await expect(alice!.locator('#profile-summary')).toHaveText('You leaned leader on 3 of 3 scenarios; the room on 0.');
  await expect(bob!.locator('#profile-summary')).toHaveText('You leaned leader on 0 of 3 scenarios; the room on 0.');
  await expect(bob!.locator('#mine')).not.toContainText('3 of 3');
  await expect(alice!.locator('#mine')).toContainText('I will let Sam chair the Monday meeting');
  await expect(bob!.locator('#mine')).not.toContainText('I will let Sam chair the Monday meeting');
  await shot(alice!, 'phone-profile');

  // The report's PDF: every commitment under its contrast's name.
  await host.open(page, `#/report/${session.id}`);
  await page.waitForFunction(() => document.body.dataset.reportReady === 'true');
  await page.emulateMedia({ media: 'print' });
  const pdfPath = join(workDir, 'report.pdf');
  await writeFile(pdfPath, await page.pdf({ format: 'A4', printBackground: true }));
  const text = flat(execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' }));
  // The report opens with the story: its commitments part (counts by contrast, no words) comes before the full section.
  const brief = text.indexOf('The session in brief');
  const briefCommitments = text.indexOf('Commitments: what people will do');
  expect(brief).toBeGreaterThan(-1);
  expect(briefCommitments).toBeGreaterThan(brief);
  expect(briefCommitments).toBeLessThan(text.indexOf('What the room will do'));
  expect(text.slice(briefCommitments, text.indexOf('What the room will do'))).not.toContain('I will ask the team before I decide');
  const section = text.slice(text.indexOf('What the room will do'));
  expect(section).toContain(`${power.name} (2) I will ask the team before I decide I will let Sam chair the Monday meeting`);
  expect(section).toContain(`${risk.name} (1) I will try one small pilot before the big plan`);
  await Promise.all(phones.map((context) => context.close()));
});

test('the phone page stays small: its scripts and styles under 60 KB gzipped', async ({ host }) => {
  const { gzipSync } = await import('node:zlib');
  const html = await (await fetch(`${host.origin}/p/`)).text();
  const assets = [...html.matchAll(/(?:src|href)="(?:\.\/|\/)?(assets\/[^"]+\.(?:js|css))"/g)].map((match) => match[1]!);
  expect(assets.length).toBeGreaterThan(0);
  let gzipped = 0;
  for (const asset of assets) gzipped += gzipSync(Buffer.from(await (await fetch(`${host.origin}/${asset}`)).arrayBuffer())).length;
  expect(gzipped).toBeLessThan(60 * 1024);
});
