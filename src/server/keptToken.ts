/**
 * The Node host's facilitator token, kept in the data folder so that a restarted
 * `npm run serve` answers the tabs that are already open (the projector included)
 * instead of locking them out with a new random token.
 */
import { randomBytes } from 'node:crypto';
import { chmod, link, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { makeToken } from './host';

/** The file, beside the store's own files. */
export const TOKEN_FILE = 'facilitator-token';

/** A token is usable when it is 8 characters or more with no spaces (as `--token` must be). */
export function isUsableToken(token: string): boolean {
  return token.length >= 8 && !/\s/.test(token);
}

/**
 * The token kept in `dataDir`, made (readable by this user only, mode 0600) the
 * first time. A damaged file is replaced with a new token.
 */
export async function keptToken(dataDir: string, make: () => string = makeToken): Promise<string> {
  const path = join(dataDir, TOKEN_FILE);
  const kept = await readFile(path, 'utf8').then(
    (text) => text.trim(),
    (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return null;
      throw error;
    },
  );
  if (kept !== null && isUsableToken(kept)) return kept;
  await mkdir(dataDir, { recursive: true });
  const token = make();
  // Written whole to a file of its own, then linked into place: link() fails if the
  // token file exists, so two hosts started at once agree on the first one, and
  // neither ever reads a half-written file.
  const draft = `${path}.${process.pid}.${randomBytes(4).toString('hex')}`;
  await writeFile(draft, `${token}\n`, { mode: 0o600 });
  // The mode given to writeFile is masked by the umask.
  await chmod(draft, 0o600);
  try {
    if (kept !== null) await rename(draft, path);
    else await link(draft, path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return keptToken(dataDir, make);
    throw error;
  } finally {
    await rm(draft, { force: true });
  }
  return token;
}
