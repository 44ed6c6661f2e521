/**
 * Pictures on slides, as the issue checks them: a workshop file with a PNG on a
 * slide is imported in the library, the projector and a phone show it, the
 * workshop exports with the very same bytes, and the PDF report carries it
 * (`pdfimages -list`). The editor adds one by choosing a file, and asks for alt text.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { makePng, makeSvg } from '../../src/core/testing/pictures';
import { expect, scenarioIndexes, test, type SessionLike } from './fixtures';

interface EmbeddedPicture {
  mediaType: string;
  data: string;
}
interface WorkshopFileJson {
  version: number;
  workshop: { title: string; slides: { id: string; kind: string; picture?: { asset: string; alt: string; mediaType: string } }[] };
  pictures: Record<string, EmbeddedPicture>;
}

const PNG = makePng(640, 360);
const ASSET = createHash('sha256').update(PNG).digest('hex');
const ALT = 'A blue and yellow banner';

let workDir: string;
test.beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'plenary-pictures-'));
});
test.afterAll(async () => {
  await rm(workDir, { recursive: true, force: true });
});

/** The built-in workshop's file, with the PNG on its title slide and on its first scenario. */
async function fileWithPicture(host: { rpc<T>(command: string, input?: unknown): Promise<T> }): Promise<string> {
  const { text } = await host.rpc<{ text: string }>('workshops.export', { workshopId: 'leader-or-manager' });
  const file = JSON.parse(text) as WorkshopFileJson;
  file.workshop.title = 'Pictured workshop';
  const picture = { asset: ASSET, alt: ALT, mediaType: 'image/png' };
  file.workshop.slides[0]!.picture = picture;
  file.workshop.slides.find((slide) => slide.kind === 'scenario')!.picture = picture;
  file.pictures = { [ASSET]: { mediaType: 'image/png', data: PNG.toString('base64') } };
  return JSON.stringify(file, null, 2);
}

/** Whether the page scrolls (it must not, on the projector). */
const scrolls = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollHeight > window.innerHeight + 1 || document.documentElement.scrollWidth > window.innerWidth + 1);

