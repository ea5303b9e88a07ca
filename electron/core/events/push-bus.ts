import type { PushEvent } from '../../../shared/contract/envelope.js';

type Listener = (event: PushEvent) => void;

/** Fan-out of core events to every connected UI (IPC window or bridge stream). */
export class PushBus {
  private readonly listeners = new Set<Listener>();

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  publish(event: PushEvent): void {
    for (const listener of this.listeners) listener(event);
  }
}
