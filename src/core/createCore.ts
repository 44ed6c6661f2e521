/**
 * The core: the whole domain behind one handler map. Electron's main process and
 * the Node host each make one, and bind it to their transport.
 */
import { commandInputs, type ApiHandlers, type CommandName, type CommandOutput, type RecoveryNotice } from '../shared/contract';
import { ApiError } from '../shared/errors';
import { settingsSchema, type Settings } from '../shared/model';
import { parseOrThrow } from '../shared/validation';
import { join } from 'node:path';
import { APP_VERSION } from './appVersion';
import { ASSETS_DIR, createAssetStore, type AssetStore } from './assets/assetStore';
import { systemDeps, type CoreDeps } from './deps';
import { EventBus } from './events';
import { PhonePresence } from './phonePresence';
import { createSessionService, type SessionService } from './sessions/sessionService';
import { isDiskFull } from './store/durableWrite';
import { openStore, type StorePort } from './store/store';
import { createWorkshopService } from './workshops/workshopService';


/**
 * What the hosts (Electron's main process, the Node host) get of the core: the
 * contract's commands, its events, the phones' side, the settings and what the
 * store repaired. WARNING: nothing here hands out the store: a host that wrote to
 * it directly would bypass the validation, the events and the durable writes.
 */
export interface Core {
  readonly events: EventBus;
  /** The participant protocol's side: join codes, phones' state and votes. */
  readonly sessions: Omit<SessionService, 'handlers' | 'dispose'>;
  /** Servers that let phones in register here (see phonePresence.ts). */
  readonly phones: PhonePresence;
  /** The pictures of the data folder, read-only: what the hosts serve to pages (GET /api/assets, app://). */
  readonly assets: Pick<AssetStore, 'read'>;
  /** The facilitator's preferences now (the paper size, the LAN port...). */
  settings(): Settings;
  /** What the store had to repair when it opened, for the user to be told once. */
  readonly recoveries: readonly RecoveryNotice[];
  /** What closing could not do (a full disk kept a log unfolded): said in one line each on stop. */
  readonly shutdownNotes: readonly string[];
  /**
   * Validates `input` with the command's schema and runs it: what every transport
   * calls. Throws ApiError (invalid_input, not_found, conflict...).
   */
  call<N extends CommandName>(name: N, input: unknown): Promise<CommandOutput<N>>;
  /** Finishes pending writes and releases the data folder. */
  close(): Promise<void>;
}

/**
 * A failed write said so that the user can act on it: a full disk is not
 * "something went wrong". The change was not applied (the store rolled it back).
 */
export function asUserError(error: unknown): unknown {
  if (isDiskFull(error)) return new ApiError('unavailable', 'The disk is full, so this was not saved (and nothing changed). Free some space, then try again.');
  return error;
}

/** The core with its store in reach: for the core's own tests, never for a host. */
export interface CoreWithStore extends Core {
  readonly store: StorePort;
}

/** Builds the core over an open store. */
export function createCore(store: StorePort, deps: CoreDeps = systemDeps): CoreWithStore {
  const events = new EventBus();
  const assets = createAssetStore(join(store.dataDir, ASSETS_DIR));
  const workshops = createWorkshopService(store, deps, events, assets);
  const phones = new PhonePresence();
  const sessions = createSessionService(store, deps, events, workshops, phones);
  const handlers: ApiHandlers = {
    'app.info': async () => ({ version: APP_VERSION, dataDir: store.dataDir, recoveries: [...store.recoveries] }),
    'settings.get': async () => ({ ...store.settings() }),
    'settings.update': async (change) => {
      await store.updateLibrary((library) => {
        library.settings = settingsSchema.parse({ ...library.settings, ...change });
      });
      const settings = { ...store.settings() };
      events.emit('settings.changed', { settings });
      return settings;
    },
    ...workshops.handlers,
    ...sessions.handlers,
  };
  return {
    events,
    sessions,
    store,
    phones,
    assets: { read: (asset) => assets.read(asset) },
    settings: () => ({ ...store.settings() }),
    get shutdownNotes() {
      return store.shutdownNotes;
    },
    get recoveries() {
      return store.recoveries;
    },
    call: async (name, input) => {
      const schema = commandInputs[name];
      if (!schema) throw new ApiError('not_found', `There is no command ${String(name)}.`);
      const parsed = parseOrThrow(schema, input ?? {});
      const handler = handlers[name] as (input: unknown) => Promise<CommandOutput<typeof name>>;
      try {
        return await handler(parsed);
      } catch (error) {
        throw asUserError(error);
      }
    },
    close: async () => {
      sessions.dispose();
      await store.close();
    },
  };
}

/** Opens the store in `dataDir` and builds the core on it. */
export async function openCore(dataDir: string, deps: CoreDeps = systemDeps): Promise<CoreWithStore> {
  const store = await openStore(dataDir, { now: deps.now });
  return createCore(store, deps);
}
