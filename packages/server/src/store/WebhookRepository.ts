/**
 * @module store/WebhookRepository
 * Webhook subscriptions, the outbox and the delivery log. The outbox is written inside the
 * transaction of the change it reports, so a webhook never announces something rolled back and
 * never misses something committed; the delivery worker claims due rows with a lease, so several
 * nodes can deliver without sending the same attempt twice at once. Signing secrets are stored
 * sealed (auth/sealed) and opened only when a delivery is signed.
 */
import type { Kysely, Selectable } from 'kysely';
import { NO_SEALER, type Sealer } from '../auth/sealed.js';
import type { DB, WebhookTable } from '../db/schema.js';
import { sealClearSecrets } from './sealClearSecrets.js';
import { newId, now, parseJson } from './ids.js';

export const WEBHOOK_FORMATS = ['generic', 'slack', 'teams'] as const;
export type WebhookFormat = (typeof WEBHOOK_FORMATS)[number];
export const WEBHOOK_EVENTS = ['alert.raised', 'alert.updated', 'incident.opened', 'webhook.test'] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

export interface Webhook {
  id: string;
  url: string;
  format: WebhookFormat;
  events: WebhookEvent[];
  disabled: boolean;
  createdAt: string;
}

export interface OutboxItem {
  id: number;
  orgId: string;
  webhookId: string;
  eventId: string;
  eventKind: WebhookEvent;
  payload: unknown;
  attempts: number;
  createdAt: string;
}

const present = (r: Selectable<WebhookTable>): Webhook => ({
  id: r.id,
  url: r.url,
  format: r.format as WebhookFormat,
  events: parseJson<WebhookEvent[]>(r.events, []),
  disabled: r.disabled === 1,
  createdAt: r.created_at,
});

/** What a webhook's sealed secret is bound to: it opens in this row only. */
const aadOf = (id: string) => `webhook:${id}`;

export class WebhookRepository {
  constructor(
    private readonly db: Kysely<DB>,
    private readonly sealer: Sealer = NO_SEALER,
  ) {}

  async create(w: { orgId: string; url: string; format: WebhookFormat; events: WebhookEvent[]; secret: string }): Promise<Webhook> {
    const id = newId();
    const row = {
      id,
      org_id: w.orgId,
      url: w.url,
      format: w.format,
      events: JSON.stringify(w.events),
      secret: this.sealer.seal(aadOf(id), w.secret),
      disabled: 0,
      created_at: now(),
    };
    await this.db.insertInto('webhooks').values(row).execute();
    return present(row);
  }

  async list(orgId: string): Promise<Webhook[]> {
    return (await this.db.selectFrom('webhooks').selectAll().where('org_id', '=', orgId).orderBy('created_at').execute()).map(present);
  }

  async get(orgId: string, id: string): Promise<Webhook | undefined> {
    const row = await this.db.selectFrom('webhooks').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
    return row && present(row);
  }

  async disable(orgId: string, id: string): Promise<void> {
    await this.db.updateTable('webhooks').set({ disabled: 1 }).where('org_id', '=', orgId).where('id', '=', id).execute();
  }

  /** One outbox row per active webhook subscribed to this kind of event. */
  async enqueue(orgId: string, kind: WebhookEvent, payload: unknown, onlyWebhookId?: string): Promise<number> {
    let q = this.db.selectFrom('webhooks').select(['id', 'events']).where('org_id', '=', orgId).where('disabled', '=', 0);
    if (onlyWebhookId) q = q.where('id', '=', onlyWebhookId);
    const hooks = (await q.execute()).filter((h) => onlyWebhookId !== undefined || parseJson<string[]>(h.events, []).includes(kind));
    const t = now();
    const eventId = newId();
    for (const h of hooks)
      await this.db
        .insertInto('outbox')
        .values({
          org_id: orgId,
          webhook_id: h.id,
          event_id: eventId,
          event_kind: kind,
          payload: JSON.stringify(payload),
          attempts: 0,
          next_attempt_at: t,
          delivered_at: null,
          dead: 0,
          last_error: null,
          created_at: t,
        })
        .execute();
    return hooks.length;
  }

  /** Seals the secrets of rows written in clear (before secrets were sealed); returns how many. */
  sealClearSecrets(): Promise<number> {
    return sealClearSecrets(this.db, 'webhooks', this.sealer, aadOf);
  }

