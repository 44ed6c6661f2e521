/**
 * The one API client: typed from the contract, over whichever transport was
 * chosen at start-up.
 */
import type { DesktopAction, DesktopActionInput, DesktopActionOutput, IpcResult } from '../../shared/bridge';
import type { CommandInput, CommandName, CommandOutput, PlenaryEvent } from '../../shared/contract';
import { apiErrorFromBody } from '../../shared/errors';
import { takeTokenFromUrl } from './token';
import { httpTransport, ipcTransport, type Transport } from './transport';

/** A session read started ahead of the view that will make it. */
interface PrefetchedSession {
  answer: Promise<unknown>;
  /** Set by any event about the session: the answer may predate it, so it is read again. */
  stale: boolean;
  stopListening: () => void;
}

/** How long a read nobody asked for is kept. */
const PREFETCH_KEPT_MS = 10_000;

export class ApiClient {
  private readonly prefetched = new Map<string, PrefetchedSession>();

  constructor(private readonly transport: Transport) {}

  get kind(): Transport['kind'] {
    return this.transport.kind;
  }

  /** Runs a command; rejects with an ApiError carrying a message for the user. */
  call<N extends CommandName>(name: N, input: CommandInput<N>): Promise<CommandOutput<N>> {
    if (name === 'sessions.get') {
      const { sessionId } = input as CommandInput<'sessions.get'>;
      const entry = this.prefetched.get(sessionId);
      if (entry) {
        this.prefetched.delete(sessionId);
        return entry.answer.then(
          (answer) => (entry.stale ? this.transport.call(name, input) : answer) as CommandOutput<N>,
          () => this.transport.call(name, input) as Promise<CommandOutput<N>>,
        ).finally(entry.stopListening);
      }
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
    if (this.prefetched.has(sessionId)) return;
    const answer = this.transport.call('sessions.get', { sessionId });
    // Whoever takes it handles a failure; an answer nobody took is dropped.
    answer.catch(() => undefined);
    const unsubscribe = this.transport.subscribe((event) => {
      if ('sessionId' in event.data && event.data.sessionId === sessionId) entry.stale = true;
    });
    const timer = setTimeout(() => {
      if (this.prefetched.get(sessionId) === entry) this.prefetched.delete(sessionId);
      unsubscribe();
    }, PREFETCH_KEPT_MS);
    const entry: PrefetchedSession = {
      answer,
      stale: false,
      stopListening: () => {
        clearTimeout(timer);
        unsubscribe();
      },
    };
    this.prefetched.set(sessionId, entry);
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

/** Chooses the transport once: the preload's bridge if present, else HTTP with the tab's token. */
export function createClient(): ApiClient {
  const bridge = window.plenary;
  return new ApiClient(bridge ? ipcTransport(bridge) : httpTransport(takeTokenFromUrl()));
}
