/** Server-Sent Events on a raw Node response: headers, frames and a heartbeat. */
import type { ServerResponse } from 'node:http';

const HEARTBEAT_MS = 20_000;

export interface EventStream {
  send(name: string, data: unknown): void;
  /** Sends a frame already serialised (one JSON.stringify for many streams). */
  sendRaw(frame: string): void;
  /**
   * Sends a frame prepared once for every stream (preparedFrame): the same bytes
   * go to each socket with no per-stream encoding, copy or extra tick.
   */
  sendPrepared(frame: PreparedFrame): void;
  close(): void;
  readonly closed: boolean;
}

/** Formats one SSE frame. */
export function sseFrame(name: string, data: unknown): string {
  return `event: ${name}\ndata: ${JSON.stringify(data)}\n\n`;
}

/** One SSE frame as bytes, ready for many streams: bare, and as one HTTP/1.1 chunk. */
export interface PreparedFrame {
  readonly text: string;
  readonly bare: Buffer;
  readonly chunk: Buffer;
}

/**
 * Serialises a frame once for a whole audience. `chunk` holds exactly the bytes
 * Node's chunked encoding would send for `res.write(text)` (size line, data,
 * CRLF), so writing it straight to the socket puts the same bytes on the wire.
 */
export function preparedFrame(text: string): PreparedFrame {
  const bare = Buffer.from(text, 'utf8');
  const chunk = Buffer.concat([Buffer.from(`${bare.length.toString(16)}\r\n`, 'latin1'), bare, Buffer.from('\r\n', 'latin1')]);
  return { text, bare, chunk };
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
    sendPrepared: (frame) => {
      if (closed) return;
      // The headers are out (writeHead, then the retry line), so the socket carries
      // the body from here. Writing to it directly skips the response's per-write
      // work (byte length, cork, a tick to uncork, a writev of three pieces) that
      // dominates a fan-out to 10,000 phones; the order of bytes is kept, since
      // whatever res.write queued sits ahead of this in the same socket's buffer.
      const socket = res.socket;
      const chunked = (res as ServerResponse & { chunkedEncoding?: boolean }).chunkedEncoding;
      if (socket && !socket.destroyed && res.headersSent && typeof chunked === 'boolean') socket.write(chunked ? frame.chunk : frame.bare);
      else res.write(frame.text);
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
