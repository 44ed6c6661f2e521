/**
 * Writing a file so that, once the promise resolves, the bytes survive a crash or
 * a power cut: temp file, fsync, rename over the old one, fsync the folder.
 */
import { closeSync, fdatasync, fstatSync, ftruncateSync, openSync, writeSync } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

let tempCounter = 0;

/**
 * Every file-system call by which the store changes the disk, in one object: the
 * seam through which tests make the disk full (`vi.spyOn(storeFs, 'writeSync')`).
 * Reading stays with node:fs.
 */
export const storeFs = {
  open,
  rename,
  rm,
  openSync,
  writeSync,
  closeSync,
  fstatSync,
  ftruncateSync,
  fdatasync: (fd: number): Promise<void> => new Promise<void>((resolve, reject) => fdatasync(fd, (error) => (error ? reject(error) : resolve()))),
};

/** Errors that mean "the disk will not take more": said in words, never as a stack. */
const FULL_DISK_CODES = new Set(['ENOSPC', 'EDQUOT']);

/** Whether a failed write failed for want of space (a full disk or a quota). */
export function isDiskFull(error: unknown): boolean {
  return FULL_DISK_CODES.has((error as NodeJS.ErrnoException | null)?.code ?? '');
}

/**
 * A failure of the disk in one line for a person: what happened and what to do,
 * never a stack. A full disk is named as such.
 */
export function describeStoreFailure(error: unknown): string {
  const failure = error as NodeJS.ErrnoException | null;
  const where = failure?.path ? ` (${failure.path})` : '';
  if (isDiskFull(error)) return `the disk is full${where}. Free some space, then try again; nothing saved before was lost.`;
  if (failure?.code === 'EROFS') return `the disk is read-only${where}. Choose a folder that can be written, then try again.`;
  if (failure?.code === 'EACCES' || failure?.code === 'EPERM') return `Plenary may not write there${where}. Check the folder's permissions, then try again.`;
  const message = failure instanceof Error ? failure.message : String(error);
  return message.split('\n')[0] ?? message;
}

/** Flushes a folder's entry list, so a rename inside it is durable. */
export async function fsyncDirectory(dir: string): Promise<void> {
  // WARNING: Windows cannot open a folder for fsync; NTFS journals renames itself.
  if (process.platform === 'win32') return;
  const handle = await storeFs.open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export interface DurableWriteOptions {
  /** Keep the file being replaced as this name (the last good version), in the same rename step. */
  backupPath?: string;
}

/** The prefix of the temporary files a write of `path` makes; one left behind means a write was cut off. */
export const tempPrefixOf = (path: string) => `.${basename(path)}.`;

/**
 * Replaces `path` with `contents` durably. The old file, if asked, becomes the
 * backup: a crash between the two renames leaves the backup and no file, which the
 * store reads as "use the backup" (the write in flight was never acknowledged).
 */
export async function writeFileDurably(path: string, contents: string | Uint8Array, options: DurableWriteOptions = {}): Promise<void> {
  const dir = dirname(path);
  const temp = join(dir, `${tempPrefixOf(path)}${process.pid}.${tempCounter++}.tmp`);
  const handle = await storeFs.open(temp, 'w', 0o600);
  try {
    await (typeof contents === 'string' ? handle.writeFile(contents, 'utf8') : handle.writeFile(contents));
    await handle.sync();
  } catch (error) {
    await handle.close().catch(() => undefined);
    await rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
  await handle.close();
  if (options.backupPath) {
    await storeFs.rename(path, options.backupPath).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    });
  }
  try {
    await storeFs.rename(temp, path);
  } catch (error) {
    // The backup rename landed: put the file back where it was, so nothing reads as missing.
    if (options.backupPath) await rename(options.backupPath, path).catch(() => undefined);
    await rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
  await fsyncDirectory(dir);
}
