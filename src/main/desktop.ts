/**
 * The desktop-only actions of the bridge (`window.plenary.desktop`): file dialogs,
 * the audience window, full screen, PDF export, the LAN server. Their names, inputs
 * and outputs are typed once in src/shared/bridge.ts; each input is checked here
 * with a schema, like the contract's commands, and each handler answers its
 * action's output or throws ApiError.
 */
import { readFile, stat, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { app, BrowserWindow, dialog, shell, type WebContents } from 'electron';
import { z } from 'zod';
import type { Core } from '../core/createCore';
import type { DesktopAction, DesktopActionInput, DesktopActionOutput, DialogOutcome, SavedFile } from '../shared/bridge';
import type { Workshop } from '../shared/model';
import { idSchema } from '../shared/model';
import { ApiError } from '../shared/errors';
import { WORKSHOP_FILE_MAX_BYTES, WORKSHOP_FILE_MAX_MB } from '../shared/limits';
import { parseOrThrow } from '../shared/validation';
import { applyFullScreen } from './fullScreen';
import { safeFileName } from './ipcResult';
import type { LanServer } from './lan';
import type { Windows } from './windows';

/** How long the report page may take to draw before PDF export gives up. */
export const REPORT_TIMEOUT_MS = 15_000;

/** No input: nothing, null or `{}` (what a page sends when it sends nothing). */
const none = z.union([z.undefined(), z.null(), z.object({}).strict()]).transform(() => undefined);
const sessionRef = z.object({ sessionId: idSchema }).strict();

/** Each action's input schema, checked against the input type the bridge declares. */
const desktopInputs = {
  'workshop.importDialog': none,
  'workshop.saveDialog': z.object({ workshopId: idSchema }).strict(),
  'report.exportPdf': sessionRef,
  'csv.saveDialog': sessionRef,
  'window.openAudience': sessionRef,
  'window.toggleFullScreen': z.union([none, z.object({ fullScreen: z.boolean().optional() }).strict()]),
  'data.openFolder': none,
  'lan.start': z.union([none, z.object({ sessionId: idSchema.optional(), address: z.string().max(64).optional() }).strict()]),
  'lan.stop': none,
  'lan.status': z.union([none, sessionRef]),
} satisfies { [A in DesktopAction]: z.ZodType<DesktopActionInput<A>, unknown> };

export interface DesktopContext {
  core: Core;
  windows: Windows;
  lan: LanServer;
  dataDir: string;
}

type Handlers = { [A in DesktopAction]: (ctx: DesktopContext, input: DesktopActionInput<A>, sender: WebContents) => Promise<DesktopActionOutput<A>> };

const CANCELED = { canceled: true } as const;

function ownerOf(sender: WebContents): BrowserWindow | null {
  return BrowserWindow.fromWebContents(sender);
}

/** A save dialog; null when the user cancels. */
async function saveAs(owner: BrowserWindow | null, defaultName: string, filter: { name: string; extensions: string[] }): Promise<string | null> {
  const options = { defaultPath: join(app.getPath('documents'), defaultName), filters: [filter] };
  const result = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
  return result.canceled || !result.filePath ? null : result.filePath;
}

async function writeUserFile(filePath: string, data: string | Uint8Array): Promise<void> {
  try {
    await writeFile(filePath, data);
  } catch (error) {
    throw new ApiError('unavailable', `Plenary could not write ${basename(filePath)}: ${(error as NodeJS.ErrnoException).code ?? 'error'}. Choose another folder.`);
  }
}

/** Opens a workshop file chosen by the user and imports it. */
export async function importWorkshopDialog(core: Core, owner: BrowserWindow | null): Promise<DialogOutcome<{ workshop: Workshop }>> {
  const options = {
    title: 'Import a workshop',
    properties: ['openFile' as const],
    filters: [{ name: 'Plenary workshop (*.plenary.json, *.json)', extensions: ['json'] }],
  };
  const result = owner ? await dialog.showOpenDialog(owner, options) : await dialog.showOpenDialog(options);
  const filePath = result.filePaths[0];
  if (result.canceled || !filePath) return CANCELED;
  const fileName = basename(filePath);
  const { size } = await stat(filePath);
  if (size > WORKSHOP_FILE_MAX_BYTES) {
    throw new ApiError('too_large', `${fileName} is ${(size / 1024 / 1024).toFixed(1)} MB; a workshop file can be at most ${WORKSHOP_FILE_MAX_MB} MB. Is it the right file?`);
  }
  const text = await readFile(filePath, 'utf8');
  return { canceled: false, workshop: await core.call('workshops.import', { text, fileName }) };
}

/** Polls the page until the report says it has drawn everything. */
async function waitForReportReady(contents: WebContents, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    // A constant expression, no page input: only reads a data attribute.
    const ready = (await contents.executeJavaScript("document.body !== null && document.body.dataset.reportReady === 'true'")) as boolean;
    if (ready) return;
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  throw new ApiError('unavailable', `The report did not finish drawing within ${Math.round(timeoutMs / 1000)} seconds. Try again, or print it from the results view.`);
}

const handlers: Handlers = {
  'workshop.importDialog': async ({ core }, _input, sender) => importWorkshopDialog(core, ownerOf(sender)),

  'workshop.saveDialog': async ({ core }, { workshopId }, sender): Promise<SavedFile> => {
    const file = await core.call('workshops.export', { workshopId });
    const filePath = await saveAs(ownerOf(sender), file.filename, { name: 'Plenary workshop', extensions: ['json'] });
    if (!filePath) return CANCELED;
    await writeUserFile(filePath, file.text);
    return { canceled: false, filePath };
  },

  'csv.saveDialog': async ({ core }, { sessionId }, sender): Promise<SavedFile> => {
    const file = await core.call('reports.csv', { sessionId });
    const filePath = await saveAs(ownerOf(sender), file.filename, { name: 'CSV (spreadsheet)', extensions: ['csv'] });
    if (!filePath) return CANCELED;
    await writeUserFile(filePath, file.csv);
    return { canceled: false, filePath };
  },

  'report.exportPdf': async ({ core, windows }, { sessionId }, sender): Promise<SavedFile> => {
    // Fails early, with not_found, for an unknown session.
    const session = await core.call('sessions.get', { sessionId });
    const pdf = await windows.withReport(sessionId, async (reportWindow) => {
      await waitForReportReady(reportWindow.webContents, REPORT_TIMEOUT_MS);
      return reportWindow.webContents.printToPDF({
        pageSize: core.settings().paperSize,
        printBackground: true,
        // The page prints its own footer.
        displayHeaderFooter: false,
      });
    });
    const owner = ownerOf(sender);
    const filePath = await saveAs(owner, safeFileName(`${session.title} report`, 'pdf', 'Plenary report'), { name: 'PDF', extensions: ['pdf'] });
    if (!filePath) return CANCELED;
    await writeUserFile(filePath, pdf);
    const options = { type: 'info' as const, message: 'The report is saved.', detail: filePath, buttons: ['Show in folder', 'OK'], defaultId: 1, cancelId: 1 };
    void (owner ? dialog.showMessageBox(owner, options) : dialog.showMessageBox(options)).then(({ response }) => {
      if (response === 0) shell.showItemInFolder(filePath);
    });
    return { canceled: false, filePath };
  },

  'window.openAudience': async ({ core, windows }, { sessionId }) => {
    await core.call('sessions.get', { sessionId });
    return windows.openAudience(sessionId);
  },

  'window.toggleFullScreen': async (_ctx, input, sender) => applyFullScreen(ownerOf(sender), input?.fullScreen),

  'data.openFolder': async ({ dataDir }) => {
    const problem = await shell.openPath(dataDir);
    if (problem) throw new ApiError('unavailable', `Plenary could not open ${dataDir}: ${problem}`);
    return { dataDir };
  },

  'lan.start': async ({ lan }, input) => lan.start(input ?? {}),

  'lan.stop': async ({ lan }) => lan.stop(),

  'lan.status': async ({ lan }, input) => lan.status(input?.sessionId),
};

/**
 * Runs a desktop action: its input checked with the action's schema first. The
 * caller has checked the sender and the action's name.
 */
export function runDesktopAction<A extends DesktopAction>(ctx: DesktopContext, action: A, input: unknown, sender: WebContents): Promise<DesktopActionOutput<A>> {
  const parsed = parseOrThrow(desktopInputs[action], input) as DesktopActionInput<A>;
  return handlers[action](ctx, parsed, sender);
}
