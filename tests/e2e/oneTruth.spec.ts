/**
 * One truth: a matrix, mode by mode (groups, hands, phones, groups and phones
 * together). Each test runs one scripted session and keeps its own reference
 * count of every answer; then it reads every view and export (the presenter, the
 * projector, results, the report printed to PDF and read back with pdftotext,
 * history, CSV, JSON, and the RPC's summary) and checks each figure against that
 * reference: votes, participants, scenarios voted on, revealed, per-option counts.
 * The fourth scenario is voted on and never revealed: its choices must appear in
 * no export made without asking for them.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import { expect, test, type Host } from './fixtures';

type Mode = 'groups' | 'hands' | 'phones' | 'groups+phones';
type Source = 'group' | 'phone' | 'hands';

interface Question {
  id: string;
  kind: string;
  prompt: string;
  options: { id: string; label: string }[];
}
interface SessionView {
  id: string;
  joinCode: string;
  slides: { id: string; kind: string; title?: string; question?: Question }[];
  groups: { id: string; name: string; size: number | null }[];
}

/** The test's own count: per question, per option, per source. */
class Reference {
  readonly counts = new Map<string, Map<string, Record<Source, number>>>();
  readonly phones = new Set<string>();
  add(questionId: string, optionId: string, source: Source, n = 1) {
    const byOption = this.counts.get(questionId) ?? new Map<string, Record<Source, number>>();
    const cell = byOption.get(optionId) ?? { group: 0, phone: 0, hands: 0 };
    cell[source] += n;
    byOption.set(optionId, cell);
    this.counts.set(questionId, byOption);
  }
  option(questionId: string, optionId: string): Record<Source, number> & { total: number } {
    const cell = this.counts.get(questionId)?.get(optionId) ?? { group: 0, phone: 0, hands: 0 };
    return { ...cell, total: cell.group + cell.phone + cell.hands };
  }
  question(questionId: string, source?: Source): number {
    let sum = 0;
    for (const cell of this.counts.get(questionId)?.values() ?? []) sum += source ? cell[source] : cell.group + cell.phone + cell.hands;
    return sum;
  }
  total(questionIds: readonly string[], source?: Source): number {
    return questionIds.reduce((sum, id) => sum + this.question(id, source), 0);
  }
}

interface Plan {
  groups: { name: string; size: number | null }[];
  votingMode: 'groups' | 'hands' | 'phones';
  /** People the test expects the summary to count, and how many people the report names. */
  participants: number;
}

const PLANS: Record<Mode, Plan> = {
  groups: { groups: [{ name: 'North', size: 4 }, { name: 'South', size: 3 }, { name: 'East', size: 5 }], votingMode: 'groups', participants: 12 },
  // Hands belong to no group: the most hands counted on one scenario (set below: 9).
  hands: { groups: [], votingMode: 'hands', participants: 9 },
  // Five phones, no groups.
  phones: { groups: [], votingMode: 'phones', participants: 5 },
  // Two groups (sizes 2 and 5) on the screen, four phones: two pick Bravo, one Alpha, one none. 2 + 5 + 1 phone with no group.
  'groups+phones': { groups: [{ name: 'Alpha', size: 2 }, { name: 'Bravo', size: 5 }], votingMode: 'groups', participants: 8 },
};

/** What each voter picks on round r: varied, so scenarios differ. */
const pick = (voter: number, round: number, options: number) => (voter * (round + 1) + round) % options;

const flat = (text: string) => text.replace(/-\s*\n\s*/g, '-').replace(/\s+/g, ' ').trim();

let workDir: string;
test.beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'plenary-one-truth-'));
});
test.afterAll(async () => {
  await rm(workDir, { recursive: true, force: true });
});

