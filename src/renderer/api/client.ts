/**
 * The one API client: typed from the contract, over whichever transport was
 * chosen at start-up.
 */
import type { DesktopAction, DesktopActionInput, DesktopActionOutput, IpcResult } from '../../shared/bridge';
import type { CommandInput, CommandName, CommandOutput, PlenaryEvent } from '../../shared/contract';
import { apiErrorFromBody } from '../../shared/errors';
import { takeBootReads, type PrefetchableRead } from './bootReads';
import { pageTransport } from './pageTransport';
import type { Transport } from './transport';

/** A read started ahead of the view that will make it. */
interface PrefetchedRead {
  answer: Promise<unknown>;
  /** The answer once it has come, for a first render that can draw it at once. */
  arrived?: { value: unknown };
  /** Set by any event that may change the answer: it may predate the event, so it is read again. */
  stale: boolean;
  stopListening: () => void;
}

/** How long a read nobody asked for is kept. */
const PREFETCH_KEPT_MS = 10_000;

const prefetchKey = (name: CommandName, input: unknown): string | null => {
  if (name !== 'sessions.get' && name !== 'reports.get') return null;
  const keys = input && typeof input === 'object' ? Object.keys(input) : [];
  const { sessionId } = input as { sessionId?: unknown };
  return keys.length === 1 && typeof sessionId === 'string' ? `${name} ${sessionId}` : null;
};

export class ApiClient {
  private readonly prefetched = new Map<string, PrefetchedRead>();

  constructor(private readonly transport: Transport) {}

  get kind(): Transport['kind'] {
    return this.transport.kind;
  }

  /** Runs a command; rejects with an ApiError carrying a message for the user. */
  call<N extends CommandName>(name: N, input: CommandInput<N>): Promise<CommandOutput<N>> {
    const key = prefetchKey(name, input);
    const entry = key === null ? undefined : this.prefetched.get(key);
    if (key !== null && entry) {
      this.prefetched.delete(key);
      return entry.answer.then(
        (answer) => (entry.stale ? this.transport.call(name, input) : answer) as CommandOutput<N>,
        () => this.transport.call(name, input) as Promise<CommandOutput<N>>,
      ).finally(entry.stopListening);
    }
    return this.transport.call(name, input) as Promise<CommandOutput<N>>;
  }

  /**
   * Starts reading a session the view about to open will read, so the request
   * runs while that view's code loads rather than after. The view's own
   * `sessions.get` then takes this answer, unless an event about the session
   * arrived meanwhile (then it reads again): never older than a read of its own.
   */
  prefetchSession(sessionId: string): void {
    this.prefetch('sessions.get', sessionId);
  }

  /**
   * The same for the session's summary (`reports.get`), which the results and
   * report views draw: its charts' code and their data then travel together.
   * The settings (the privacy floor) change it too.
   */
  prefetchSummary(sessionId: string): void {
    this.prefetch('reports.get', sessionId);
  }

  /**
   * Takes a read the boot script sent before this client existed, as if this
   * client had started it. Events that came before are not missed: the event
   * stream opens only now, and a live session reads itself again once it has
   * (hooks.ts), as it does after any gap in the stream.
   */
  adopt(name: PrefetchableRead, sessionId: string, answer: Promise<unknown>): void {
    this.prefetch(name, sessionId, answer);
  }

  /**
   * The answer of a read started ahead, if it has arrived and nothing since may
   * have changed it; else undefined. The read stays for the view's own call: a
   * view draws it in its first render instead of a loading line.
   */
  peekPrefetched<N extends CommandName>(name: N, input: CommandInput<N>): CommandOutput<N> | undefined {
    const key = prefetchKey(name, input);
    const entry = key === null ? undefined : this.prefetched.get(key);
    return entry?.arrived && !entry.stale ? (entry.arrived.value as CommandOutput<N>) : undefined;
  }

  /** Settles once every read started ahead so far has its answer or has failed. */
  async prefetchesSettled(): Promise<void> {
    await Promise.allSettled([...this.prefetched.values()].map((entry) => entry.answer));
  }

  private prefetch(name: PrefetchableRead, sessionId: string, started?: Promise<unknown>): void {
    const key = `${name} ${sessionId}`;
    if (this.prefetched.has(key)) return;
    const answer = started ?? this.transport.call(name, { sessionId });
    // Whoever takes it handles a failure; an answer nobody took is dropped.
    answer.then(
      (value) => {
        entry.arrived = { value };
      },
      () => undefined,
    );
    const unsubscribe = this.transport.subscribe((event) => {
      if (('sessionId' in event.data && event.data.sessionId === sessionId) || (name === 'reports.get' && event.name === 'settings.changed')) entry.stale = true;
    });
    const timer = setTimeout(() => {
      if (this.prefetched.get(key) === entry) this.prefetched.delete(key);
      unsubscribe();
    }, PREFETCH_KEPT_MS);
    const entry: PrefetchedRead = {
      answer,
      stale: false,
      stopListening: () => {
        clearTimeout(timer);
        unsubscribe();
      },
    };
    this.prefetched.set(key, entry);
  }

  subscribe(listener: (event: PlenaryEvent) => void): () => void {
    return this.transport.subscribe(listener);
  }

  onConnection(listener: (connected: boolean) => void): () => void {
    return this.transport.onConnection(listener);
  }

  /** Where a slide's picture (named by its hash) loads from: the one place every view asks. */
  pictureUrl(asset: string): string | null {
    return this.transport.pictureUrl(asset);
  }

  /** True in the desktop app, where the shell offers dialogs, windows and PDF export. */
  get isDesktop(): boolean {
    return this.transport.kind === 'ipc' && Boolean(window.plenary);
  }

  /** Runs a desktop action (src/shared/bridge.ts); an action that takes no input is called without one. */
  async desktop<A extends DesktopAction>(
    action: A,
    ...[input]: undefined extends DesktopActionInput<A> ? [input?: DesktopActionInput<A>] : [input: DesktopActionInput<A>]
  ): Promise<DesktopActionOutput<A>> {
    const bridge = window.plenary;
    if (!bridge) throw new Error(`${action} is only available in the desktop app.`);
    const result: IpcResult = await bridge.desktop(action, input);
    if (result.ok) return result.value as DesktopActionOutput<A>;
    throw apiErrorFromBody(result.error);
  }
}

/** The app's client, over the page's transport, with the reads the boot script already sent. */
export function createClient(): ApiClient {
  const client = new ApiClient(pageTransport());
  for (const read of takeBootReads()) client.adopt(read.name, read.sessionId, read.answer);
  return client;
}
