/** Server-Sent Events on a raw Node response: headers, frames and a heartbeat. */
import type { ServerResponse } from 'node:http';

const HEARTBEAT_MS = 20_000;

export interface EventStream {
  send(name: string, data: unknown): void;
  /** Sends a frame already serialised (one JSON.stringify for many streams). */
  sendRaw(frame: string): void;
  close(): void;
  readonly closed: boolean;
}

/** Formats one SSE frame. */
export function sseFrame(name: string, data: unknown): string {
  return `event: ${name}\ndata: ${JSON.stringify(data)}\n\n`;
}

/**
 * Takes over a response for an event stream. `headers` are the security headers
 * the rest of the server sends, since a hijacked reply skips Fastify's hooks.
 */
export function openEventStream(res: ServerResponse, headers: Record<string, string>, onClose: () => void): EventStream {
  res.writeHead(200, {
    ...headers,
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    Connection: 'keep-alive',
    // Tells proxies (and some phone browsers' data savers) not to buffer.
    'X-Accel-Buffering': 'no',
  });
  res.write('retry: 2000\n\n');
  let closed = false;
  const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), HEARTBEAT_MS);
  heartbeat.unref();
  const finish = () => {
    if (closed) return;
    closed = true;
    clearInterval(heartbeat);
    onClose();
  };
  res.on('close', finish);
  return {
    send: (name, data) => {
      if (!closed) res.write(sseFrame(name, data));
    },
    sendRaw: (frame) => {
      if (!closed) res.write(frame);
    },
    close: () => {
      if (!closed) res.end();
      finish();
    },
    get closed() {
      return closed;
    },
  };
}
