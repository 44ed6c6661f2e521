/**
 * The follow-up pack in a browser (issue 17): from History, a session's follow-up
 * page makes the pulse and shows the printable one-page sheet (short code, QR code,
 * the statements); phones answer the pulse over the participant protocol; the
 * session's Results and the cohort comparison show "Weeks later" as a third point
 * in time; the pulse file exported and imported again counts once; a broken file
 * gets a clear message.
 *
 * Its own host, bound to every address, so the pulse has join addresses (a host
 * on loopback alone reaches no phone, and its sheet rightly has no QR code).
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { expect, startHost, test } from './fixtures';

const TOKEN = 'e2e-follow-up-token';
let child: ChildProcess;
let origin: string;
let dataDir: string;

async function rpc<T = unknown>(command: string, input: unknown = {}): Promise<T> {
  const res = await fetch(`${origin}/api/rpc/${command}`, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' }, body: JSON.stringify(input) });
  const body = (await res.json()) as T;
  if (res.status !== 200) throw new Error(`${command} answered ${res.status}: ${JSON.stringify(body)}`);
  return body;
}

interface SelfCheckSlide {
  kind: string;
  question: { id: string; phase: 'before' | 'after'; statements: { dimension: string; statement: string }[] };
}
interface SessionLike {
  id: string;
  slides: SelfCheckSlide[];
  groups: { id: string }[];
}
interface RatingFigure {
  n: number;
  mean: number | null;
}
interface Figures {
  followUp: { respondents: number; pulses: number } | null;
  dimensions: { dimensionId: string; followUp: RatingFigure | null }[];
}

/** A session of the built-in workshop whose three groups rate themselves before and after, then ended. */
async function ranSession(title: string): Promise<SessionLike> {
  const session = await rpc<SessionLike>('sessions.create', { workshopId: 'leader-or-manager', title, votingMode: 'groups', groups: ['Red', 'Blue', 'Green'] });
  for (const slide of session.slides.filter((s) => s.kind === 'selfCheck')) {
    const { id, phase, statements } = slide.question;
    await rpc('voting.open', { sessionId: session.id, questionId: id });
    for (const [g, group] of session.groups.entries()) {
      const now = statements.map((s) => ({ itemId: `${id}--${s.dimension}`, value: phase === 'before' ? 2 : 4 - (g % 2) }));
      const then = phase === 'after' ? statements.map((s) => ({ itemId: `${id}--then--${s.dimension}`, value: 1 })) : [];
      await rpc('voting.castSelfCheck', { sessionId: session.id, selfCheckId: id, voterId: group.id, ratings: [...now, ...then] });
    }
    await rpc('voting.reveal', { sessionId: session.id, questionId: id });
  }
  await rpc('sessions.end', { sessionId: session.id });
  return session;
}

/** A scripted phone rating every statement of the pulse, waiting out "slow down" as a person would. */
async function pulsePhone(code: string, deviceId: string, itemIds: string[], value: number) {
  for (const questionId of itemIds) {
    for (;;) {
      const response = await fetch(`${origin}/api/p/${code}/vote`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ deviceId, questionId, value }) });
      await response.arrayBuffer();
      if (response.status === 200) break;
      if (response.status !== 429) throw new Error(`rating ${questionId} answered ${response.status}`);
      await new Promise((resolve) => setTimeout(resolve, 1100));
    }
  }
}

test.beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'plenary-e2e-followup-'));
  ({ child, origin } = await startHost(dataDir, TOKEN, 0, ['--host', '0.0.0.0']));
  origin = origin.replace(/\/\/[^:/]+:/, '//127.0.0.1:');
});

test.afterAll(async () => {
  // The host flushes and exits on SIGTERM: its folder can go only once it has.
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
  await rm(dataDir, { recursive: true, force: true, maxRetries: 3 });
});

