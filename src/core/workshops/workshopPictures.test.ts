/**
 * Pictures through the workshop file: an import keeps them in the data folder,
 * an export embeds them again byte for byte, sessions name them without copying.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/errors';
import type { Picture, WorkshopContent } from '../../shared/model';
import { encodeWorkshopFile, readWorkshopFile, WORKSHOP_FILE_VERSION, type EmbeddedPicture } from '../../shared/workshopFile';
import { sha256Hex } from '../assets/assetStore';
import { openCore, type CoreWithStore } from '../createCore';
import { fixedDeps } from '../deps';
import { makePng, makeSvg } from '../testing/pictures';
import { leaderOrManagerFileText, leaderOrManagerWorkshop } from './leaderOrManager';

let dir: string;
let core: CoreWithStore;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'plenary-pictures-'));
  core = await openCore(dir, fixedDeps());
});
afterEach(async () => {
  await core.close();
  await rm(dir, { recursive: true, force: true });
});

const png = makePng(64, 36);
const pngAsset = sha256Hex(png);
const pngPicture: Picture = { asset: pngAsset, alt: 'A blue and yellow flag', mediaType: 'image/png' };

/** The built-in workshop with a picture on its first scenario and on its title slide. */
function withPicture(): WorkshopContent {
  const content = structuredClone(leaderOrManagerWorkshop);
  content.title = 'Pictured';
  content.slides[0]!.picture = pngPicture;
  content.slides.find((slide) => slide.kind === 'scenario')!.picture = pngPicture;
  return content;
}

const embedded = (bytes: Buffer, mediaType: EmbeddedPicture['mediaType'] = 'image/png') => new Map([[sha256Hex(bytes), { mediaType, data: bytes.toString('base64') }]]);

