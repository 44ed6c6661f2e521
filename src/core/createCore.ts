/**
 * The core: the whole domain behind one handler map. Electron's main process and
 * the Node host each make one, and bind it to their transport.
 */
import { commandInputs, type ApiHandlers, type CommandName, type CommandOutput } from '../shared/contract';
import { ApiError } from '../shared/errors';
import { settingsSchema } from '../shared/model';
import { parseOrThrow } from '../shared/validation';
import { systemDeps, type CoreDeps } from './deps';
import { EventBus } from './events';
import { PhonePresence } from './phonePresence';
import { createSessionService, type SessionService } from './sessions/sessionService';
import { isDiskFull } from './store/durableWrite';
import { openStore, type StorePort } from './store/store';
import { createWorkshopService } from './workshops/workshopService';

export const APP_VERSION = '0.1.0';

export interface Core {
  readonly handlers: ApiHandlers;
  readonly events: EventBus;
  readonly sessions: SessionService;
  readonly store: StorePort;
  /** Servers that let phones in register here (see phonePresence.ts). */
  readonly phones: PhonePresence;
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

/** Builds the core over an open store. */
export function createCore(store: StorePort, deps: CoreDeps = systemDeps): Core {
  const events = new EventBus();
  const workshops = createWorkshopService(store, deps, events);
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
    handlers,
    events,
    sessions,
    store,
    phones,
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
export async function openCore(dataDir: string, deps: CoreDeps = systemDeps): Promise<Core> {
  const store = await openStore(dataDir, { now: deps.now });
  return createCore(store, deps);
}
