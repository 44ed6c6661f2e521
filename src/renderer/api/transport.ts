/**
 * The two ways the renderer reaches the core: IPC through the preload in the
 * desktop app, HTTP (the facilitator RPC and its event stream) in a browser.
 */
import type { IpcResult, PlenaryBridge } from '../../shared/bridge';
import type { CommandName, PlenaryEvent } from '../../shared/contract';
import { eventNames } from '../../shared/eventNames';
import { ApiError, apiErrorFromBody } from '../../shared/errors';

export interface Transport {
  readonly kind: 'ipc' | 'http';
  call(name: CommandName, input: unknown): Promise<unknown>;
  subscribe(listener: (event: PlenaryEvent) => void): () => void;
  /** Called with true when the event stream is live, false when it dropped. */
  onConnection(listener: (connected: boolean) => void): () => void;
  /** The address an <img> loads a kept picture from (its hash), or null where there is none to ask. */
  pictureUrl(asset: string): string | null;
}

/**
 * The desktop app's own origin (src/main/appProtocol.ts serves the pictures under
 * it). Absolute, so it holds in a window whose page came from elsewhere too.
 */
const APP_PICTURES = 'app://plenary/api/assets/';

function unwrap(result: IpcResult): unknown {
  if (result.ok) return result.value;
  throw apiErrorFromBody(result.error);
}

export function ipcTransport(bridge: PlenaryBridge): Transport {
  return {
    kind: 'ipc',
    call: async (name, input) => unwrap(await bridge.invoke(name, input)),
    subscribe: (listener) => bridge.on(listener),
    onConnection: (listener) => {
      listener(true);
      return () => undefined;
    },
    pictureUrl: (asset) => `${APP_PICTURES}${encodeURIComponent(asset)}`,
  };
}

export function httpTransport(token: string | null, base = ''): Transport {
  const listeners = new Set<(event: PlenaryEvent) => void>();
  const connectionListeners = new Set<(connected: boolean) => void>();
  let source: EventSource | null = null;
  let connected = false;
  const setConnected = (value: boolean) => {
    connected = value;
    for (const listener of connectionListeners) listener(value);
  };
  const ensureStream = () => {
    if (source || !token) return;
    source = new EventSource(`${base}/api/events?token=${encodeURIComponent(token)}`);
    source.onopen = () => setConnected(true);
    // EventSource reconnects by itself; we only tell the UI.
    source.onerror = () => setConnected(false);
    for (const name of eventNames) {
      source.addEventListener(name, (message) => {
        const data = JSON.parse((message as MessageEvent<string>).data) as PlenaryEvent['data'];
        const event = { name, data } as PlenaryEvent;
        for (const listener of listeners) listener(event);
      });
    }
  };
  return {
    kind: 'http',
    call: async (name, input) => {
      if (!token) throw new ApiError('unauthorized', 'Open Plenary with the address it printed (the one with ?token=).');
      let response: Response;
      try {
        response = await fetch(`${base}/api/rpc/${name}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
          body: JSON.stringify(input ?? {}),
        });
      } catch {
        throw new ApiError('unavailable', 'Plenary cannot reach its host. Is `npm run serve` still running?');
      }
      const body: unknown = await response.json().catch(() => null);
      if (!response.ok) throw apiErrorFromBody((body as { error?: unknown } | null)?.error);
      return body;
    },
    subscribe: (listener) => {
      listeners.add(listener);
      ensureStream();
      return () => listeners.delete(listener);
    },
    onConnection: (listener) => {
      connectionListeners.add(listener);
      ensureStream();
      listener(connected);
      return () => connectionListeners.delete(listener);
    },
    // An <img> cannot send the Authorization header: the token goes in the query, as for the event stream.
    pictureUrl: (asset) => (token ? `${base}/api/assets/${encodeURIComponent(asset)}?token=${encodeURIComponent(token)}` : null),
  };
}
