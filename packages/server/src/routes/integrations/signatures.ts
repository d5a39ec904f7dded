/**
 * @module routes/integrations/signatures
 * How each platform signs the requests it sends us, and the checks, as pure functions (the tests
 * run the platforms' published examples through them). Every comparison is constant-time
 * (timingSafeEqual) so the time an answer takes says nothing about how much of a guess was right.
 *
 * - Calmline generic (our own scheme, the same as our outbound webhooks):
 *   `x-calmline-timestamp: <unix seconds>`, `x-calmline-signature: v1=<hex HMAC-SHA256(secret, timestamp + "." + rawBody)>`.
 * - Zendesk (developer.zendesk.com/documentation/webhooks/verifying):
 *   `X-Zendesk-Webhook-Signature: base64(HMAC-SHA256(signingSecret, timestamp + rawBody))`, no separator, where the
 *   timestamp is the `X-Zendesk-Webhook-Signature-Timestamp` header as sent (ISO 8601, e.g. `2021-07-25T10:00:00Z`).
 * - Twilio (twilio.com/docs/usage/security#validating-requests):
 *   `X-Twilio-Signature: base64(HMAC-SHA1(authToken, fullUrl + key1 + value1 + key2 + value2 …))`, the full URL
 *   with its query string, the POST parameters sorted by name (case-sensitive, code-unit order). Twilio has no
 *   timestamp: a replayed delivery is harmless because the message id makes ingest idempotent.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { sign } from '../../webhooks/payloads.js';

/** How far a signed timestamp may be from our clock, either way: a captured request is useless after this. */
export const REPLAY_WINDOW_SECONDS = 5 * 60;

/** Why a request was refused: `stale` when the signature may be right but the timestamp is outside the window. */
export type Verdict = { ok: true } | { ok: false; reason: 'missing' | 'mismatch' | 'stale' };

const OK: Verdict = { ok: true };

/** Constant-time equality of two strings (different lengths are unequal without comparing contents). */
export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}

function withinWindow(signedAtMs: number, nowMs: number): boolean {
  return Number.isFinite(signedAtMs) && Math.abs(nowMs - signedAtMs) <= REPLAY_WINDOW_SECONDS * 1000;
}

/** Our own scheme, the same function that signs our outbound webhooks. @example genericSignature('s', '1700000000', Buffer.from('{}')) */
export const genericSignature = (secret: string, timestamp: string, rawBody: Buffer): string => sign(secret, timestamp, rawBody);

type Headers = { timestamp: string | undefined; signature: string | undefined };

/**
 * The check both timestamped schemes share. The signature is checked first: an unsigned caller
 * learns nothing about our clock.
 */
function verifyTimestamped(
  headers: Headers,
  expected: (timestamp: string) => string,
  signedAtMs: (timestamp: string) => number,
  nowMs: number,
): Verdict {
  const { timestamp, signature } = headers;
  if (!timestamp || !signature) return { ok: false, reason: 'missing' };
  if (!safeEqual(expected(timestamp), signature)) return { ok: false, reason: 'mismatch' };
  if (!withinWindow(signedAtMs(timestamp), nowMs)) return { ok: false, reason: 'stale' };
  return OK;
}

export function verifyGeneric(secret: string, headers: Headers, rawBody: Buffer, nowMs = Date.now()): Verdict {
  return verifyTimestamped(
    headers,
    (ts) => genericSignature(secret, ts, rawBody),
    (ts) => (/^\d{1,12}$/.test(ts) ? Number(ts) * 1000 : NaN),
    nowMs,
  );
}

/** @example zendeskSignature(secret, '2021-07-25T10:00:00Z', Buffer.from('{"say": "hello"}')) */
export function zendeskSignature(secret: string, timestamp: string, rawBody: Buffer): string {
  return createHmac('sha256', secret).update(timestamp).update(rawBody).digest('base64');
}

export function verifyZendesk(secret: string, headers: Headers, rawBody: Buffer, nowMs = Date.now()): Verdict {
  return verifyTimestamped(
    headers,
    (ts) => zendeskSignature(secret, ts, rawBody),
    (ts) => Date.parse(ts),
    nowMs,
  );
}

/** The POST parameters of a form body, in the order Twilio signs them: by name, then (repeated names) by value. */
function twilioData(url: string, params: URLSearchParams | Record<string, string | string[]>): string {
  const byKey = new Map<string, string[]>();
  const entries =
    params instanceof URLSearchParams ? [...params] : Object.entries(params).flatMap(([k, v]) => [v].flat().map((x) => [k, x]));
  for (const [k, v] of entries) byKey.set(k!, [...(byKey.get(k!) ?? []), v!]);
  let data = url;
  // Array.prototype.sort compares UTF-16 code units: Twilio's "Unix-style case-sensitive" order for ASCII names.
  for (const key of [...byKey.keys()].sort()) for (const value of byKey.get(key)!.sort()) data += key + value;
  return data;
}

/** @example twilioSignature('12345', 'https://mycompany.com/myapp.php?foo=1&bar=2', { CallSid: 'CA…', … }) */
export function twilioSignature(authToken: string, url: string, params: URLSearchParams | Record<string, string | string[]>): string {
  return createHmac('sha1', authToken).update(twilioData(url, params), 'utf8').digest('base64');
}

/**
 * The URL as Twilio may have signed it. Twilio signs the URL it was configured with; behind a proxy or
 * on a default port the Host header may or may not carry the port, so (like Twilio's own helper
 * libraries) both forms are accepted.
 */
export function twilioUrlVariants(url: string): string[] {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return [url];
  }
  const defaultPort = parsed.protocol === 'https:' ? '443' : parsed.protocol === 'http:' ? '80' : '';
  const variants = new Set([url]);
  const rest = `${parsed.pathname}${parsed.search}`;
  if (parsed.port === '' && defaultPort) variants.add(`${parsed.protocol}//${parsed.hostname}:${defaultPort}${rest}`);
  if (parsed.port === '' || parsed.port === defaultPort) variants.add(`${parsed.protocol}//${parsed.hostname}${rest}`);
  return [...variants];
}

export function verifyTwilio(authToken: string, signature: string | undefined, url: string, params: URLSearchParams): Verdict {
  if (!signature) return { ok: false, reason: 'missing' };
  // Every variant is computed and compared, so the time taken does not depend on which one matched.
  let match = false;
  for (const u of twilioUrlVariants(url)) match = safeEqual(twilioSignature(authToken, u, params), signature) || match;
  return match ? OK : { ok: false, reason: 'mismatch' };
}
