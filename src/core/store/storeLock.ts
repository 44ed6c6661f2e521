/**
 * One process per data folder: two lowdb instances on one file lose writes, so a
 * second app (or `npm run serve` on the same folder) must stop before it writes.
 */
import { hostname } from 'node:os';
import { open, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { ApiError } from '../../shared/errors';

export const LOCK_FILE = 'plenary.lock';

interface LockOwner {
  pid: number;
  host: string;
  since: string;
}

/** Thrown when another live process holds the folder; its message is for the user. */
export class StoreLockedError extends ApiError {
  constructor(dir: string, owner: LockOwner) {
    super(
      'conflict',
      `The data folder ${dir} is in use by another Plenary (process ${owner.pid}, since ${owner.since}). ` +
        'Close that one first, or choose another folder with --data.',
    );
    this.name = 'StoreLockedError';
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else, so it is alive.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export interface StoreLock {
  release(): Promise<void>;
}

/**
 * Takes the folder's lock, or throws StoreLockedError. A lock whose process is
 * gone (killed, crashed) is taken over.
 * WARNING: a lock from another host (a network folder) is never taken over, since
 * its process cannot be checked from here.
 */
export async function acquireStoreLock(dir: string, now: () => Date): Promise<StoreLock> {
  const path = join(dir, LOCK_FILE);
  const me: LockOwner = { pid: process.pid, host: hostname(), since: now().toISOString() };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const handle = await open(path, 'wx', 0o600);
      await handle.writeFile(JSON.stringify(me));
      await handle.sync();
      await handle.close();
      return {
        release: async () => {
          const current = await readOwner(path);
          if (current && current.pid === me.pid && current.host === me.host) await rm(path, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = await readOwner(path);
      if (owner && owner.host === me.host && owner.pid !== me.pid && !isAlive(owner.pid)) {
        await rm(path, { force: true });
        continue;
      }
      if (owner && (owner.host !== me.host || owner.pid === me.pid || isAlive(owner.pid))) {
        throw new StoreLockedError(dir, owner);
      }
      // Unreadable lock: a process died while writing it. Nothing holds it.
      await rm(path, { force: true });
    }
  }
  throw new ApiError('conflict', `Could not take the lock on the data folder ${dir}.`);
}

async function readOwner(path: string): Promise<LockOwner | null> {
  try {
    const parsed = JSON.parse(await readFile(path, 'utf8')) as Partial<LockOwner>;
    if (typeof parsed.pid === 'number' && typeof parsed.host === 'string') {
      return { pid: parsed.pid, host: parsed.host, since: String(parsed.since ?? 'unknown') };
    }
    return null;
  } catch {
    return null;
  }
}
