/**
 * Reading one store file: parse, migrate to the current schema version, validate.
 * A file that fails is moved aside (never overwritten), the last good backup takes
 * its place, and a notice says what happened.
 */
import { readFile, rename, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { z } from 'zod';
import type { RecoveryNotice } from '../../shared/contract';
import { formatPath } from '../../shared/validation';
import { writeFileDurably } from './durableWrite';

/** Turns a file of version `n` into version `n + 1`. */
export type Migration = (old: Record<string, unknown>) => Record<string, unknown>;

export interface DocumentSpec<T extends { schemaVersion: number }> {
  /** For messages: "the library", "session abc". */
  label: string;
  schema: z.ZodType<T>;
  currentVersion: number;
  /** `migrations[n]` upgrades a version-n file to n + 1. */
  migrations: Record<number, Migration>;
}

export const backupPathOf = (path: string) => `${path}.bak`;

class UnreadableFile extends Error {}

/** A store file the system would not read; nothing was moved or changed. */
export class StoreUnreadableError extends Error {
  constructor(path: string, cause: Error) {
    super(`Plenary could not read ${path} (${cause.message}). Nothing was changed; check the disk, then start Plenary again.`, { cause });
  }
}

/** Parses, migrates and validates a file's text; throws UnreadableFile with the reason. */
export function decodeDocument<T extends { schemaVersion: number }>(text: string, spec: DocumentSpec<T>): T {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new UnreadableFile('it is not valid JSON');
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new UnreadableFile('it is not a JSON object');
  let doc = raw as Record<string, unknown>;
  let version = typeof doc.schemaVersion === 'number' ? doc.schemaVersion : 0;
  if (version > spec.currentVersion) {
    throw new UnreadableFile(`it was written by a newer Plenary (format ${version}; this one reads up to ${spec.currentVersion})`);
  }
  while (version < spec.currentVersion) {
    const migrate = spec.migrations[version];
    if (!migrate) throw new UnreadableFile(`no way to upgrade format ${version}`);
    doc = { ...migrate(doc), schemaVersion: version + 1 };
    version += 1;
  }
  const parsed = spec.schema.safeParse(doc);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UnreadableFile(`it does not match the expected shape (${issue ? `${formatPath(issue.path)}: ${issue.message}` : 'unknown'})`);
  }
  return parsed.data;
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

async function tryRead<T extends { schemaVersion: number }>(path: string, spec: DocumentSpec<T>): Promise<{ doc: T } | { error: string } | null> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    // Not damage: the disk would not give the bytes (EIO, too many open files, a
    // folder in the file's place). Moving a good file aside for that would put an
    // older backup in its place, so opening stops here and changes nothing.
    throw new StoreUnreadableError(path, error as Error);
  }
  try {
    return { doc: decodeDocument(text, spec) };
  } catch (error) {
    if (error instanceof UnreadableFile) return { error: error.message };
    throw error;
  }
}

/**
 * Reads a store file, repairing it from its backup if needed.
 * @returns the document, or null when neither the file nor a good backup exists
 */
export interface ReadDocumentOptions {
  /**
   * Asked when the file is missing and its backup is put back: a message when that
   * is damage to tell (nothing shows an interrupted write), null when it is the
   * quiet case of a crash between a write's two renames.
   */
  onMissing?: () => Promise<string | null>;
}

export async function readDocument<T extends { schemaVersion: number }>(
  path: string,
  spec: DocumentSpec<T>,
  now: () => Date,
  notices: RecoveryNotice[],
  options: ReadDocumentOptions = {},
): Promise<T | null> {
  const main = await tryRead(path, spec);
  if (main && 'doc' in main) return main.doc;

  const backupPath = backupPathOf(path);
  const backup = await tryRead(backupPath, spec);
  if (main === null) {
    // No file: a crash between the backup rename and the new file's rename. The
    // backup is the last acknowledged state; put it back quietly.
    if (backup && 'doc' in backup) {
      const damage = (await options.onMissing?.()) ?? null;
      // Durably: this file may go on being the snapshot while only votes are logged beside it.
      await writeFileDurably(path, await readFile(backupPath, 'utf8'));
      if (damage) notices.push({ file: basename(path), movedTo: '', restoredFrom: basename(backupPath), message: damage });
      return backup.doc;
    }
    return null;
  }

  const stamp = now().toISOString().replace(/[:.]/g, '-');
  let movedTo = `${path}.corrupt-${stamp}`;
  for (let n = 2; await exists(movedTo); n++) movedTo = `${path}.corrupt-${stamp}-${n}`;
  await rename(path, movedTo);
  if (backup && 'doc' in backup) {
    await writeFileDurably(path, await readFile(backupPath, 'utf8'));
    notices.push({
      file: basename(path),
      movedTo: basename(movedTo),
      restoredFrom: basename(backupPath),
      message: `${spec.label} could not be read because ${main.error}. It was kept as ${basename(movedTo)} and the last good backup was restored.`,
    });
    return backup.doc;
  }
  notices.push({
    file: basename(path),
    movedTo: basename(movedTo),
    restoredFrom: null,
    message: `${spec.label} could not be read because ${main.error}, and there was no good backup. It was kept as ${basename(movedTo)}; Plenary started without it.`,
  });
  return null;
}
