/**
 * PDF export in the desktop app: the report is drawn in a hidden window, printed
 * with printToPDF and saved where the user says (the save dialog is answered from
 * the test); no hidden window is left behind, and closing the dialog saves nothing.
 */
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { desktop, launchForEachTest, startSession, valueOf } from './electronApp';

const launched = launchForEachTest();

/** Answers the next save dialogs with `filePath` (or cancels, for null), and silences the "saved" message box. */
async function answerSaveDialogs(filePath: string | null): Promise<void> {
  await launched().app.evaluate(({ dialog }, path) => {
    const answer = path === null ? { canceled: true, filePath: '' } : { canceled: false, filePath: path };
    Object.assign(dialog, { showSaveDialog: async () => answer, showMessageBox: async () => ({ response: 1, checkboxChecked: false }) });
  }, filePath);
}

test('File › Export report (PDF) writes a PDF and leaves no hidden window', async () => {
  const { app, window, folders } = launched();
  const session = await startSession(window);
  const target = join(folders.dataDir, 'exported report.pdf');
  await answerSaveDialogs(target);

  const saved = valueOf<{ canceled: boolean; filePath?: string }>(await desktop(window, 'report.exportPdf', { sessionId: session.id }));
  expect(saved).toEqual({ canceled: false, filePath: target });
  const pdf = await readFile(target);
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(pdf.length).toBeGreaterThan(10_000);
  // Only the presenter is left: the report window is gone.
  expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
  await rm(target);

  await answerSaveDialogs(null);
  expect(valueOf(await desktop(window, 'report.exportPdf', { sessionId: session.id }))).toEqual({ canceled: true });
  expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
});

test('an unknown session is refused before any window opens', async () => {
  const { app, window } = launched();
  expect(await desktop(window, 'report.exportPdf', { sessionId: 'missing' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
});
