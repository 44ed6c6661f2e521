/**
 * The report, as the issue checks it: a seeded session's report route printed with
 * Chromium's `page.pdf()`, read back with poppler's `pdftotext` and `pdftoppm`.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, scenarioIndexes, test, type SessionLike } from './fixtures';

interface SessionView extends SessionLike {
  title: string;
  notes: Record<string, string>;
}

const GROUPS = [
  { name: 'Red table', size: 5 },
  { name: 'Blue table', size: 4 },
  { name: '=HYPERLINK("x")', size: 6 },
  { name: 'Ünïcode Gold', size: 3 },
];

/**
 * pdftotext's layout wraps lines and pads columns: compare text with runs of white
 * space made one, and a word broken after its hyphen ("sign-⏎off") joined again.
 */
const flat = (text: string) => text.replace(/-\s*\n\s*/g, '-').replace(/\s+/g, ' ').trim();

let workDir: string;
test.beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'plenary-report-'));
});
test.afterAll(async () => {
  await rm(workDir, { recursive: true, force: true });
});

test('the report prints to a PDF with the title, every voted prompt, every group and the notes; the CSV has a row per vote', async ({ page, host }) => {
  const session = await host.rpc<SessionView>('sessions.create', {
    workshopId: 'leader-or-manager',
    title: 'Cohort 7 · March',
    facilitator: 'Dana Facilitator',
    groups: GROUPS,
  });
  const scenarios = scenarioIndexes(session).slice(0, 5);
  const notes = new Map<string, string>();
  let votes = 0;
  for (const [round, index] of scenarios.entries()) {
    const slide = session.slides[index]!;
    const question = slide.question!;
    await host.rpc('sessions.goTo', { sessionId: session.id, slideIndex: index });
    await host.rpc('voting.open', { sessionId: session.id, questionId: question.id });
    for (const [groupIndex, group] of session.groups.entries()) {
      // A different spread each round, so some scenarios divide the room and some agree.
      const option = question.options[(groupIndex * round) % question.options.length]!;
      await host.rpc('voting.cast', { sessionId: session.id, questionId: question.id, voterId: group.id, optionId: option.id });
      votes += 1;
    }
    // The last one stays unrevealed until the session ends.
    if (round < scenarios.length - 1) await host.rpc('voting.reveal', { sessionId: session.id, questionId: question.id });
    if (round % 2 === 0) {
      const note = `Note ${round + 1}: the room argued about ${question.id}.`;
      await host.rpc('sessions.setNote', { sessionId: session.id, slideId: slide.id, text: note });
      notes.set(slide.id, note);
    }
  }
  // A note on a slide that is not a scenario is kept too.
  const opening = session.slides[0]!;
  await host.rpc('sessions.setNote', { sessionId: session.id, slideId: opening.id, text: 'Started ten minutes late.' });
  notes.set(opening.id, 'Started ten minutes late.');

  // While running, the unrevealed scenario says so.
  await host.open(page, `#/report/${session.id}`);
  await page.waitForFunction(() => document.body.dataset.reportReady === 'true');
  const lastPrompt = session.slides[scenarios.at(-1)!]!.question!.prompt;
  // The innermost region holding the prompt: the scenario's own section.
  const lastSection = page.getByRole('region').filter({ has: page.getByText(lastPrompt, { exact: true }) }).last();
  await expect(lastSection.getByText('Not revealed yet')).toBeVisible();
  await expect(lastSection.locator('svg.recharts-surface')).toHaveCount(0);

  await host.rpc('sessions.end', { sessionId: session.id });
  await host.open(page, `#/report/${session.id}`);
  await page.reload();
  await page.waitForFunction(() => document.body.dataset.reportReady === 'true');
  await expect(page.getByText('Not revealed yet')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Print / Save as PDF' })).toBeVisible();

  // Print as the desktop app does, then read it back.
  await page.emulateMedia({ media: 'print' });
  const pdfPath = join(workDir, 'report.pdf');
  await writeFile(pdfPath, await page.pdf({ format: 'A4', printBackground: true }));
  const text = flat(execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' }));
  expect(text).toContain('Cohort 7 · March');
  expect(text).toContain('Dana Facilitator');
  for (const index of scenarios) expect(text).toContain(flat(session.slides[index]!.question!.prompt));
  for (const group of GROUPS) expect(text).toContain(group.name);
  for (const note of notes.values()) expect(text).toContain(note);
  // The footer's margin box: the session title and "page N of M".
  expect(text).toMatch(/Cohort 7 · March · page 2 of \d+/);
  // The toolbar is for the screen only.
  expect(text).not.toContain('Download CSV');

  // Pages as images: some were made, and not absurdly many.
  const pages = execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' });
  const pageCount = Number(/Pages:\s+(\d+)/.exec(pages)?.[1]);
  expect(pageCount).toBeGreaterThanOrEqual(6);
  expect(pageCount).toBeLessThanOrEqual(30);
  execFileSync('pdftoppm', ['-r', '50', '-png', pdfPath, join(workDir, 'page')]);
  const images = (await readdir(workDir)).filter((name) => name.startsWith('page') && name.endsWith('.png'));
  expect(images).toHaveLength(pageCount);

  // The CSV: one row per vote, and the formula-looking group name made harmless.
  const { csv } = await host.rpc<{ csv: string }>('reports.csv', { sessionId: session.id });
  const lines = csv.trimEnd().split('\r\n');
  expect(lines).toHaveLength(votes + 1);
  expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
  expect(csv).not.toMatch(/(^|,)"=/m);

  // The JSON export carries the same session.
  const exported = await host.rpc<{ filename: string; json: string }>('sessions.exportJson', { sessionId: session.id });
  expect(JSON.parse(exported.json)).toMatchObject({ format: 'plenary-session', session: { id: session.id, title: 'Cohort 7 · March' } });
  if (process.env.PLENARY_KEEP_PDF) await writeFile(process.env.PLENARY_KEEP_PDF, await page.pdf({ format: 'A4', printBackground: true }));
});

test('Letter paper from the settings sets the page size; an unknown session says so', async ({ page, host }) => {
  const session = await host.rpc<SessionView>('sessions.create', { workshopId: 'leader-or-manager', title: 'Letter run', groups: ['One', 'Two'] });
  await host.rpc('settings.update', { paperSize: 'Letter' });
  try {
    await host.open(page, `#/report/${session.id}`);
    await page.waitForFunction(() => document.body.dataset.reportReady === 'true');
    // Printed with the CSS page size preferred, the page is 8.5 × 11 in (612 × 792 pt).
    const pdfPath = join(workDir, 'letter.pdf');
    await writeFile(pdfPath, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
    const info = execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' });
    expect(info).toMatch(/Page size:\s+612 x 792 pts/);
    await expect(page.getByText('Letter paper')).toBeVisible();
  } finally {
    await host.rpc('settings.update', { paperSize: 'A4' });
  }

  await host.open(page, '#/report/no-such-session');
  await expect(page.getByRole('alert')).toContainText('This report cannot be drawn');
});
