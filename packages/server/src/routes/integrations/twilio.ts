/**
 * @module routes/integrations/twilio
 * Twilio Conversations post-event webhooks. Twilio posts application/x-www-form-urlencoded with
 * `EventType`, `ConversationSid`, `MessageSid`, `Body`, `Author`, `ParticipantSid`, `Index`, … Only
 * `onMessageAdded` is a message; every other event (and a message without text, e.g. media only, or one
 * authored by `system`) is acknowledged with 204 and ignored, so Twilio does not retry it.
 *
 * Ingested as: channel `twilio`, conversation externalId = ConversationSid, message externalId = MessageSid.
 * Who wrote it: Conversations only names the author. An author that is a messaging address (a phone number,
 * or `whatsapp:+…`, `messenger:…` and other `channel:address` forms) is the customer, and so is a missing
 * author; any other author is a chat identity, i.e. someone signed in to a Conversations SDK client, which in a
 * contact centre is the agent. (A set-up where customers also chat through the SDK should use the generic webhook.)
 * The customer's phone number or address is never stored: the route keeps a keyed pseudonym of it as
 * customerRef (HMAC under the server secret), so a block follows the customer without the number.
 *
 * Signature: see ./signatures (base64 HMAC-SHA1 under the account's auth token of the full URL + sorted params).
 */
import { AppError } from '../../http/errors.js';
import { clip, decodeText, type Inbound } from './payload.js';

/** A phone number, or `scheme:address` as Conversations writes non-chat participants' addresses. */
const ADDRESS = /^(\+?[\d\s().-]{5,}|[a-z][a-z0-9-]*:.+)$/i;

export function parseTwilio(params: URLSearchParams): Inbound {
  const event = params.get('EventType');
  if (event !== 'onMessageAdded') return { ignored: `EventType ${event ?? '(none)'} is not a message.` };
  const conversationSid = params.get('ConversationSid')?.trim();
  const messageSid = params.get('MessageSid')?.trim();
  if (!conversationSid || !messageSid || conversationSid.length > 200 || messageSid.length > 200)
    throw new AppError('validation_failed', 'An onMessageAdded event needs ConversationSid and MessageSid.');
  const author = params.get('Author')?.trim() ?? '';
  if (author === 'system') return { ignored: 'The message was written by the system, not a person.' };
  const text = clip((params.get('Body') ?? '').trim());
  if (text === '') return { ignored: 'The message has no text.' };
  const customer = author === '' || ADDRESS.test(author);
  return {
    message: {
      conversation: { channel: 'twilio', externalId: conversationSid },
      author: customer ? 'customer' : 'agent',
      text,
      externalId: messageSid,
      customerAddress: customer && author !== '' ? author : undefined,
    },
  };
}

/** The form parameters of a raw body (UTF-8; `+` is a space, as form encoding says). */
export function formParams(raw: Buffer): URLSearchParams {
  return new URLSearchParams(decodeText(raw));
}
