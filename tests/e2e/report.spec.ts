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

test('the report prints to a PDF with the title, every voted prompt, every group and the notes; unvoted scenarios share one table; the CSV has a row per revealed vote', async ({ page, host }) => {
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

  // While running, the unrevealed scenario is listed with its count, and nothing of what was chosen.
  await host.open(page, `#/report/${session.id}`);
  await page.waitForFunction(() => document.body.dataset.reportReady === 'true');
  const lastSlide = session.slides[scenarios.at(-1)!]!;
  const lastPrompt = lastSlide.question!.prompt;
  const others = page.getByRole('region', { name: 'Other scenarios' });
  const hiddenTable = others.getByRole('table', { name: 'Voted on, not revealed: 1 scenario' });
  await expect(hiddenTable.getByRole('row', { name: /Scenario 5/ })).toContainText(String(GROUPS.length));
  await expect(others.getByRole('table', { name: /^Not voted on: 10 scenarios$/ })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Scenarios voted on: 4 of 15' })).toBeVisible();
  // Its prompt is listed (it is no secret), but no chart or count per option.
  await expect(hiddenTable).toContainText(lastPrompt);
  await expect(page.getByRole('region', { name: (lastSlide as { title?: string }).title ?? '' })).toHaveCount(0);

  // Ending the session reveals nothing by itself; the facilitator reveals the last one afterwards.
  await host.rpc('sessions.end', { sessionId: session.id });
  const { csv: endedCsv } = await host.rpc<{ csv: string }>('reports.csv', { sessionId: session.id });
  expect(endedCsv.trimEnd().split('\r\n')).toHaveLength(votes - GROUPS.length + 1);
  await host.rpc('voting.reveal', { sessionId: session.id, questionId: lastSlide.question!.id });
  await host.open(page, `#/report/${session.id}`);
  await page.reload();
  await page.waitForFunction(() => document.body.dataset.reportReady === 'true');
  await expect(page.getByRole('table', { name: /Voted on, not revealed/ })).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Scenarios voted on: 5 of 15' })).toBeVisible();
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
  // Cover, summary, groups, a page per scenario voted on (5), the others' table, contrasts, appendix: no page per unvoted scenario.
  expect(pageCount).toBeGreaterThanOrEqual(8);
  expect(pageCount).toBeLessThanOrEqual(14);
  expect(text).toContain('Not voted on: 10 scenarios');
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
