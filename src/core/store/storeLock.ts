/**
 * One process per data folder: two lowdb instances on one file lose writes, so a
 * second app (or `npm run serve` on the same folder) must stop before it writes.
 *
 * The lock is a listening socket that the operating system owns: the kernel lets
 * go of it the moment its process dies (killed, crashed, even while it waits as a
 * zombie to be reaped), and nothing survives a reboot. A second process's bind
 * fails with EADDRINUSE while the first lives; it then connects and the holder
 * answers with who it is, for the message. Where it lives:
 * - Linux: an abstract socket (no file at all), named by the folder's device and
 *   inode, so two spellings of one folder (a symlink, a bind mount) meet;
 * - Windows: a named pipe, named the same way (also a kernel object, no file);
 * - elsewhere (macOS): a socket file in the folder. A socket file left by a dead
 *   process is found stale by a refused connect and replaced, under a takeover
 *   folder made with mkdir (atomic), so two starting together never both replace it.
 *
 * Why not a lock file holding a pid (the first version): a pid says nothing about
 * a process just killed and not reaped yet, or one that now belongs to something
 * else after a reboot or in a container; and reading, judging and removing the
 * file are three steps another process can come between. Why not a library:
 * proper-lockfile judges staleness by age (a restart waits 10 s), and flock needs
 * a native module that would have to be rebuilt for Electron.
 */
import { createHash } from 'node:crypto';
import { mkdir, realpath, rmdir, stat, unlink } from 'node:fs/promises';
import { connect, createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiError } from '../../shared/errors';

/** The lock file of earlier versions: ignored now (a pid in a file proves nothing), never trusted. */
export const LOCK_FILE = 'plenary.lock';
/** The socket file where the system has no abstract sockets or pipes. */
export const LOCK_SOCKET = 'plenary.lock.sock';

interface LockOwner {
  pid: number;
  since: string;
}

/** Thrown when another live process holds the folder; its message is for the user. */
export class StoreLockedError extends ApiError {
  constructor(dir: string, owner: LockOwner | null) {
    super(
      'conflict',
      `The data folder ${dir} is in use by another Plenary${owner ? ` (process ${owner.pid}, since ${owner.since})` : ''}. ` +
        'Close that one first, or choose another folder with --data.',
    );
    this.name = 'StoreLockedError';
  }
}

export interface StoreLock {
  release(): Promise<void>;
}

export type LockKind = 'abstract' | 'pipe' | 'file';

export interface StoreLockOptions {
  /** Where the lock lives; by default what the platform does best (see above). Tests pick 'file' too. */
  kind?: LockKind;
}

const defaultKind = (): LockKind => (process.platform === 'linux' ? 'abstract' : process.platform === 'win32' ? 'pipe' : 'file');

/** The lock's address for a folder: the same for every spelling of the folder's path. */
async function lockAddress(dir: string, kind: LockKind): Promise<string> {
  // The real path resolves symlinks; device and inode too, since a folder deleted
  // while its Plenary runs may hand its path to a new folder.
  const real = await realpath(dir);
  const folder = await stat(real);
  const key = createHash('sha256').update(`${real}\0${folder.dev}:${folder.ino}`).digest('hex').slice(0, 32);
  if (kind === 'abstract') return `\0plenary-${key}`;
  if (kind === 'pipe') return `\\\\.\\pipe\\plenary-${key}`;
  // A Unix socket's path has room for about 100 bytes: a deep folder's lock goes to the temp folder, under the same key.
  const inFolder = join(dir, LOCK_SOCKET);
  return Buffer.byteLength(inFolder) <= 100 ? inFolder : join(tmpdir(), `plenary-${key}.sock`);
}

function listenOn(server: Server, address: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => {
      server.off('listening', onListening);
      reject(error);
    };
    const onListening = () => {
      server.off('error', onError);
      resolve();
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(address);
  });
}

/**
 * Asks the holder of `address` who it is. `null` owner: it answered but said
 * nothing readable; 'gone': nothing listens there (a socket file left by a dead
 * process).
 */
