/**
 * The IPC binding: the contract's commands on IPC_INVOKE_CHANNEL, the desktop
 * actions on IPC_DESKTOP_CHANNEL, the core's events out on IPC_EVENT_CHANNEL.
 * Every call is checked twice before the core sees it: the sender must be our own
 * page (top frame, our URL), and the name must be one the contract knows. The
 * input is then validated by `core.call`, with the same schemas as the HTTP host.
 */
import { BrowserWindow, ipcMain, type IpcMainInvokeEvent } from 'electron';
import { IPC_DESKTOP_CHANNEL, isDesktopAction, type IpcResult } from '../shared/bridge';
import { IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL, isCommandName, type PlenaryEvent } from '../shared/contract';
import { isAppUrl, type RendererEntry } from './appUrl';
import { runDesktopAction, type DesktopContext } from './desktop';
import { settle } from './ipcResult';
import type { MenuCommandEvent } from './menu';

const refused = (message: string, code: 'unauthorized' | 'not_found'): IpcResult => ({ ok: false, error: { code, message } });

/** True when the call comes from our own page's top frame. */
export function isTrustedSender(event: IpcMainInvokeEvent, entry: RendererEntry): boolean {
  const frame = event.senderFrame;
  return frame !== null && frame.parent === null && isAppUrl(frame.url, entry);
}

/** Binds both channels. Returns the function that unbinds them. */
export function bindIpc(ctx: DesktopContext, entry: RendererEntry): () => void {
  ipcMain.handle(IPC_INVOKE_CHANNEL, async (event, name: unknown, input: unknown): Promise<IpcResult> => {
    if (!isTrustedSender(event, entry)) {
      console.warn(`Plenary: refused a call from ${event.senderFrame?.url ?? 'a closed frame'}`);
      return refused('This page may not call Plenary.', 'unauthorized');
    }
    if (typeof name !== 'string' || !isCommandName(name)) return refused(`There is no command ${String(name)}.`, 'not_found');
    return settle(name, () => ctx.core.call(name, input));
  });

  ipcMain.handle(IPC_DESKTOP_CHANNEL, async (event, action: unknown, input: unknown): Promise<IpcResult> => {
    if (!isTrustedSender(event, entry)) {
      console.warn(`Plenary: refused a desktop action from ${event.senderFrame?.url ?? 'a closed frame'}`);
      return refused('This page may not call Plenary.', 'unauthorized');
    }
    if (!isDesktopAction(action)) return refused(`There is no desktop action ${String(action)}.`, 'not_found');
    return settle(action, () => runDesktopAction(ctx, action, input, event.sender));
  });

  return () => {
    ipcMain.removeHandler(IPC_INVOKE_CHANNEL);
    ipcMain.removeHandler(IPC_DESKTOP_CHANNEL);
  };
}

/** Sends a core event (or a menu command) to every open window of ours. */
export function broadcast(event: PlenaryEvent | MenuCommandEvent): void {
  for (const window of BrowserWindow.getAllWindows()) {
    if (!window.isDestroyed() && !window.webContents.isDestroyed()) window.webContents.send(IPC_EVENT_CHANNEL, event);
  }
}

/** Sends one event to one window, once its page can hear it. */
export function sendTo(window: BrowserWindow, event: MenuCommandEvent): void {
  const send = () => {
    if (!window.isDestroyed()) window.webContents.send(IPC_EVENT_CHANNEL, event);
  };
  if (window.webContents.isLoading()) window.webContents.once('did-finish-load', send);
  else send();
}
