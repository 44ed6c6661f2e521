/**
 * The one API client: typed from the contract, over whichever transport was
 * chosen at start-up.
 */
import type { DesktopAction, IpcResult } from '../../shared/bridge';
import type { CommandInput, CommandName, CommandOutput, PlenaryEvent } from '../../shared/contract';
import { apiErrorFromBody } from '../../shared/errors';
import { takeTokenFromUrl } from './token';
import { httpTransport, ipcTransport, type Transport } from './transport';

export class ApiClient {
  constructor(private readonly transport: Transport) {}

  get kind(): Transport['kind'] {
    return this.transport.kind;
  }

  /** Runs a command; rejects with an ApiError carrying a message for the user. */
  call<N extends CommandName>(name: N, input: CommandInput<N>): Promise<CommandOutput<N>> {
    return this.transport.call(name, input) as Promise<CommandOutput<N>>;
  }

  subscribe(listener: (event: PlenaryEvent) => void): () => void {
    return this.transport.subscribe(listener);
  }

  onConnection(listener: (connected: boolean) => void): () => void {
    return this.transport.onConnection(listener);
  }

  /** True in the desktop app, where the shell offers dialogs, windows and PDF export. */
  get isDesktop(): boolean {
    return this.transport.kind === 'ipc' && Boolean(window.plenary);
  }

  async desktop<T = unknown>(action: DesktopAction, input?: unknown): Promise<T> {
    const bridge = window.plenary;
    if (!bridge) throw new Error(`${action} is only available in the desktop app.`);
    const result: IpcResult = await bridge.desktop(action, input);
    if (result.ok) return result.value as T;
    throw apiErrorFromBody(result.error);
  }
}

/** Chooses the transport once: the preload's bridge if present, else HTTP with the tab's token. */
export function createClient(): ApiClient {
  const bridge = window.plenary;
  return new ApiClient(bridge ? ipcTransport(bridge) : httpTransport(takeTokenFromUrl()));
}