function askHolder(address: string): Promise<{ owner: LockOwner | null } | 'gone'> {
  return new Promise((resolve) => {
    const socket = connect(address);
    let text = '';
    const done = (result: { owner: LockOwner | null } | 'gone') => {
      clearTimeout(timer);
      socket.destroy();
      resolve(result);
    };
    // A holder that is alive but busy still counts as alive.
    const timer = setTimeout(() => done({ owner: null }), 1000);
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (text += chunk));
    socket.on('end', () => {
      try {
        const parsed = JSON.parse(text) as Partial<LockOwner>;
        done({ owner: typeof parsed.pid === 'number' ? { pid: parsed.pid, since: String(parsed.since ?? 'unknown') } : null });
      } catch {
        done({ owner: null });
      }
    });
    socket.on('error', (error: NodeJS.ErrnoException) => {
      // Refused: a socket file with no one behind it. Not a socket: something else lies in its place.
      done(error.code === 'ECONNREFUSED' || error.code === 'ENOENT' || error.code === 'ENOTSOCK' ? 'gone' : { owner: null });
    });
  });
}

/** A takeover folder older than this belongs to a process that died taking over. */
const TAKEOVER_STALE_MS = 10_000;

/**
 * Replaces a socket file nothing listens on and listens in its place, all while
 * holding the takeover folder: no other process can look, judge it stale and
 * remove it between our look and our listen. False when someone else is taking
 * over now, or took the folder meanwhile (try again: the bind will say which).
 */
async function replaceStaleSocket(address: string, dir: string, listen: () => Promise<void>): Promise<boolean> {
  const takeover = `${address}.takeover`;
  try {
    await mkdir(takeover);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const age = await stat(takeover).then(
      (info) => Date.now() - info.mtimeMs,
      () => 0,
    );
    if (age > TAKEOVER_STALE_MS) await rmdir(takeover).catch(() => undefined);
    return false;
  }
  try {
    // Looked at again under the takeover: another process may have taken the folder meanwhile.
    if ((await askHolder(address)) !== 'gone') return false;
    await unlink(address).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return;
      throw new ApiError('conflict', `The lock of the data folder ${dir} (${address}) is not a socket Plenary can replace (${error.code}). Remove it, then start again.`);
    });
    await listen();
    return true;
  } finally {
    await rmdir(takeover).catch(() => undefined);
  }
}

/**
 * Takes the folder's lock, or throws StoreLockedError naming the live holder. A
 * lock whose process is gone, however it went, is never in the way.
 */
export async function acquireStoreLock(dir: string, now: () => Date, options: StoreLockOptions = {}): Promise<StoreLock> {
  const kind = options.kind ?? defaultKind();
  const address = await lockAddress(dir, kind);
  const me: LockOwner = { pid: process.pid, since: now().toISOString() };
  const hello = JSON.stringify(me);
  for (let attempt = 0; attempt < 50; attempt++) {
    const server = createServer((socket) => {
      socket.on('error', () => undefined);
      socket.end(hello);
    });
    const couldNotLock = (error: unknown) =>
      new ApiError(
        'conflict',
        `Plenary could not lock the data folder ${dir} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}). Check that the folder can be written, then start again.`,
      );
    try {
      await listenOn(server, address);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw couldNotLock(error);
      const holder = await askHolder(address);
      if (holder !== 'gone') throw new StoreLockedError(dir, holder.owner);
      // Only a socket file outlives its process: replace it, or wait for whoever is.
      let listened = false;
      if (kind === 'file') {
        listened = await replaceStaleSocket(address, dir, () => listenOn(server, address)).catch((caught: unknown) => {
          if (caught instanceof ApiError) throw caught;
          if ((caught as NodeJS.ErrnoException).code === 'EADDRINUSE') return false;
          throw couldNotLock(caught);
        });
      }
      if (!listened) {
        await new Promise((resolve) => setTimeout(resolve, 20 + Math.random() * 30));
        continue;
      }
    }
    // The lock must not keep the process alive by itself.
    server.unref();
    let released = false;
    return {
      release: async () => {
        if (released) return;
        released = true;
        // WARNING: Node unlinks a socket file itself on close; removing it again here
        // could remove the socket of the next process, bound a moment later.
        await new Promise<void>((resolve) => server.close(() => resolve()));
      },
    };
  }
  throw new ApiError('conflict', `Could not take the lock on the data folder ${dir}; another Plenary may be starting there. Try again.`);
}