async function refusal(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

describe('the workshop file with pictures', () => {
  it('embeds each picture once, keyed by its hash, and reads it back', () => {
    const text = encodeWorkshopFile(withPicture(), embedded(png));
    const file = JSON.parse(text) as { version: number; pictures: Record<string, EmbeddedPicture> };
    expect(file.version).toBe(WORKSHOP_FILE_VERSION);
    expect(Object.keys(file.pictures)).toEqual([pngAsset]);
    expect(file.pictures[pngAsset]).toEqual({ mediaType: 'image/png', data: png.toString('base64') });
    const decoded = readWorkshopFile(text);
    expect(decoded.content).toEqual(withPicture());
    expect(Buffer.from(decoded.pictures.get(pngAsset)!.data, 'base64')).toEqual(png);
  });

  it('reads a version-1 file (before pictures) as one without pictures', () => {
    const old = JSON.parse(leaderOrManagerFileText) as Record<string, unknown>;
    delete old.pictures;
    const decoded = readWorkshopFile(JSON.stringify({ ...old, version: 1 }));
    expect(decoded.content).toEqual(leaderOrManagerWorkshop);
    expect(decoded.pictures.size).toBe(0);
  });

  it('refuses a slide whose picture the file does not carry, bad base64, or a picture without alt text, saying where', () => {
    const file = JSON.parse(encodeWorkshopFile(withPicture(), embedded(png))) as { pictures: Record<string, EmbeddedPicture>; workshop: { slides: { picture?: Picture }[] } };
    const without = { ...file, pictures: {} };
    expect(() => readWorkshopFile(JSON.stringify(without))).toThrow(/^Slide 1: its picture is not in the file/);
    const badBase64 = structuredClone(file);
    badBase64.pictures[pngAsset]!.data = 'not base64!';
    expect(() => readWorkshopFile(JSON.stringify(badBase64))).toThrow(/its bytes must be base64/);
    const noAlt = structuredClone(file);
    noAlt.workshop.slides[0]!.picture!.alt = '  ';
    expect(() => readWorkshopFile(JSON.stringify(noAlt))).toThrow(/^Slide 1: a picture needs alt text/);
    const wrongType = structuredClone(file);
    wrongType.pictures[pngAsset]!.mediaType = 'image/webp';
    expect(() => readWorkshopFile(JSON.stringify(wrongType))).toThrow(/said to be image\/png, but the file embeds it as image\/webp/);
  });
});

describe('importing and exporting pictures', () => {
  it('an imported picture is kept once in assets/ and exports back byte-identical', async () => {
    const text = encodeWorkshopFile(withPicture(), embedded(png));
    const imported = await core.call('workshops.import', { text });
    expect(await readdir(join(dir, 'assets'))).toEqual([`${pngAsset}.png`]);
    // The library names the picture; its bytes are not in it.
    const library = await readFile(join(dir, 'library.json'), 'utf8');
    expect(library).toContain(pngAsset);
    expect(library).not.toContain(png.toString('base64').slice(0, 40));
    const exported = await core.call('workshops.export', { workshopId: imported.id });
    // The same file (keys in the schema's order) with the same base64 text for the picture.
    expect(JSON.parse(exported.text)).toEqual(JSON.parse(text));
    expect(exported.text).toContain(`"data": "${png.toString('base64')}"`);
    const back = readWorkshopFile(exported.text).pictures.get(pngAsset)!;
    expect(Buffer.from(back.data, 'base64').equals(png)).toBe(true);
    // A second import of the same file writes no second copy.
    await core.call('workshops.import', { text });
    expect(await readdir(join(dir, 'assets'))).toEqual([`${pngAsset}.png`]);
  });

  it('refuses a picture whose bytes do not match its hash, or that is not what it says, and adds nothing', async () => {
    const file = JSON.parse(encodeWorkshopFile(withPicture(), embedded(png))) as { pictures: Record<string, EmbeddedPicture> };
    file.pictures[pngAsset]!.data = makePng(64, 37).toString('base64');
    const mismatch = await refusal(core.call('workshops.import', { text: JSON.stringify(file) }));
    expect(mismatch.message).toMatch(/does not match its hash: the file was changed or damaged/);

    const svg = makeSvg();
    const content = withPicture();
    content.slides[0]!.picture = { asset: sha256Hex(svg), alt: 'A drawing', mediaType: 'image/png' };
    content.slides.find((slide) => slide.kind === 'scenario')!.picture = undefined;
    const lying = await refusal(core.call('workshops.import', { text: encodeWorkshopFile(content, embedded(svg, 'image/png')) }));
    expect(lying.message).toMatch(/is said to be image\/png, but its bytes are image\/svg\+xml/);

    const scripted = makeSvg('<script>alert(1)</script>');
    content.slides[0]!.picture = { asset: sha256Hex(scripted), alt: 'A drawing', mediaType: 'image/svg+xml' };
    const script = await refusal(core.call('workshops.import', { text: encodeWorkshopFile(content, embedded(scripted, 'image/svg+xml')) }));
    expect(script.message).toMatch(/This SVG cannot be shown: it contains a script/);
    expect(await core.call('workshops.list', {})).toHaveLength(1);
  });

  it('assets.add keeps a chosen picture; a workshop may then show it, but not a picture the folder lacks', async () => {
    const added = await core.call('assets.add', { dataBase64: png.toString('base64'), fileName: 'flag.png' });
    expect(added).toEqual({ asset: pngAsset, mediaType: 'image/png', bytes: png.length });
    const workshop = await core.call('workshops.duplicate', { workshopId: 'leader-or-manager' });
    const content = { ...withPicture(), title: workshop.content.title };
    const updated = await core.call('workshops.update', { workshopId: workshop.id, content });
    expect(updated.content.slides[0]!.picture).toEqual(pngPicture);

    content.slides[0]!.picture = { ...pngPicture, asset: 'f'.repeat(64) };
    const missing = await refusal(core.call('workshops.update', { workshopId: workshop.id, content }));
    expect(missing).toMatchObject({ code: 'invalid_input', path: 'content.slides[0].picture' });
    expect(missing.message).toBe('Slide 1: its picture is not in the data folder. Choose the picture again.');

    const noAlt = await refusal(core.call('workshops.update', { workshopId: workshop.id, content: { ...content, slides: [{ ...content.slides[0]!, picture: { ...pngPicture, alt: '' } }] } }));
    expect(noAlt.message).toMatch(/a picture needs alt text/);
    const notPicture = await refusal(core.call('assets.add', { dataBase64: Buffer.from('just text').toString('base64') }));
    expect(notPicture.message).toMatch(/not a picture Plenary can show/);
  });

  it('a session names the picture by its hash (no bytes in the session file), and phones on its slide see it', async () => {
    const imported = await core.call('workshops.import', { text: encodeWorkshopFile(withPicture(), embedded(png)) });
    const session = await core.call('sessions.create', { workshopId: imported.id, votingMode: 'phones' });
    expect(session.slides[0]!.picture).toEqual(pngPicture);
    const onDisk = await readFile(join(dir, 'sessions', `${session.id}.json`), 'utf8');
    expect(onDisk).toContain(pngAsset);
    expect(onDisk.length).toBeLessThan(png.length * 4 + 200_000);
    expect(onDisk).not.toContain(png.toString('base64').slice(0, 40));
    const scenarioIndex = session.slides.findIndex((slide) => slide.kind === 'scenario');
    await core.call('sessions.goTo', { sessionId: session.id, slideIndex: scenarioIndex });
    expect(core.sessions.participantState(session.joinCode).question?.picture).toEqual({ asset: pngAsset, alt: 'A blue and yellow flag' });
    await core.call('sessions.goTo', { sessionId: session.id, slideIndex: scenarioIndex + 1 });
    expect(core.sessions.participantState(session.joinCode).question?.picture).toBeUndefined();
  });
});