test('an imported picture shows on the projector and the phone, exports byte-identical, and is in the PDF report', async ({ page, host, browser }) => {
  await host.open(page);
  await page.getByLabel('Workshop file to import').setInputFiles({ name: 'pictured.plenary.json', mimeType: 'application/json', buffer: Buffer.from(await fileWithPicture(host)) });
  await expect(page.getByRole('status')).toContainText('Imported “Pictured workshop”');
  const workshop = (await host.rpc<{ id: string; title: string }[]>('workshops.list')).find((w) => w.title === 'Pictured workshop')!;

  // Exported from the library: the picture's bytes exactly as they came in, and they import back the same.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export Pictured workshop' }).click()]);
  const exported = JSON.parse(await readFile((await download.path())!, 'utf8')) as WorkshopFileJson;
  expect(exported.version).toBe(2);
  expect(Object.keys(exported.pictures)).toEqual([ASSET]);
  expect(Buffer.from(exported.pictures[ASSET]!.data, 'base64').equals(PNG)).toBe(true);
  const again = await host.rpc<{ id: string }>('workshops.import', { text: JSON.stringify(exported) });
  const twice = JSON.parse((await host.rpc<{ text: string }>('workshops.export', { workshopId: again.id })).text) as WorkshopFileJson;
  expect(twice.pictures).toEqual(exported.pictures);

  // The projector: the picture beside the scenario, loaded, and the page never scrolls.
  const session = await host.rpc<SessionLike & { joinCode: string }>('sessions.create', { workshopId: workshop.id, title: 'Pictures', groups: ['Red', 'Blue'], votingMode: 'phones' });
  const scenario = scenarioIndexes(session)[0]!;
  await host.rpc('sessions.goTo', { sessionId: session.id, slideIndex: scenario });
  const question = session.slides[scenario]!.question!;
  await host.rpc('voting.open', { sessionId: session.id, questionId: question.id });
  for (const size of [
    { width: 1280, height: 720 },
    { width: 1920, height: 1080 },
  ]) {
    await page.setViewportSize(size);
    await host.open(page, `#/audience/${session.id}`);
    const picture = page.getByRole('img', { name: ALT });
    await expect(picture).toBeVisible();
    await expect.poll(() => picture.evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth)).toBe(640);
    const box = (await picture.boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(size.height);
    expect(box.x + box.width).toBeLessThanOrEqual(size.width);
    // The options are all still on screen beside it.
    for (const option of question.options) await expect(page.getByText(option.label, { exact: true }).first()).toBeInViewport();
    expect(await scrolls(page)).toBe(false);
    await page.screenshot({ path: join(workDir, `projector-${size.width}.png`) });
    if (process.env.PLENARY_KEEP_SHOTS) await page.screenshot({ path: join(process.env.PLENARY_KEEP_SHOTS, `pictures-projector-${size.width}.png`) });
  }

  // The presenter's copy of the projector shows it too.
  await page.setViewportSize({ width: 1280, height: 800 });
  await host.open(page, `#/present/${session.id}`);
  const inPresenter = page.locator(`img[alt="${ALT}"]`).first();
  await expect(inPresenter).toBeVisible();
  await expect.poll(() => inPresenter.evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth)).toBe(640);
  if (process.env.PLENARY_KEEP_SHOTS) await page.screenshot({ path: join(process.env.PLENARY_KEEP_SHOTS, 'pictures-presenter.png') });

  // A phone on the room's network: the question's picture above its options.
  const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
  await phone.goto(`${host.origin}/p/${session.joinCode}`);
  await phone.getByRole('button', { name: 'Red' }).click();
  const onPhone = phone.getByRole('img', { name: ALT });
  await expect(onPhone).toBeVisible();
  await expect.poll(() => onPhone.evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth)).toBe(640);
  await phone.getByRole('button', { name: new RegExp(question.options[0]!.label.slice(0, 20).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) }).click();
  await expect(phone.locator('#vote-status')).not.toBeEmpty();
  if (process.env.PLENARY_KEEP_SHOTS) await phone.screenshot({ path: join(process.env.PLENARY_KEEP_SHOTS, 'pictures-phone.png') });
  await phone.close();

  // The report: the scenario's page carries the picture, the title slide's is under "Pictures shown".
  await host.rpc('voting.reveal', { sessionId: session.id, questionId: question.id });
  await host.rpc('sessions.end', { sessionId: session.id });
  await page.setViewportSize({ width: 1280, height: 900 });
  await host.open(page, `#/report/${session.id}`);
  await page.waitForFunction(() => document.body.dataset.reportReady === 'true');
  await expect(page.getByRole('region', { name: 'Pictures shown' }).getByText(ALT)).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  const pdfPath = join(workDir, 'report.pdf');
  await writeFile(pdfPath, await page.pdf({ format: 'A4', printBackground: true }));
  if (process.env.PLENARY_KEEP_SHOTS) await writeFile(join(process.env.PLENARY_KEEP_SHOTS, 'pictures-report.pdf'), await readFile(pdfPath));
  const images = execFileSync('pdfimages', ['-list', pdfPath], { encoding: 'utf8' })
    .split('\n')
    .slice(2)
    .filter((line) => line.trim() !== '')
    .map((line) => line.trim().split(/\s+/));
  // page num type width height ...: the 640x360 picture, on the scenario's page and under "Pictures shown".
  const ours = images.filter((columns) => columns[2] === 'image' && columns[3] === '640' && columns[4] === '360');
  expect(ours.length, images.map((columns) => columns.join(' ')).join('\n')).toBeGreaterThanOrEqual(2);
});

