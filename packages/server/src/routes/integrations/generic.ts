/**
 * @module routes/integrations/generic
 * The generic inbound webhook: any system that can send JSON and compute an HMAC. The body is the
 * shape of POST /api/messages (by conversation reference), signed like our outbound webhooks:
 *
 *   x-calmline-timestamp: 1732280000
 *   x-calmline-signature: v1=<hex HMAC-SHA256(secret, "1732280000" + "." + rawBody)>
 *
 *   {"conversation": {"channel": "chat", "externalId": "c-42", "language": "en", "customerRef": "cust-7"},
 *    "text": "…", "externalId": "m-1", "author": "customer"}
 */
import { LANGUAGES } from '@calmline/core';
import { z } from 'zod';
import { AUTHORS } from '../../store/types.js';
import { parseJsonBody, type Inbound } from './payload.js';

const Ref = z.string().min(1).max(200);

export const GenericBody = z.object({
  conversation: z.object({
    channel: z.string().min(1).max(64),
    externalId: Ref,
    language: z.enum(LANGUAGES).optional(),
    customerRef: Ref.optional(),
  }),
  text: z.string().min(1).max(5000),
  externalId: Ref.optional(),
  author: z.enum(AUTHORS).default('customer'),
});

export function parseGeneric(raw: Buffer): Inbound {
  const b = parseJsonBody(raw, GenericBody);
  return { message: { conversation: b.conversation, author: b.author, text: b.text, externalId: b.externalId } };
}
