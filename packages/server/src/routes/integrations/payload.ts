/**
 * @module routes/integrations/payload
 * What every inbound adapter turns a platform's payload into (one message to ingest, or a reason to
 * ignore the delivery), and the strict body decoding they share: the raw bytes were kept for the
 * signature, so parsing happens here rather than in Fastify's parser.
 */
import type { Language } from '@calmline/core';
import sjson from 'secure-json-parse';
import type { z } from 'zod';
import { AppError } from '../../http/errors.js';
import type { Author } from '../../store/types.js';

/** The longest text ingested (as POST /api/messages allows); platforms can send longer, which is cut, not refused, so a retry loop never starts. */
export const MAX_TEXT = 5000;

export interface InboundMessage {
  conversation: { channel: string; externalId: string; language?: Language | undefined; customerRef?: string | undefined };
  author: Author;
  text: string;
  externalId?: string | undefined;
  /**
   * A personal address of the customer (a phone number) that must not be stored: the route turns it
   * into a keyed pseudonym for customerRef, so blocks can follow the customer without the number.
   */
  customerAddress?: string | undefined;
}

/** A delivery is either a message, or something the platform tells us about that is not one (answered 204). */
export type Inbound = { message: InboundMessage } | { ignored: string };

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** UTF-8 text of a body: invalid bytes are refused, never turned into U+FFFD and stored damaged. */
export function decodeText(raw: Buffer): string {
  try {
    return strictUtf8.decode(raw);
  } catch {
    throw new AppError('invalid_utf8');
  }
}

/** A JSON body checked against `schema`, with the same errors as the JSON routes. */
export function parseJsonBody<S extends z.ZodType>(raw: Buffer, schema: S): z.output<S> {
  const text = decodeText(raw);
  if (text.trim() === '') throw new AppError('empty_body');
  let value: unknown;
  try {
    value = sjson.parse(text, undefined, { protoAction: 'error', constructorAction: 'error' });
  } catch (err) {
    const why = err instanceof SyntaxError ? ` (${err.message})` : ' (it sets __proto__ or constructor.prototype)';
    throw new AppError('malformed_json', `The body is not valid JSON${why}.`);
  }
  return validate(value, schema);
}

export function validate<S extends z.ZodType>(value: unknown, schema: S): z.output<S> {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const details = r.error.issues.map((i) => ({ field: ['body', ...i.path.map(String)].join('.'), problem: i.message }));
  throw new AppError('validation_failed', `${details[0]!.field}: ${details[0]!.problem}`, details);
}

/** Text cut to MAX_TEXT without splitting a surrogate pair. */
export function clip(text: string): string {
  if (text.length <= MAX_TEXT) return text;
  const cut = text.slice(0, MAX_TEXT);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}
