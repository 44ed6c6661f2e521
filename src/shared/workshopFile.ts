/**
 * The `.plenary.json` workshop file: a documented, versioned envelope around a
 * workshop's content and the pictures its slides show. See
 * docs/workshop-format.md and the JSON Schema in docs/workshop.schema.json
 * (generated from these schemas).
 */
import { z } from 'zod';
import { ApiError } from './errors';
import { assetHashSchema, pictureMediaTypeSchema, workshopContentSchema, type PictureMediaType, type WorkshopContent } from './model';
import { WORKSHOP_FILE_MAX_BYTES, WORKSHOP_FILE_MAX_MB } from './limits';
import { describeWorkshopFileIssue } from './workshopFileProblems';
import { formatPath } from './validation';

export const WORKSHOP_FILE_FORMAT = 'plenary.workshop';
/** 2 (issue 19) embeds the slides' pictures; a version-1 file is read as one without pictures. */
export const WORKSHOP_FILE_VERSION = 2;
export const WORKSHOP_FILE_EXTENSION = '.plenary.json';
export { WORKSHOP_FILE_MAX_BYTES } from './limits';

/**
 * Standard base64 (RFC 4648, with padding). One character class, no groups: a
 * grouped pattern backtracks, and over a 7 MB picture that can exhaust the regex stack.
 */
const BASE64_CHARACTERS = /^[A-Za-z0-9+/]*={0,2}$/;

/** A picture as the file carries it: its media type and its bytes in base64. */
export const embeddedPictureSchema = z.object({
  mediaType: pictureMediaTypeSchema,
  data: z
    .string()
    .min(1, 'a picture needs its bytes')
    .refine((data) => data.length % 4 === 0 && BASE64_CHARACTERS.test(data), 'its bytes must be base64 (A-Z, a-z, 0-9, + and /, padded with =)'),
});
export type EmbeddedPicture = z.infer<typeof embeddedPictureSchema>;

/** The pictures of a file, each once, keyed by the SHA-256 of its bytes (the slides' `picture.asset`). */
const picturesSchema = z.record(assetHashSchema, embeddedPictureSchema);

export const workshopFileSchema = z
  .object({
    format: z.literal(WORKSHOP_FILE_FORMAT),
    version: z.literal(WORKSHOP_FILE_VERSION),
    workshop: workshopContentSchema,
    pictures: picturesSchema.default({}),
  })
  .superRefine((file, ctx) => {
    file.workshop.slides.forEach((slide, index) => {
      if (!slide.picture) return;
      const embedded = Object.hasOwn(file.pictures, slide.picture.asset) ? file.pictures[slide.picture.asset] : undefined;
      if (!embedded) {
        ctx.addIssue({ code: 'custom', path: ['workshop', 'slides', index, 'picture', 'asset'], message: 'its picture is not in the file (nothing under "pictures" has that hash)' });
      } else if (embedded.mediaType !== slide.picture.mediaType) {
        ctx.addIssue({
          code: 'custom',
          path: ['workshop', 'slides', index, 'picture', 'mediaType'],
          message: `its picture is said to be ${slide.picture.mediaType}, but the file embeds it as ${embedded.mediaType}`,
        });
      }
    });
  });
export type WorkshopFile = z.infer<typeof workshopFileSchema>;

/** What a workshop file holds: the content, and the pictures its slides name (hash -> media type and base64 bytes). */
export interface DecodedWorkshopFile {
  content: WorkshopContent;
  pictures: Map<string, EmbeddedPicture>;
}

/** The hashes of the pictures a workshop's slides show, each once, in slide order. */
export function picturesOf(content: WorkshopContent): { asset: string; mediaType: PictureMediaType }[] {
  const seen = new Map<string, PictureMediaType>();
  for (const slide of content.slides) if (slide.picture && !seen.has(slide.picture.asset)) seen.set(slide.picture.asset, slide.picture.mediaType);
  return [...seen].map(([asset, mediaType]) => ({ asset, mediaType }));
}

/**
 * The text of a `.plenary.json` file for this content. `pictures` must hold every
 * picture the slides show (the core reads them from the asset store); each is
 * written once, sorted by hash, so the same workshop always makes the same text.
 */
