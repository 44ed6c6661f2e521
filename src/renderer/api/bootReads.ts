/**
 * Reads started by the boot script (src/renderer/boot.ts) while the app's bundle
 * is still on its way, kept until the client (./client.ts) takes them. The boot
 * script and the app import this module, and a page evaluates a module once, so
 * both see the one list.
 */
import type { Transport } from './transport';

/** The reads a view makes as it opens that may be started ahead of its code: each takes `{ sessionId }` alone. */
export type PrefetchableRead = 'sessions.get' | 'reports.get';

export interface BootRead {
  name: PrefetchableRead;
  sessionId: string;
  answer: Promise<unknown>;
}

const started: BootRead[] = [];

/** Sends a read now; whoever takes it handles a failure. */
export function startBootRead(transport: Transport, name: PrefetchableRead, sessionId: string): void {
  const answer = transport.call(name, { sessionId });
  answer.catch(() => undefined);
  started.push({ name, sessionId, answer });
}

/** The reads started so far, handed over once: a second call gets none. */
export function takeBootReads(): BootRead[] {
  return started.splice(0);
}
