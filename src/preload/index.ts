/**
 * The preload: `window.plenary`, the narrow bridge of src/shared/bridge.ts. The
 * page gets three functions and nothing else from Electron; each refuses names
 * outside the contract without sending anything. The main process checks the
 * sender and the name again, and validates the input.
 * Built as CommonJS (out/preload/index.cjs): a sandboxed window loads no ESM
 * preload, and can require only `electron`, so this imports nothing else at run
 * time but src/shared/bridge.ts (which has no dependencies).
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { desktopActions, IPC_DESKTOP_CHANNEL, type DesktopAction, type IpcResult, type PlenaryBridge } from '../shared/bridge';
import type { CommandName, PlenaryEvent } from '../shared/contract';
import { commandsFromArgv, IPC_EVENT, IPC_INVOKE } from './allowList';

const commands = commandsFromArgv(process.argv);
const actions = new Set<string>(desktopActions);

const bridge: PlenaryBridge = {
  invoke(name: CommandName, input: unknown): Promise<IpcResult> {
    if (typeof name !== 'string' || !commands.has(name)) return Promise.reject(new Error(`Plenary: there is no command ${String(name)}.`));
    return ipcRenderer.invoke(IPC_INVOKE, name, input) as Promise<IpcResult>;
  },
  on(listener: (event: PlenaryEvent) => void): () => void {
    if (typeof listener !== 'function') throw new TypeError('Plenary: on() needs a function.');
    // The page gets the event alone, never the IpcRendererEvent (it carries `sender`).
    const forward = (_event: IpcRendererEvent, event: PlenaryEvent) => listener(event);
    ipcRenderer.on(IPC_EVENT, forward);
    return () => {
      ipcRenderer.removeListener(IPC_EVENT, forward);
    };
  },
  desktop(action: DesktopAction, input?: unknown): Promise<IpcResult> {
    if (typeof action !== 'string' || !actions.has(action)) return Promise.reject(new Error(`Plenary: there is no desktop action ${String(action)}.`));
    return ipcRenderer.invoke(IPC_DESKTOP_CHANNEL, action, input) as Promise<IpcResult>;
  },
};

contextBridge.exposeInMainWorld('plenary', bridge);
