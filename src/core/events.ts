/** A small typed event bus: the core emits, transports (SSE, IPC) listen. */
import type { EventName, EventPayloads, PlenaryEvent } from '../shared/contract';

export type EventListener = (event: PlenaryEvent) => void;

export class EventBus {
  private readonly listeners = new Set<EventListener>();

  /** Subscribes; returns the function that unsubscribes. */
  on(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit<N extends EventName>(name: N, data: EventPayloads[N]): void {
    const event = { name, data } as PlenaryEvent;
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch (error) {
        // One broken listener (a dead socket) must not stop the others.
        console.error('Plenary: an event listener failed', error);
      }
    }
  }
}