async function phoneVote(host: Host, code: string, body: Record<string, string>) {
  const response = await fetch(`${host.origin}/api/p/${code}/vote`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  expect(response.status, await response.clone().text()).toBe(200);
}

/** Runs the session of a mode: four classify scenarios voted on, the first three revealed, the fourth never. */
async function runSession(host: Host, mode: Mode, page: Page) {
  const plan = PLANS[mode];
  const session = await host.rpc<SessionView>('sessions.create', { workshopId: 'leader-or-manager', title: `One truth · ${mode}`, groups: plan.groups, votingMode: plan.votingMode });
  const reference = new Reference();
  const scenarioSlides = session.slides.map((slide, index) => ({ slide, index })).filter(({ slide }) => slide.kind === 'scenario');
  // Classify scenarios: their options read "Leader" and "Manager", short enough to find in the PDF's text.
  const voted = scenarioSlides.filter(({ slide }) => slide.question!.kind === 'classify').slice(0, 4);
  const phones =
    mode === 'phones'
      ? [0, 1, 2, 3, 4].map((n) => ({ deviceId: `phone-${mode}-${n}-abcdef`, groupId: undefined as string | undefined }))
      : mode === 'groups+phones'
        ? [session.groups[1]!.id, session.groups[1]!.id, session.groups[0]!.id, undefined].map((groupId, n) => ({ deviceId: `phone-mixed-${n}-abcdef`, groupId }))
        : [];
  let progressChecked = false;
  for (const [round, { slide, index }] of voted.entries()) {
    const question = slide.question!;
    const options = question.options;
    await host.rpc('sessions.goTo', { sessionId: session.id, slideIndex: index });
    await host.rpc('voting.open', { sessionId: session.id, questionId: question.id });
    if (plan.votingMode !== 'hands') {
      for (const [g, group] of session.groups.entries()) {
        const option = options[pick(g, round, options.length)]!;
        await host.rpc('voting.cast', { sessionId: session.id, questionId: question.id, voterId: group.id, optionId: option.id });
        reference.add(question.id, option.id, 'group');
      }
    } else {
      // 9 hands on the first scenario (the most on one), fewer after.
      const hands = [
        [5, 4],
        [2, 6],
        [7, 0],
        [3, 3],
      ][round]!;
      for (const [o, count] of hands.entries()) {
        await host.rpc('voting.setCount', { sessionId: session.id, questionId: question.id, optionId: options[o]!.id, count });
        reference.add(question.id, options[o]!.id, 'hands', count);
      }
    }
    for (const [p, phone] of phones.entries()) {
      const option = options[pick(p + 1, round, options.length)]!;
      await phoneVote(host, session.joinCode, { deviceId: phone.deviceId, questionId: question.id, optionId: option.id, ...(phone.groupId ? { groupId: phone.groupId } : {}) });
      reference.add(question.id, option.id, 'phone');
      reference.phones.add(phone.deviceId);
    }

    if (round === 3 && !progressChecked) {
      // The presenter's progress line and the projector's count, while the never-revealed scenario is open.
      progressChecked = true;
      await checkLiveViews(host, page, session, mode, question, reference, phones);
    }
    await host.rpc('voting.close', { sessionId: session.id, questionId: question.id });
    if (round < 3) await host.rpc('voting.reveal', { sessionId: session.id, questionId: question.id });
  }
  // The projector's results slide: the room's choices on the three revealed scenarios.
  const resultsSlide = session.slides.findIndex((slide) => slide.kind === 'results');
  await host.rpc('sessions.goTo', { sessionId: session.id, slideIndex: resultsSlide });
  await host.open(page, `#/audience/${session.id}`);
  const shown = reference.total(voted.slice(0, 3).map(({ slide }) => slide.question!.id));
  await expect(page.getByText(new RegExp(`of the room’s ${shown} choices were leader-like`))).toBeVisible();
  await host.rpc('sessions.end', { sessionId: session.id });
  return {
    session,
    reference,
    revealed: voted.slice(0, 3).map(({ slide }) => slide.question!),
    hidden: voted[3]!.slide.question!,
    scenarioCount: scenarioSlides.length,
    plan,
  };
}

async function checkLiveViews(host: Host, page: Page, session: SessionView, mode: Mode, question: Question, reference: Reference, phones: { groupId: string | undefined }[]) {
  const votes = reference.question(question.id);
  const groupsVoted = new Set<string>();
  if (PLANS[mode].votingMode !== 'hands') session.groups.forEach((group) => groupsVoted.add(group.id));
  phones.forEach((phone) => phone.groupId && groupsVoted.add(phone.groupId));
  const parts = [`${votes} vote${votes === 1 ? '' : 's'}`];
  if (session.groups.length > 0 && PLANS[mode].votingMode !== 'hands') parts.push(`${groupsVoted.size} of ${session.groups.length} groups`);
  if (phones.length > 0) parts.push(`${phones.length} phones`);
  if (reference.question(question.id, 'hands') > 0) parts.push(`${reference.question(question.id, 'hands')} hands`);
  await host.open(page, `#/present/${session.id}`);
  await expect(page.getByText(parts.join(' · '), { exact: true })).toBeVisible();
  if (mode === 'groups+phones') {
    // Bravo's tile counts its two phones; the group also voted on the screen.
    await expect(page.getByRole('button', { name: /^2\. Bravo/ })).toContainText('Voted · 2 phones');
  }
  await host.open(page, `#/audience/${session.id}`);
  await expect(page.getByRole('status').filter({ hasText: `${votes} vote${votes === 1 ? '' : 's'}` })).toBeVisible();
}

interface Figures {
  questionId: string;
  revealed: boolean;
  shown: boolean;
  votes: number;
  sources: Record<Source, number>;
  options: { optionId: string; group: number; phone: number; hands: number; count: number }[] | null;
  breakdown: { name: string }[] | null;
}
interface Summary {
  includesUnrevealed: boolean;
  questions: Figures[];
  participants: { count: number; phones: number };
  totals: { scenarios: number; votedOn: number; revealed: number; votes: number; shownVotes: number; sources: Record<Source, number> };
}

for (const mode of Object.keys(PLANS) as Mode[]) {
  test(`one truth, ${mode}: every view and export shows the test's own count`, async ({ page, host }) => {
    test.setTimeout(120_000);
    const { session, reference, revealed, hidden, scenarioCount, plan } = await runSession(host, mode, page);
    const revealedIds = revealed.map((q) => q.id);
    const allIds = [...revealedIds, hidden.id];
    const votes = reference.total(allIds);
    const shownVotes = reference.total(revealedIds);

    // ---------------------------------------------------------------- the RPC's summary
    const summary = await host.rpc<Summary>('reports.get', { sessionId: session.id });
    expect(summary.totals).toMatchObject({ scenarios: scenarioCount, votedOn: 4, revealed: 3, votes, shownVotes });
    expect(summary.totals.sources).toEqual({ group: reference.total(allIds, 'group'), phone: reference.total(allIds, 'phone'), hands: reference.total(allIds, 'hands') });
    expect(summary.participants.count).toBe(plan.participants);
    expect(summary.participants.phones).toBe(reference.phones.size);
    for (const question of revealed) {
      const figures = summary.questions.find((q) => q.questionId === question.id)!;
      expect(figures).toMatchObject({ revealed: true, shown: true, votes: reference.question(question.id) });
      expect(figures.options!.map((o) => [o.group, o.phone, o.hands, o.count])).toEqual(
        question.options.map((o) => {
          const cell = reference.option(question.id, o.id);
          return [cell.group, cell.phone, cell.hands, cell.total];
        }),
      );
    }
    const hiddenFigures = summary.questions.find((q) => q.questionId === hidden.id)!;
    expect(hiddenFigures).toMatchObject({ revealed: false, shown: false, votes: reference.question(hidden.id), options: null });

    const results = await host.rpc<{ questions: { questionId: string; totals: Record<string, number>; voteCount: number }[] }>('results.get', { sessionId: session.id });
    for (const question of revealed) {
      expect(results.questions.find((q) => q.questionId === question.id)!.totals).toEqual(Object.fromEntries(question.options.map((o) => [o.id, reference.option(question.id, o.id).total])));
    }
    expect(results.questions.find((q) => q.questionId === hidden.id)!.totals).toEqual({});

    // ---------------------------------------------------------------- CSV
    const readCsv = (csv: string) => {
      const [header, ...rows] = parse(csv, { bom: true }) as string[][];
      const col = (name: string) => header!.indexOf(name);
      expect(header!.slice(0, 6)).toEqual(['questionId', 'voterId', 'optionId', 'at', 'source', 'count']);
      return rows.map((row) => ({ questionId: row[col('questionId')]!, optionId: row[col('optionId')]!, source: row[col('source')] as Source, count: Number(row[col('count')]), revealed: row[col('revealed')] }));
    };
    const csvRows = readCsv((await host.rpc<{ csv: string }>('reports.csv', { sessionId: session.id })).csv);
    expect(csvRows.some((row) => row.questionId === hidden.id)).toBe(false);
    for (const question of revealed) {
      for (const option of question.options) {
        for (const source of ['group', 'phone', 'hands'] as const) {
          const sum = csvRows.filter((row) => row.questionId === question.id && row.optionId === option.id && row.source === source).reduce((s, row) => s + row.count, 0);
          expect(sum, `${question.id}/${option.id}/${source}`).toBe(reference.option(question.id, option.id)[source]);
        }
      }
    }
    const asked = await host.rpc<{ filename: string; csv: string }>('reports.csv', { sessionId: session.id, includeUnrevealed: true });
    expect(asked.filename).toMatch(/including-unrevealed\.csv$/);
    const askedRows = readCsv(asked.csv);
    expect(askedRows.filter((row) => row.questionId === hidden.id).reduce((s, row) => s + row.count, 0)).toBe(reference.question(hidden.id));
    expect(askedRows.filter((row) => row.questionId === hidden.id).every((row) => row.revealed === 'no')).toBe(true);

    // ---------------------------------------------------------------- JSON
    const archive = JSON.parse((await host.rpc<{ json: string }>('sessions.exportJson', { sessionId: session.id })).json) as {
      includesUnrevealed: boolean;
      withheld: { questions: number; answers: number };
      summary: Summary;
      session: { votes: { questionId: string }[]; handCounts: Record<string, Record<string, number>> };
    };
    expect(archive.includesUnrevealed).toBe(false);
    expect(archive.withheld).toEqual({ questions: 1, answers: reference.question(hidden.id), selfCheckAnswers: 0, commitmentAnswers: 0 });
    expect(archive.session.votes.some((vote) => vote.questionId === hidden.id)).toBe(false);
    expect(Object.keys(archive.session.handCounts)).not.toContain(hidden.id);
    expect(archive.session.votes.length + Object.values(archive.session.handCounts).reduce((s, counts) => s + Object.values(counts).reduce((a, b) => a + b, 0), 0)).toBe(shownVotes);
    expect(archive.summary.totals).toMatchObject({ votes, votedOn: 4, revealed: 3 });
    expect(JSON.stringify(archive.summary.questions.find((q) => q.questionId === hidden.id))).toContain('"options":null');

    // ---------------------------------------------------------------- history
    await host.open(page, '#/history');
    const row = page.getByRole('table', { name: 'Sessions' }).getByRole('row').filter({ has: page.getByRole('link', { name: `One truth · ${mode}`, exact: true }) }).last();
    const cells = row.getByRole('cell');
    // Select, (title is a row header), date, groups, people, votes, scenarios, status, actions.
    await expect(cells.nth(3)).toHaveText(String(plan.participants));
    await expect(cells.nth(4)).toHaveText(String(votes));
    await expect(cells.nth(5)).toHaveText(`4 of ${scenarioCount} voted3 revealed`);
    await page.screenshot({ path: test.info().outputPath(`history-${mode.replace('+', '-')}.png`) });

    // ---------------------------------------------------------------- results
    await host.open(page, `#/results/${session.id}`);
    await expect(page.getByText(`3 of ${scenarioCount} scenarios revealed`)).toBeVisible();
    await expect(page.getByText(`${shownVotes} votes counted`)).toBeVisible();
    await expect(page.getByText('1 scenario voted on, not revealed')).toBeVisible();
    const unrevealed = page.getByRole('region', { name: /Voted on, never revealed/ });
    await expect(unrevealed).toContainText(`${reference.question(hidden.id)} votes`);
    for (const question of revealed) {
      const article = page.getByRole('article', { name: question.prompt });
      await article.scrollIntoViewIfNeeded();
      await article.locator('details summary').first().click();
      const table = article.getByRole('table', { name: 'Votes per option' });
      // The table is built when its details open: poll, since evaluateAll does not wait for rows.
      const counts = () => table.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.querySelectorAll('td')[1]?.textContent?.trim() ?? ''));
      await expect
        .poll(async () => (await counts()).slice(0, question.options.length).map(Number))
        .toEqual(question.options.map((o) => reference.option(question.id, o.id).total));
    }
    await expect(page.getByRole('article', { name: hidden.prompt })).toHaveCount(0);
    // The group profiles say once why hands have none, and speak of hand counts only where there are some.
    const groupProfiles = page.getByRole('region', { name: 'Group profiles' });
    if (mode === 'hands') await expect(groupProfiles.getByText(/belong(s)? to no group/)).toHaveCount(1);
    else await expect(groupProfiles).not.toContainText('Hand counts');
    await page.screenshot({ path: test.info().outputPath(`results-${mode.replace('+', '-')}.png`), fullPage: true });

    // ---------------------------------------------------------------- report, printed and read back
    await host.open(page, `#/report/${session.id}`);
    await page.waitForFunction(() => document.body.dataset.reportReady === 'true');
    await page.emulateMedia({ media: 'print' });
    const pdfPath = join(workDir, `report-${mode.replace('+', '-')}.pdf`);
    await writeFile(pdfPath, await page.pdf({ format: 'A4', printBackground: true }));
    if (process.env.PLENARY_KEEP_PDF_DIR) await writeFile(join(process.env.PLENARY_KEEP_PDF_DIR, `report-${mode.replace('+', '-')}.pdf`), await page.pdf({ format: 'A4', printBackground: true }));
    const text = flat(execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' }));
    // The summary's three figures side by side, as a reader sees them: participants, votes counted, leader-like share.
    const figures = /Participants Votes counted Leader-like choices (\d+) (\d+) (\d+%|–)/.exec(text);
    expect(figures?.slice(1, 3).map(Number)).toEqual([plan.participants, votes]);
    expect(text).toContain(`on 4 of ${scenarioCount} scenarios; 3`);
    // The cover's status line.
    expect(text).toContain(`Ended; ${votes} votes on 4 of ${scenarioCount} scenarios; 3 revealed`);
    expect(text).toContain(`of ${shownVotes} votes on the 3 revealed`);
    expect(text).toContain(`Scenarios voted on: 3 of ${scenarioCount}`);
    expect(text).toContain('Voted on, not revealed: 1 scenario');
    expect(text).toContain(`Not voted on: ${scenarioCount - 4} scenarios`);
    // Each revealed scenario says what it rests on; the hidden one has no page.
    for (const question of revealed) expect(text).toContain(`Rests on ${reference.question(question.id)} votes`);
    expect(text.match(/Rests on \d+ votes?/g)).toHaveLength(3);
    // The appendix: per option, group / phone / hand counts and the total, in scenario order.
    const appendix = text.slice(text.lastIndexOf('Appendix: the counts'));
    const rows = [...appendix.matchAll(/[AB]\. (?:Leader|Manager) (\d+) (\d+) (\d+) (\d+)/g)].map((m) => m.slice(1).map(Number));
    expect(rows).toEqual(
      revealed.flatMap((question) =>
        question.options.map((o) => {
          const cell = reference.option(question.id, o.id);
          return [cell.group, cell.phone, cell.hands, cell.total];
        }),
      ),
    );
    expect(appendix).toMatch(
      new RegExp(`All revealed scenarios ${reference.total(revealedIds, 'group')} ${reference.total(revealedIds, 'phone')} ${reference.total(revealedIds, 'hands')} ${shownVotes}`),
    );
    if (mode === 'groups+phones') {
      // The privacy floor (3 people by default): Alpha (2 people) is never broken down on its own.
      expect(text).toContain('Groups of fewer than 3 people are not shown on their own');
      const pages = text.slice(text.indexOf('Scenarios voted on:'), text.indexOf('Other scenarios'));
      expect(pages).not.toContain('Alpha');
      expect(pages).toContain('Phones with no group, and small groups');
      // With the floor at 1, Alpha has its own line, and the room's figures stay.
      await host.rpc('settings.update', { reportMinGroupSize: 1 });
      try {
        const open = await host.rpc<Summary>('reports.get', { sessionId: session.id });
        expect(open.questions.find((q) => q.questionId === revealed[0]!.id)!.breakdown!.map((line) => line.name)).toEqual(['Alpha', 'Bravo', 'Phones, no group']);
        expect(open.totals).toEqual(summary.totals);
      } finally {
        await host.rpc('settings.update', { reportMinGroupSize: 3 });
      }
    }
    execFileSync('pdftoppm', ['-r', '40', '-png', '-f', '1', '-l', '3', pdfPath, join(workDir, `page-${mode.replace('+', '-')}`)]);
    await page.emulateMedia({ media: 'screen' });
  });
}
