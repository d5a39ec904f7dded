/**
 * @module live/Notifier
 * Carries event ids between app nodes. On SQLite there is one node, so publishing is delivering.
 * On PostgreSQL each node LISTENs on one channel; a publish delivers to this node's sockets at once
 * and NOTIFYs `node:id,id,…`; other nodes load those events by id and deliver them to theirs.
 */
import type pg from 'pg';
import type { LiveEventRepository } from '../store/LiveEventRepository.js';
import type { LiveEvent } from '../store/types.js';
import type { LiveHub } from './LiveHub.js';

const CHANNEL = 'calmline_live';

export interface Notifier {
  publish(events: LiveEvent[]): void;
  close(): Promise<void>;
}

export class LocalNotifier implements Notifier {
  constructor(private readonly hub: LiveHub) {}
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

  publish(events: LiveEvent[]): void {
    if (events.length === 0) return;
    this.hub.deliver(events);
    // NOTIFY payloads are limited to 8000 bytes: send ids in chunks.
    for (let i = 0; i < events.length; i += 500) {
      const ids = events
        .slice(i, i + 500)
        .map((e) => e.id)
        .join(',');
      this.pool.query('SELECT pg_notify($1, $2)', [CHANNEL, `${this.nodeId}:${ids}`]).catch(this.onError);
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.listener) {
      await this.listener.end().catch(() => undefined);
      this.listener = undefined;
    }
  }
}
