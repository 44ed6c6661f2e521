/**
 * Pictures over HTTP: added with the RPC, read by the facilitator's pages with the
 * token, and by phones with the join code only while the picture is on the screen.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Session, Workshop } from '../shared/model';
import { encodeWorkshopFile } from '../shared/workshopFile';
import { sha256Hex } from '../core/assets/assetStore';
import { makePng, makeSvg } from '../core/testing/pictures';
import { leaderOrManagerWorkshop } from '../core/workshops/leaderOrManager';
import { startNodeHost, type NodeHost } from './host';
import { PICTURE_CONTENT_SECURITY_POLICY } from './securityHeaders';

const TOKEN = 'test-token-pictures';
let dir: string;
let host: NodeHost;
let base: string;

async function post(command: string, input: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${base}/api/rpc/${command}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify(input),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

async function rpc<T>(command: string, input: unknown = {}): Promise<T> {
  const { status, body } = await post(command, input);
  if (status !== 200) throw new Error(`${command} answered ${status}: ${JSON.stringify(body)}`);
  return body as T;
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'plenary-pictures-http-'));
  host = await startNodeHost({ host: '127.0.0.1', port: 0, token: TOKEN, dataDir: dir, rendererDir: null });
  base = host.server.origin;
});
afterEach(async () => {
  await host.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('pictures over HTTP', () => {
  it('assets.add takes a picture as base64 and the facilitator reads it back with the token, and only with it', async () => {
    const png = makePng(32, 18);
    const added = await rpc<{ asset: string }>('assets.add', { dataBase64: png.toString('base64'), fileName: 'a.png' });
    expect(added).toEqual({ asset: sha256Hex(png), mediaType: 'image/png', bytes: png.length });

    const withToken = await fetch(`${base}/api/assets/${added.asset}?token=${TOKEN}`);
    expect(withToken.status).toBe(200);
    expect(withToken.headers.get('content-type')).toBe('image/png');
    expect(withToken.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await withToken.arrayBuffer()).equals(png)).toBe(true);
    const withHeader = await fetch(`${base}/api/assets/${added.asset}`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(withHeader.status).toBe(200);

    expect((await fetch(`${base}/api/assets/${added.asset}`)).status).toBe(401);
    expect((await fetch(`${base}/api/assets/${added.asset}?token=wrong`)).status).toBe(401);
    expect((await fetch(`${base}/api/assets/${'0'.repeat(64)}?token=${TOKEN}`)).status).toBe(404);
    expect((await fetch(`${base}/api/assets/..%2Flibrary.json?token=${TOKEN}`)).status).toBe(404);
  });

  it('serves an SVG with a policy under which nothing in it loads or runs', async () => {
    const svg = makeSvg();
    const { asset } = await rpc<{ asset: string }>('assets.add', { dataBase64: svg.toString('base64') });
    const res = await fetch(`${base}/api/assets/${asset}?token=${TOKEN}`);
    expect(res.headers.get('content-type')).toBe('image/svg+xml');
    expect(res.headers.get('content-security-policy')).toBe(PICTURE_CONTENT_SECURITY_POLICY);
    expect(PICTURE_CONTENT_SECURITY_POLICY).toMatch(/^default-src 'none'; style-src 'unsafe-inline'/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('refuses what is not a picture, an SVG with a script and a picture over 5 MB, with the words', async () => {
    const text = await post('assets.add', { dataBase64: Buffer.from('hello').toString('base64') });
    expect(text).toMatchObject({ status: 400, body: { error: { code: 'invalid_input', message: expect.stringMatching(/not a picture/) as unknown } } });
    const script = await post('assets.add', { dataBase64: makeSvg('<rect onclick="x()"/>').toString('base64') });
    expect(script).toMatchObject({ status: 400, body: { error: { message: expect.stringMatching(/^This SVG cannot be shown: it contains an event handler/) as unknown } } });
    const big = await post('assets.add', { dataBase64: Buffer.concat([makePng(2, 2), Buffer.alloc(5 * 1024 * 1024)]).toString('base64') });
    expect(big).toMatchObject({ status: 413, body: { error: { code: 'too_large', message: expect.stringMatching(/at most 5 MB/) as unknown } } });
  });

  it('imports a workshop file larger than other RPC bodies may be (two pictures of almost 5 MB)', async () => {
    const pictures = [1, 2].map((fill) => Buffer.concat([makePng(2, 2), Buffer.alloc(4.9 * 1024 * 1024, fill)]));
    const content = structuredClone(leaderOrManagerWorkshop);
    pictures.forEach((bytes, index) => {
      content.slides[index]!.picture = { asset: sha256Hex(bytes), alt: `Picture ${index + 1}`, mediaType: 'image/png' };
    });
    const text = encodeWorkshopFile(content, new Map(pictures.map((bytes) => [sha256Hex(bytes), { mediaType: 'image/png' as const, data: bytes.toString('base64') }])));
    expect(text.length).toBeGreaterThan(12 * 1024 * 1024);
    const workshop = await rpc<Workshop>('workshops.import', { text });
    const exported = await rpc<{ text: string }>('workshops.export', { workshopId: workshop.id });
    expect((JSON.parse(exported.text) as { pictures: unknown }).pictures).toEqual((JSON.parse(text) as { pictures: unknown }).pictures);
    // Any other command keeps the smaller limit.
    const other = await post('workshops.create', { title: 'x'.repeat(13 * 1024 * 1024) });
    expect(other.status).toBe(413);
  });

  it('a phone gets the picture of the question on the screen, and no other', async () => {
    const png = makePng(40, 20);
    const other = makePng(40, 21);
    const asset = sha256Hex(png);
    const content = structuredClone(leaderOrManagerWorkshop);
    const scenarioIndex = content.slides.findIndex((slide) => slide.kind === 'scenario');
    content.slides[scenarioIndex]!.picture = { asset, alt: 'A flag', mediaType: 'image/png' };
    content.slides[0]!.picture = { asset: sha256Hex(other), alt: 'Another flag', mediaType: 'image/png' };
    const pictures = new Map([
      [asset, { mediaType: 'image/png' as const, data: png.toString('base64') }],
      [sha256Hex(other), { mediaType: 'image/png' as const, data: other.toString('base64') }],
    ]);
    const workshop = await rpc<Workshop>('workshops.import', { text: encodeWorkshopFile(content, pictures) });
    const session = await rpc<Session>('sessions.create', { workshopId: workshop.id, votingMode: 'phones' });
    const phonePicture = (hash: string) => fetch(`${base}/api/p/${session.joinCode}/picture/${hash}`);

    // The title slide's picture is for the room's screen, not for phones (no question there).
    expect((await phonePicture(sha256Hex(other))).status).toBe(404);
    await rpc('sessions.goTo', { sessionId: session.id, slideIndex: scenarioIndex });
    const state = (await (await fetch(`${base}/api/p/${session.joinCode}`)).json()) as { question: { picture?: unknown } };
    expect(state.question.picture).toEqual({ asset, alt: 'A flag' });
    const res = await phonePicture(asset);
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer()).equals(png)).toBe(true);
    expect((await phonePicture(sha256Hex(other))).status).toBe(404);
    expect((await fetch(`${base}/api/p/ZZZZZZ/picture/${asset}`)).status).toBe(404);
    await rpc('sessions.goTo', { sessionId: session.id, slideIndex: scenarioIndex + 1 });
    expect((await phonePicture(asset)).status).toBe(404);
  });
});
