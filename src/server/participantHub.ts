/**
 * The phones' event streams. A change is sent to a session's phones only when
 * what a phone sees changed: a vote changes nothing on another phone until the
 * reveal, so a burst of a thousand votes sends nothing to a thousand streams.
 */
import type { Core } from '../core/createCore';
import type { PlenaryEvent } from '../shared/contract';
import type { ParticipantEventName, ParticipantEventPayloads, ParticipantState } from '../shared/participant';
import { preparedFrame, sseFrame, type EventStream } from './sse';

/** One frame of a phone's event stream, typed by the protocol. */
function phoneFrame<N extends ParticipantEventName>(name: N, data: ParticipantEventPayloads[N]): string {
  return sseFrame(name, data);
}

interface Audience {
  streams: Set<EventStream>;
  lastFrame: string;
}

export class ParticipantHub {
  private readonly bySession = new Map<string, Audience>();
  private readonly unsubscribe: () => void;
  private readonly countTimers = new Map<string, ReturnType<typeof setTimeout>>();
  /** Sessions changed in this turn of the event loop, sent to their phones in the next (setImmediate). */
  private readonly pending = new Map<string, ReturnType<typeof setImmediate>>();

  constructor(private readonly core: Core) {
    this.unsubscribe = core.events.on((event) => this.onEvent(event));
  }

  /** Adds a phone's stream and sends it the current state. */
  add(sessionId: string, stream: EventStream, state: ParticipantState): void {
    const frame = phoneFrame('state', state);
    let audience = this.bySession.get(sessionId);
    if (!audience) {
      audience = { streams: new Set(), lastFrame: frame };
      this.bySession.set(sessionId, audience);
    }
    audience.streams.add(stream);
    stream.sendRaw(frame);
    this.announceCount(sessionId);
  }

  remove(sessionId: string, stream: EventStream): void {
    const audience = this.bySession.get(sessionId);
    if (!audience) return;
    audience.streams.delete(stream);
    if (audience.streams.size === 0) this.bySession.delete(sessionId);
    this.announceCount(sessionId);
  }

  /**
   * Tells the facilitator how many phones are connected, at most every 250 ms per
   * session: a thousand phones joining at once make a handful of events, not 1,000.
   */
  private announceCount(sessionId: string): void {
    if (this.countTimers.has(sessionId)) return;
    const timer = setTimeout(() => {
      this.countTimers.delete(sessionId);
      this.core.events.emit('phones.changed', { sessionId, connected: this.core.phones.connected(sessionId) });
    }, 250);
    timer.unref();
    this.countTimers.set(sessionId, timer);
  }

  /** How many phones are connected to a session. */
  count(sessionId: string): number {
    return this.bySession.get(sessionId)?.streams.size ?? 0;
  }

  closeAll(): void {
    this.unsubscribe();
    for (const timer of this.countTimers.values()) clearTimeout(timer);
    this.countTimers.clear();
    for (const immediate of this.pending.values()) clearImmediate(immediate);
    this.pending.clear();
    for (const audience of this.bySession.values()) for (const stream of audience.streams) stream.close();
    this.bySession.clear();
  }

  private onEvent(event: PlenaryEvent): void {
    // A vote changes nothing a phone sees (results stay hidden until the reveal, which
    // closes voting): skipping it keeps a burst of votes from touching every stream.
    if (!('sessionId' in event.data) || event.name === 'phones.changed' || event.name === 'vote.cast') return;
    const { sessionId } = event.data;
    if (!this.bySession.has(sessionId) || this.pending.has(sessionId)) return;
    // Sent in the next turn, once for all the changes of this one: the facilitator's
    // answer goes out first instead of waiting behind 10,000 socket writes, and a
    // command that changes several things makes one frame, not several.
    this.pending.set(
      sessionId,
      setImmediate(() => {
        this.pending.delete(sessionId);
        this.send(sessionId);
      }),
    );
  }

  /** Sends a session's current state to all its phones, if it changed. */
  private send(sessionId: string): void {
    const audience = this.bySession.get(sessionId);
    if (!audience) return;
    const state = this.core.sessions.phoneFrame(sessionId);
    if ('ended' in state) {
      // The join code stops working: tell the phones, then let them go.
      const ended = phoneFrame('state', state);
      for (const stream of audience.streams) {
        stream.sendRaw(ended);
        stream.close();
      }
      this.bySession.delete(sessionId);
      return;
    }
    const frame = phoneFrame('state', state);
    if (frame === audience.lastFrame) return;
    audience.lastFrame = frame;
    // Serialised and encoded once; every stream gets the very same bytes.
    const prepared = preparedFrame(frame);
    for (const stream of audience.streams) stream.sendPrepared(prepared);
  }
}
