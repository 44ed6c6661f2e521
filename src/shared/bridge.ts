/**
 * The shape of the preload's bridge, `window.plenary`, in the desktop app, and the
 * desktop actions it carries, typed once like the contract's commands: each
 * action's input and output. Only the contract's commands and events and these
 * actions cross it; nothing else from Electron reaches the page.
 * WARNING: the sandboxed preload imports this file at run time and can require
 * nothing but Electron: no zod or other dependency here (the main process keeps
 * the actions' schemas, in src/main/desktop.ts, checked against these types).
 */
import type { ApiErrorBody } from './errors';
import type { CommandName, PlenaryEvent } from './contract';
import type { Workshop } from './model';

/** What an IPC call answers: errors travel as data, since Electron drops an Error's fields. */
export type IpcResult = { ok: true; value: unknown } | { ok: false; error: ApiErrorBody };

export interface PlenaryBridge {
  invoke(name: CommandName, input: unknown): Promise<IpcResult>;
  /** Subscribes to the core's events; returns the unsubscribe function. */
  on(listener: (event: PlenaryEvent) => void): () => void;
  /** Desktop-only actions (file dialogs, windows, PDF); absent in a browser. */
  desktop(action: DesktopAction, input?: unknown): Promise<IpcResult>;
}

// ---------------------------------------------------------------- desktop actions

/** Every dialog answers in this one shape: `canceled` when the user closed it, else what it made. */
export type DialogOutcome<T> = { canceled: true } | ({ canceled: false } & T);

/** A file the user chose a place for and that is written there. */
export type SavedFile = DialogOutcome<{ filePath: string }>;

/** A network address of this computer, as the LAN panel lists it. */
export interface LanAddressChoice {
  /** The interface's name, e.g. `Wi-Fi` or `en0`, so the facilitator can pick the room's network. */
  interface: string;
  address: string;
}

/** The "Let phones vote" server inside the desktop app. */
export type LanStatus =
  | { running: false; addresses: LanAddressChoice[] }
  | {
      running: true;
      /** Where phones reach the laptop: http://ADDRESS:PORT */
      origin: string;
      port: number;
      /** The facilitator token, for a presenter remote in a browser (origin + `/?token=`). */
      token: string;
      /** The address bound, as asked (may be 0.0.0.0). */
      host: string;
      addresses: LanAddressChoice[];
      /** The phone page of the session asked about, when one was: origin + `/p/<joinCode>`. */
      joinUrl?: string;
    };

type SessionRef = { sessionId: string };

/**
 * Things only the shell can do, by name: `input` is what the page sends
 * (`undefined` when it takes none), `output` what it answers. In a browser the
 * renderer falls back to a file picker, downloads, `window.open`, the page's
 * Fullscreen API and the print dialog.
 */
export interface DesktopActions {
  /** Opens a workshop file the user picks and imports it. */
  'workshop.importDialog': { input: undefined; output: DialogOutcome<{ workshop: Workshop }> };
  /** Saves a workshop's `.plenary.json` where the user says. */
  'workshop.saveDialog': { input: { workshopId: string }; output: SavedFile };
  /** Draws the report in a hidden window, prints it to PDF and saves it where the user says. */
  'report.exportPdf': { input: SessionRef; output: SavedFile };
  /** Saves a session's votes as CSV where the user says. */
  'csv.saveDialog': { input: SessionRef; output: SavedFile };
  /** Opens (or re-targets) the audience window: full screen on the second display when there is one. */
  'window.openAudience': { input: SessionRef; output: { fullScreen: boolean } };
  /** Full screen for the calling window, by the shell: toggled, or set when `fullScreen` is given. */
  'window.toggleFullScreen': { input: { fullScreen?: boolean } | undefined; output: { fullScreen: boolean } };
  /** Shows the data folder in the file manager. */
  'data.openFolder': { input: undefined; output: { dataDir: string } };
  /** Lets phones in: starts the LAN server on one address (or all). */
  'lan.start': { input: { sessionId?: string; address?: string } | undefined; output: LanStatus };
  'lan.stop': { input: undefined; output: LanStatus };
  /** With a session, its phone page's address too. */
  'lan.status': { input: SessionRef | undefined; output: LanStatus };
}

export type DesktopAction = keyof DesktopActions;
export type DesktopActionInput<A extends DesktopAction> = DesktopActions[A]['input'];
export type DesktopActionOutput<A extends DesktopAction> = DesktopActions[A]['output'];

/** Every action once; `satisfies` fails the build when one is missing or unknown. */
const desktopActionSet = {
  'workshop.importDialog': true,
  'workshop.saveDialog': true,
  'report.exportPdf': true,
  'csv.saveDialog': true,
  'window.openAudience': true,
  'window.toggleFullScreen': true,
  'data.openFolder': true,
  'lan.start': true,
  'lan.stop': true,
  'lan.status': true,
} as const satisfies Record<DesktopAction, true>;

export const desktopActions = Object.keys(desktopActionSet) as DesktopAction[];

export function isDesktopAction(name: unknown): name is DesktopAction {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(desktopActionSet, name);
}

export const IPC_DESKTOP_CHANNEL = 'plenary:desktop';

declare global {
  interface Window {
    plenary?: PlenaryBridge;
  }
}
