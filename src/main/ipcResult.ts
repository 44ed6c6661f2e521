/**
 * Turning what a handler threw into an IpcResult. Electron keeps only an Error's
 * message across IPC, so errors travel as data (see src/shared/bridge.ts).
 */
import type { IpcResult } from '../shared/bridge';
import { ApiError } from '../shared/errors';

/**
 * An ApiError goes to the page as it is (its message is written for the user);
 * anything else is a bug: it is logged here and the page gets a generic message,
 * never a stack or a file path.
 */
export function failure(error: unknown, context: string, log: (...args: unknown[]) => void = console.error): IpcResult {
  if (error instanceof ApiError) return { ok: false, error: error.toBody() };
  log(`Plenary: ${context} failed`, error);
  return { ok: false, error: { code: 'internal', message: 'Something went wrong in Plenary. Your data is safe; try again.' } };
}

/** Runs `work` and wraps its value or its failure. */
export async function settle(context: string, work: () => Promise<unknown>): Promise<IpcResult> {
  try {
    return { ok: true, value: await work() };
  } catch (error) {
    return failure(error, context);
  }
}

/** A file name a session or workshop title can safely become, on any OS. */
export function safeFileName(title: string, extension: string, fallback = 'Plenary'): string {
  const cleaned = title
    .normalize('NFC')
    // Characters Windows, macOS or Linux refuse, and control characters.
    // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
    .replace(/[<>:"/\\|?*\u0000-\u001f\u007f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '')
    .replace(/[. ]+$/, '')
    .slice(0, 120)
    .trim();
  const reserved = /^(con|prn|aux|nul|com\d|lpt\d)$/i.test(cleaned);
  return `${cleaned && !reserved ? cleaned : fallback}.${extension}`;
}
