/**
 * Writing a file so that, once the promise resolves, the bytes survive a crash or
 * a power cut: temp file, fsync, rename over the old one, fsync the folder.
 */
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

let tempCounter = 0;

/** Flushes a folder's entry list, so a rename inside it is durable. */
export async function fsyncDirectory(dir: string): Promise<void> {
  // WARNING: Windows cannot open a folder for fsync; NTFS journals renames itself.
  if (process.platform === 'win32') return;
  const handle = await open(dir, 'r');
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

/**
 * Replaces `path` with `contents` durably. The old file, if asked, becomes the
 * backup: a crash between the two renames leaves the backup and no file, which the
 * store reads as "use the backup" (the write in flight was never acknowledged).
 */
export async function writeFileDurably(path: string, contents: string, options: DurableWriteOptions = {}): Promise<void> {
  const dir = dirname(path);
  const temp = join(dir, `.${basename(path)}.${process.pid}.${tempCounter++}.tmp`);
  const handle = await open(temp, 'w', 0o600);
  try {
    await handle.writeFile(contents, 'utf8');
    await handle.sync();
  } catch (error) {
    await handle.close().catch(() => undefined);
    await rm(temp, { force: true });
    throw error;
  }
  await handle.close();
  if (options.backupPath) {
    await rename(path, options.backupPath).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    });
  }
  await rename(temp, path);
  await fsyncDirectory(dir);
}
