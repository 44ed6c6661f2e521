/**
 * The `.plenary.json` workshop file: a documented, versioned envelope around a
 * workshop's content. See docs/workshop-format.md and the JSON Schema in
 * docs/workshop.schema.json (generated from these schemas).
 */
import { z } from 'zod';
import { ApiError } from './errors';
import { workshopContentSchema, type WorkshopContent } from './model';
import { WORKSHOP_FILE_MAX_BYTES } from './limits';
import { describeWorkshopFileIssue } from './workshopFileProblems';
import { formatPath } from './validation';

export const WORKSHOP_FILE_FORMAT = 'plenary.workshop';
export const WORKSHOP_FILE_VERSION = 1;
export const WORKSHOP_FILE_EXTENSION = '.plenary.json';
export { WORKSHOP_FILE_MAX_BYTES } from './limits';

export const workshopFileSchema = z.object({
  format: z.literal(WORKSHOP_FILE_FORMAT),
  version: z.literal(WORKSHOP_FILE_VERSION),
  workshop: workshopContentSchema,
});
export type WorkshopFile = z.infer<typeof workshopFileSchema>;

/** The text of a `.plenary.json` file for this content. */
export function encodeWorkshopFile(content: WorkshopContent): string {
  const file: WorkshopFile = { format: WORKSHOP_FILE_FORMAT, version: WORKSHOP_FILE_VERSION, workshop: content };
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
 * Reads a `.plenary.json` file's text, or throws an ApiError that says, in plain
 * words, what is wrong and where ("Scenario 3, option A: its lean must be leader,
 * manager or neutral"); its `path` names the place for scripts
 * (`workshop.slides[7].question.options[0].style`). The one way in for a
 * workshop: a user's import and the built-in workshop alike.
 */
export function decodeWorkshopFile(text: string): WorkshopContent {
  // Bytes, not characters: the limit is about the file on disk.
  const bytes = new TextEncoder().encode(text).length;
  if (bytes > WORKSHOP_FILE_MAX_BYTES) {
    throw new ApiError('too_large', `This file is ${(bytes / 1024 / 1024).toFixed(1)} MB; a workshop file can be at most 5 MB.`);
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
  const envelope = raw as Record<string, unknown>;
  if (envelope.format !== WORKSHOP_FILE_FORMAT) {
    throw new ApiError('invalid_input', `This file is not a Plenary workshop: "format" should be "${WORKSHOP_FILE_FORMAT}".`, 'format');
  }
  if (envelope.version !== WORKSHOP_FILE_VERSION) {
    throw new ApiError(
      'invalid_input',
      `This workshop file has format version ${JSON.stringify(envelope.version)}; this Plenary reads version ${WORKSHOP_FILE_VERSION}.`,
      'version',
    );
  }
  const parsed = workshopFileSchema.safeParse(raw);
  if (!parsed.success) {
    const [issue, ...others] = parsed.error.issues;
    if (!issue) throw new ApiError('invalid_input', 'This workshop file is not valid.');
    const more = others.length > 0 ? ` (and ${others.length} more problem${others.length > 1 ? 's' : ''})` : '';
    throw new ApiError('invalid_input', `${describeWorkshopFileIssue(issue, raw)}${more}.`, formatPath(issue.path));
  }
  return parsed.data.workshop;
}
