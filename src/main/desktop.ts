/**
 * The desktop-only actions of the bridge (`window.plenary.desktop`): file dialogs,
 * the audience window, PDF export, the LAN server. Each checks its input with a
 * schema, like the contract's commands, and answers a value or throws ApiError.
 */
import { readFile, stat, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { app, BrowserWindow, dialog, shell, type WebContents } from 'electron';
import { z } from 'zod';
import type { Core } from '../core/createCore';
import type { DesktopAction } from '../shared/bridge';
import type { Workshop } from '../shared/model';
import { idSchema } from '../shared/model';
import { ApiError } from '../shared/errors';
import { parseOrThrow } from '../shared/validation';
import { safeFileName } from './ipcResult';
import type { LanServer } from './lan';
import type { Windows } from './windows';

/** Bigger files are refused before reading: a workshop is a few hundred KB at most. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
/** How long the report page may take to draw before PDF export gives up. */
export const REPORT_TIMEOUT_MS = 15_000;

const none = z.union([z.undefined(), z.null(), z.object({}).strict()]);
const sessionRef = z.object({ sessionId: idSchema }).strict();
const workshopRef = z.object({ workshopId: idSchema }).strict();
const lanStart = z
  .object({ sessionId: idSchema.optional(), address: z.string().max(64).optional() })
  .strict()
  .optional();

export interface DesktopContext {
  core: Core;
  windows: Windows;
  lan: LanServer;
  dataDir: string;
}

type Handler = (ctx: DesktopContext, input: unknown, sender: WebContents) => Promise<unknown>;

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

/** Opens a workshop file chosen by the user and imports it; null when they cancel. */
export async function importWorkshopDialog(core: Core, owner: BrowserWindow | null): Promise<Workshop | null> {
  const options = {
    title: 'Import a workshop',
    properties: ['openFile' as const],
    filters: [{ name: 'Plenary workshop (*.plenary.json, *.json)', extensions: ['json'] }],
  };
  const result = owner ? await dialog.showOpenDialog(owner, options) : await dialog.showOpenDialog(options);
  const filePath = result.filePaths[0];
  if (result.canceled || !filePath) return null;
  const fileName = basename(filePath);
  const { size } = await stat(filePath);
  if (size > MAX_IMPORT_BYTES) {
    throw new ApiError('too_large', `${fileName} is ${(size / 1024 / 1024).toFixed(1)} MB; a workshop file can be at most 5 MB. Is it the right file?`);
  }
  const text = await readFile(filePath, 'utf8');
  return core.call('workshops.import', { text, fileName });
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

const handlers: Record<DesktopAction, Handler> = {
  'workshop.importDialog': async ({ core }, input, sender) => {
    parseOrThrow(none, input);
    return importWorkshopDialog(core, ownerOf(sender));
  },

  'workshop.saveDialog': async ({ core }, input, sender) => {
    const { workshopId } = parseOrThrow(workshopRef, input);
    const file = await core.call('workshops.export', { workshopId });
    const filePath = await saveAs(ownerOf(sender), file.filename, { name: 'Plenary workshop', extensions: ['json'] });
    if (!filePath) return null;
    await writeUserFile(filePath, file.text);
    return { filePath };
  },

  'csv.saveDialog': async ({ core }, input, sender) => {
    const { sessionId } = parseOrThrow(sessionRef, input);
    const file = await core.call('reports.csv', { sessionId });
    const filePath = await saveAs(ownerOf(sender), file.filename, { name: 'CSV (spreadsheet)', extensions: ['csv'] });
    if (!filePath) return null;
    await writeUserFile(filePath, file.csv);
    return { filePath };
  },

  'report.exportPdf': async ({ core, windows }, input, sender) => {
    const { sessionId } = parseOrThrow(sessionRef, input);
    // Fails early, with not_found, for an unknown session.
    const session = await core.call('sessions.get', { sessionId });
    const reportWindow = await windows.openReport(sessionId);
    let pdf: Uint8Array;
    try {
      await waitForReportReady(reportWindow.webContents, REPORT_TIMEOUT_MS);
      pdf = await reportWindow.webContents.printToPDF({
        pageSize: core.store.settings().paperSize,
        printBackground: true,
        // The page prints its own footer.
        displayHeaderFooter: false,
      });
    } finally {
      reportWindow.destroy();
    }
    const owner = ownerOf(sender);
    const filePath = await saveAs(owner, safeFileName(`${session.title} report`, 'pdf', 'Plenary report'), { name: 'PDF', extensions: ['pdf'] });
    if (!filePath) return null;
    await writeUserFile(filePath, pdf);
    const options = { type: 'info' as const, message: 'The report is saved.', detail: filePath, buttons: ['Show in folder', 'OK'], defaultId: 1, cancelId: 1 };
    void (owner ? dialog.showMessageBox(owner, options) : dialog.showMessageBox(options)).then(({ response }) => {
      if (response === 0) shell.showItemInFolder(filePath);
    });
    return { filePath };
  },

  'window.openAudience': async ({ core, windows }, input) => {
    const { sessionId } = parseOrThrow(sessionRef, input);
    await core.call('sessions.get', { sessionId });
    return windows.openAudience(sessionId);
  },

  'window.toggleFullScreen': async (_ctx, input, sender) => {
    parseOrThrow(none, input);
    const window = ownerOf(sender);
    if (!window) throw new ApiError('not_found', 'This page has no window to put in full screen.');
    window.setFullScreen(!window.isFullScreen());
    return { fullScreen: window.isFullScreen() };
  },

  'data.openFolder': async ({ dataDir }, input) => {
    parseOrThrow(none, input);
    const problem = await shell.openPath(dataDir);
    if (problem) throw new ApiError('unavailable', `Plenary could not open ${dataDir}: ${problem}`);
    return { dataDir };
  },

  'lan.start': async ({ lan }, input) => lan.start(parseOrThrow(lanStart, input) ?? {}),

  'lan.stop': async ({ lan }, input) => {
    parseOrThrow(none, input);
    return lan.stop();
  },

  'lan.status': async ({ lan }, input) => {
    const parsed = parseOrThrow(z.union([none, sessionRef]), input);
    return lan.status(parsed && 'sessionId' in parsed ? parsed.sessionId : undefined);
  },
};

/** Runs a desktop action. The caller has checked the sender and the action's name. */
export function runDesktopAction(ctx: DesktopContext, action: DesktopAction, input: unknown, sender: WebContents): Promise<unknown> {
  return handlers[action](ctx, input, sender);
}
