import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../shared/errors';
import { PICTURE_MAX_BYTES } from '../../shared/limits';
import { storeFs } from '../store/durableWrite';
import { makePng, makeSvg } from '../testing/pictures';
import { createAssetStore, sha256Hex } from './assetStore';

let dir: string;
let assets: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'plenary-assets-'));
  assets = join(dir, 'assets');
});
afterEach(async () => {
  vi.restoreAllMocks();
  await rm(dir, { recursive: true, force: true });
});

async function refusal(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

describe('the asset store', () => {
  it('keeps a picture once under the SHA-256 of its bytes, with the extension of its real type', async () => {
    const store = createAssetStore(assets);
    const png = makePng(8, 8);
    const added = await store.add(png);
    expect(added).toEqual({ asset: sha256Hex(png), mediaType: 'image/png', bytes: png.length });
    expect(await readdir(assets)).toEqual([`${added.asset}.png`]);
    expect(await readFile(join(assets, `${added.asset}.png`))).toEqual(png);
    const svg = await store.add(makeSvg());
    expect(svg.mediaType).toBe('image/svg+xml');
    expect((await readdir(assets)).sort()).toEqual([`${added.asset}.png`, `${svg.asset}.svg`].sort());
  });

  it('writes the same picture only once, also when two adds arrive together, and after a restart', async () => {
    const store = createAssetStore(assets);
    const png = makePng(8, 8);
    const writes = vi.spyOn(storeFs, 'rename');
    const [a, b] = await Promise.all([store.add(png), store.add(png)]);
    expect(a).toEqual(b);
    await store.add(Buffer.from(png));
    expect(writes).toHaveBeenCalledTimes(1);
    const again = createAssetStore(assets);
    await again.add(png);
    expect(writes).toHaveBeenCalledTimes(1);
    expect(await readdir(assets)).toHaveLength(1);
  });

  it('writes durably: temp file synced, renamed into place, the folder synced', async () => {
    const store = createAssetStore(assets);
    const steps: string[] = [];
    const open = storeFs.open;
    vi.spyOn(storeFs, 'open').mockImplementation(async (...args: Parameters<typeof open>) => {
      const handle = await open(...args);
      const name = String(args[0]);
      const sync = handle.sync.bind(handle);
      handle.sync = async () => {
        steps.push(name.endsWith('.tmp') ? 'sync temp' : `sync folder ${name === assets ? 'assets' : 'parent'}`);
        return sync();
      };
      return handle;
    });
    const rename = storeFs.rename;
    vi.spyOn(storeFs, 'rename').mockImplementation(async (from, to) => {
      steps.push('rename');
      return rename(from, to);
    });
    await store.add(makePng(4, 4));
    expect(steps).toEqual(['sync folder parent', 'sync temp', 'rename', 'sync folder assets']);
  });

  it('on a full disk refuses the picture, leaves no file, and keeps the next try possible', async () => {
    const store = createAssetStore(assets);
    const png = makePng(4, 4);
    const rename = storeFs.rename;
    vi.spyOn(storeFs, 'rename').mockRejectedValueOnce(Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' }));
    await expect(store.add(png)).rejects.toMatchObject({ code: 'ENOSPC' });
    expect(await readdir(assets)).toEqual([]);
    expect(await store.read(sha256Hex(png))).toBeNull();
    vi.mocked(storeFs.rename).mockImplementation(rename);
    await store.add(png);
    expect((await store.read(sha256Hex(png)))?.bytes).toEqual(png);
  });

  it('refuses a picture over 5 MB, an empty file, a file that is no picture and an SVG with a script, in plain words', async () => {
    const store = createAssetStore(assets);
    const big = Buffer.concat([makePng(2, 2), Buffer.alloc(PICTURE_MAX_BYTES)]);
    const tooBig = await refusal(store.add(big));
    expect(tooBig.code).toBe('too_large');
    expect(tooBig.message).toMatch(/^This picture is 5\.0 MB; a picture can be at most 5 MB/);
    expect((await refusal(store.add(Buffer.alloc(0)))).message).toMatch(/empty/);
    expect((await refusal(store.add(Buffer.from('GIF89a')))).message).toBe('This file is not a picture Plenary can show: choose a PNG, JPEG, SVG or WebP file.');
    expect((await refusal(store.add(makeSvg('<script>alert(1)</script>')))).message).toMatch(/^This SVG cannot be shown: it contains a script\./);
    await expect(readdir(assets)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('reads a kept picture back byte for byte, and refuses a file changed behind its back', async () => {
    const png = makePng(6, 3);
    const { asset } = await createAssetStore(assets).add(png);
    const fresh = createAssetStore(assets);
    expect(await fresh.read(asset)).toEqual({ mediaType: 'image/png', bytes: png });
    expect(await fresh.read('0'.repeat(64))).toBeNull();
    expect(await fresh.read('../library')).toBeNull();
    await writeFile(join(assets, `${asset}.png`), makePng(6, 4));
    expect(await createAssetStore(assets).read(asset)).toBeNull();
  });

  it('clears temp files a cut-off write left behind', async () => {
    await createAssetStore(assets).add(makePng(2, 2));
    await writeFile(join(assets, '.abc.png.1.0.tmp'), 'partial');
    const store = createAssetStore(assets);
    await store.typeOf('0'.repeat(64));
    await vi.waitFor(async () => expect((await readdir(assets)).filter((name) => name.endsWith('.tmp'))).toEqual([]));
  });
});