test('from History, a pulse weeks later: the sheet, phones answering, and the third point in Results and Compare', async ({ page }) => {
  test.setTimeout(180_000);
  const session = await ranSession('Spring cohort');
  const other = await ranSession('Autumn cohort');

  await page.goto(`${origin}/?token=${TOKEN}#/history`);
  const row = page.getByRole('row').filter({ hasText: 'Spring cohort' }).first();
  await row.getByRole('link', { name: /^Follow-up/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Spring cohort' })).toBeVisible();
  await page.getByRole('button', { name: 'Make the pulse' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Taking answers' })).toContainText('0 people have answered');

  // The sheet: the code large, a QR code of the address phones open, the twelve statements.
  const status = await rpc<{ pulse: { joinCode: string; sessionId: string; joinUrls: string[] }; statements: { statement: string }[] }>('pulses.get', { sessionId: session.id });
  const code = status.pulse.joinCode;
  expect(status.pulse.joinUrls.length).toBeGreaterThan(0);
  await expect(page.getByTestId('follow-up-code')).toHaveText(code);
  await expect(page.getByRole('img', { name: `QR code for ${status.pulse.joinUrls[0]}` })).toBeVisible();
  const listed = page.getByRole('region', { name: 'The 12 statements' }).getByRole('listitem');
  await expect(listed).toHaveCount(12);
  for (const [index, { statement }] of status.statements.entries()) await expect(listed.nth(index)).toContainText(statement);
  await page.screenshot({ path: test.info().outputPath('follow-up-page.png'), fullPage: true });

  // Printed, the sheet is one page with the code and the statements.
  await page.emulateMedia({ media: 'print' });
  const pdfPath = test.info().outputPath('follow-up-sheet.pdf');
  await page.pdf({ path: pdfPath, preferCSSPageSize: true, printBackground: true });
  await page.emulateMedia({ media: 'screen' });
  expect(execFileSync('pdfinfo', [pdfPath]).toString()).toMatch(/Pages:\s+1\n/);
  const sheetText = execFileSync('pdftotext', ['-layout', pdfPath, '-']).toString().replace(/\s+/g, ' ');
  expect(sheetText).toContain(code);
  expect(sheetText).toContain(status.statements[0]!.statement.slice(0, 30));

  // Four phones answer the pulse by its code, as they would weeks later.
  const state = (await (await fetch(`${origin}/api/p/${code}`)).json()) as { question: { items: { id: string }[] } };
  const itemIds = state.question.items.map((item) => item.id);
  expect(itemIds).toHaveLength(12);
  const values = [5, 4, 4, 3];
  for (const [index, value] of values.entries()) await pulsePhone(code, `pulse-phone-${index}`, itemIds, value);
  await expect(page.getByRole('status').filter({ hasText: 'Taking answers' })).toContainText('4 people have answered');

  // The session's own figures now have a third point in time: the test's own arithmetic.
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const results = await rpc<{ selfCheck: Figures }>('results.get', { sessionId: session.id });
  expect(results.selfCheck.followUp).toMatchObject({ pulses: 1, respondents: 4 });
  for (const line of results.selfCheck.dimensions) expect(line.followUp).toMatchObject({ n: 4, mean });
  await page.goto(`${origin}/?token=${TOKEN}#/results/${session.id}`);
  const table = page.getByTestId('self-check-table').first();
  await expect(table.getByRole('columnheader', { name: /^Weeks later$/ })).toBeAttached();

  // Compare: the two cohorts side by side, the pulse as a third point for the one that has it.
  await page.goto(`${origin}/?token=${TOKEN}#/compare?ids=${session.id},${other.id}`);
  await expect(page.getByText(/Weeks later/).first()).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('compare-follow-up.png'), fullPage: true });

  // Export the pulse file, then import it into the same session: it counts once.
  await page.goto(`${origin}/?token=${TOKEN}#/followup/${session.id}`);
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export the pulse file' }).click();
  const download = await downloading;
  const filePath = test.info().outputPath('pulse.json');
  await download.saveAs(filePath);
  const file = JSON.parse(await readFile(filePath, 'utf8')) as { format: string; followUpOf: string };
  expect(file).toMatchObject({ format: 'plenary-pulse', followUpOf: session.id });
  // Totals only: no device id of the phones that answered.
  expect(await readFile(filePath, 'utf8')).not.toContain('pulse-phone-');
  await page.getByLabel('Pulse file to import').setInputFiles(filePath);
  await expect(page.getByRole('table', { name: 'Pulses imported from files' })).toBeVisible();
  const again = await rpc<{ selfCheck: Figures }>('results.get', { sessionId: session.id });
  expect(again.selfCheck.followUp).toMatchObject({ pulses: 1, respondents: 4 });

  // The same file into the other cohort is refused, and a broken file too, each with a clear message; nothing changes.
  await page.goto(`${origin}/?token=${TOKEN}#/followup/${other.id}`);
  await page.getByLabel('Pulse file to import').setInputFiles(filePath);
  await expect(page.getByRole('alert')).toContainText('This pulse follows up "Spring cohort", not this session.');
  const broken = test.info().outputPath('broken.json');
  await writeFile(broken, '{"format": "plenary-pulse", ');
  await page.getByLabel('Pulse file to import').setInputFiles(broken);
  await expect(page.getByRole('alert')).not.toHaveText('');
  const untouched = await rpc<{ selfCheck: Figures }>('results.get', { sessionId: other.id });
  expect(untouched.selfCheck.followUp).toBeNull();
});
