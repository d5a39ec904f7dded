/**
 * @module routes/integrations/zendesk
 * Zendesk ticket comments. A Zendesk webhook has no fixed payload for trigger deliveries: the admin
 * writes the JSON body of the trigger action with placeholders. Calmline expects this shape:
 *
 *   {
 *     "ticket":  { "id": 35436, "requester_id": 20978392 },
 *     "comment": { "id": 1274, "body": "…the comment text…", "author": { "id": 20978392, "role": "end-user" } }
 *   }
 *
 * filled from placeholders such as `{{ticket.id}}`, `{{ticket.requester.id}}` and `{{current_user.role}}` (the
 * comment id and text placeholders are in Zendesk's placeholder reference). Ids may be numbers or strings.
 * Ingested as: channel `zendesk`, conversation externalId = ticket id, message externalId = comment id (so
 * Zendesk's retries are answered, not stored twice), customerRef = requester id, author `agent` when the
 * comment's author role is `agent` or `admin`, otherwise `customer` (an unknown role is treated as the
 * customer: missing a customer's abuse is the worse mistake). An empty comment is acknowledged and ignored.
 *
 * Signature: see ./signatures (base64 HMAC-SHA256 of timestamp + raw body under the webhook's signing secret).
 */
import { z } from 'zod';
import { clip, parseJsonBody, type Inbound } from './payload.js';

const ZendeskId = z.union([z.string().trim().min(1).max(200), z.number().int().nonnegative()]).transform(String);

export const ZendeskBody = z.object({
  ticket: z.object({ id: ZendeskId, requester_id: ZendeskId.optional() }),
  comment: z.object({
    id: ZendeskId,
    body: z.string().max(1_000_000),
    author: z.object({ id: ZendeskId.optional(), role: z.string().max(64).optional() }).optional(),
  }),
});

const AGENT_ROLES = new Set(['agent', 'admin']);

export function parseZendesk(raw: Buffer): Inbound {
  const b = parseJsonBody(raw, ZendeskBody);
  const text = clip(b.comment.body.trim());
  if (text === '') return { ignored: 'The comment has no text.' };
  const role = b.comment.author?.role?.trim().toLowerCase();
  return {
    message: {
      conversation: { channel: 'zendesk', externalId: b.ticket.id, customerRef: b.ticket.requester_id },
      author: role !== undefined && AGENT_ROLES.has(role) ? 'agent' : 'customer',
      text,
      externalId: b.comment.id,
    },
  };
}