  /**
   * Due rows, each claimed for `leaseMs` (another node skips a claimed row until its lease runs out).
   * `signingSecret()` opens the webhook's secret when the delivery is signed (it throws SealedSecretError
   * when it cannot be opened, which the deliverer logs as a failed attempt).
   */
  async claimDue(
    limit: number,
    leaseMs: number,
  ): Promise<(OutboxItem & { url: string; format: WebhookFormat; signingSecret(): string })[]> {
    const t = now();
    const due = await this.db
      .selectFrom('outbox')
      .innerJoin('webhooks', 'webhooks.id', 'outbox.webhook_id')
      .select([
        'outbox.id',
        'outbox.next_attempt_at',
        'outbox.org_id',
        'outbox.webhook_id',
        'outbox.event_id',
        'outbox.event_kind',
        'outbox.payload',
        'outbox.attempts',
        'outbox.created_at',
        'webhooks.url',
        'webhooks.format',
        'webhooks.secret',
      ])
      .where('outbox.delivered_at', 'is', null)
      .where('outbox.dead', '=', 0)
      .where('outbox.next_attempt_at', '<=', t)
      .where('webhooks.disabled', '=', 0)
      .orderBy('outbox.id')
      .limit(limit)
      .execute();
    const lease = new Date(Date.now() + leaseMs).toISOString();
    const claimed = [];
    for (const r of due) {
      const res = await this.db
        .updateTable('outbox')
        .set({ next_attempt_at: lease })
        .where('id', '=', r.id)
        .where('next_attempt_at', '=', r.next_attempt_at)
        .executeTakeFirst();
      if (Number(res.numUpdatedRows) !== 1) continue;
      claimed.push({
        id: Number(r.id),
        orgId: r.org_id,
        webhookId: r.webhook_id,
        eventId: r.event_id,
        eventKind: r.event_kind as WebhookEvent,
        payload: parseJson(r.payload, null),
        attempts: r.attempts,
        createdAt: r.created_at,
        url: r.url,
        format: r.format as WebhookFormat,
        signingSecret: () => this.sealer.open(aadOf(r.webhook_id), r.secret),
      });
    }
    return claimed;
  }

  async recordAttempt(
    item: OutboxItem,
    result: { statusCode: number | null; error: string | null; durationMs: number },
    next: { delivered: boolean; retryAt: string | null },
  ): Promise<void> {
    const attempt = item.attempts + 1;
    await this.db
      .insertInto('webhook_deliveries')
      .values({
        outbox_id: item.id,
        webhook_id: item.webhookId,
        attempt,
        status_code: result.statusCode,
        error: result.error,
        duration_ms: result.durationMs,
        created_at: now(),
      })
      .execute();
    await this.db
      .updateTable('outbox')
      .set({
        attempts: attempt,
        last_error: result.error,
        ...(next.delivered ? { delivered_at: now() } : next.retryAt ? { next_attempt_at: next.retryAt } : { dead: 1 }),
      })
      .where('id', '=', item.id)
      .execute();
  }

  async deliveries(webhookId: string, limit: number) {
    const rows = await this.db
      .selectFrom('webhook_deliveries')
      .innerJoin('outbox', 'outbox.id', 'webhook_deliveries.outbox_id')
      .select([
        'webhook_deliveries.id',
        'webhook_deliveries.attempt',
        'webhook_deliveries.status_code',
        'webhook_deliveries.error',
        'webhook_deliveries.duration_ms',
        'webhook_deliveries.created_at',
        'outbox.event_id',
        'outbox.event_kind',
        'outbox.delivered_at',
        'outbox.dead',
      ])
      .where('webhook_deliveries.webhook_id', '=', webhookId)
      .orderBy('webhook_deliveries.id', 'desc')
      .limit(limit)
      .execute();
    return rows.map((r) => ({
      id: Number(r.id),
      eventId: r.event_id,
      event: r.event_kind,
      attempt: r.attempt,
      statusCode: r.status_code,
      error: r.error,
      durationMs: r.duration_ms,
      at: r.created_at,
      delivered: r.delivered_at !== null,
      gaveUp: r.dead === 1,
    }));
  }
}
