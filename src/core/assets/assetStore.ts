/**
 * The pictures of the data folder: `assets/<sha256>.<ext>`, each kept once under
 * the hash of its bytes. Workshops and sessions name a picture by that hash and
 * never copy it, so a vote or a slide change writes no more than before pictures
 * existed; the same picture added twice (or by two imports) is one file.
 * Files are written durably (temp file, fsync, rename, folder fsync) through the
 * store's storeFs seam, and never changed or removed afterwards: a session in
 * History may still show a picture its workshop has since dropped.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ApiError } from '../../shared/errors';
import { PICTURE_MAX_BYTES } from '../../shared/limits';
import type { PictureMediaType } from '../../shared/model';
import { fsyncDirectory, storeFs, writeFileDurably } from '../store/durableWrite';
import { sniffPictureType, svgProblem, svgText } from './pictureType';

export const ASSETS_DIR = 'assets';

const EXTENSIONS: Record<PictureMediaType, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/svg+xml': 'svg',
  'image/webp': 'webp',
};
const TYPE_OF_EXTENSION = new Map(Object.entries(EXTENSIONS).map(([type, extension]) => [extension, type as PictureMediaType]));
const ASSET_FILE = /^([0-9a-f]{64})\.([a-z]+)$/;
const HASH = /^[0-9a-f]{64}$/;

/** A picture the store holds: its hash, its type and its size in bytes. */
export interface StoredPicture {
  asset: string;
  mediaType: PictureMediaType;
  bytes: number;
}

export interface AssetStore {
  /** Checks and keeps a picture (once per content), resolving once it is on disk; throws ApiError in plain words. */
  add(bytes: Uint8Array): Promise<StoredPicture>;
  /** A kept picture's bytes, or null when the folder has none by that hash (or its file no longer matches it). */
  read(asset: string): Promise<{ mediaType: PictureMediaType; bytes: Buffer } | null>;
  /** The type of a kept picture, or null. */
  typeOf(asset: string): Promise<PictureMediaType | null>;
}

export const sha256Hex = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** Whether these bytes may be a slide's picture: its type, or an ApiError saying why not. */
export function checkPicture(bytes: Uint8Array): PictureMediaType {
  if (bytes.length === 0) throw new ApiError('invalid_input', 'This file is empty: choose a PNG, JPEG, SVG or WebP picture.');
  if (bytes.length > PICTURE_MAX_BYTES) {
    throw new ApiError('too_large', `This picture is ${megabytes(bytes.length)}; a picture can be at most ${PICTURE_MAX_BYTES / 1024 / 1024} MB. Make it smaller (a width of 1920 pixels is plenty for a projector) and try again.`);
  }
  const mediaType = sniffPictureType(bytes);
  if (!mediaType) throw new ApiError('invalid_input', 'This file is not a picture Plenary can show: choose a PNG, JPEG, SVG or WebP file.');
  if (mediaType === 'image/svg+xml') {
    const problem = svgProblem(svgText(bytes) ?? '');
    if (problem) throw new ApiError('invalid_input', `This SVG cannot be shown: ${problem}. Save it as a plain drawing (or as PNG) and try again.`);
  }
  return mediaType;
}

/** The asset store in `dir` (the data folder's `assets/`), made when the first picture arrives. */
export function createAssetStore(dir: string): AssetStore {
  /** hash -> type of the files found or written; read once from the folder. */
  let index: Promise<Map<string, PictureMediaType>> | null = null;
  /** Files whose bytes were checked against their name since the start: read again without hashing. */
  const verified = new Set<string>();
  let folderMade = false;

  const loadIndex = () =>
    (index ??= readdir(dir).then(
      (names) => {
        const found = new Map<string, PictureMediaType>();
        for (const name of names) {
          const match = ASSET_FILE.exec(name);
          const type = match ? TYPE_OF_EXTENSION.get(match[2]!) : undefined;
          if (match && type) found.set(match[1]!, type);
          // A temp file left by a write cut short: never acknowledged, so nothing is lost by removing it.
          else if (name.startsWith('.') && name.endsWith('.tmp')) void storeFs.rm(join(dir, name), { force: true }).catch(() => undefined);
        }
        folderMade = true;
        return found;
      },
      (error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return new Map<string, PictureMediaType>();
        index = null;
        throw error;
      },
    ));

  const pathOf = (asset: string, mediaType: PictureMediaType) => join(dir, `${asset}.${EXTENSIONS[mediaType]}`);

  /** Serialises writes: two adds of the same picture at once write it once. */
  let writing: Promise<unknown> = Promise.resolve();

  return {
    add: async (bytes) => {
      const mediaType = checkPicture(bytes);
      const asset = sha256Hex(bytes);
      const result: StoredPicture = { asset, mediaType, bytes: bytes.length };
      const write = writing.then(async () => {
        const known = await loadIndex();
        if (known.get(asset) === mediaType) return;
        if (!folderMade) {
          await mkdir(dir, { recursive: true });
          // The new folder's own entry, so the first picture's folder survives a power cut too.
          await fsyncDirectory(join(dir, '..'));
          folderMade = true;
        }
        await writeFileDurably(pathOf(asset, mediaType), bytes);
        known.set(asset, mediaType);
        verified.add(asset);
      });
      writing = write.catch(() => undefined);
      await write;
      return result;
    },
    read: async (asset) => {
      if (!HASH.test(asset)) return null;
      const mediaType = (await loadIndex()).get(asset);
      if (!mediaType) return null;
      let bytes: Buffer;
      try {
        bytes = await readFile(pathOf(asset, mediaType));
      } catch {
        return null;
      }
      if (!verified.has(asset)) {
        // A file changed behind our back (or damaged on disk) is not that picture any more.
        if (sha256Hex(bytes) !== asset) return null;
        verified.add(asset);
      }
      return { mediaType, bytes };
    },
    typeOf: async (asset) => (HASH.test(asset) ? ((await loadIndex()).get(asset) ?? null) : null),
  };
}
