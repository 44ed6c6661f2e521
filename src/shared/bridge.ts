/**
 * The shape of the preload's bridge, `window.plenary`, in the desktop app. Only the
 * contract's commands and events cross it; nothing else from Electron reaches the page.
 */
import type { ApiErrorBody } from './errors';
import type { CommandName, PlenaryEvent } from './contract';

/** What an IPC call answers: errors travel as data, since Electron drops an Error's fields. */
export type IpcResult = { ok: true; value: unknown } | { ok: false; error: ApiErrorBody };

export interface PlenaryBridge {
  invoke(name: CommandName, input: unknown): Promise<IpcResult>;
  /** Subscribes to the core's events; returns the unsubscribe function. */
  on(listener: (event: PlenaryEvent) => void): () => void;
  /** Desktop-only actions (file dialogs, windows, PDF); absent in a browser. */
  desktop(action: DesktopAction, input?: unknown): Promise<IpcResult>;
}

/**
 * Things only the shell can do. In a browser the renderer falls back to a file
 * picker, `window.open` and the print dialog.
 */
export type DesktopAction =
  | 'workshop.importDialog'
  | 'workshop.saveDialog'
  | 'report.exportPdf'
  | 'csv.saveDialog'
  | 'window.openAudience'
  | 'window.toggleFullScreen'
  | 'data.openFolder'
  | 'lan.start'
  | 'lan.stop'
  | 'lan.status';

export const desktopActions: DesktopAction[] = [
  'workshop.importDialog',
  'workshop.saveDialog',
  'report.exportPdf',
  'csv.saveDialog',
  'window.openAudience',
  'window.toggleFullScreen',
  'data.openFolder',
  'lan.start',
  'lan.stop',
  'lan.status',
];

export const IPC_DESKTOP_CHANNEL = 'plenary:desktop';

declare global {
  interface Window {
    plenary?: PlenaryBridge;
  }
}