export function encodeWorkshopFile(content: WorkshopContent, pictures: ReadonlyMap<string, EmbeddedPicture> = new Map()): string {
  const embedded: Record<string, EmbeddedPicture> = {};
  for (const { asset } of picturesOf(content).sort((a, b) => (a.asset < b.asset ? -1 : 1))) {
    const picture = pictures.get(asset);
    if (!picture) throw new ApiError('not_found', `The picture ${asset.slice(0, 12)}… is not in the data folder, so the workshop cannot be exported with it.`);
    embedded[asset] = { mediaType: picture.mediaType, data: picture.data };
  }
  const file: WorkshopFile = { format: WORKSHOP_FILE_FORMAT, version: WORKSHOP_FILE_VERSION, workshop: content, pictures: embedded };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** A file name made from a title: letters, digits and dashes. */
export function workshopFileName(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${slug || 'workshop'}${WORKSHOP_FILE_EXTENSION}`;
}

/**
 * Older versions, brought up to the current one before the schema reads them.
 * Each new version adds its step here (and a test in workshopFile.test.ts).
 */
const migrations: Record<number, (file: Record<string, unknown>) => Record<string, unknown>> = {
  // Version 1 had no pictures.
  1: (file) => ({ ...file, version: 2, pictures: {} }),
};

/**
 * Reads a `.plenary.json` file's text, or throws an ApiError that says, in plain
 * words, what is wrong and where ("Scenario 3, option A: its lean must be leader,
 * manager or neutral"); its `path` names the place for scripts
 * (`workshop.slides[7].question.options[0].style`). The one way in for a
 * workshop: a user's import and the built-in workshop alike.
 * The pictures come back as base64: the core decodes them, checks each one's
 * hash against its bytes and its type against its magic numbers (src/core/assets).
 */
export function readWorkshopFile(text: string): DecodedWorkshopFile {
  // Bytes, not characters: the limit is about the file on disk.
  const bytes = new TextEncoder().encode(text).length;
  if (bytes > WORKSHOP_FILE_MAX_BYTES) {
    throw new ApiError('too_large', `This file is ${(bytes / 1024 / 1024).toFixed(1)} MB; a workshop file can be at most ${WORKSHOP_FILE_MAX_MB} MB.`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new ApiError('invalid_input', `This file is not JSON (${(error as Error).message}).`);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new ApiError('invalid_input', 'This file is not a Plenary workshop: it holds no JSON object.');
  }
  let envelope = raw as Record<string, unknown>;
  if (envelope.format !== WORKSHOP_FILE_FORMAT) {
    throw new ApiError('invalid_input', `This file is not a Plenary workshop: "format" should be "${WORKSHOP_FILE_FORMAT}".`, 'format');
  }
  while (typeof envelope.version === 'number' && envelope.version < WORKSHOP_FILE_VERSION && Object.hasOwn(migrations, envelope.version)) {
    envelope = migrations[envelope.version]!(envelope);
  }
  if (envelope.version !== WORKSHOP_FILE_VERSION) {
    throw new ApiError(
      'invalid_input',
      `This workshop file has format version ${JSON.stringify((raw as Record<string, unknown>).version)}; this Plenary reads versions 1 to ${WORKSHOP_FILE_VERSION}.`,
      'version',
    );
  }
  const parsed = workshopFileSchema.safeParse(envelope);
  if (!parsed.success) {
    const [issue, ...others] = parsed.error.issues;
    if (!issue) throw new ApiError('invalid_input', 'This workshop file is not valid.');
    const more = others.length > 0 ? ` (and ${others.length} more problem${others.length > 1 ? 's' : ''})` : '';
    throw new ApiError('invalid_input', `${describeWorkshopFileIssue(issue, envelope)}${more}.`, formatPath(issue.path));
  }
  const pictures = new Map<string, EmbeddedPicture>();
  // Only what a slide shows is kept: a picture no slide names would be written to the data folder for nothing.
  for (const { asset } of picturesOf(parsed.data.workshop)) pictures.set(asset, parsed.data.pictures[asset]!);
  return { content: parsed.data.workshop, pictures };
}

/** The content of a workshop file, for callers that need no pictures (the built-in workshop has none). */
export function decodeWorkshopFile(text: string): WorkshopContent {
  return readWorkshopFile(text).content;
}
