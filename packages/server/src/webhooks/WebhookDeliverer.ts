/**
 * @module webhooks/WebhookDeliverer
 * Delivers the outbox at least once: POSTs each due item, signed, with a timeout; a 2xx answer
 * delivers it, anything else retries with exponential backoff until the attempts run out, each
 * attempt written to the delivery log. Only public addresses are reached unless the operator
 * allows internal ones (see pinnedPost); a refused delivery is logged like a failed attempt.
 */
import type { Store } from '../store/Store.js';
import { body, sign } from './payloads.js';
import { pinnedPost } from './pinnedPost.js';
import { WebhookRefusedError } from './urlPolicy.js';

export interface DelivererOptions {
  /** First retry after this long; doubles each time (capped at an hour). */
  backoffMs: number;
  maxAttempts: number;
  timeoutMs: number;
  /** webhookAllowPrivate: deliver to loopback, private and link-local addresses too. */
  allowPrivate: boolean;
  /** webhookAllowHosts: when not empty, the only hosts delivered to. */
  allowHosts: readonly string[];
}

export class WebhookDeliverer {
  private running = false;

  constructor(
    private readonly store: Store,
    private readonly options: DelivererOptions,
    private readonly onError: (err: unknown) => void,
  ) {}

  /** One pass over what is due (the server calls it on a timer). Returns how many were attempted. */
  async runOnce(): Promise<number> {
    if (this.running) return 0;
    this.running = true;
    try {
      const due = await this.store.webhooks.claimDue(50, this.options.timeoutMs + 30_000);
      await Promise.all(due.map((item) => this.deliver(item)));
      return due.length;
    } catch (err) {
      this.onError(err);
      return 0;
    } finally {
      this.running = false;
    }
  }

  private async deliver(item: Awaited<ReturnType<Store['webhooks']['claimDue']>>[number]): Promise<void> {
    const raw = body(item.format, item.eventId, item.eventKind, (item.payload ?? {}) as Record<string, unknown>, item.createdAt);
    const timestamp = Math.floor(Date.now() / 1000);
    const started = performance.now();
    let statusCode: number | null = null;
    let error: string | null = null;
    try {
      statusCode = await pinnedPost(
        item.url,
        {
          'content-type': 'application/json',
          'user-agent': 'Calmline-Webhooks/1',
          'x-calmline-event': item.eventKind,
          'x-calmline-event-id': item.eventId,
          'x-calmline-timestamp': String(timestamp),
          // The secret is opened here, for this signature only.
          'x-calmline-signature': sign(item.signingSecret(), timestamp, raw),
        },
        raw,
        { allowPrivate: this.options.allowPrivate, allowHosts: this.options.allowHosts, timeoutMs: this.options.timeoutMs },
      );
      if (statusCode < 200 || statusCode >= 300) error = `answered ${statusCode}`;
    } catch (err) {
      error = err instanceof WebhookRefusedError ? err.message : err instanceof Error ? `${err.name}: ${err.message}` : String(err);
    }
    const delivered = error === null;
    const attempt = item.attempts + 1;
    const retryAt =
      delivered || attempt >= this.options.maxAttempts
        ? null
        : new Date(Date.now() + Math.min(3600_000, this.options.backoffMs * 2 ** (attempt - 1))).toISOString();
    // The log row and the outbox state change together: nobody sees an attempt without its outcome.
    await this.store.transaction((tx) =>
      tx.webhooks.recordAttempt(item, { statusCode, error, durationMs: Math.round(performance.now() - started) }, { delivered, retryAt }),
    );
  }
}
