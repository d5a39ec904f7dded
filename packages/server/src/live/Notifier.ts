/**
 * @module live/Notifier
 * Carries event ids between app nodes. On SQLite there is one node, so publishing is delivering.
 * On PostgreSQL each node LISTENs on one channel; a publish delivers to this node's sockets at once
 * and NOTIFYs `node:id,id,…`; other nodes load those events by id and deliver them to theirs.
 */
import { sql } from 'kysely';
import type pg from 'pg';
import type { InlineNotify } from '../store/ConversationRepository.js';
import type { Store } from '../store/Store.js';
import type { LiveEventRepository } from '../store/LiveEventRepository.js';
import type { LiveEvent } from '../store/types.js';
import type { LiveHub } from './LiveHub.js';

const CHANNEL = 'calmline_live';

export interface Notifier {
  /**
   * Called inside the transaction that wrote `events`. PostgreSQL sends NOTIFY with the transaction,
   * so other nodes hear of the events exactly when (and only if) they commit, with no extra round trip.
   */
  within(store: Store, events: readonly LiveEvent[], notifiedInline?: readonly LiveEvent[]): Promise<void>;
  /**
   * PostgreSQL: how a statement writing an event may NOTIFY it itself (a round trip fewer); such
   * events are then passed to `within` as `notifiedInline`. Undefined where nothing is notified.
   */
  readonly inline?: InlineNotify | undefined;
  /** After the commit: deliver to this node's sockets (and tell other nodes if `within` was not called). */
  publish(events: LiveEvent[]): void;
  close(): Promise<void>;
}

export class LocalNotifier implements Notifier {
  constructor(private readonly hub: LiveHub) {}
  within(): Promise<void> {
    return Promise.resolve();
  }
  publish(events: LiveEvent[]): void {
    if (events.length > 0) this.hub.deliver(events);
  }
  close(): Promise<void> {
    return Promise.resolve();
  }
}

export class PgNotifier implements Notifier {
  private listener: pg.Client | undefined;
  private closed = false;
  /** Ids already NOTIFYed inside their transaction; publish does not send them again. */
  private readonly notified = new Set<number>();

  private constructor(
    private readonly pool: pg.Pool,
    private readonly connect: () => pg.Client,
    private readonly hub: LiveHub,
    private readonly events: LiveEventRepository,
    private readonly nodeId: string,
    private readonly onError: (err: unknown) => void,
  ) {}

  /** `connect` makes the LISTEN connection: its own, never one of the pool's (which requests need). */
  static async start(
    pool: pg.Pool,
    connect: () => pg.Client,
    hub: LiveHub,
    events: LiveEventRepository,
    nodeId: string,
    onError: (err: unknown) => void,
  ): Promise<PgNotifier> {
    const n = new PgNotifier(pool, connect, hub, events, nodeId, onError);
    await n.listen();
    return n;
  }

  private async listen(): Promise<void> {
    const client = this.connect();
    client.on('notification', (msg) => void this.onNotification(msg.payload ?? ''));
    // A lost LISTEN connection is replaced; events missed meanwhile are caught up by clients
    // reconnecting with `since`.
    client.on('error', (err) => {
      this.onError(err);
      void client.end().catch(() => undefined);
      this.listener = undefined;
      if (!this.closed) setTimeout(() => void this.listen().catch(this.onError), 1000).unref();
    });
    await client.connect();
    await client.query(`LISTEN ${CHANNEL}`);
    this.listener = client;
  }

  private async onNotification(payload: string): Promise<void> {
    const [node, list] = payload.split(':');
    if (node === this.nodeId || !list) return;
    const ids = list.split(',').map(Number).filter(Number.isInteger);
    try {
      this.hub.deliver(await this.events.byIds(ids));
    } catch (err) {
      this.onError(err);
    }
  }

  get inline(): InlineNotify {
    return { channel: CHANNEL, prefix: `${this.nodeId}:` };
  }

  async within(store: Store, events: readonly LiveEvent[], notifiedInline: readonly LiveEvent[] = []): Promise<void> {
    for (const payload of this.payloads(events)) await sql`select pg_notify(${CHANNEL}, ${payload})`.execute(store.db);
    for (const e of events) this.notified.add(e.id);
    for (const e of notifiedInline) this.notified.add(e.id);
  }

  publish(events: LiveEvent[]): void {
    if (events.length === 0) return;
    this.hub.deliver(events);
    const rest = events.filter((e) => !this.notified.delete(e.id));
    for (const payload of this.payloads(rest)) this.pool.query('SELECT pg_notify($1, $2)', [CHANNEL, payload]).catch(this.onError);
  }

  /** NOTIFY payloads are limited to 8000 bytes: ids go in chunks of 500. */
  private payloads(events: readonly LiveEvent[]): string[] {
    const out: string[] = [];
    for (let i = 0; i < events.length; i += 500)
      out.push(
        `${this.nodeId}:${events
          .slice(i, i + 500)
          .map((e) => e.id)
          .join(',')}`,
      );
    return out;
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.listener) {
      await this.listener.end().catch(() => undefined);
      this.listener = undefined;
    }
  }
}