test('the editor adds a picture from disk, asks for its alt text, refuses what is not a picture, and removes it', async ({ page, host }) => {
  const copy = await host.rpc<{ id: string }>('workshops.duplicate', { workshopId: 'leader-or-manager' });
  await host.open(page, `#/edit/${copy.id}`);
  const field = page.getByTestId('picture-field');
  await expect(field.getByRole('button', { name: 'Choose a picture…' })).toBeVisible();

  await field.getByLabel('Picture file').setInputFiles({ name: 'notes.png', mimeType: 'image/png', buffer: Buffer.from('not really a picture') });
  await expect(field.getByRole('alert')).toHaveText('This file is not a picture Plenary can show: choose a PNG, JPEG, SVG or WebP file.');
  await field.getByLabel('Picture file').setInputFiles({ name: 'evil.svg', mimeType: 'image/svg+xml', buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>') });
  await expect(field.getByRole('alert')).toContainText('This SVG cannot be shown: it contains a script');

  await field.getByLabel('Picture file').setInputFiles({ name: 'banner.png', mimeType: 'image/png', buffer: PNG });
  const alt = page.getByLabel('Alt text (required)');
  await expect(alt).toBeVisible();
  await expect(field).toContainText('a picture needs alt text');
  await alt.fill(ALT);
  await expect(page.getByRole('status').filter({ hasText: /^Saved$/ })).toBeVisible();
  // The preview beside the form shows the slide with its picture.
  await expect.poll(() => page.getByRole('img', { name: ALT }).count()).toBeGreaterThanOrEqual(2);
  if (process.env.PLENARY_KEEP_SHOTS) await page.screenshot({ path: join(process.env.PLENARY_KEEP_SHOTS, 'pictures-editor.png'), fullPage: true });
  const saved = await host.rpc<{ content: { slides: { picture?: unknown }[] } }>('workshops.get', { workshopId: copy.id });
  expect(saved.content.slides[0]!.picture).toEqual({ asset: ASSET, alt: ALT, mediaType: 'image/png' });

  await field.getByRole('button', { name: 'Remove picture' }).click();
  await expect(field.getByRole('button', { name: 'Choose a picture…' })).toBeVisible();
  await expect.poll(async () => (await host.rpc<{ content: { slides: { picture?: unknown }[] } }>('workshops.get', { workshopId: copy.id })).content.slides[0]!.picture).toBeUndefined();

  // Dropped on the field, a file is added the same way (and asks for its alt text again).
  const dataTransfer = await page.evaluateHandle((base64) => {
    const bytes = Uint8Array.from(atob(base64), (character) => character.charCodeAt(0));
    const transfer = new DataTransfer();
    transfer.items.add(new File([bytes], 'dropped.png', { type: 'image/png' }));
    return transfer;
  }, PNG.toString('base64'));
  await field.dispatchEvent('dragover', { dataTransfer });
  await field.dispatchEvent('drop', { dataTransfer });
  await expect(page.getByLabel('Alt text (required)')).toHaveValue('');
  await expect(field).toContainText('a picture needs alt text');
});

test('an SVG drawing shows on the projector through <img>, under its own strict policy', async ({ page, host }) => {
  const svg = makeSvg('<circle cx="50" cy="25" r="20" fill="#facc15"/>');
  const asset = createHash('sha256').update(svg).digest('hex');
  const { text } = await host.rpc<{ text: string }>('workshops.export', { workshopId: 'leader-or-manager' });
  const file = JSON.parse(text) as WorkshopFileJson;
  file.workshop.title = 'Drawn workshop';
  file.workshop.slides[0]!.picture = { asset, alt: 'A yellow circle on blue', mediaType: 'image/svg+xml' };
  file.pictures = { [asset]: { mediaType: 'image/svg+xml', data: svg.toString('base64') } };
  const workshop = await host.rpc<{ id: string }>('workshops.import', { text: JSON.stringify(file) });
  const session = await host.rpc<{ id: string }>('sessions.create', { workshopId: workshop.id });
  const served = await page.request.get(`${host.origin}/api/assets/${asset}?token=${host.token}`);
  expect(served.headers()['content-type']).toBe('image/svg+xml');
  expect(served.headers()['content-security-policy']).toMatch(/^default-src 'none'; style-src 'unsafe-inline'/);
  await page.setViewportSize({ width: 1280, height: 720 });
  await host.open(page, `#/audience/${session.id}`);
  const picture = page.getByRole('img', { name: 'A yellow circle on blue' });
  await expect(picture).toBeVisible();
  await expect.poll(() => picture.evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth > 0)).toBe(true);
  expect(await scrolls(page)).toBe(false);
  if (process.env.PLENARY_KEEP_SHOTS) await page.screenshot({ path: join(process.env.PLENARY_KEEP_SHOTS, 'pictures-svg.png') });
});
