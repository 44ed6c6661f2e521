/**
 * Takes in requests for at most `budgetMs` of one turn of the event loop; once a
 * turn has spent that long on them, every other connection stops being read
 * until the next turn.
 *
 * Why: in one poll of the network, the system hands Node every connection that
 * has data. With a thousand phones voting at once (ten pipelined on each in the
 * hall benchmark), that is ten thousand requests parsed and handled before
 * anything else runs: a plain Node server with an empty handler held its loop
 * 550 to 780 ms on the shared test machine, and the facilitator's RPC waited behind
 * it. With the intake closed after `budgetMs`, the rest of the connections
 * are read in the turns after, a slice each, and the facilitator's request (its
 * connection exempt) goes between the slices. The acknowledgements are paced the
 * same way on the way out (turnPacer.ts).
 *
 * How: a connection that has sent nothing yet is held back by stopping reads on
 * its socket handle, which the system then leaves unread (Node's `socket.pause()`
 * does not stop an HTTP server's socket: its parser reads the handle directly).
 * Every held connection is read again at the next turn. The facilitator's
 * requests and the event streams never count against a turn's budget.
 */
import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import { performance } from 'node:perf_hooks';

/** The part of Node's TCP handle used here: `reading` is Node's own flag, kept in step. */
interface ReadableHandle {
  reading?: boolean;
  readStart(): number;
  readStop(): number;
}

function handleOf(socket: Socket): ReadableHandle | null {
  const handle = (socket as unknown as { _handle?: Partial<ReadableHandle> | null })._handle;
  return handle && typeof handle.readStart === 'function' && typeof handle.readStop === 'function' ? (handle as ReadableHandle) : null;
}

export interface IntakePacerOptions {
  /**
   * How long a turn may spend taking in requests (from its first one, their
   * handling included) before the other connections are held back. A time, not a
   * count: a burst of a thousand votes that fits in it is never paced at all, and
   * the stopping and starting of a thousand connections costs nothing there.
   */
  budgetMs: number;
  /** The clock, in ms (tests give their own). */
  now?: () => number;
  /** A request that never counts against a turn's budget and never closes the intake (the facilitator's). */
  isExempt?: (request: IncomingMessage) => boolean;
  /** A request that opens a long-lived stream: it does not count either. */
  isStream?: (request: IncomingMessage) => boolean;
}

export class IntakePacer {
  /** Connections that have sent nothing yet, in the order they came: the ones a flood can be held back on. */
  private readonly silent = new Set<Socket>();
  /** Connections whose reads this pacer stopped: only these does it start again. */
  private readonly held = new Set<Socket>();
  /** When this turn took its first request; null before it. */
  private turnStartedAt: number | null = null;
  private closedThisTurn = false;
  private scheduled: ReturnType<typeof setImmediate> | null = null;
  private readonly now: () => number;
  /** How many times the intake closed (tests read it). */
  closings = 0;

  constructor(private readonly options: IntakePacerOptions) {
    if (!(options.budgetMs > 0)) throw new RangeError('budgetMs must be above 0');
    this.now = options.now ?? (() => performance.now());
  }

  /** A new connection: it may be held back until it has sent its first request. */
  connection(socket: Socket): void {
    this.silent.add(socket);
    socket.once('close', () => {
      this.silent.delete(socket);
      this.held.delete(socket);
    });
  }

  /** A request has arrived (its headers parsed): counts its time, and closes the intake once the turn's time is spent. */
  request(request: IncomingMessage): void {
    const socket = request.socket;
    if (this.silent.delete(socket)) {
      // It may have been held back before: once heard, it is read as Node reads any connection.
      this.readAgain(socket);
    }
    if (this.options.isExempt?.(request) || this.options.isStream?.(request)) return;
    this.scheduled ??= setImmediate(() => this.turn());
    const now = this.now();
    this.turnStartedAt ??= now;
    if (!this.closedThisTurn && now - this.turnStartedAt >= this.options.budgetMs) this.close();
  }

  /** How many connections are held back now. */
  get heldBack(): number {
    return this.held.size;
  }

  /**
   * Stops reading every connection that has sent nothing yet. Those are where a
   * flood waits: a connection, once read, has handed Node all it had (ten
   * pipelined votes come in one read), and stopping and starting a thousand
   * connections that have nothing more to send cost the 1,000-phone burst a
   * third more CPU time for nothing. An idle keep-alive connection is not held;
   * Node closes it after 5 s idle, and a phone that votes later comes on a new one.
   */
  private close(): void {
    this.closings += 1;
    this.closedThisTurn = true;
    for (const socket of this.silent) {
      const handle = handleOf(socket);
      if (!handle || handle.reading === false || socket.destroyed) continue;
      handle.reading = false;
      handle.readStop();
      this.held.add(socket);
    }
  }

  private readAgain(socket: Socket): void {
    if (!this.held.delete(socket)) return;
    const handle = handleOf(socket);
    if (!handle || handle.reading !== false || socket.destroyed) return;
    handle.reading = true;
    handle.readStart();
  }

  /**
   * A new turn: a fresh budget, and every held connection read again, newest
   * first. The system then reads them in that order, so the facilitator's browser,
   * which opens a new connection whenever an idle one was closed, goes before a
   * flood on connections opened earlier. Every held one is read again each turn, so
   * none waits long: each turn takes in what fits in its budget.
   */
  private turn(): void {
    this.scheduled = null;
    this.turnStartedAt = null;
    this.closedThisTurn = false;
    for (const socket of [...this.held].reverse()) this.readAgain(socket);
  }

  /** The server closed: nothing is held any more. */
  stop(): void {
    if (this.scheduled) clearImmediate(this.scheduled);
    this.scheduled = null;
    for (const socket of [...this.held]) this.readAgain(socket);
    this.silent.clear();
  }
}
