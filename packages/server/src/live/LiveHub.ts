/**
 * @module live/LiveHub
 * This node's live subscribers (WebSocket clients) and delivery to them. Events reach the hub from
 * this node's own commands at once, and from other nodes through a Notifier (PostgreSQL
 * LISTEN/NOTIFY carrying event ids).
 */
import type { Actor, LiveEvent } from '../store/types.js';
import { hears } from './audience.js';

export interface Subscriber {
  actor: Actor;
  send(event: LiveEvent): void;
}

export class LiveHub {
  private readonly subscribers = new Set<Subscriber>();

  get size(): number {
    return this.subscribers.size;
  }

  subscribe(s: Subscriber): () => void {
    this.subscribers.add(s);
    return () => this.subscribers.delete(s);
  }

  deliver(events: readonly LiveEvent[]): void {
    for (const e of events) for (const s of this.subscribers) if (hears(s.actor, e)) s.send(e);
  }
}
