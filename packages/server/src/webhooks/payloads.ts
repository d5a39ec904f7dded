/**
 * @module webhooks/payloads
 * Bodies for each webhook format: generic JSON (the event as it is), a Slack incoming-webhook
 * message (`text` plus mrkdwn `blocks`), and a Microsoft Teams incoming-webhook MessageCard.
 */
import { createHmac } from 'node:crypto';
import type { WebhookEvent, WebhookFormat } from '../store/WebhookRepository.js';

/** One line a person reads in a chat channel. Kept in English: channels are shared by the organisation. */
export function headline(kind: WebhookEvent, payload: Record<string, unknown>): string {
  switch (kind) {
    case 'alert.raised':
      return `Calmline alert: ${String(payload.kind).replace('_', ' ')} (${String(payload.severity)}) in a conversation`;
    case 'alert.updated':
      return `Calmline alert ${String(payload.status)}: ${String(payload.kind).replace('_', ' ')} (${String(payload.severity)})`;
    case 'incident.opened':
      return `Calmline incident opened: ${String(payload.conduct).replace('_', ' ')}`;
    default:
      return 'Calmline test delivery: this webhook works.';
  }
}

export function body(
  format: WebhookFormat,
  eventId: string,
  kind: WebhookEvent,
  payload: Record<string, unknown>,
  createdAt: string,
): string {
  const line = headline(kind, payload);
  const link = typeof payload.conversationId === 'string' ? `conversation ${payload.conversationId}` : '';
  if (format === 'slack')
    return JSON.stringify({
      text: line,
      blocks: [{ type: 'section', text: { type: 'mrkdwn', text: `*${line}*${link ? `\n${link}` : ''}` } }],
    });
  if (format === 'teams')
    return JSON.stringify({
      '@type': 'MessageCard',
      '@context': 'https://schema.org/extensions',
      summary: line,
      themeColor: payload.severity === 'critical' ? 'C50F1F' : 'F2C811',
      title: line,
      text: link || ' ',
    });
  return JSON.stringify({ id: eventId, event: kind, createdAt, data: payload });
}

/**
 * `v1=<hex HMAC-SHA256(secret, timestamp + "." + body)>`: receivers recompute it and refuse bodies
 * whose timestamp is outside their replay window (five minutes is usual).
 * @example sign('whsec_…', 1700000000, '{}')
 */
export function sign(secret: string, timestamp: number | string, rawBody: string | Buffer): string {
  return `v1=${createHmac('sha256', secret).update(`${timestamp}.`).update(rawBody).digest('hex')}`;
}
